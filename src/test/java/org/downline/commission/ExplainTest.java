package org.downline.commission;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.downline.cli.Downline;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Explain and next rank for the compression example of DemoPlanRulesTest. */
class ExplainTest {
  @TempDir Path dir;

  private Scenario company() {
    // A (pv 100) - B (pv 50, not Active) - C (pv 100) - D (pv 200, joined 2026-09-20).
    return new Scenario()
        .distributor("A", null, "2026-01-01").distributor("B", "A", "2026-01-01").distributor("C", "B", "2026-01-01")
        .distributor("D", "C", "2026-09-20")
        .sale("o1", "A", "2026-10-01", "100", "100").sale("o2", "B", "2026-10-02", "50", "50")
        .sale("o3", "C", "2026-10-03", "100", "100").sale("o4", "D", "2026-10-05", "200", "200");
  }

  @Test
  void explainsVolumesLegsRankLinesAndNextRank() throws Exception {
    Scenario s = company();
    s.run(dir);
    Path members = dir.resolve("members.csv");
    Path orders = dir.resolve("orders.csv");
    assertThat(Files.exists(members)).isTrue();
    StringWriter out = new StringWriter();
    CommandLine cl = Downline.commandLine();
    cl.setOut(new PrintWriter(out, true));
    int exit = cl.execute("commissions", "explain", "--member", "C", "--period", "2026-10", "--plan", "demo",
        "--members", members.toString(), "--orders", orders.toString());
    assertThat(exit).isZero();
    String text = out.toString();
    // C: PV 100, GV 100 + D's 200 = 300; one leg (D, GV 200); member rank since GV 300 < 500.
    assertThat(text).contains("C in 2026-10: rank member, Active")
        .contains("PV 100.00  GV 300.00")
        .contains("D: GV 200.00, counts 200.00 under cap 3000.00, counts 200.00 under cap 8000.00, highest rank in leg member")
        .contains("GV 300.00 < 500.00 missed")
        .contains("PV (Active) 100.00 >= 100.00 met")
        .contains("legs with bronze 0 < 2 missed")
        // fast_start 25% x 200 = 50.00 and unilevel level 1 5% x 200 = 10.00, both on D's o4
        .contains("fast_start            50.00  order o4 by D, level 1, rate 25%")
        .contains("unilevel              10.00  order o4 by D, level 1, rate 5%")
        .contains("total 60.00")
        // bronze needs GV 500: 200.00 more
        .contains("Next rank: bronze")
        .contains("200.00 GV more");
  }

  @Test
  void nextRankMissingIsData() {
    Explanation.Missing legs = new Explanation.Missing("legs with silver", 1, false);
    Explanation.Missing pv = new Explanation.Missing("PV", 35_00, true);
    assertThat(legs.describe()).isEqualTo("1 more leg with silver");
    assertThat(new Explanation.Missing("legs with gold", 2, false).describe()).isEqualTo("2 more legs with gold");
    assertThat(pv.describe()).isEqualTo("35.00 PV more");
    assertThat(List.of(legs, pv)).extracting(Explanation.Missing::shortBy).containsExactly(1L, 35_00L);
  }
}
