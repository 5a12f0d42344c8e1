package org.downline.commission;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every rule of the demo plan (docs/plans.md, "The demo plan's rules") on small companies worked by
 * hand. Volume orders carry CV 0 where only PV matters, so the lines asserted come from the one or two
 * orders under test.
 */
class DemoPlanRulesTest {
  @TempDir Path dir;

  private static final String OLD = "2026-01-01";

  /**
   * A gold at the top of a chain (all volume orders in October, CV 0):
   *
   * <pre>
   * A5 pv 100                          GV 8100 gold
   * |- A4 pv 100                       GV 2000 silver (legs A3 bronze, Y1 bronze)
   * |  |- A3 pv 300                    GV  500 bronze
   * |  |  `- B pv 100                  GV  200 member
   * |  |     `- C pv 100               GV  100 member
   * |  |        `- D (joined 2026-10-01, pv 0)
   * |  `- Y1 pv 1400                   bronze
   * |- S2 pv 100                       GV 3000 silver (legs b21, b22 bronze)
   * |  |- b21 pv 1500, b22 pv 1400
   * `- Z pv 3000                       bronze
   * </pre>
   *
   * A5 gold: capped GV 100 + min(2000,3000) + min(3000,3000) + min(3000,3000) = 8100 >= 6000;
   * legs with silver or higher: A4 and S2 = 2. Not platinum (8100 < 20000).
   */
  static Scenario goldChain() {
    Scenario s = new Scenario()
        .distributor("A5", null, OLD).distributor("A4", "A5", OLD).distributor("A3", "A4", OLD)
        .distributor("B", "A3", OLD).distributor("C", "B", OLD).distributor("D", "C", "2026-10-01")
        .distributor("Y1", "A4", OLD).distributor("S2", "A5", OLD).distributor("b21", "S2", OLD)
        .distributor("b22", "S2", OLD).distributor("Z", "A5", OLD);
    String[][] pv = {{"A5", "100"}, {"A4", "100"}, {"A3", "300"}, {"B", "100"}, {"C", "100"}, {"Y1", "1400"},
        {"S2", "100"}, {"b21", "1500"}, {"b22", "1400"}, {"Z", "3000"}};
    for (String[] p : pv) s.sale("v-" + p[0], p[0], "2026-10-02", p[1], "0");
    return s;
  }

  @Test
  void capScalesUnilevelAndMatchingAndClawbackTakesBackWhatWasPaid() {
    // D's order (day 9 of D's membership): CV 100, the only CV of October, so T = 100, 50% of T = 50.
    // Later, in November, 40 of its CV is returned.
    Scenario s = goldChain()
        .sale("oD", "D", "2026-10-10", "0", "100")
        .ret("r1", "D", "2026-11-10", "0", "-40", "oD");
    Scenario.Outcome out = s.run(dir);
    assertThat(out.exit()).as(out.err()).isZero();
    // Before the cap:
    //   fast_start: C (D's sponsor, Active) 25% x 100 = 25.00                     -> C (cap's C) = 25.00
    //   unilevel, walk from C (all Active): C k=1 5% = 5.00 (member opens 2 levels),
    //     B k=2 5% = 5.00, A3 k=3 6% = 6.00 (bronze opens 3), A4 k=4 6% = 6.00 (silver 4),
    //     A5 k=5 4% = 4.00 (gold 6); root reached.
    //   matching on the rounded unilevel lines: only A4's line has a gold sponsor (A5):
    //     10% x 6.00 = 0.60 at level 1; A5 has no sponsor, so no level 2.
    //   U = 5 + 5 + 6 + 6 + 4 + 0.60 = 26.60; C + U = 51.60 > 50 -> every unilevel and matching
    //   line x (50 - 25) / 26.60:
    //     5.00 x 25 / 26.6 = 4.6992... -> 4.70      6.00 x 25 / 26.6 = 5.6390... -> 5.64
    //     4.00 x 25 / 26.6 = 3.7593... -> 3.76      0.60 x 25 / 26.6 = 0.5639... -> 0.56
    //   rank_advancement (outside the cap): A4 silver 100, S2 silver 100, A5 gold 100 + 500 = 600.
    // November, return r1 of 40 of oD's net CV 100 (ratio 0.4), lines as paid, merged per earner and level:
    //   C level 1: fast_start 25.00 + unilevel 4.70 = 29.70 x 0.4 = 11.88
    //   B level 2: 4.70 x 0.4 = 1.88;  A3 level 3: 5.64 x 0.4 = 2.256 -> 2.26;  A4 level 4: 2.256 -> 2.26
    //   A5 level 5: 3.76 x 0.4 = 1.504 -> 1.50;  A5 level 1 (matching): 0.56 x 0.4 = 0.224 -> 0.22
    assertThat(out.lines()).containsExactly(
        "2026-10,A3,unilevel,5.64,oD,D,3",
        "2026-10,A4,rank_advancement,100.00,,,0",
        "2026-10,A4,unilevel,5.64,oD,D,4",
        "2026-10,A5,matching,0.56,oD,D,1",
        "2026-10,A5,rank_advancement,600.00,,,0",
        "2026-10,A5,unilevel,3.76,oD,D,5",
        "2026-10,B,unilevel,4.70,oD,D,2",
        "2026-10,C,fast_start,25.00,oD,D,1",
        "2026-10,C,unilevel,4.70,oD,D,1",
        "2026-10,S2,rank_advancement,100.00,,,0",
        "2026-11,A3,clawback,-2.26,r1,D,3",
        "2026-11,A4,clawback,-2.26,r1,D,4",
        "2026-11,A5,clawback,-0.22,r1,D,1",
        "2026-11,A5,clawback,-1.50,r1,D,5",
        "2026-11,B,clawback,-1.88,r1,D,2",
        "2026-11,C,clawback,-11.88,r1,D,1");
    // Summary: D has GV 0 and no pay, so no row; November has only the clawed-back members (GV 0).
    assertThat(out.summary()).containsExactly(
        "2026-10,A3,300.00,500.00,true,bronze,0.00,0.00,5.64,0.00,0.00,0.00,5.64",
        "2026-10,A4,100.00,2000.00,true,silver,0.00,0.00,5.64,0.00,100.00,0.00,105.64",
        "2026-10,A5,100.00,8100.00,true,gold,0.00,0.00,3.76,0.56,600.00,0.00,604.32",
        "2026-10,B,100.00,200.00,true,member,0.00,0.00,4.70,0.00,0.00,0.00,4.70",
        "2026-10,C,100.00,100.00,true,member,0.00,25.00,4.70,0.00,0.00,0.00,29.70",
        "2026-10,S2,100.00,3000.00,true,silver,0.00,0.00,0.00,0.00,100.00,0.00,100.00",
        "2026-10,Y1,1400.00,1400.00,true,bronze,0.00,0.00,0.00,0.00,0.00,0.00,0.00",
        "2026-10,Z,3000.00,3000.00,true,bronze,0.00,0.00,0.00,0.00,0.00,0.00,0.00",
        "2026-10,b21,1500.00,1500.00,true,bronze,0.00,0.00,0.00,0.00,0.00,0.00,0.00",
        "2026-10,b22,1400.00,1400.00,true,bronze,0.00,0.00,0.00,0.00,0.00,0.00,0.00",
        "2026-11,A3,0.00,0.00,false,member,0.00,0.00,0.00,0.00,0.00,-2.26,-2.26",
        "2026-11,A4,0.00,0.00,false,member,0.00,0.00,0.00,0.00,0.00,-2.26,-2.26",
        "2026-11,A5,0.00,0.00,false,member,0.00,0.00,0.00,0.00,0.00,-1.72,-1.72",
        "2026-11,B,0.00,0.00,false,member,0.00,0.00,0.00,0.00,0.00,-1.88,-1.88",
        "2026-11,C,0.00,0.00,false,member,0.00,0.00,0.00,0.00,0.00,-11.88,-11.88");
  }

  @Test
  void matchingIsFiguredOnTheRoundedUnilevelLine() {
    // Y1 (sponsor A4) orders CV 8.90. T = 8.90 so 50% = 4.45; pay is below it, no cap.
    //   unilevel: A4 k=1 5% x 8.90 = 0.445 -> 0.45; A5 k=2 5% x 8.90 = 0.445 -> 0.45.
    //   matching: A4's sponsor A5 is gold: 10% x 0.45 (the rounded line) = 0.045 -> 0.05.
    //   (10% of the exact 0.445 would be 0.0445 -> 0.04.)
    Scenario.Outcome out = goldChain().sale("oY", "Y1", "2026-10-11", "0", "8.90").run(dir);
    assertThat(out.lines()).filteredOn(l -> l.contains(",oY,")).containsExactly(
        "2026-10,A4,unilevel,0.45,oY,Y1,1",
        "2026-10,A5,matching,0.05,oY,Y1,1",
        "2026-10,A5,unilevel,0.45,oY,Y1,2");
  }

  @Test
  void dynamicCompressionSkipsInactiveDistributors() {
    // A (pv 100, Active) - B (pv 50, not Active) - C (pv 120, Active) - D (pv 200, joined 2026-09-20).
    // D's order o4 CV 200 on 2026-10-05: walk from C: C k=1 (member, 2 levels) 5% = 10.00; B skipped;
    //   A k=2 (A's GV 100+50+100+200 = 450 < 500: member, 2 levels) 5% = 10.00.
    // fast_start: o4 is day 15 of D -> C (Active) 25% x 200 = 50.00.
    // C's order o3 CV 100: walk from B: skipped; A k=1 5% = 5.00. B's o2 CV 50: A k=1 5% = 2.50.
    // T = 100 + 50 + 100 + 200 = 450 -> limit 225; pay 77.50: no cap.
    Scenario s = new Scenario()
        .distributor("A", null, OLD).distributor("B", "A", OLD).distributor("C", "B", OLD)
        .distributor("D", "C", "2026-09-20")
        .sale("o1", "A", "2026-10-01", "100", "100").sale("o2", "B", "2026-10-02", "50", "50")
        .sale("o3", "C", "2026-10-03", "100", "100").sale("o4", "D", "2026-10-05", "200", "200");
    Scenario.Outcome out = s.run(dir);
    assertThat(out.lines()).containsExactly(
        "2026-10,A,unilevel,2.50,o2,B,1",
        "2026-10,A,unilevel,5.00,o3,C,1",
        "2026-10,A,unilevel,10.00,o4,D,2",
        "2026-10,C,fast_start,50.00,o4,D,1",
        "2026-10,C,unilevel,10.00,o4,D,1");
    assertThat(out.summary()).containsExactly(
        "2026-10,A,100.00,450.00,true,member,0.00,0.00,17.50,0.00,0.00,0.00,17.50",
        "2026-10,B,50.00,350.00,false,member,0.00,0.00,0.00,0.00,0.00,0.00,0.00",
        "2026-10,C,100.00,300.00,true,member,0.00,50.00,10.00,0.00,0.00,0.00,60.00",
        "2026-10,D,200.00,200.00,true,member,0.00,0.00,0.00,0.00,0.00,0.00,0.00");
  }

  /** G with legs S1 (GV 5000) and S2 (GV 2000), both silver; volume orders only (CV 0). */
  private static Scenario cappedLegs(boolean withThirdLeg) {
    // S1: pv 100 + b11 4000 + b12 900 = 5000, legs b11 and b12 bronze -> silver.
    // S2: pv 100 + b21 1000 + b22 900 = 2000, legs bronze -> silver.
    Scenario s = new Scenario()
        .distributor("G", null, OLD).distributor("S1", "G", OLD).distributor("S2", "G", OLD)
        .distributor("b11", "S1", OLD).distributor("b12", "S1", OLD)
        .distributor("b21", "S2", OLD).distributor("b22", "S2", OLD)
        .sale("vG", "G", "2026-10-01", "100", "0").sale("vS1", "S1", "2026-10-01", "100", "0")
        .sale("vS2", "S2", "2026-10-01", "100", "0").sale("v11", "b11", "2026-10-01", "4000", "0")
        .sale("v12", "b12", "2026-10-01", "900", "0").sale("v21", "b21", "2026-10-01", "1000", "0")
        .sale("v22", "b22", "2026-10-01", "900", "0");
    if (withThirdLeg) s.distributor("X", "G", OLD).sale("vX", "X", "2026-10-01", "900", "0");
    return s;
  }

  @Test
  void goldCountsEachLegAtMost3000() {
    // G: GV 100 + 5000 + 2000 = 7100 >= 6000, but capped GV = 100 + min(5000, 3000) + 2000 = 5100 < 6000.
    // So G is silver (GV >= 2000, 2 legs containing bronze), paid 100 for reaching silver.
    Scenario.Outcome out = cappedLegs(false).run(dir.resolve("a"));
    assertThat(out.summary()).filteredOn(l -> l.startsWith("2026-10,G,"))
        .containsExactly("2026-10,G,100.00,7100.00,true,silver,0.00,0.00,0.00,0.00,100.00,0.00,100.00");
    // With a third leg X of 900: capped GV = 100 + 3000 + 2000 + 900 = 6000 >= 6000 (the boundary) -> gold, 100 + 500.
    Scenario.Outcome gold = cappedLegs(true).run(dir.resolve("b"));
    assertThat(gold.summary()).filteredOn(l -> l.startsWith("2026-10,G,"))
        .containsExactly("2026-10,G,100.00,8000.00,true,gold,0.00,0.00,0.00,0.00,600.00,0.00,600.00");
  }

  @Test
  void ranksAreSettledBottomUpAndALegCountsARankAnywhereInIt() {
    // H pv 100; legs headed by h1 and h2 (pv 0, so member rank), each with a bronze below:
    // b (pv 1000, GV 1000 >= 500, Active) under h1, c (pv 900) under h2.
    // H: GV 100 + 1000 + 900 = 2000 >= 2000, legs containing bronze: 2 -> silver (rank_advancement 100).
    Scenario s = new Scenario()
        .distributor("H", null, OLD).distributor("h1", "H", OLD).distributor("h2", "H", OLD)
        .distributor("b", "h1", OLD).distributor("c", "h2", OLD)
        .sale("vH", "H", "2026-10-01", "100", "0").sale("vb", "b", "2026-10-01", "1000", "0")
        .sale("vc", "c", "2026-10-01", "900", "0");
    Scenario.Outcome out = s.run(dir);
    assertThat(out.summary()).containsExactly(
        "2026-10,H,100.00,2000.00,true,silver,0.00,0.00,0.00,0.00,100.00,0.00,100.00",
        "2026-10,b,1000.00,1000.00,true,bronze,0.00,0.00,0.00,0.00,0.00,0.00,0.00",
        "2026-10,c,900.00,900.00,true,bronze,0.00,0.00,0.00,0.00,0.00,0.00,0.00",
        "2026-10,h1,0.00,1000.00,false,member,0.00,0.00,0.00,0.00,0.00,0.00,0.00",
        "2026-10,h2,0.00,900.00,false,member,0.00,0.00,0.00,0.00,0.00,0.00,0.00");
  }

  @Test
  void sameMonthReturnsNetTheSaleAndLaterReturnsClawBackOnTheNetCv() {
    // D's sale s1 CV/PV 200 on 10-05, returned 50 on 10-20: net 150 (D's PV 150, Active).
    //   A (pv 100; GV 250, member) k=1: 5% x 150 = 7.50.
    // r1 on 11-03 returns 30 more: clawback 7.50 x 30 / 150 = 1.50; November volumes untouched.
    Scenario s = new Scenario().distributor("A", null, OLD).distributor("D", "A", OLD)
        .sale("vA", "A", "2026-10-01", "100", "0")
        .sale("s1", "D", "2026-10-05", "200", "200")
        .ret("r0", "D", "2026-10-20", "-50", "-50", "s1")
        .ret("r1", "D", "2026-11-03", "-30", "-30", "s1");
    Scenario.Outcome out = s.run(dir);
    assertThat(out.lines()).containsExactly(
        "2026-10,A,unilevel,7.50,s1,D,1",
        "2026-11,A,clawback,-1.50,r1,D,1");
    assertThat(out.summary()).containsExactly(
        "2026-10,A,100.00,250.00,true,member,0.00,0.00,7.50,0.00,0.00,0.00,7.50",
        "2026-10,D,150.00,150.00,true,member,0.00,0.00,0.00,0.00,0.00,0.00,0.00",
        "2026-11,A,0.00,0.00,false,member,0.00,0.00,0.00,0.00,0.00,-1.50,-1.50");
  }

  @Test
  void fastStartPaysDays0To29Only() {
    // D joined 2026-10-01: 10-30 is day 29 (paid), 10-31 is day 30 (not). A Active (pv 100).
    //   o1: fast_start A 25% x 100 = 25.00; unilevel A k=1 5.00. o2: unilevel only, 5.00.
    Scenario s = new Scenario().distributor("A", null, OLD).distributor("D", "A", "2026-10-01")
        .sale("vA", "A", "2026-10-01", "100", "0")
        .sale("o1", "D", "2026-10-30", "0", "100").sale("o2", "D", "2026-10-31", "0", "100");
    assertThat(s.run(dir.resolve("a")).lines()).containsExactly(
        "2026-10,A,fast_start,25.00,o1,D,1",
        "2026-10,A,unilevel,5.00,o1,D,1",
        "2026-10,A,unilevel,5.00,o2,D,1");
    // The same with A at PV 99.99 (not Active): no fast start, and no unilevel either (no Active upline).
    Scenario idle = new Scenario().distributor("A", null, OLD).distributor("D", "A", "2026-10-01")
        .sale("vA", "A", "2026-10-01", "99.99", "0")
        .sale("o1", "D", "2026-10-30", "0", "100");
    assertThat(idle.run(dir.resolve("b")).lines()).isEmpty();
  }

  @Test
  void customersReferringCustomersAreOwnedByTheNearestDistributor() {
    // K2 was referred by customer K1, who was referred by distributor D. K2's order CV 50 (PV 50):
    //   customer: D 20% x 50 = 10.00 (level 0); D's PV 100 + 50 = 150.
    //   unilevel from D's sponsor A (pv 100, GV 250, member): 5% x 50 = 2.50.
    Scenario s = new Scenario().distributor("A", null, OLD).distributor("D", "A", OLD)
        .customer("K1", "D", OLD).customer("K2", "K1", OLD)
        .sale("vA", "A", "2026-10-01", "100", "0").sale("vD", "D", "2026-10-01", "100", "0")
        .sale("k", "K2", "2026-10-07", "50", "50");
    Scenario.Outcome out = s.run(dir);
    assertThat(out.lines()).containsExactly(
        "2026-10,A,unilevel,2.50,k,K2,1",
        "2026-10,D,customer,10.00,k,K2,0");
    assertThat(out.summary()).containsExactly(
        "2026-10,A,100.00,250.00,true,member,0.00,0.00,2.50,0.00,0.00,0.00,2.50",
        "2026-10,D,150.00,150.00,true,member,10.00,0.00,0.00,0.00,0.00,0.00,10.00");
  }

  @Test
  void rankAdvancementPaysEachRankOnce() {
    // S is silver in October (pv 100, legs b1 1000 and b2 900 bronze, GV 2000) -> 100;
    // silver again in November -> nothing; December only bronze -> nothing; January silver -> nothing.
    Scenario s = new Scenario().distributor("S", null, OLD).distributor("b1", "S", OLD).distributor("b2", "S", OLD);
    for (String month : List.of("2026-10", "2026-11", "2027-01")) {
      s.sale("vS" + month, "S", month + "-01", "100", "0").sale("v1" + month, "b1", month + "-01", "1000", "0")
          .sale("v2" + month, "b2", month + "-01", "900", "0");
    }
    s.sale("vS-dec", "S", "2026-12-01", "600", "0");
    Scenario.Outcome out = s.run(dir);
    assertThat(out.lines()).containsExactly("2026-10,S,rank_advancement,100.00,,,0");
    assertThat(out.summary()).filteredOn(l -> l.contains(",S,")).containsExactly(
        "2026-10,S,100.00,2000.00,true,silver,0.00,0.00,0.00,0.00,100.00,0.00,100.00",
        "2026-11,S,100.00,2000.00,true,silver,0.00,0.00,0.00,0.00,0.00,0.00,0.00",
        "2026-12,S,600.00,600.00,true,bronze,0.00,0.00,0.00,0.00,0.00,0.00,0.00",
        "2027-01,S,100.00,2000.00,true,silver,0.00,0.00,0.00,0.00,0.00,0.00,0.00");
  }

  @Test
  void capWithNothingLeftForScaledBonusesPaysThemZero() {
    // A (Active, pv 100) sponsors D (new). D's order CV 100 -> fast_start A 25.00, unilevel A 5.00.
    // Customer K of D orders CV 100 -> customer D 20.00, unilevel A 5.00 (k=1 from D's sponsor A).
    // T = 200, 50% = 100; C = 45, U = 10: no cap (55 <= 100). This pins the no-cap branch;
    // the scaling branch is pinned in capScalesUnilevelAndMatchingAndClawbackTakesBackWhatWasPaid.
    Scenario s = new Scenario().distributor("A", null, OLD).distributor("D", "A", "2026-10-01").customer("K", "D", OLD)
        .sale("vA", "A", "2026-10-01", "100", "0")
        .sale("o1", "D", "2026-10-02", "0", "100").sale("o2", "K", "2026-10-03", "0", "100");
    assertThat(s.run(dir).lines()).containsExactly(
        "2026-10,A,fast_start,25.00,o1,D,1",
        "2026-10,A,unilevel,5.00,o1,D,1",
        "2026-10,A,unilevel,5.00,o2,K,1",
        "2026-10,D,customer,20.00,o2,K,0");
  }

  @Test
  void idsWithCommasQuotesAndAccentsAreWrittenAsCsv() {
    // Same as fastStartPaysDays0To29Only's first case with awkward ids: fast_start 25.00 and unilevel 5.00.
    Scenario s = new Scenario();
    s.members.add("\"A,\"\"1\"\"\",,distributor,2026-01-01");
    s.members.add("Zoë,\"A,\"\"1\"\"\",distributor,2026-10-01");
    s.orders.add("vA,\"A,\"\"1\"\"\",2026-10-01,100,0,");
    s.orders.add("o\u00e91,Zoë,2026-10-30,0,100,");
    assertThat(s.run(dir).lines()).containsExactly(
        "2026-10,\"A,\"\"1\"\"\",fast_start,25.00,o\u00e91,Zoë,1",
        "2026-10,\"A,\"\"1\"\"\",unilevel,5.00,o\u00e91,Zoë,1");
  }
}
