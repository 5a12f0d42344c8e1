package org.downline.prospect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.downline.nextstep.FrequencyBounds;
import org.junit.jupiter.api.Test;

/** Density and weak ties, conversion and time per stage, response rates, retention, customer care: worked by hand. */
class ProspectFiguresRulesTest {
  @Test
  void densityAndWeakTiesOnASmallGraph() {
    // Contacts 0..5; 0 close, 2 friend, the rest acquaintances.
    Tie[] tie = {Tie.CLOSE, Tie.ACQUAINTANCE, Tie.FRIEND, Tie.ACQUAINTANCE, Tie.ACQUAINTANCE, Tie.ACQUAINTANCE};
    // Links: 0-1, 0-2, 1-2, 2-3, 3-4, 4-5.
    int[] a = {0, 0, 2, 3, 3, 5};
    int[] b = {1, 2, 1, 2, 4, 4};
    // Community A {0,1,2,3}: pairs 4*3/2 = 6, linked 0-1, 0-2, 1-2, 2-3 = 4: 4/6 = 66.67% -> dense.
    // Community B {3,4,5}: pairs 3, linked 3-4, 4-5 = 2: 2/3 = 66.67% -> dense.
    // Community C {1,5}: pairs 1, linked none: 0%; and under 3 members, never dense.
    // Community D {0,2,4,5}: pairs 6, linked 0-2, 4-5 = 2: 33.33% -> not dense.
    int[][] communities = {{0, 1, 2, 3}, {3, 4, 5}, {1, 5}, {0, 2, 4, 5}};
    RelationshipNetwork net = new RelationshipNetwork(tie, a, b, communities);
    assertThat(net.densityBasisPoints(0)).isEqualTo(6667);
    assertThat(net.densityBasisPoints(1)).isEqualTo(6667);
    assertThat(net.densityBasisPoints(2)).isEqualTo(0);
    assertThat(net.densityBasisPoints(3)).isEqualTo(3333);
    assertThat(new boolean[] {net.dense(0), net.dense(1), net.dense(2), net.dense(3)}).containsExactly(true, true, false, false);
    // Acquaintances in a dense community: 1 (A), 3 (A and B, counted once), 4 (B), 5 (B) = 4. 0 and 2 are not weak ties.
    assertThat(net.weakTiesIntoDenseCommunities()).isEqualTo(4);
    assertThat(net.weakTieIntoDense(0)).isFalse();
    assertThat(net.weakTieIntoDense(3)).isTrue();
    // Knowing each other: a link (2-3), a shared community without a link (1-3 in A; 0-4 in D), neither (1-4).
    assertThat(net.know(2, 3)).isTrue();
    assertThat(net.linked(1, 3)).isFalse();
    assertThat(net.know(1, 3)).isTrue();
    assertThat(net.know(0, 4)).isTrue(); // both in D
    assertThat(net.know(1, 4)).isFalse();
  }

  @Test
  void aSmallCommunityThatIsFullyLinkedIsStillNotDenseUnderThreeMembers() {
    RelationshipNetwork net = new RelationshipNetwork(new Tie[] {Tie.ACQUAINTANCE, Tie.ACQUAINTANCE}, new int[] {0}, new int[] {1},
        new int[][] {{0, 1}});
    assertThat(net.densityBasisPoints(0)).isEqualTo(10_000);
    assertThat(net.dense(0)).isFalse();
    assertThat(net.weakTiesIntoDenseCommunities()).isZero();
  }

  @Test
  void conversionAndMedianTimePerStage() {
    // P0: understanding d0, exploring d10, choosing d15, joined d20.
    // P1: understanding d0, exploring d4, not a fit d30.
    // P2: understanding d5, still deciding.
    // P3: understanding d0, joined d8 (stages skipped).
    int[] prospect = {0, 0, 0, 1, 1, 2, 3};
    int[] stage = {0, 1, 2, 0, 1, 0, 0};
    int[] day = {0, 10, 15, 0, 4, 5, 0};
    Outcome[] outcome = {Outcome.JOINED_DISTRIBUTOR, Outcome.NOT_A_FIT, null, Outcome.BECAME_CUSTOMER};
    int[] outcomeDay = {20, 30, 0, 8};
    List<StageFlow.Row> rows = StageFlow.of(Stages.DEFAULT, prospect, stage, day, outcome, outcomeDay);
    // Understanding: entered 4; moved on P0, P1 (later stage), P3 (joined) = 3: 75%. Days: P0 10, P1 4, P3 8
    // (P2 still in it): sorted 4, 8, 10, nearest-rank median the 2nd = 8.
    assertThat(rows.get(0)).isEqualTo(new StageFlow.Row(Stages.DEFAULT.list().get(0), 4, 3, 7500, 3, 8));
    // Exploring: entered P0, P1; moved on P0 only: 50%. Days: P0 15-10 = 5, P1 30-4 = 26: median the 1st = 5.
    assertThat(rows.get(1)).isEqualTo(new StageFlow.Row(Stages.DEFAULT.list().get(1), 2, 1, 5000, 2, 5));
    // Choosing: P0 entered and joined: 100%, 20-15 = 5 days.
    assertThat(rows.get(2)).isEqualTo(new StageFlow.Row(Stages.DEFAULT.list().get(2), 1, 1, 10_000, 1, 5));
  }

  @Test
  void responseRatePerChannelAndOpeningMessage() {
    String[] channel = {"messaging", "messaging", "messaging", "messaging", "email", "email"};
    String[] opening = {"hi-ask", "hi-ask", "hi-ask", "congrats", "hi-ask", null};
    boolean[] answered = {true, false, true, false, true, true};
    assertThat(ResponseRates.of(channel, opening, answered)).containsExactly(
        new ResponseRates.Row("email", "hi-ask", 1, 1, 10_000),
        new ResponseRates.Row("email", ResponseRates.ALL, 2, 2, 10_000),
        new ResponseRates.Row("messaging", "congrats", 1, 0, 0),
        new ResponseRates.Row("messaging", "hi-ask", 3, 2, 6667), // 2/3 = 66.67%
        new ResponseRates.Row("messaging", ResponseRates.ALL, 4, 2, 5000));
    assertThat(ResponseRates.BENCHMARK_BASIS_POINTS).isEqualTo(5000);
  }

  @Test
  void retentionAt90DaysAnd12MonthsSplitByStage2() {
    int asOf = 1000;
    int[] group = {JoinerRetention.STAGE2_RECORDED, JoinerRetention.STAGE2_RECORDED, JoinerRetention.STAGE2_SKIPPED,
        JoinerRetention.WITHOUT_PIPELINE, JoinerRetention.WITHOUT_PIPELINE};
    int[] join = {500, 600, 800, 100, 100};
    int[] left = {JoinerRetention.NOT_LEFT, 650, JoinerRetention.NOT_LEFT, JoinerRetention.NOT_LEFT, JoinerRetention.NOT_LEFT};
    int[][] sales = {{550, 580}, {640}, {880}, {190, 460}, {100}};
    // m0: 90 days -> day 590, sales in 501..590: 550 yes. 365 -> 865, sales in 776..865: none.
    // m1: left on 650, before 690 and 965: retained at neither.
    // m2: 90 -> 890: 880 yes; 365 -> 1165 is after the as-of day: not known, not eligible.
    // m3: 90 -> 190: 190 counts (101..190); 365 -> 465: 460 in 376..465 yes.
    // m4: 90 -> 190: the sale on the join day 100 is outside 101..190: no; 365 -> none.
    assertThat(JoinerRetention.of(group, join, left, sales, asOf)).containsExactly(
        new JoinerRetention.Row("stage-2-recorded", 90, 2, 1, 5000),
        new JoinerRetention.Row("stage-2-recorded", 365, 2, 0, 0),
        new JoinerRetention.Row("stage-2-skipped", 90, 1, 1, 10_000),
        new JoinerRetention.Row("stage-2-skipped", 365, 0, 0, 0),
        new JoinerRetention.Row("without-pipeline", 90, 2, 1, 5000),
        new JoinerRetention.Row("without-pipeline", 365, 2, 1, 5000));
  }

  @Test
  void customerCareFromEachCustomersOwnRhythm() {
    int today = 1000;
    // The year to day 1000 is days 636..1000.
    int[][] sales = {
        {700, 800, 900, 940}, // 4 in the year: segment 4-6, rhythm 365/4 = 91: reorder due 1031, not yet
        {985}, // first order on 985: check-in due 992 (8 days ago, under 30): shown; reorder due 1350
        {700, 760, 820, 880}, // 4 in the year: rhythm 91, due 880 + 91 = 971: reorder shown
        {300}, // lapsed (none in the year): due 300 + 365 = 665: reorder shown, segment lapsed
        {}}; // never ordered: nothing
    int[] refMember = {7, 8};
    int[] refDay = {990, 960}; // 10 days ago: thank-you shown; 40 days ago: gone
    int[][] refSales = {{995}, {}};
    List<CustomerCare.Item> items = CustomerCare.items(sales, refMember, refDay, refSales, today, FrequencyBounds.DEFAULT);
    assertThat(items).containsExactly(
        new CustomerCare.Item(TodayItem.Kind.CHECK_IN, 1, 992, "customers/1"),
        new CustomerCare.Item(TodayItem.Kind.REORDER, 2, 971, "customers/4-6"),
        new CustomerCare.Item(TodayItem.Kind.REORDER, 3, 665, "customers/lapsed"),
        new CustomerCare.Item(TodayItem.Kind.THANK_YOU, 7, 990, "customers/1"));
  }
}
