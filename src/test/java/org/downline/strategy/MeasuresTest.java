package org.downline.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Every measure's definition on a hand-made company. Company figures as of 2025-12-31: the window
 * is the 365 days 2025-01-01 .. 2025-12-31.
 */
class MeasuresTest {
  static final int AS_OF = Shop.day("2025-12-31");
  static final int FROM = Shop.day("2025-01-01");

  static Shop shop() {
    return new Shop()
        .member("D0 d - 2023-01-01")
        .member("D1 d D0 2025-03-01")
        .member("D2 d D0 2024-06-01")
        .member("D3 d D0 2025-08-01")
        .member("C1 c D0 2024-11-01")
        .member("C2 c D0 2025-01-10")
        .member("C3 c D0 2025-11-01")
        .member("C4 c D0 2024-02-01")
        .member("R1 c C2 2025-05-01")
        .order("c1a C1 2024-11-05 15.00")
        .order("c1b C1 2025-02-04 30.00 EDU")
        .order("c2a C2 2025-01-10 50.00 AD")
        .order("c2r C2 2025-01-20 10.00 of=c2a")
        .order("c2b C2 2025-03-01 20.00 auto")
        .order("c4a C4 2025-03-01 10.00")
        .order("d1a D1 2025-06-01 100.00")
        .order("c3a C3 2025-11-01 40.00 EDU");
  }

  Measures measures(Shop s) {
    return new Measures(s.network(), s.book(), Set.of("EDU"));
  }

  @Test
  void companyFiguresByHand() {
    Shop s = shop();
    Measures m = measures(s);
    // revenue: sales in the window 30 + 50 + 20 + 10 + 100 + 40 = 250, less the return of c2a 10 = 240.00
    // (c1a is before the window); over 6 sales.
    assertThat(m.company(Measure.REVENUE, 0, AS_OF)).isEqualTo(new Measures.Value(240_00, 6));
    // repeat-rate 90: customers whose first sale is in 2024-10-03 .. 2025-10-02 (the window moved back
    // 90 days): C1 (2024-11-05), C2 (2025-01-10), C4 (2025-03-01); C3's first is later. C1 again on
    // 2025-02-04, day 91 after 2024-11-05 (day 90 is 2025-02-03): no; C2 again 2025-03-01 (day 50): yes;
    // C4 never again. 1 / 3 = 33.33% -> 3333.
    assertThat(m.company(Measure.REPEAT_RATE, 90, AS_OF)).isEqualTo(new Measures.Value(3333, 3));
    // autoship share: autoship revenue 20.00 / revenue 240.00 = 8.333..% -> 833 (over 6 sales)
    assertThat(m.company(Measure.AUTOSHIP_SHARE, 0, AS_OF)).isEqualTo(new Measures.Value(833, 6));
    // referrals per customer: joined in the window with a customer sponsor: R1 (C2) = 1; customers with
    // a sale in the window: C1, C2, C3, C4 = 4. 1 / 4 = 0.25 -> 25 hundredths.
    assertThat(m.company(Measure.REFERRALS_PER_CUSTOMER, 0, AS_OF)).isEqualTo(new Measures.Value(25, 4));
    // new distributors: D1 (2025-03-01) and D3 (2025-08-01) joined in the window; D2 earlier. 2 -> 200.
    assertThat(m.company(Measure.NEW_DISTRIBUTORS, 0, AS_OF)).isEqualTo(new Measures.Value(200, 2));
    // distributor retention 90: joined 2024-10-03 .. 2025-10-02: D1, D3. D1 bought 2025-06-01, on or
    // after 2025-05-30 (joined + 90): kept; D3 never bought. 1 / 2 -> 5000.
    assertThat(m.company(Measure.DISTRIBUTOR_RETENTION_90, 0, AS_OF)).isEqualTo(new Measures.Value(5000, 2));
    // customer retention 12 months: joined 2024-01-01 .. 2024-12-31 (the year ending a year before):
    // C1 (2024-11-01), C4 (2024-02-01). C4 bought 2025-03-01, after 2025-02-01: kept; C1's last sale
    // 2025-02-04 is before 2025-11-01: not kept. 1 / 2 -> 5000.
    assertThat(m.company(Measure.CUSTOMER_RETENTION_12M, 0, AS_OF)).isEqualTo(new Measures.Value(5000, 2));
    // educational reach: members with a sale in the window carrying EDU: C1, C3 = 2 -> 200.
    assertThat(m.company(Measure.EDUCATIONAL_REACH, 0, AS_OF)).isEqualTo(new Measures.Value(200, 2));
    assertThat(m.company(Measure.MANUAL, 0, AS_OF)).isNull();
  }

  @Test
  void figuresOverAGroupByHand() {
    Shop s = shop();
    Measures m = measures(s);
    boolean[] g = s.group("C2", "C3");
    // revenue per member: C2 50 + 20 - 10 = 60, C3 40; 100.00 / 2 = 50.00
    assertThat(m.over(Measure.REVENUE, 0, g, FROM, AS_OF)).isEqualTo(new Measures.Value(50_00, 2));
    // repeat 90: C2 (first 2025-01-10, +90 <= 12-31) repeats on 03-01; C3 (11-01 + 90 is after the
    // window's end) is not yet eligible. 1 / 1 = 100% -> 10000.
    assertThat(m.over(Measure.REPEAT_RATE, 90, g, FROM, AS_OF)).isEqualTo(new Measures.Value(10000, 1));
    // autoship share: 20.00 of 100.00 = 20% -> 2000, over 3 sales (c2a, c2b, c3a)
    assertThat(m.over(Measure.AUTOSHIP_SHARE, 0, g, FROM, AS_OF)).isEqualTo(new Measures.Value(2000, 3));
    // referrals: R1 (sponsor C2) over 2 customers: 0.5 -> 50
    assertThat(m.over(Measure.REFERRALS_PER_CUSTOMER, 0, g, FROM, AS_OF)).isEqualTo(new Measures.Value(50, 2));
    // new distributors: none of the 2 -> 0%
    assertThat(m.over(Measure.NEW_DISTRIBUTORS, 0, g, FROM, AS_OF)).isEqualTo(new Measures.Value(0, 2));
    // customer retention 12 months: C2 and C3 joined less than a year before the end: no one to measure
    assertThat(m.over(Measure.CUSTOMER_RETENTION_12M, 0, g, FROM, AS_OF)).isNull();
    // educational reach: C3 of 2 -> 50% -> 5000
    assertThat(m.over(Measure.EDUCATIONAL_REACH, 0, g, FROM, AS_OF)).isEqualTo(new Measures.Value(5000, 2));
    // distributor retention 90 over D1, D3: both joined 90+ days before the end; D1 kept -> 5000
    assertThat(m.over(Measure.DISTRIBUTOR_RETENTION_90, 0, s.group("D1", "D3"), FROM, AS_OF))
        .isEqualTo(new Measures.Value(5000, 2));
  }
}
