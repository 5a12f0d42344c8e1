package org.downline.commission;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The second bundled plan, `ladder`: other ranks, names, rates, levels, no compression; no code of its own. */
class LadderPlanTest {
  @TempDir Path dir;

  @Test
  void ladderPaysByItsOwnRules() {
    // L (root) - P (PV 40: below ladder's Active 50) - Q (joined 2026-09-15) - customer K.
    // PV: L 1000, P 40, Q 60 + K's 20 = 80.  GV: Q 80, P 120, L 1120.
    // Ranks: L leader (Active, PV 1000 >= 80, GV 1120 >= 1000) opens 3 levels; P, Q associate.
    //   retail 15%: K's order k1 CV 50 -> owner Q 7.50, level 0.
    //   quick_start 10%, 60 days, sponsor need not be Active: q1 is day 25 of Q -> P 10.00, level 1.
    //   team, no compression: walk from Q's sponsor P: k=1 is P, not Active, pays nothing but uses
    //     the level; k=2 is L: 6% x 100 = 6.00 (q1) and 6% x 50 = 3.00 (k1). (demo would compress P away.)
    //   leadership_match: L has no sponsor. promotion: L reaches leader: 50.00.
    //   cap 40% of T = 40% x 150 = 60 >= 7.50 + 10 + 9: not applied.
    // November: r1 returns 50 of q1's 100: chargeback P 10.00 x 0.5 = 5.00 (quick_start is clawed back),
    //   L 6.00 x 0.5 = 3.00.
    Scenario s = new Scenario().plan("ladder")
        .distributor("L", null, "2026-01-01").distributor("P", "L", "2026-01-01").distributor("Q", "P", "2026-09-15")
        .customer("K", "Q", "2026-09-15")
        .sale("vL", "L", "2026-10-01", "1000", "0").sale("vP", "P", "2026-10-01", "40", "0")
        .sale("q1", "Q", "2026-10-10", "60", "100").sale("k1", "K", "2026-10-12", "20", "50")
        .ret("r1", "Q", "2026-11-05", "0", "-50", "q1");
    Scenario.Outcome out = s.run(dir);
    assertThat(out.exit()).as(out.err()).isZero();
    assertThat(out.lines()).containsExactly(
        "2026-10,L,promotion,50.00,,,0",
        "2026-10,L,team,3.00,k1,K,2",
        "2026-10,L,team,6.00,q1,Q,2",
        "2026-10,P,quick_start,10.00,q1,Q,1",
        "2026-10,Q,retail,7.50,k1,K,0",
        "2026-11,L,chargeback,-3.00,r1,Q,2",
        "2026-11,P,chargeback,-5.00,r1,Q,1");
    assertThat(out.summary()).containsExactly(
        "2026-10,L,1000.00,1120.00,true,leader,0.00,0.00,9.00,0.00,50.00,0.00,59.00",
        "2026-10,P,40.00,120.00,false,associate,0.00,10.00,0.00,0.00,0.00,0.00,10.00",
        "2026-10,Q,80.00,80.00,true,associate,7.50,0.00,0.00,0.00,0.00,0.00,7.50",
        "2026-11,L,0.00,0.00,false,associate,0.00,0.00,0.00,0.00,0.00,-3.00,-3.00",
        "2026-11,P,0.00,0.00,false,associate,0.00,0.00,0.00,0.00,0.00,-5.00,-5.00");
  }
}
