package org.downline.nextstep;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.downline.nextstep.DistributorSegments.Progress;
import org.downline.nextstep.DistributorSegments.Row;
import org.junit.jupiter.api.Test;

class DistributorSegmentsTest {
  static final int AS_OF = Company.day("2025-06-30");
  static final String[] RANKS = {"member", "bronze", "silver", "gold", "platinum"};

  /**
   * A (gold) sponsors B, C, D, E, F; B (silver) sponsors G; G sponsors H (silver). X is a
   * terminated root, Y joins E after the as-of date. Customers: CA (A's, orders only after the as-of
   * date), CD (D's), CF (F's).
   */
  static Company company() {
    return new Company()
        .distributor("A", null, "2023-01-01")
        .distributor("B", "A", "2024-01-01")
        .distributor("C", "A", "2025-06-01") // day 30 of membership on the as-of date: new
        .distributor("D", "A", "2025-04-15") // 76 days before the as-of date: new
        .distributor("E", "A", "2024-01-01")
        .distributor("F", "A", "2024-01-01")
        .distributor("G", "B", "2024-02-01")
        .distributor("H", "G", "2024-03-01")
        .terminated("X", null, "2023-01-01", "2025-01-01")
        .distributor("Y", "E", "2025-07-01")
        .customer("CA", "A", "2024-06-01")
        .customer("CD", "D", "2025-05-01")
        .customer("CF", "F", "2024-01-01")
        .sale("a1", "CA", "2025-07-05", "10.00")
        // C: first own order on day 10, PV 50 (not active)
        .sale("c1", "C", "2025-06-10", "50.00", "50")
        // D: first order 2025-05-20, after day 30 (2025-05-14); May PV 100 + CD's 20 = 120: active
        .sale("d1", "D", "2025-05-20", "100.00", "100")
        .sale("cd1", "CD", "2025-05-02", "20.00", "20")
        // F: January 60 + CF 40 = 100 active; February 150 - 60 returned in February = 90 not
        // active; March 100 active although returned in April; April 100 (the return of the March
        // sale changes no April volume) active. 3 months.
        .sale("f1", "F", "2025-01-10", "60.00", "60")
        .sale("cf1", "CF", "2025-01-11", "40.00", "40")
        .sale("f2", "F", "2025-02-10", "150.00", "150")
        .refund("f2r", "f2", "F", "2025-02-20", "60")
        .sale("f3", "F", "2025-03-10", "100.00", "100")
        .refund("f3r", "f3", "F", "2025-04-02", "100")
        .sale("f4", "F", "2025-04-10", "100.00", "100");
  }

  static Company withEActiveAllYear() {
    // E: PV 100 on the 15th of every month 2024-07..2025-06: 12 months
    return company().monthlySales("E", "2024-07", 12, "100.00");
  }

  DistributorSegments segments(Company c, DistributorRules rules) {
    return DistributorSegments.compute(c.network(), c.book(), AS_OF, rules, c.perMember("A", 3, "B", 2, "H", 2, "X", 3));
  }

  @Test
  void monthsActiveUseTheDemoPlansPvAndNetting() {
    Company c = withEActiveAllYear();
    DistributorSegments s = segments(c, DistributorRules.DEFAULT);
    assertThat(s.monthsActive(c.index("E"))).isEqualTo(12);
    assertThat(s.monthsActive(c.index("F"))).isEqualTo(3);
    assertThat(s.monthsActive(c.index("D"))).isEqualTo(1);
    assertThat(s.monthsActive(c.index("C"))).isZero();
    // Threshold 90: F's February (90) counts too
    assertThat(segments(c, DistributorRules.DEFAULT.withActivePv(90_00)).monthsActive(c.index("F"))).isEqualTo(4);
  }

  @Test
  void fastStartProgressOfNewDistributors() {
    Company c = withEActiveAllYear();
    DistributorSegments s = segments(c, DistributorRules.DEFAULT);
    int cc = c.index("C");
    int d = c.index("D");
    assertThat(s.isNew(cc)).isTrue();
    assertThat(s.isNew(d)).isTrue();
    assertThat(s.isNew(c.index("E"))).isFalse();
    List<FastStartStep> steps = FastStartStep.DEFAULT;
    // C: order on 2025-06-10, within 2025-06-01..2025-06-30; no customer, no recruit yet
    assertThat(steps.stream().map(st -> s.fastStart(cc, st)))
        .containsExactly(Progress.DONE, Progress.PENDING, Progress.PENDING);
    // D: order 2025-05-20 after the 30th day 2025-05-14: missed; CD joined 2025-05-01 within 60
    // days (to 2025-06-13): done; recruit pending until 2025-07-13
    assertThat(steps.stream().map(st -> s.fastStart(d, st)))
        .containsExactly(Progress.MISSED, Progress.DONE, Progress.PENDING);

    // Configured: one step, first order within 45 days (D: to 2025-05-29, done). New = under 45
    // days: D (76 days) no longer new.
    DistributorRules one = DistributorRules.DEFAULT.withFastStart(List.of(new FastStartStep(FastStartStep.Goal.FIRST_ORDER, 45)));
    DistributorSegments s45 = segments(c, one);
    assertThat(s45.fastStart(d, one.fastStart().get(0))).isEqualTo(Progress.DONE);
    assertThat(s45.isNew(d)).isFalse();
    assertThat(s45.isNew(cc)).isTrue();
  }

  @Test
  void theCompanyReportByHand() {
    Company c = withEActiveAllYear();
    List<Row> rows = segments(c, DistributorRules.DEFAULT).report(RANKS);
    // Placed: A B C D E F G H (X terminated, Y not yet joined).
    assertThat(rows).containsSubsequence(
        new Row("months-active", "0", 5, 0), // A B C G H
        new Row("months-active", "1", 1, 0), // D
        new Row("months-active", "2", 0, 0),
        new Row("months-active", "3", 1, 0), // F
        new Row("months-active", "12", 1, 0)); // E
    assertThat(rows).containsSubsequence(
        new Row("fast-start", "new", 2, 0), // C, D
        new Row("fast-start", "first-order-in-30-days:done", 1, 0), // C
        new Row("fast-start", "first-order-in-30-days:pending", 0, 0),
        new Row("fast-start", "first-order-in-30-days:missed", 1, 0), // D
        new Row("fast-start", "first-customer-in-60-days:done", 1, 0), // D
        new Row("fast-start", "first-customer-in-60-days:pending", 1, 0), // C
        new Row("fast-start", "first-customer-in-60-days:missed", 0, 0),
        new Row("fast-start", "first-recruit-in-90-days:done", 0, 0),
        new Row("fast-start", "first-recruit-in-90-days:pending", 2, 0), // C, D
        new Row("fast-start", "first-recruit-in-90-days:missed", 0, 0),
        // First sale: D (CD on 2025-05-02), F (CF); CA's order is after the as-of date.
        new Row("no-first-sale", "no-first-sale", 6, 0), // A B C E G H
        // Y joins E after the as-of date, so E too has sponsored nobody.
        new Row("sponsored-nobody", "sponsored-nobody", 5, 0), // C D E F H
        // A: 5 frontline, 2 below them (G, H): 2 x 100 <= 5 x 50
        new Row("wide-not-deep", "wide-not-deep", 1, 0),
        // B (silver) developed H; H none: 1. A (gold) developed B and H: 2. X is terminated.
        new Row("leaders", "silver", 2, 1),
        new Row("leaders", "gold", 1, 2));
  }

  @Test
  void leadersDevelopedAtAnyDepthAndFirstGeneration() {
    Company c = company();
    DistributorSegments s = segments(c, DistributorRules.DEFAULT);
    int a = c.index("A");
    int b = c.index("B");
    assertThat(s.leader(a)).isTrue();
    assertThat(s.leader(c.index("X"))).isFalse(); // terminated
    assertThat(s.leadersBelow(a)).isEqualTo(2); // B, H
    assertThat(s.firstGenerationLeaders(a)).isEqualTo(1); // B; H has B between
    assertThat(s.leadersBelow(b)).isEqualTo(1);
    assertThat(s.firstGenerationLeaders(b)).isEqualTo(1); // H: G between is no leader
    // Leaders from gold up: only A, and no gold below it
    DistributorSegments gold = segments(c, DistributorRules.DEFAULT.withLeaderRank(3));
    assertThat(gold.leader(b)).isFalse();
    assertThat(gold.leadersBelow(a)).isZero();
    // Without ranks nobody is a leader
    assertThat(DistributorSegments.compute(c.network(), c.book(), AS_OF, DistributorRules.DEFAULT, null).leader(a)).isFalse();
  }

  @Test
  void wideButNotDeepThresholdsAreConfiguration() {
    Company c = company();
    int a = c.index("A");
    assertThat(segments(c, DistributorRules.DEFAULT).frontline(a)).isEqualTo(5);
    assertThat(segments(c, DistributorRules.DEFAULT).belowFrontline(a)).isEqualTo(2);
    // at most 30%: 2 x 100 = 200 > 5 x 30 = 150, so A is deep enough
    assertThat(segments(c, DistributorRules.DEFAULT.withWide(5, 30)).wideNotDeep(a)).isFalse();
    // at least 6 frontline: A has 5
    assertThat(segments(c, DistributorRules.DEFAULT.withWide(6, 50)).wideNotDeep(a)).isFalse();
    // 40%: 200 <= 200
    assertThat(segments(c, DistributorRules.DEFAULT.withWide(5, 40)).wideNotDeep(a)).isTrue();
  }
}
