package org.downline.nextstep;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.downline.nextstep.FrequencyReport.Row;
import org.downline.nextstep.ImpactProjection.Projection;
import org.junit.jupiter.api.Test;

class ImpactProjectionTest {
  static final Population C = Population.CUSTOMERS;
  static final Population D = Population.DISTRIBUTORS;

  /** Customers: revenue per member 50, 125, 250, 400, 600 and 0 for the lapsed. */
  static FrequencyReport report() {
    return new FrequencyReport(Window.endingOn(Company.day("2025-06-30")), FrequencyBounds.DEFAULT, List.of(
        new Row(C, "1", 100, 100, 5_000_00),
        new Row(C, "2-3", 50, 120, 6_250_00),
        new Row(C, "4-6", 20, 100, 5_000_00),
        new Row(C, "7-10", 10, 80, 4_000_00),
        new Row(C, "11+", 5, 60, 3_000_00),
        new Row(C, "lapsed", 200, 0, 0),
        new Row(D, "1", 3, 3, 100_00),
        new Row(D, "2-3", 0, 0, 0),
        new Row(D, "4-6", 0, 0, 0),
        new Row(D, "7-10", 0, 0, 0),
        new Row(D, "11+", 0, 0, 0),
        new Row(D, "lapsed", 7, 0, 0)));
  }

  @Test
  void oneStepUpAtTenPercentAgainstTheRuleOfThumb() {
    Projection p = ImpactProjection.project(report(), C, 1000);
    assertThat(p.rows()).containsExactly(
        new ImpactProjection.Row("1", "2-3", 100, 1000, 750_00), // 100 x 10% x (125 - 50)
        new ImpactProjection.Row("2-3", "4-6", 50, 1000, 625_00), // 50 x 10% x (250 - 125)
        new ImpactProjection.Row("4-6", "7-10", 20, 1000, 300_00), // 20 x 10% x (400 - 250)
        new ImpactProjection.Row("7-10", "11+", 10, 1000, 200_00), // 10 x 10% x (600 - 400)
        new ImpactProjection.Row("11+", null, 5, 1000, 0), // the top has no step up
        new ImpactProjection.Row("lapsed", "1", 200, 1000, 1_000_00)); // 200 x 10% x 50
    // 750 + 625 + 300 + 200 + 1000 = 2875.00; revenue 5000 + 6250 + 5000 + 4000 + 3000 = 23250.00
    assertThat(p.change()).isEqualTo(2_875_00);
    assertThat(p.revenue()).isEqualTo(23_250_00);
    assertThat(p.ruleOfThumb()).isEqualTo(2_325_00); // 10% of 23250.00
  }

  @Test
  void ratesPerSegmentAndRounding() {
    // 1 -> 2-3 at 3.33%: 100 x 0.0333 x 75 = 249.75; lapsed -> 1 at 5%: 200 x 0.05 x 50 = 500.00
    Projection p = ImpactProjection.project(report(), C, new long[] {333, 0, 0, 0, 0, 500});
    assertThat(p.rows().get(0).change()).isEqualTo(249_75);
    assertThat(p.change()).isEqualTo(749_75);
    // Distributors: 3 in segment 1 with 100.00 (33.333.. each); 7 lapsed at 10%:
    // 7 x 0.1 x 33.333.. = 23.333.. -> 23.33; 1 -> 2-3 has no member to take a revenue from: 0
    Projection d = ImpactProjection.project(report(), D, 1000);
    assertThat(d.rows().get(5).change()).isEqualTo(23_33);
    assertThat(d.rows().get(0).change()).isZero();
    assertThat(d.ruleOfThumb()).isEqualTo(10_00);
  }

  @Test
  void observedRatesReplaceTheGivenOneSegmentBySegment() {
    // customers/1: 3 of 8 took the step = 37.50% (3750); customers/2-3: nobody recommended, so no rate:
    // the given 10%; distributors/1 belongs to the other population and changes nothing here.
    ConversionReport conversion = new ConversionReport(List.of(
        new ConversionReport.Row("customers/1", "second-order", 8, 3, 4, 1),
        new ConversionReport.Row("customers/2-3", "preferred-or-autoship", 0, 0, 2, 1),
        new ConversionReport.Row("distributors/1", "x", 4, 4, 0, 0),
        new ConversionReport.Row("no-first-sale", "first-sale", 5, 1, 1, 0)));
    ImpactProjection.Rates r = ImpactProjection.rates(FrequencyBounds.DEFAULT, C, 1000, conversion);
    assertThat(r.rates()).containsExactly(3750, 1000, 1000, 1000, 1000, 1000);
    assertThat(r.observed()).containsExactly(true, false, false, false, false, false);
    // With it, segment 1's change is 100 × 37.50% × (125 − 50) = 2812.50 (was 750.00 at 10%).
    assertThat(ImpactProjection.project(report(), C, r.rates()).rows().get(0).change()).isEqualTo(2812_50);
  }
}
