package org.downline.nextstep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.downline.nextstep.FrequencyReport.Row;
import org.junit.jupiter.api.Test;

class FrequencyReportTest {
  /** As of 2025-06-30 the window is 2024-07-01..2025-06-30. */
  static final int AS_OF = Company.day("2025-06-30");

  static Company company() {
    return new Company()
        .distributor("D1", null, "2023-01-01")
        .distributor("D2", "D1", "2024-01-01")
        .distributor("D3", "D1", "2025-06-30") // joined on the as-of date, no order: lapsed
        .customer("C1", "D1", "2024-01-01")
        .preferred("C2", "D1", "2024-02-01") // a preferred customer is a customer
        .customer("C3", "C1", "2024-03-01")
        .customer("C4", "D2", "2025-07-15") // joined after the as-of date: not counted at all
        .customer("C5", "D2", "2024-01-01") // never ordered: lapsed
        .customer("C6", "D2", "2023-06-01")
        .customer("C7", "D2", "2023-06-01")
        .customer("C8", "D2", "2023-01-01")
        // C1: one sale on the first day of the window. A sale the day before the window and its
        // return dated inside the window change nothing (the sale is not in the window).
        .sale("o0", "C1", "2024-06-30", "80.00")
        .refund("r0", "o0", "C1", "2024-07-05", "80.00")
        .sale("o1", "C1", "2024-07-01", "50.00")
        // C2: 3 sales (30 + 30 + 40 = 100.00, the last on the as-of date) less a return of 10.00
        .sale("o2", "C2", "2024-08-01", "30.00")
        .sale("o3", "C2", "2024-09-01", "30.00")
        .refund("r3", "o3", "C2", "2024-09-10", "10.00")
        .sale("o4", "C2", "2025-06-30", "40.00")
        // C3: 2 sales 25.00 + 25.03; the return dated after the as-of date does not count
        .sale("o5", "C3", "2025-01-01", "25.00")
        .sale("o6", "C3", "2025-02-01", "25.03")
        .refund("r6", "o6", "C3", "2025-07-02", "25.03")
        // C6: 11 sales of 1.00 (2024-07-15..2025-05-15); C7: 10 sales of 2.50 (2024-07..2025-04)
        .monthlySales("C6", "2024-07", 11, "1.00")
        .monthlySales("C7", "2024-07", 10, "2.50")
        // C8: only a sale the day before the window: lapsed
        .sale("o7", "C8", "2024-06-30", "9.99")
        // D1: 2 sales 50.00 + 50.01 = 100.01; 100.01 / 2 = 50.005 -> 50.01 (half up)
        .sale("o8", "D1", "2024-10-01", "50.00")
        .sale("o9", "D1", "2024-11-01", "50.01")
        // D2: 4 sales of 10.00 in the window and one before it
        .sale("o10", "D2", "2024-06-01", "10.00")
        .monthlySales("D2", "2025-01", 4, "10.00");
  }

  @Test
  void everySegmentOfBothPopulationsByHand() {
    Company c = company();
    FrequencyReport report = FrequencyReport.compute(c.network(), c.book(), AS_OF, FrequencyBounds.DEFAULT);

    assertThat(report.window().toString()).isEqualTo("2024-07-01..2025-06-30");
    assertThat(report.rows()).containsExactly(
        // C1: 1 order, 50.00
        new Row(Population.CUSTOMERS, "1", 1, 1, 50_00),
        // C2 (100.00 - 10.00 = 90.00, 3 orders) + C3 (50.03, 2 orders) = 140.03 over 5 orders
        new Row(Population.CUSTOMERS, "2-3", 2, 5, 140_03),
        new Row(Population.CUSTOMERS, "4-6", 0, 0, 0),
        // C7: 10 x 2.50
        new Row(Population.CUSTOMERS, "7-10", 1, 10, 25_00),
        // C6: 11 x 1.00
        new Row(Population.CUSTOMERS, "11+", 1, 11, 11_00),
        // C5 and C8; C4 joined after the as-of date
        new Row(Population.CUSTOMERS, "lapsed", 2, 0, 0),
        new Row(Population.DISTRIBUTORS, "1", 0, 0, 0),
        new Row(Population.DISTRIBUTORS, "2-3", 1, 2, 100_01),
        new Row(Population.DISTRIBUTORS, "4-6", 1, 4, 40_00),
        new Row(Population.DISTRIBUTORS, "7-10", 0, 0, 0),
        new Row(Population.DISTRIBUTORS, "11+", 0, 0, 0),
        new Row(Population.DISTRIBUTORS, "lapsed", 1, 0, 0));

    // 140.03 / 5 = 28.006 -> 28.01; 100.01 / 2 = 50.005 -> 50.01 (half up); no orders -> 0.00
    assertThat(report.row(Population.CUSTOMERS, "2-3").averageOrderValue()).isEqualTo(28_01);
    assertThat(report.row(Population.DISTRIBUTORS, "2-3").averageOrderValue()).isEqualTo(50_01);
    assertThat(report.row(Population.CUSTOMERS, "7-10").averageOrderValue()).isEqualTo(2_50);
    assertThat(report.row(Population.CUSTOMERS, "lapsed").averageOrderValue()).isZero();
  }

  @Test
  void theWindowMovesWithTheAsOfDate() {
    Company c = company();
    // As of 2024-06-30 the window is 2023-07-01..2024-06-30: C1 has o0 (80.00) and its return is
    // later; C8 has o7; D2 has o10. Nobody else ordered yet; C6, C7 and C5 joined before: lapsed.
    FrequencyReport report =
        FrequencyReport.compute(c.network(), c.book(), Company.day("2024-06-30"), FrequencyBounds.DEFAULT);
    assertThat(report.row(Population.CUSTOMERS, "1")).isEqualTo(new Row(Population.CUSTOMERS, "1", 2, 2, 89_99));
    // C2 joined 2024-02-01 and C3 2024-03-01: lapsed too (joined, no order): C2, C3, C5, C6, C7
    assertThat(report.row(Population.CUSTOMERS, "lapsed").members()).isEqualTo(5);
    assertThat(report.row(Population.DISTRIBUTORS, "1")).isEqualTo(new Row(Population.DISTRIBUTORS, "1", 1, 1, 10_00));
    // D1 joined 2023-01-01 and had no order; D3 had not joined
    assertThat(report.row(Population.DISTRIBUTORS, "lapsed").members()).isEqualTo(1);
  }

  @Test
  void boundsComeFromConfiguration() {
    Company c = company();
    FrequencyBounds bounds = new FrequencyBounds(1, 5);
    FrequencyReport report = FrequencyReport.compute(c.network(), c.book(), AS_OF, bounds);
    assertThat(report.rows().stream().filter(r -> r.population() == Population.CUSTOMERS))
        .containsExactly(
            // C1 (1, 50.00) + C2 (3, 90.00) + C3 (2, 50.03)
            new Row(Population.CUSTOMERS, "1-4", 3, 6, 190_03),
            // C7 (10, 25.00) + C6 (11, 11.00)
            new Row(Population.CUSTOMERS, "5+", 2, 21, 36_00),
            new Row(Population.CUSTOMERS, "lapsed", 2, 0, 0));
  }

  @Test
  void boundLabelsAndValidation() {
    assertThat(FrequencyBounds.DEFAULT.toString()).isEqualTo("1, 2-3, 4-6, 7-10, 11+, lapsed");
    assertThat(FrequencyBounds.DEFAULT.segmentOf(0)).isEqualTo(5);
    assertThat(FrequencyBounds.DEFAULT.segmentOf(3)).isEqualTo(1);
    assertThat(FrequencyBounds.DEFAULT.segmentOf(4)).isEqualTo(2);
    assertThat(FrequencyBounds.DEFAULT.segmentOf(10)).isEqualTo(3);
    assertThat(FrequencyBounds.DEFAULT.segmentOf(11)).isEqualTo(4);
    assertThat(FrequencyBounds.DEFAULT.segmentOf(5000)).isEqualTo(4);
    assertThat(new FrequencyBounds(1).toString()).isEqualTo("1+, lapsed");
    assertThatThrownBy(() -> new FrequencyBounds(2, 3)).hasMessageContaining("must start at 1");
    assertThatThrownBy(() -> new FrequencyBounds(1, 3, 3)).hasMessageContaining("must increase");
  }

  @Test
  void windowOfALeapDay() {
    // 2024-02-29 minus one year is 2023-02-28, so the window starts the day after
    assertThat(Window.endingOn(Company.day("2024-02-29")).toString()).isEqualTo("2023-03-01..2024-02-29");
  }
}
