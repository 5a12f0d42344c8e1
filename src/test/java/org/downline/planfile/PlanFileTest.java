package org.downline.planfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.downline.commission.CustomerBonus;
import org.downline.commission.FastStartBonus;
import org.downline.commission.MatchingBonus;
import org.downline.commission.Plan;
import org.downline.commission.RankAdvancementBonus;
import org.downline.commission.Rate;
import org.downline.commission.Requirement;
import org.downline.commission.UnilevelBonus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PlanFileTest {
  @Test
  void builtInDemoIsTheSpecPlan() {
    Plan p = PlanFile.builtIn("demo");
    assertThat(p.activePv()).isEqualTo(100_00);
    assertThat(p.ranks()).extracting(r -> r.name()).containsExactly("member", "bronze", "silver", "gold", "platinum");
    assertThat(p.ranks().get(0).requirements()).isEmpty();
    assertThat(p.ranks().get(1).requirements()).containsExactly(new Requirement.MinGv(500_00));
    assertThat(p.ranks().get(2).requirements())
        .containsExactly(new Requirement.MinGv(2000_00), new Requirement.MinLegsWithRank(2, 1));
    assertThat(p.ranks().get(3).requirements())
        .containsExactly(new Requirement.MinCappedGv(6000_00, 3000_00), new Requirement.MinLegsWithRank(2, 2));
    assertThat(p.ranks().get(4).requirements())
        .containsExactly(new Requirement.MinCappedGv(20000_00, 8000_00), new Requirement.MinLegsWithRank(3, 3));
    assertThat(p.ranks().subList(1, 5)).allMatch(r -> r.requiresActive());
    assertThat(p.bonuses().get(0)).isEqualTo(new CustomerBonus("customer", Rate.ofPpm(200_000)));
    assertThat(p.bonuses().get(1)).isEqualTo(new FastStartBonus("fast_start", 30, Rate.ofPpm(250_000), true));
    assertThat(p.bonuses().get(2)).isEqualTo(new UnilevelBonus("unilevel",
        List.of(Rate.ofPpm(50_000), Rate.ofPpm(50_000), Rate.ofPpm(60_000), Rate.ofPpm(60_000), Rate.ofPpm(40_000),
            Rate.ofPpm(40_000), Rate.ofPpm(30_000)), new int[] {2, 3, 4, 6, 7}, true));
    assertThat(p.bonuses().get(3)).isEqualTo(new MatchingBonus("matching", "unilevel",
        List.of(new MatchingBonus.Generation(Rate.ofPpm(100_000), 3), new MatchingBonus.Generation(Rate.ofPpm(50_000), 4))));
    assertThat(p.bonuses().get(4)).isEqualTo(new RankAdvancementBonus("rank_advancement", new long[] {0, 0, 100_00, 500_00, 2000_00}));
    assertThat(p.cap()).isEqualTo(new Plan.PayoutCap(Rate.ofPpm(500_000), List.of("customer", "fast_start"), List.of("unilevel", "matching")));
    assertThat(p.clawback()).isEqualTo(new Plan.Clawback("clawback", List.of("customer", "fast_start", "unilevel", "matching")));
    assertThat(p.lineKinds()).containsExactly("customer", "fast_start", "unilevel", "matching", "rank_advancement", "clawback");
  }

  @Test
  void ratesAreExactFromPercentOrFraction() {
    String yaml = DEMO_MIN.replace("rate: 20%", "rate: 0.125");
    assertThat(((CustomerBonus) PlanFile.parse("p.yaml", yaml).bonuses().get(0)).rate().ppm()).isEqualTo(125_000);
    yaml = DEMO_MIN.replace("rate: 20%", "rate: 1.2345%");
    assertThat(((CustomerBonus) PlanFile.parse("p.yaml", yaml).bonuses().get(0)).rate().ppm()).isEqualTo(12_345);
  }

  static final String DEMO_MIN = """
      plan: mini
      active: {pv: 100}
      ranks:
        - name: member
        - name: bronze
          active: true
          gv: 500
      bonuses:
        - type: customer
          rate: 20%
        - type: unilevel
          rates: [5%, 5%]
          levels_by_rank: {member: 1, bronze: 2}
      """;

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "rate: 20%|rate: 20x|p.yaml: bonuses[0].rate: '20x' is not a rate (write 5% or 0.05)",
      "rate: 20%|rate: 0.0000001|p.yaml: bonuses[0].rate: '0.0000001' is finer than 0.0001%",
      "rate: 20%|rate: 150%|p.yaml: bonuses[0].rate: a rate above 100% is surely a mistake",
      "rate: 20%|rat: 20%|p.yaml: bonuses[0].rat: unknown key (allowed here: name, rate, type)",
      "gv: 500|gv: 5.001|p.yaml: ranks[1].gv: '5.001' is not an amount with at most two decimals",
      "gv: 500|legs: {count: 1, rank: gold}|p.yaml: ranks[1].legs.rank: unknown rank 'gold' (ranks: member, bronze)",
      "gv: 500|legs: {count: 1, rank: bronze}|p.yaml: ranks[1].legs.rank: a rank's legs may only require lower ranks",
      "{member: 1, bronze: 2}|{member: 1}|p.yaml: bonuses[1].levels_by_rank: rank 'bronze' is missing",
      "{member: 1, bronze: 2}|{member: 1, bronze: 3}|p.yaml: bonuses[1].levels_by_rank.bronze: must be between 0 and 2",
      "type: customer|type: retail|p.yaml: bonuses[0].type: unknown bonus type 'retail'",
      "active: {pv: 100}|activ: {pv: 100}|p.yaml: activ: unknown key",
      "plan: mini|plan: [a, b]|p.yaml: plan: must be a single value",
  })
  void errorsNameTheKeyAndTheProblem(String from, String to, String message) {
    assertThat(DEMO_MIN).contains(from);
    assertThatThrownBy(() -> PlanFile.parse("p.yaml", DEMO_MIN.replace(from, to)))
        .isInstanceOf(org.downline.core.InvalidInputException.class).hasMessageStartingWith(message);
  }

  @Test
  void moreErrors() {
    assertThatThrownBy(() -> PlanFile.parse("p.yaml", DEMO_MIN + "  - type: matching\n    of: team\n    generations: [{rate: 10%, min_rank: bronze}]\n"))
        .hasMessageStartingWith("p.yaml: bonuses[2].of: 'team' is not a bonus declared before this one");
    assertThatThrownBy(() -> PlanFile.parse("p.yaml", DEMO_MIN + "cap: {share_of_cv: 50%, scaled: [unilevl]}\n"))
        .hasMessageStartingWith("p.yaml: cap.scaled[0]: unknown bonus 'unilevl' (bonuses: customer, unilevel)");
    assertThatThrownBy(() -> PlanFile.parse("p.yaml", DEMO_MIN.replace("ranks:", "ranks: [")))
        .hasMessageStartingWith("p.yaml: not valid YAML");
    assertThatThrownBy(() -> PlanFile.parse("p.yaml", DEMO_MIN.replace("  - name: member\n", "  - name: member\n    gv: 1\n")))
        .hasMessageStartingWith("p.yaml: ranks[0]: the first rank is every distributor's floor");
    assertThatThrownBy(() -> PlanFile.parse("p.yaml", DEMO_MIN + "  - type: customer\n    rate: 1%\n"))
        .hasMessageStartingWith("p.yaml: bonuses[2].name: bonus 'customer' is declared twice");
  }
}
