package org.downline.nextstep;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Every rule of the default playbook on a hand-made company (holdout 0% so everyone is shown). */
class RecommenderTest {
  static final int AS_OF = Company.day("2025-06-30");
  static final String[] RANKS = {"member", "bronze", "silver", "gold", "platinum"};

  /** The default playbook's steps with no holdout. */
  static Playbook defaultsWithoutHoldout() {
    Playbook d = org.downline.playbook.PlaybookFile.defaults();
    List<PlaybookStep> steps = d.steps().stream()
        .map(s -> new PlaybookStep(s.segment(), s.step(), s.title(), s.goals(), s.materials(), 0)).toList();
    return new Playbook(d.bounds(), d.distributorRules(), steps, d.holdoutSeed());
  }

  /**
   * A (silver) sponsors B1..B5 and the customers CA1..CA6; CA7 was referred by CA1. The customers
   * ordered 1, 2, 5, 8, 12 and 0 times in 2024-07-01..2025-06-30; CA7 once.
   */
  static Company company() {
    Company c = new Company().distributor("A", null, "2023-01-01");
    for (int k = 1; k <= 5; k++) c.distributor("B" + k, "A", "2024-01-01");
    for (int k = 1; k <= 6; k++) c.customer("CA" + k, "A", "2024-01-01");
    c.customer("CA7", "CA1", "2024-02-01");
    return c.sale("s1", "CA1", "2025-01-10", "10.00")
        .monthlySales("CA2", "2025-01", 2, "20.00")
        .monthlySales("CA3", "2025-01", 5, "30.00")
        .monthlySales("CA4", "2024-09", 8, "40.00")
        .monthlySales("CA5", "2024-07", 12, "50.00")
        .sale("s7", "CA7", "2025-03-01", "15.00");
  }

  Recommender recommender(Company c, Playbook p) {
    return Recommender.of(c.network(), c.book(), AS_OF, p, c.perMember("A", 2), RANKS);
  }

  static String steps(List<Recommendation> recs) {
    return recs.stream().map(r -> r.memberId() + ":" + r.segment() + "=" + r.step().step()).collect(Collectors.joining(" "));
  }

  @Test
  void customersByPurchaseFrequency() {
    Company c = company();
    Recommender r = recommender(c, defaultsWithoutHoldout());
    assertThat(steps(r.forMember(c.index("CA1")))).isEqualTo("CA1:customers/1=second-order");
    assertThat(r.forMember(c.index("CA1")).get(0).reason()).isEqualTo("1 order, revenue 10.00 in 2024-07-01..2025-06-30");
    assertThat(steps(r.forMember(c.index("CA2")))).isEqualTo("CA2:customers/2-3=preferred-or-autoship");
    assertThat(r.forMember(c.index("CA2")).get(0).reason()).isEqualTo("2 orders, revenue 40.00 in 2024-07-01..2025-06-30");
    assertThat(steps(r.forMember(c.index("CA3")))).isEqualTo("CA3:customers/4-6=autoship-new-product");
    assertThat(steps(r.forMember(c.index("CA4")))).isEqualTo("CA4:customers/7-10=refer-or-join");
    assertThat(r.forMember(c.index("CA4")).get(0).reason()).isEqualTo("8 orders, revenue 320.00 in 2024-07-01..2025-06-30");
    assertThat(steps(r.forMember(c.index("CA5")))).isEqualTo("CA5:customers/11+=refer-or-join");
    // lapsed: in the segment, but the default playbook has no step for it
    assertThat(r.segmentsOf(c.index("CA6"))).containsExactly("customers/lapsed");
    assertThat(r.forMember(c.index("CA6"))).isEmpty();
  }

  @Test
  void distributorsBySegment() {
    Company c = company();
    Recommender r = recommender(c, defaultsWithoutHoldout());
    // B1: no customers, no recruits, no orders
    assertThat(r.segmentsOf(c.index("B1"))).containsExactly(
        "distributors/lapsed", "months-active/0", "no-first-sale", "sponsored-nobody");
    assertThat(steps(r.forMember(c.index("B1")))).isEqualTo("B1:no-first-sale=first-sale B1:sponsored-nobody=first-recruit");
    assertThat(r.forMember(c.index("B1")).get(0).reason()).isEqualTo("no sale by a customer of theirs since joining on 2024-01-01");
    assertThat(r.forMember(c.index("B1")).get(1).reason()).isEqualTo("no distributor sponsored since joining on 2024-01-01");
    // A: 5 frontline, none below (0 <= 50% of 5), paid-as silver: wide not deep, leader
    List<Recommendation> a = r.forMember(c.index("A"));
    assertThat(steps(a)).isEqualTo("A:wide-not-deep=duplicate A:leaders=develop-leaders");
    assertThat(a.get(0).reason()).isEqualTo(
        "5 frontline distributors, 0 below them (wide: at least 5 frontline; not deep: at most 50% of the frontline below)");
    assertThat(a.get(1).reason()).isEqualTo("paid-as rank silver; 0 leaders developed below (0 first generation)");
    assertThat(a.get(1).baseline()).isZero(); // leaders below when recommended
  }

  @Test
  void aDistributorSeesTheirCustomersAndFirstLevelTeam() {
    Company c = company();
    Recommender r = recommender(c, defaultsWithoutHoldout());
    // Network order is breadth first: B1..B5, CA1..CA6 (A's children), then CA7 (CA1's), referred by a customer
    assertThat(r.forTeam(c.index("A")).stream().map(Recommendation::memberId).distinct().toList())
        .containsExactlyInAnyOrder("B1", "B2", "B3", "B4", "B5", "CA1", "CA2", "CA3", "CA4", "CA5", "CA7");
    assertThat(r.forTeam(c.index("CA1"))).isEmpty(); // a customer has no team
  }

  @Test
  void theCompanyWideListOfOneSegment() {
    Company c = company();
    Recommender r = recommender(c, defaultsWithoutHoldout());
    assertThat(r.forSegment("customers/1").stream().map(Recommendation::memberId)).containsExactlyInAnyOrder("CA1", "CA7");
    assertThat(r.forSegment("sponsored-nobody")).hasSize(5); // B1..B5
    assertThat(r.forSegment("customers/lapsed")).isEmpty(); // no step
  }

  @Test
  void aConfiguredPlaybookChangesTheSteps() {
    Company c = company();
    Playbook p = org.downline.playbook.PlaybookFile.parse("p.yaml", """
        frequency-bounds: [1, 3]
        holdout: { share: 0 }
        steps:
          customers/1-2: { step: come-back, goals: [next-order] }
          customers/lapsed: { step: win-back, goals: [next-order] }
          months-active/0: { step: get-active, goals: [next-order] }
        """);
    Recommender r = recommender(c, p);
    assertThat(steps(r.forMember(c.index("CA2")))).isEqualTo("CA2:customers/1-2=come-back");
    assertThat(steps(r.forMember(c.index("CA3")))).isEmpty(); // 3+ has no step here
    assertThat(steps(r.forMember(c.index("CA6")))).isEqualTo("CA6:customers/lapsed=win-back");
    assertThat(r.forMember(c.index("CA6")).get(0).reason())
        .isEqualTo("no order in 2024-07-01..2025-06-30 (member since 2024-01-01)");
    assertThat(steps(r.forMember(c.index("B1")))).isEqualTo("B1:months-active/0=get-active");
  }

  @Test
  void holdoutIsMarkedByTheMembersBucket() {
    Company c = company();
    // Buckets with seed "downline" (FNV-1a 64 of "downline:<id>" mod 10000, worked out separately):
    // CA1 -> 0xa295186b64a71462 = 11715296855203452002 -> 2002; CA2 -> 11715295755691823791 -> 3791.
    assertThat(Holdout.bucket("downline", "CA1")).isEqualTo(2002);
    assertThat(Holdout.bucket("downline", "CA2")).isEqualTo(3791);
    Playbook d = org.downline.playbook.PlaybookFile.defaults();
    List<PlaybookStep> steps = d.steps().stream()
        .map(s -> new PlaybookStep(s.segment(), s.step(), s.title(), s.goals(), s.materials(), 3000)).toList();
    Recommender r = recommender(c, new Playbook(d.bounds(), d.distributorRules(), steps, "downline"));
    assertThat(r.forMember(c.index("CA1")).get(0).holdout()).isTrue(); // 2002 < 3000
    assertThat(r.forMember(c.index("CA2")).get(0).holdout()).isFalse(); // 3791 >= 3000
  }
}
