package org.downline.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The statement's figures on hand-made data, each worked out in the comments. */
class IncomeDisclosureTest {
  static final List<String> RANKS = List.of("member", "bronze", "silver", "gold");

  /**
   * The year 2025 of {@link Year2025}, with these lines:
   * R 600.00 in January from customer K's order, -50.00 clawback in June (K): gross 550.00, silver in March;
   * A 90.00 in May from distributor B's order: gross 90.00, bronze in May;
   * F -12.34 clawback in January: gross -12.34; G 30.00 rank advancement (no source) in February;
   * B and C nothing; E (not a participant) 7.00 in January, left out.
   */
  static YearLedger lines(Year2025 y) {
    YearLedger l = y.ledger();
    l.line(1, y.m("R"), y.m("K"), 60000);
    l.rank(y.m("R"), 2);
    l.line(6, y.m("R"), y.m("K"), -5000);
    l.rank(y.m("R"), 1); // a lower rank later does not lower the group
    l.line(5, y.m("A"), y.m("B"), 9000);
    l.rank(y.m("A"), 1);
    l.line(1, y.m("F"), y.m("K"), -1234);
    l.line(2, y.m("G"), YearLedger.NO_SOURCE, 3000);
    l.line(1, y.m("E"), y.m("K"), 700);
    return l;
  }

  @Test
  void participantsMonthsPurchasesAndGroups() {
    Year2025 y = new Year2025();
    IncomeDisclosure.Participants p = IncomeDisclosure.participants(y.net, y.book, lines(y));
    // R A B F G C (tree order): D joined after the year, E left before it, K is a customer.
    assertThat(ids(y, p.member())).containsExactly("R", "A", "B", "F", "G", "C");
    // R Jan-Dec 12; A Apr-Dec 9; B Jan-Mar 3; F Jan 1; G Feb 1 (left on its join date); C Dec 1.
    assertThat(p.months()).containsExactly(12, 9, 3, 1, 1, 1);
    // R 100.00 (r0 is 2024); A 200.00 - 50.00 = 150.00 (a1r2 is 2026); B 40.00 + 10.00 after leaving; F 5.00; G 45.00; C 0.
    assertThat(p.purchases()).containsExactly(10000, 15000, 5000, 500, 4500, 0);
    assertThat(p.gross()).containsExactly(55000, 9000, 0, -1234, 3000, 0);
    assertThat(p.group()).containsExactly(2, 1, 0, 0, 0, 0);
    assertThat(p.leftDuringYear()).containsExactly(false, false, true, true, true, false);
  }

  @Test
  void everyFigureOfTheStatement() {
    Year2025 y = new Year2025();
    IncomeDisclosure.Statement s = IncomeDisclosure.compute(y.net, y.book, lines(y), RANKS);
    assertThat(s.rows()).extracting(IncomeDisclosure.Row::group).containsExactly("member", "bronze", "silver", "gold", "all");
    // member: B, C, F, G. n = 4 of 6: 66.666.. -> 66.7. Gross sorted -12.34, 0, 0, 30.00; earned nothing
    // (<= 0) B, C, F = 3 -> 75.0. Mean 17.66 / 4 = 4.415 -> 4.42 (half away from zero). Positions
    // ceil(p x 4 / 100): p10 1, p25 1, p50 2, p75 3, p90 4 -> -12.34, -12.34, 0.00, 0.00, 30.00.
    // Per month 0/3, 0/1, -12.34/1, 30/1 -> sorted -12.34, 0, 0, 30, position 2 -> 0.00.
    // Net: B 0 - 50 = -50, C 0, F -12.34 - 5 = -17.34, G 30 - 45 = -15 -> sorted -50, -17.34, -15, 0, position 2
    // -> -17.34; net < 0: 3 of 4 -> 75.0.
    assertThat(row(s, 0)).isEqualTo(new Figures(4, 667, 3, 750, 442, 0, -1234, -1234, 0, 3000, -1234, 3000, 0, -1734, 750));
    // bronze: A alone: 1 of 6 = 16.666.. -> 16.7; every position ceil(p x 1 / 100) = 1 -> 90.00;
    // per month 90.00 / 9 = 10.00; net 90 - 150 = -60.00, negative: 100.0.
    assertThat(row(s, 1)).isEqualTo(new Figures(1, 167, 0, 0, 9000, 9000, 9000, 9000, 9000, 9000, 9000, 9000, 1000, -6000, 1000));
    // silver: R alone: per month 550.00 / 12 = 45.8333.. -> 45.83; net 550 - 100 = 450.00.
    assertThat(row(s, 2)).isEqualTo(new Figures(1, 167, 0, 0, 55000, 55000, 55000, 55000, 55000, 55000, 55000, 55000, 4583, 45000, 0));
    // gold: nobody: 0.0 and 0.00 everywhere.
    assertThat(row(s, 3)).isEqualTo(new Figures(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0));
    // all: 6. Gross sorted -12.34, 0, 0, 30, 90, 550; earned nothing 3 -> 50.0; mean 657.66 / 6 = 109.61.
    // Positions ceil(p x 6 / 100): p10 1 (0.6), p25 2 (1.5), p50 3, p75 5 (4.5), p90 6 (5.4)
    // -> -12.34, 0.00, 0.00, 90.00, 550.00. Per month sorted -12.34, 0, 0, 10, 30, 45.83 -> position 3 -> 0.00.
    // Net sorted -60, -50, -17.34, -15, 0, 450 -> position 3 -> -17.34; negative 4 of 6 = 66.666.. -> 66.7.
    assertThat(row(s, 4)).isEqualTo(new Figures(6, 1000, 3, 500, 10961, 0, -1234, 0, 9000, 55000, -1234, 55000, 0, -1734, 667));
    // Left during the year: B, F, G of 6 = 50.0.
    assertThat(s.all().leftDuringYear()).isEqualTo(3);
    assertThat(s.all().shareLeftDuringYear()).isEqualTo(500);
    assertThat(s.leftOut()).isEmpty();
  }

  @Test
  void monthsLeftOutCountNeitherTheirLinesNorTheirPurchasesNorTheirMonths() {
    Year2025 y = new Year2025();
    YearLedger l = new YearLedger(2025, y.net.kinds(), org.downline.network.Network.CUSTOMER);
    for (int month = 1; month <= 10; month++) l.include(month);
    l.line(1, y.m("R"), y.m("K"), 60000);
    IncomeDisclosure.Participants p = IncomeDisclosure.participants(y.net, y.book, l);
    // C joined in December, which is left out: no included month, so not counted.
    assertThat(ids(y, p.member())).containsExactly("R", "A", "B", "F", "G");
    // R Jan-Oct 10 months; A Apr-Oct 7.
    assertThat(p.months()).containsExactly(10, 7, 3, 1, 1);
    assertThat(IncomeDisclosure.compute(y.net, y.book, l, RANKS).leftOut()).containsExactly(11, 12);
  }

  @Test
  void nearestRankPositionsForSmallGroups() {
    // ceil(p x n / 100): n = 1 -> 1 for every p.
    for (int p : new int[] {10, 25, 50, 75, 90}) assertThat(IncomeDisclosure.position(p, 1)).isEqualTo(1);
    // n = 2: p10 0.2 -> 1, p25 0.5 -> 1, p50 1.0 -> 1, p75 1.5 -> 2, p90 1.8 -> 2.
    assertThat(positions(2)).containsExactly(1, 1, 1, 2, 2);
    // n = 3: 0.3 -> 1, 0.75 -> 1, 1.5 -> 2, 2.25 -> 3, 2.7 -> 3.
    assertThat(positions(3)).containsExactly(1, 1, 2, 3, 3);
    // n = 10: 1.0 -> 1, 2.5 -> 3, 5.0 -> 5, 7.5 -> 8, 9.0 -> 9.
    assertThat(positions(10)).containsExactly(1, 3, 5, 8, 9);
    long[] ten = {-500, 0, 0, 100, 250, 300, 1000, 1200, 5000, 90000};
    // n = 10, the values at positions 1, 3, 5, 8, 9 of the sorted list.
    assertThat(new long[] {IncomeDisclosure.nearestRank(ten, 10), IncomeDisclosure.nearestRank(ten, 25),
        IncomeDisclosure.nearestRank(ten, 50), IncomeDisclosure.nearestRank(ten, 75), IncomeDisclosure.nearestRank(ten, 90)})
        .containsExactly(-500, 0, 250, 1200, 5000);
  }

  @Test
  void medianPerMonthIsChosenExactlyThenRounded() {
    // 100.00 / 3 = 33.333.., 200.00 / 12 = 16.666.., 50.00 / 1 = 50 -> sorted 16.67, 33.33, 50; position 2 -> 33.33.
    assertThat(IncomeDisclosure.medianPerMonth(new long[] {10000, 20000, 5000}, new int[] {3, 12, 1})).isEqualTo(3333);
    // 200.00 / 3 = 66.666.. -> 66.67 (n = 1).
    assertThat(IncomeDisclosure.medianPerMonth(new long[] {20000}, new int[] {3})).isEqualTo(6667);
    // 0.05 / 2 = 0.025 -> 0.03 and -0.05 / 2 = -0.025 -> -0.03, halves away from zero.
    assertThat(IncomeDisclosure.medianPerMonth(new long[] {5}, new int[] {2})).isEqualTo(3);
    assertThat(IncomeDisclosure.medianPerMonth(new long[] {-5}, new int[] {2})).isEqualTo(-3);
    // The order is by the exact quotient: 7.00 / 2 = 3.50 sits above 10.00 / 3 = 3.333..; n = 2 -> position 1 -> 3.33.
    assertThat(IncomeDisclosure.medianPerMonth(new long[] {700, 1000}, new int[] {2, 3})).isEqualTo(333);
  }

  @Test
  void sharesRoundHalfAwayFromZeroToOneDecimal() {
    assertThat(Share.tenths(1, 3)).isEqualTo(333); // 33.333..
    assertThat(Share.tenths(2, 3)).isEqualTo(667); // 66.666..
    assertThat(Share.tenths(1, 8)).isEqualTo(125); // 12.5 exactly
    assertThat(Share.tenths(1, 16)).isEqualTo(63); // 6.25 -> 6.3, the half goes up
    assertThat(Share.tenths(1, 2000)).isEqualTo(1); // 0.05 -> 0.1
    assertThat(Share.tenths(1, 2001)).isEqualTo(0); // 0.04997..
    assertThat(Share.tenths(-1, 16)).isEqualTo(-63); // -6.25 -> -6.3, away from zero
    assertThat(Share.tenths(0, 0)).isEqualTo(0);
    assertThat(Share.format(63)).isEqualTo("6.3");
    assertThat(Share.format(1000)).isEqualTo("100.0");
    assertThat(Share.format(-5)).isEqualTo("-0.5");
  }

  record Figures(int participants, long share, int nothing, long shareNothing, long mean, long median, long p10, long p25,
      long p75, long p90, long min, long max, long perMonth, long medianNet, long shareNegative) {}

  static Figures row(IncomeDisclosure.Statement s, int i) {
    IncomeDisclosure.Row r = s.rows().get(i);
    return new Figures(r.participants(), r.shareOfParticipants(), r.earnedNothing(), r.shareEarnedNothing(), r.mean(),
        r.median(), r.p10(), r.p25(), r.p75(), r.p90(), r.min(), r.max(), r.medianPerMonth(), r.medianNet(),
        r.shareNetNegative());
  }

  static int[] positions(int n) {
    return new int[] {IncomeDisclosure.position(10, n), IncomeDisclosure.position(25, n), IncomeDisclosure.position(50, n),
      IncomeDisclosure.position(75, n), IncomeDisclosure.position(90, n)};
  }

  static List<String> ids(Year2025 y, int[] members) {
    return java.util.Arrays.stream(members).mapToObj(y.net::id).toList();
  }
}
