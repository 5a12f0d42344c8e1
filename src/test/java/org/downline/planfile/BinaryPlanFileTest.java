package org.downline.planfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.downline.commission.BinaryBonus;
import org.downline.commission.CustomerBonus;
import org.downline.commission.MatchingBonus;
import org.downline.commission.Plan;
import org.downline.commission.Rate;
import org.downline.commission.Requirement;
import org.junit.jupiter.api.Test;

/** The binary rule types in the plan format: the bundled plan is the spec's, and bad keys are named. */
class BinaryPlanFileTest {
  @Test
  void builtInBinaryIsTheSpecPlan() {
    Plan p = PlanFile.builtIn("binary");
    assertThat(p.activePv()).isEqualTo(100_00);
    assertThat(p.legs()).isEqualTo(new Plan.Legs(20000_00, 1));
    assertThat(p.ranks()).extracting(r -> r.name()).containsExactly("member", "star", "ruby", "diamond");
    assertThat(p.ranks().get(1).requirements()).containsExactly(new Requirement.Qualified());
    assertThat(p.ranks().get(2).requirements()).containsExactly(new Requirement.Qualified(), new Requirement.MinLesserLeg(2000_00));
    assertThat(p.ranks().get(3).requirements()).containsExactly(new Requirement.Qualified(), new Requirement.MinLesserLeg(10000_00));
    assertThat(p.bonuses().get(0)).isEqualTo(new CustomerBonus("customer", Rate.ofPpm(200_000)));
    assertThat(p.bonuses().get(1)).isEqualTo(new BinaryBonus("binary", Rate.ofPpm(100_000), new long[] {0, 100_00, 500_00, 2500_00}));
    assertThat(p.bonuses().get(2)).isEqualTo(new MatchingBonus("binary_match", "binary",
        List.of(new MatchingBonus.Generation(Rate.ofPpm(200_000), 1), new MatchingBonus.Generation(Rate.ofPpm(100_000), 2))));
    assertThat(p.cap()).isNull();
    assertThat(p.clawback()).isEqualTo(new Plan.Clawback("clawback", List.of("customer")));
    assertThat(p.lineKinds()).containsExactly("customer", "binary", "binary_match", "clawback");
  }

  static final String MIN = """
      plan: mini
      active: {pv: 100}
      legs: {tree: placement, carry_limit: 500}
      ranks:
        - name: member
        - name: star
          qualified: true
      bonuses:
        - type: binary
          rate: 10%
          cap_by_rank: {member: 0, star: 100}
      """;

  @Test
  void withoutCarryLimitOrQualificationTheLegsHaveNone() {
    Plan p = PlanFile.parse("p.yaml", MIN.replace(", carry_limit: 500", ""));
    assertThat(p.legs()).isEqualTo(new Plan.Legs(Plan.Legs.NO_LIMIT, 0));
  }

  @Test
  void errorsNameTheKey() {
    assertThatThrownBy(() -> PlanFile.parse("p.yaml", MIN.replace("legs: {tree: placement, carry_limit: 500}\n", "")))
        .hasMessageStartingWith("p.yaml: ranks[1].qualified: qualification is on the placement tree's legs");
    assertThatThrownBy(() -> PlanFile.parse("p.yaml", MIN.replace("legs: {tree: placement, carry_limit: 500}\n", "")
        .replace("    qualified: true\n", "")))
        .hasMessageStartingWith("p.yaml: bonuses[0].type: a binary bonus pays on the placement tree");
    assertThatThrownBy(() -> PlanFile.parse("p.yaml", MIN.replace("tree: placement", "tree: sponsor")))
        .hasMessageStartingWith("p.yaml: legs.tree: 'sponsor' is not a tree a plan can pay on (placement)");
    assertThatThrownBy(() -> PlanFile.parse("p.yaml", MIN.replace("carry_limit: 500", "carry_limit: -1")))
        .hasMessageStartingWith("p.yaml: legs.carry_limit: must not be negative");
    assertThatThrownBy(() -> PlanFile.parse("p.yaml", MIN.replace("carry_limit: 500", "carry_limt: 500")))
        .hasMessageStartingWith("p.yaml: legs.carry_limt: unknown key");
    assertThatThrownBy(() -> PlanFile.parse("p.yaml", MIN.replace("{member: 0, star: 100}", "{star: 100}")))
        .hasMessageStartingWith("p.yaml: bonuses[0].cap_by_rank: rank 'member' is missing");
    assertThatThrownBy(() -> PlanFile.parse("p.yaml", MIN.replace("{member: 0, star: 100}", "{member: 0, star: 100, gold: 5}")))
        .hasMessageStartingWith("p.yaml: bonuses[0].cap_by_rank.gold: unknown rank 'gold'");
    assertThatThrownBy(() -> PlanFile.parse("p.yaml", MIN.replace("qualified: true", "lesser_leg: lots")))
        .hasMessageStartingWith("p.yaml: ranks[1].lesser_leg: 'lots' is not an amount");
  }
}
