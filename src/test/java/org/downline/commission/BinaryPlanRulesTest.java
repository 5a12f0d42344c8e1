package org.downline.commission;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every rule of the reference binary plan (binary-plan.md) on small companies worked by hand,
 * through {@code downline commissions compute --plan binary}. Trees are drawn as placement trees:
 * {@code L:} and {@code R:} are the left and right child; sponsors are named where they differ
 * from the placement parent.
 */
class BinaryPlanRulesTest {
  @TempDir Path dir;

  private static final String OLD = "2026-01-01";

  private static Scenario binary() {
    return new Scenario().plan("binary");
  }

  /**
   * <pre>
   * R (root)             pv 100 cv 100
   * L: A (sponsor R)     pv 100 cv 3000
   *    L: C (sponsor A)  pv 100 cv 100, and C's customer K: pv 50 cv 50 (owner C)
   *    R: D (sponsor A)  pv 100 cv 200
   * R: B (sponsor R)     pv 100 cv 500
   *    L: E (sponsor R, spilled over under B)  pv 100 cv 2000
   * </pre>
   *
   * (Also explained in BinaryExplainTest and compared in PlanComparisonTest.)
   */
  static Scenario oneMonth() {
    return binary()
        .distributor("R", null, OLD)
        .placed("A", "R", OLD, "R", "left").placed("B", "R", OLD, "R", "right")
        .placed("C", "A", OLD, "A", "left").placed("D", "A", OLD, "A", "right")
        .placed("E", "R", OLD, "B", "left")
        .customer("K", "C", OLD)
        .sale("oR", "R", "2026-10-02", "100", "100").sale("oA", "A", "2026-10-02", "100", "3000")
        .sale("oB", "B", "2026-10-02", "100", "500").sale("oC", "C", "2026-10-02", "100", "100")
        .sale("oD", "D", "2026-10-02", "100", "200").sale("oE", "E", "2026-10-02", "100", "2000")
        .sale("oK", "K", "2026-10-03", "50", "50");
  }

  @Test
  void legsQualificationRanksPayAndMatchInOnePeriod() {
    Scenario s = oneMonth();
    Scenario.Outcome out = s.run(dir);
    assertThat(out.exit()).as(out.err()).isZero();
    // Legs (net CV owned in the leg; R's own order is in none of R's legs):
    //   R left = A 3000 + C 100 + K 50 (owner C) + D 200 = 3350;  R right = B 500 + E 2000 = 2500
    //   A left = C 100 + K 50 = 150;  A right = D 200;  B left = E 2000, B right = 0
    // Qualified: R Active, sponsored A (left, Active) and B, E (right, Active) -> yes;
    //   A Active, sponsored C (left) and D (right) -> yes;  B sponsored nobody -> no; C, D, E no legs.
    // Ranks by the lesser leg: R min(3350, 2500) = 2500 >= 2000 -> ruby; A min(150, 200) = 150 -> star.
    // binary: R 10% x 2500 = 250.00 (ruby cap 500); A 10% x 150 = 15.00 (star cap 100).
    // Carry out: R left min(20000, 3350 - 2500) = 850, right 0; A left 0, right 200 - 150 = 50;
    //   B not qualified: left min(20000, 2000) = 2000.
    // binary_match on A's 15.00: A's sponsor R is qualified -> 20% x 15.00 = 3.00, level 1, source member A;
    //   R has no sponsor, so no level 2. R's own line: R has no sponsor.
    // customer: K's order, owner C: 20% x 50 = 10.00.
    assertThat(out.lines()).containsExactly(
        "2026-10,A,binary,15.00,,,0",
        "2026-10,C,customer,10.00,oK,K,0",
        "2026-10,R,binary,250.00,,,0",
        "2026-10,R,binary_match,3.00,,A,1");
    // pv/gv on the sponsor tree: C's PV = 100 + K's 50 = 150; GV(A) = 100 + 150 + 100 = 350;
    //   GV(R) = R 100 + A 100 + B 100 + C 150 + D 100 + E 100 = 650 (E is R's recruit, not B's).
    assertThat(out.summaryHeader()).isEqualTo("period,member_id,pv,gv,active,rank,customer,binary,binary_match,clawback,total");
    assertThat(out.summary()).containsExactly(
        "2026-10,A,100.00,350.00,true,star,0.00,15.00,0.00,0.00,15.00",
        "2026-10,B,100.00,100.00,true,member,0.00,0.00,0.00,0.00,0.00",
        "2026-10,C,150.00,150.00,true,member,10.00,0.00,0.00,0.00,10.00",
        "2026-10,D,100.00,100.00,true,member,0.00,0.00,0.00,0.00,0.00",
        "2026-10,E,100.00,100.00,true,member,0.00,0.00,0.00,0.00,0.00",
        "2026-10,R,100.00,650.00,true,ruby,0.00,250.00,3.00,0.00,253.00");
    assertThat(out.legs()).containsExactly(
        "2026-10,A,left,0.00,150.00,0.00,150.00,150.00,0.00",
        "2026-10,A,right,0.00,200.00,0.00,200.00,150.00,50.00",
        "2026-10,B,left,0.00,2000.00,0.00,2000.00,0.00,2000.00",
        "2026-10,R,left,0.00,3350.00,0.00,3350.00,2500.00,850.00",
        "2026-10,R,right,0.00,2500.00,0.00,2500.00,2500.00,0.00");
  }

  /**
   * R (root), L: A (sponsor R), R: B (sponsor R), over three months: the carry limit, carry in,
   * a later return taken off a leg, a leg that cannot go below 0, and no pairing when not qualified.
   */
  @Test
  void carryForwardTheCarryLimitAndReturnsOffTheLegs() {
    Scenario s = binary()
        .distributor("R", null, OLD).placed("A", "R", OLD, "R", "left").placed("B", "R", OLD, "R", "right")
        .sale("r10", "R", "2026-10-02", "100", "0").sale("a10", "A", "2026-10-02", "100", "25000")
        .sale("b10", "B", "2026-10-02", "100", "1000")
        .sale("r11", "R", "2026-11-02", "100", "0").sale("a11", "A", "2026-11-02", "100", "0")
        .sale("b11", "B", "2026-11-02", "100", "3000").ret("x11", "A", "2026-11-20", "0", "-1500", "a10")
        .sale("r12", "R", "2026-12-02", "100", "0").sale("a12", "A", "2026-12-02", "100", "0")
        .ret("x12", "B", "2026-12-05", "-100", "-3000", "b11");
    Scenario.Outcome out = s.run(dir);
    assertThat(out.exit()).as(out.err()).isZero();
    // October: left 25000, right 1000; qualified; lesser 1000 < 2000 -> star; 10% x 1000 = 100.00 (cap 100).
    //   carry left min(20000, 25000 - 1000 = 24000) = 20000 (the limit), right 0.
    // November: left = max(0, 20000 + 0 - 1500 returned) = 18500; right 0 + 3000 = 3000; qualified;
    //   lesser 3000 -> ruby; 10% x 3000 = 300.00 (cap 500). carry left 15500, right 0.
    // December: B has no PV, so R sponsored no Active on the right: not qualified, nothing paired.
    //   left 15500 carried in, carry out min(20000, 15500) = 15500;
    //   right = max(0, 0 + 0 - 3000 returned) = 0.
    assertThat(out.lines()).containsExactly(
        "2026-10,R,binary,100.00,,,0",
        "2026-11,R,binary,300.00,,,0");
    assertThat(out.legs()).containsExactly(
        "2026-10,R,left,0.00,25000.00,0.00,25000.00,1000.00,20000.00",
        "2026-10,R,right,0.00,1000.00,0.00,1000.00,1000.00,0.00",
        "2026-11,R,left,20000.00,0.00,1500.00,18500.00,3000.00,15500.00",
        "2026-11,R,right,0.00,3000.00,0.00,3000.00,3000.00,0.00",
        "2026-12,R,left,15500.00,0.00,0.00,15500.00,0.00,15500.00",
        "2026-12,R,right,0.00,0.00,3000.00,0.00,0.00,0.00");
    // R's ranks: star, ruby, then member (not qualified) with its leg figures still reported.
    assertThat(out.summary()).contains(
        "2026-10,R,100.00,300.00,true,star,0.00,100.00,0.00,0.00,100.00",
        "2026-11,R,100.00,300.00,true,ruby,0.00,300.00,0.00,0.00,300.00",
        "2026-12,R,100.00,200.00,true,member,0.00,0.00,0.00,0.00,0.00");
  }

  /**
   * Qualification needs an Active recruit of one's own in each leg. R sponsors A (left, Active)
   * and B (right, PV 50: not Active); B's recruit F, Active, sits under B on R's right.
   */
  @Test
  void qualificationNeedsOwnActiveRecruitsOnEachSide() {
    Scenario s = binary()
        .distributor("R", null, OLD).placed("A", "R", OLD, "R", "left").placed("B", "R", OLD, "R", "right")
        .placed("F", "B", OLD, "B", "left")
        .sale("oR", "R", "2026-10-02", "100", "0").sale("oA", "A", "2026-10-02", "100", "500")
        .sale("oB", "B", "2026-10-02", "50", "0").sale("oF", "F", "2026-10-02", "100", "500");
    Scenario.Outcome out = s.run(dir.resolve("one"));
    assertThat(out.exit()).as(out.err()).isZero();
    // R's right leg has an Active distributor (F) but F is B's recruit, and B is not Active:
    // R is not qualified, no pay; both legs carry (500 each). B's left leg is F: 500, B not qualified.
    assertThat(out.lines()).isEmpty();
    assertThat(out.summary()).contains("2026-10,R,100.00,350.00,true,member,0.00,0.00,0.00,0.00,0.00");
    assertThat(out.legs()).containsExactly(
        "2026-10,B,left,0.00,500.00,0.00,500.00,0.00,500.00",
        "2026-10,R,left,0.00,500.00,0.00,500.00,0.00,500.00",
        "2026-10,R,right,0.00,500.00,0.00,500.00,0.00,500.00");

    // R's own Active recruit G spilled over under F (R's right leg): now R is qualified,
    // 10% x min(500, 500 + 0) = 50.00 (star).
    Scenario withG = binary()
        .distributor("R", null, OLD).placed("A", "R", OLD, "R", "left").placed("B", "R", OLD, "R", "right")
        .placed("F", "B", OLD, "B", "left").placed("G", "R", OLD, "F", "right")
        .sale("oR", "R", "2026-10-02", "100", "0").sale("oA", "A", "2026-10-02", "100", "500")
        .sale("oB", "B", "2026-10-02", "50", "0").sale("oF", "F", "2026-10-02", "100", "500")
        .sale("oG", "G", "2026-10-02", "100", "0");
    Scenario.Outcome qualified = withG.run(dir.resolve("two"));
    assertThat(qualified.exit()).as(qualified.err()).isZero();
    assertThat(qualified.lines()).containsExactly("2026-10,R,binary,50.00,,,0");

    // Both sides with an Active recruit but R itself not Active (PV 99.99): not qualified.
    Scenario inactive = binary()
        .distributor("R", null, OLD).placed("A", "R", OLD, "R", "left").placed("G", "R", OLD, "R", "right")
        .sale("oR", "R", "2026-10-02", "99.99", "0").sale("oA", "A", "2026-10-02", "100", "500")
        .sale("oG", "G", "2026-10-02", "100", "500");
    Scenario.Outcome notActive = inactive.run(dir.resolve("three"));
    assertThat(notActive.exit()).as(notActive.err()).isZero();
    assertThat(notActive.lines()).isEmpty();
  }

  /**
   * Three roots, each with two recruits (left and right) whose orders make the legs, at the rank
   * boundaries and the pair caps.
   */
  @Test
  void ranksByTheLesserLegAndThePairCapWithTheFlush() {
    Scenario s = binary();
    String[][] legs = {
        {"P", "1999.99", "5000"}, // lesser 1999.99 < 2000 -> star; 10% = 199.999 -> cap 100.00
        {"Q", "2000", "2000"}, // lesser 2000 -> ruby; 10% = 200.00 (cap 500)
        {"S", "10000", "9999.99"}, // lesser 9999.99 -> ruby; 10% = 999.999 -> cap 500.00
        {"T", "30000", "40000"}}; // lesser 30000 >= 10000 -> diamond; 10% = 3000 -> cap 2500.00
    for (String[] l : legs) {
      String root = l[0];
      s.distributor(root, null, OLD).placed(root + "l", root, OLD, root, "left").placed(root + "r", root, OLD, root, "right")
          .sale("o" + root, root, "2026-10-02", "100", "0")
          .sale("o" + root + "l", root + "l", "2026-10-02", "100", l[1])
          .sale("o" + root + "r", root + "r", "2026-10-02", "100", l[2]);
    }
    Scenario.Outcome out = s.run(dir);
    assertThat(out.exit()).as(out.err()).isZero();
    assertThat(out.lines()).containsExactly(
        "2026-10,P,binary,100.00,,,0",
        "2026-10,Q,binary,200.00,,,0",
        "2026-10,S,binary,500.00,,,0",
        "2026-10,T,binary,2500.00,,,0");
    assertThat(out.summary()).contains(
        "2026-10,P,100.00,300.00,true,star,0.00,100.00,0.00,0.00,100.00",
        "2026-10,Q,100.00,300.00,true,ruby,0.00,200.00,0.00,0.00,200.00",
        "2026-10,S,100.00,300.00,true,ruby,0.00,500.00,0.00,0.00,500.00",
        "2026-10,T,100.00,300.00,true,diamond,0.00,2500.00,0.00,0.00,2500.00");
    // The flush: the paired volume is used up in full although the cap cut the pay.
    //   P: left 0 carried, right 5000 - 1999.99 = 3000.01.  S: left 10000 - 9999.99 = 0.01, right 0.
    //   T: left 30000 - 30000 = 0, right min(20000, 40000 - 30000) = 10000.
    assertThat(out.legs()).contains(
        "2026-10,P,left,0.00,1999.99,0.00,1999.99,1999.99,0.00",
        "2026-10,P,right,0.00,5000.00,0.00,5000.00,1999.99,3000.01",
        "2026-10,S,left,0.00,10000.00,0.00,10000.00,9999.99,0.01",
        "2026-10,S,right,0.00,9999.99,0.00,9999.99,9999.99,0.00",
        "2026-10,T,left,0.00,30000.00,0.00,30000.00,30000.00,0.00",
        "2026-10,T,right,0.00,40000.00,0.00,40000.00,30000.00,10000.00");
  }

  /**
   * <pre>
   * G (root)                     pv 100 cv 0
   * L: P (sponsor G)             pv 100 cv 0
   *    L: E (sponsor P)          pv 100 cv 0
   *       L: Q (sponsor E) cv 1000    R: W (sponsor E) cv 1000
   *    R: Y (sponsor P)          cv 500
   * R: X (sponsor G)             cv {x}
   * </pre>
   */
  private static Scenario matchChain(String xCv) {
    return binary()
        .distributor("G", null, OLD).placed("P", "G", OLD, "G", "left").placed("X", "G", OLD, "G", "right")
        .placed("E", "P", OLD, "P", "left").placed("Y", "P", OLD, "P", "right")
        .placed("Q", "E", OLD, "E", "left").placed("W", "E", OLD, "E", "right")
        .sale("oG", "G", "2026-10-02", "100", "0").sale("oP", "P", "2026-10-02", "100", "0")
        .sale("oE", "E", "2026-10-02", "100", "0").sale("oQ", "Q", "2026-10-02", "100", "1000")
        .sale("oW", "W", "2026-10-02", "100", "1000").sale("oY", "Y", "2026-10-02", "100", "500")
        .sale("oX", "X", "2026-10-02", "100", xCv);
  }

  @Test
  void matchOnBinaryLinesTwoGenerationsUpThePlainSponsorChain() {
    Scenario.Outcome out = matchChain("2000").run(dir.resolve("ruby"));
    assertThat(out.exit()).as(out.err()).isZero();
    // E: 1000 / 1000, star: 10% x 1000 = 100.00 (cap 100).
    // P: left = E + Q + W = 2000, right = Y 500: star, 10% x 500 = 50.00.
    // G: left = P's subtree 2500, right = X 2000: ruby (2000 >= 2000), 10% x 2000 = 200.00.
    // Match on E's 100.00: P (qualified) 20% = 20.00 at level 1; G (ruby) 10% = 10.00 at level 2.
    // Match on P's 50.00: G 20% = 10.00 at level 1; G has no sponsor.
    // G's two match lines sort by source member first: E (level 2) before P (level 1).
    assertThat(out.lines()).containsExactly(
        "2026-10,E,binary,100.00,,,0",
        "2026-10,G,binary,200.00,,,0",
        "2026-10,G,binary_match,10.00,,E,2",
        "2026-10,G,binary_match,10.00,,P,1",
        "2026-10,P,binary,50.00,,,0",
        "2026-10,P,binary_match,20.00,,E,1");

    // With X at 1999.99, G's lesser leg is 1999.99: star, not ruby, so no level-2 match on E's line;
    // G's binary 10% x 1999.99 = 199.999 -> cap 100.00 (star).
    Scenario.Outcome star = matchChain("1999.99").run(dir.resolve("star"));
    assertThat(star.exit()).as(star.err()).isZero();
    assertThat(star.lines()).containsExactly(
        "2026-10,E,binary,100.00,,,0",
        "2026-10,G,binary,100.00,,,0",
        "2026-10,G,binary_match,10.00,,P,1",
        "2026-10,P,binary,50.00,,,0",
        "2026-10,P,binary_match,20.00,,E,1");
  }

  @Test
  void clawbackTakesBackCustomerLinesOnlyAndTheReturnComesOffTheLeg() {
    // R (root, PV 0: never qualified), L: A (sponsor R) with customer K. K buys CV 100 in October,
    // returns 25 of it in November.
    Scenario s = binary()
        .distributor("R", null, OLD).placed("A", "R", OLD, "R", "left").customer("K", "A", OLD)
        .sale("oK", "K", "2026-10-05", "100", "100").ret("rK", "K", "2026-11-05", "-25", "-25", "oK");
    Scenario.Outcome out = s.run(dir);
    assertThat(out.exit()).as(out.err()).isZero();
    // October: A earns 20% x 100 = 20.00 (customer). November: minus 20.00 x 25 / 100 = -5.00.
    assertThat(out.lines()).containsExactly(
        "2026-10,A,customer,20.00,oK,K,0",
        "2026-11,A,clawback,-5.00,rK,K,0");
    // R's left leg: October new 100 (owner A), not qualified, carries 100; November 100 - 25 = 75.
    assertThat(out.legs()).containsExactly(
        "2026-10,R,left,0.00,100.00,0.00,100.00,0.00,100.00",
        "2026-11,R,left,100.00,0.00,25.00,75.00,0.00,75.00");
    // A's November row: only the clawback (A has no PV and no legs of its own).
    assertThat(out.summary()).contains("2026-11,A,0.00,0.00,false,member,0.00,0.00,0.00,-5.00,-5.00");
  }

  @Test
  void holdingTankMembersAreInNoLegButCountForTheirOwnActive() {
    // H is R's recruit, not placed yet: H's CV is in none of R's legs.
    Scenario s = binary()
        .distributor("R", null, OLD).placed("A", "R", OLD, "R", "left").distributor("H", "R", OLD)
        .sale("oR", "R", "2026-10-02", "100", "0").sale("oA", "A", "2026-10-02", "100", "300")
        .sale("oH", "H", "2026-10-02", "100", "700");
    Scenario.Outcome out = s.run(dir);
    assertThat(out.exit()).as(out.err()).isZero();
    assertThat(out.legs()).containsExactly("2026-10,R,left,0.00,300.00,0.00,300.00,0.00,300.00");
    assertThat(out.summary()).contains("2026-10,H,100.00,100.00,true,member,0.00,0.00,0.00,0.00,0.00");
  }
}
