package org.downline.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class VerdictsTest {
  static final Objective LOYALTY = new Objective("loyal", "Customers come back", Measure.REPEAT_RATE, 90, 5000,
      Shop.day("2025-12-31"));
  static final Objective SURVEY = new Objective("respect", "Respected", Measure.MANUAL, 0, 800, Shop.day("2025-12-31"));

  static Tactic tactic(String code, List<String> objectives) {
    return new Tactic(code, code, "web", null, Tactic.NO_DAY, Tactic.NO_DAY, 0, null, objectives, List.of());
  }

  @Test
  void theRuleEnoughMembersThenTheMargin() {
    // 29 members are too few whatever the figures.
    assertThat(Verdicts.judge("T", LOYALTY, new Measures.Value(9000, 29), new Measures.Value(5000, 100)).kind())
        .isEqualTo(Verdicts.Kind.NONE);
    // 30 members, 52.49% against 50.00%: 2.49 points < 5% of 50.00 = 2.50: no measurable effect.
    assertThat(Verdicts.judge("T", LOYALTY, new Measures.Value(5249, 30), new Measures.Value(5000, 100)).kind())
        .isEqualTo(Verdicts.Kind.NONE);
    // 52.50% is exactly 5% above: toward. 47.50% exactly 5% below: away.
    assertThat(Verdicts.judge("T", LOYALTY, new Measures.Value(5250, 30), new Measures.Value(5000, 100)).kind())
        .isEqualTo(Verdicts.Kind.TOWARD);
    assertThat(Verdicts.judge("T", LOYALTY, new Measures.Value(4750, 30), new Measures.Value(5000, 100)).kind())
        .isEqualTo(Verdicts.Kind.AWAY);
    // No one to measure, and a hand-entered measure: no measurable effect, each with its reason.
    assertThat(Verdicts.judge("T", LOYALTY, null, new Measures.Value(5000, 100)).reason())
        .isEqualTo("too few customers: 0 (at least 30)");
    assertThat(Verdicts.judge("T", SURVEY, null, null).reason()).isEqualTo("entered by hand: not measured per tactic");
  }

  /**
   * 30 customers came with EDU and each bought again 30 days later; 30 came with BLAST and never
   * again. Window 2025-01-01 .. 2025-12-31; everyone's first sale is in January, so all are eligible.
   * EDU: 30 / 30 = 100%; BLAST: 0 / 30 = 0%; everyone: 30 / 60 = 50%. EDU toward, BLAST away; QUIET
   * brought no one (too few); POST serves no objective: listed apart.
   */
  @Test
  void perTacticAgainstTheCompanyAndTheUnlinkedApart() {
    Shop s = new Shop().member("D0 d - 2024-01-01");
    for (int k = 0; k < 30; k++) {
      s.member("E" + k + " c D0 2025-01-01").member("B" + k + " c D0 2025-01-01");
      s.order("e" + k + " E" + k + " 2025-01-05 20.00 EDU").order("e" + k + "x E" + k + " 2025-02-04 20.00");
      s.order("b" + k + " B" + k + " 2025-01-06 20.00 BLAST");
    }
    Measures m = new Measures(s.network(), s.book(), Set.of("EDU"));
    List<Tactic> tactics = List.of(tactic("BLAST", List.of("loyal")), tactic("EDU", List.of("loyal", "respect")),
        tactic("POST", List.of()), tactic("QUIET", List.of("loyal")));
    Verdicts.Result r = Verdicts.compute(m, tactics, Map.of("loyal", LOYALTY, "respect", SURVEY), s.network().size(),
        s.book(), Shop.day("2025-01-01"), Shop.day("2025-12-31"));
    assertThat(r.unlinked()).extracting(Tactic::code).containsExactly("POST");
    assertThat(r.verdicts()).extracting(v -> v.tactic() + "/" + v.objective() + "=" + v.kind().code())
        .containsExactly("BLAST/loyal=away", "EDU/loyal=toward", "EDU/respect=no-measurable-effect",
            "QUIET/loyal=no-measurable-effect");
    Verdicts.Verdict edu = r.verdicts().get(1);
    assertThat(edu.tacticValue()).isEqualTo(new Measures.Value(10000, 30));
    assertThat(edu.companyValue()).isEqualTo(new Measures.Value(5000, 60));
    assertThat(r.verdicts().get(0).tacticValue()).isEqualTo(new Measures.Value(0, 30));
  }
}
