package org.downline.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

import org.downline.planfile.PlanFile;
import org.junit.jupiter.api.Test;

class PayoutHealthTest {
  @Test
  void againstTheCapAndTheTopEarners() {
    // 11 earners: 1000.00, 500.00 and nine of 100.00 = 2400.00, and one member paid nothing.
    long[] totals = {100000, 50000, 10000, 10000, 10000, 10000, 10000, 10000, 10000, 10000, 10000, 0};
    PayoutHealth.Row r = PayoutHealth.of(0, 1_000_000, totals, PlanFile.load("demo"));
    // Paid 2400.00 of CV 10,000.00 = 24.0; the demo plan's cap is 50% of CV: 50.0, breakage 26.0.
    assertThat(r.payoutShare()).isEqualTo(240);
    assertThat(r.maxShare()).isEqualTo(500);
    assertThat(r.breakage()).isEqualTo(260);
    assertThat(r.earners()).isEqualTo(11);
    // Top 1%: ceil(11 / 100) = 1 earner, 1000 / 2400 = 41.67 -> 41.7; top 10%: ceil(11 / 10) = 2, 1500 / 2400 = 62.5.
    assertThat(r.top1Share()).isEqualTo(417);
    assertThat(r.top10Share()).isEqualTo(625);
  }
}
