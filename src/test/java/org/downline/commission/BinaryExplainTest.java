package org.downline.commission;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.downline.cli.Downline;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Explain for the binary plan: the two legs, the pairing, and why qualified or not (figures of BinaryPlanRulesTest). */
class BinaryExplainTest {
  @TempDir Path dir;

  private String explain(Scenario s, String member, String period) {
    Scenario.Outcome out = s.run(dir);
    assertThat(out.exit()).as(out.err()).isZero();
    StringWriter text = new StringWriter();
    CommandLine cl = Downline.commandLine();
    cl.setOut(new PrintWriter(text, true));
    int exit = cl.execute("commissions", "explain", "--member", member, "--period", period, "--plan", "binary",
        "--members", dir.resolve("members.csv").toString(), "--orders", dir.resolve("orders.csv").toString());
    assertThat(exit).isZero();
    return text.toString();
  }

  /** The company of BinaryPlanRulesTest.legsQualificationRanksPayAndMatchInOnePeriod. */
  private static Scenario company() {
    return BinaryPlanRulesTest.oneMonth();
  }

  @Test
  void aQualifiedDistributorsLegsPairingAndRecruitsOnEachSide() {
    String text = explain(company(), "R", "2026-10");
    // R left = A 3000 + C 100 + K 50 + D 200 = 3350; right = B 500 + E 2000 = 2500; paired 2500.
    assertThat(text).contains("R in 2026-10: rank ruby, Active")
        .contains("left  (head A): carry in 0.00, new 3350.00, returned 0.00: volume 3350.00; paired 2500.00; carry out 850.00")
        .contains("right (head B): carry in 0.00, new 2500.00, returned 0.00: volume 2500.00; paired 2500.00; carry out 0.00")
        .contains("qualified (sponsored Active left: A; right: B, E)")
        .contains("paired 2500.00 (the lesser leg, used up in full)")
        .contains("qualified (Active, with 1 sponsored Active on each leg) 1 >= 1 met")
        .contains("lesser leg volume 2500.00 >= 2000.00 met")
        .contains("lesser leg volume 2500.00 < 10000.00 missed")
        .contains("binary               250.00  order - by -, level 0, rate 10%")
        .contains("binary_match           3.00  order - by A, level 1, rate 20%")
        .contains("Next rank: diamond")
        .contains("7500.00 lesser leg volume more");
  }

  @Test
  void whyNotQualified() {
    // B: left leg E (R's recruit, not B's), right leg empty; B sponsored nobody.
    String text = explain(company(), "B", "2026-10");
    assertThat(text).contains("left  (head E): carry in 0.00, new 2000.00, returned 0.00: volume 2000.00; paired 0.00; carry out 2000.00")
        .contains("right (head -): carry in 0.00, new 0.00, returned 0.00: volume 0.00; paired 0.00; carry out 0.00")
        .contains("not qualified: 0 of 1 sponsored Active on the left, 0 of 1 sponsored Active on the right"
            + " (sponsored Active left: none; right: none)")
        .contains("nothing paired");
  }
}
