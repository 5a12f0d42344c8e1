package org.downline.commission;

import static org.assertj.core.api.Assertions.assertThat;

import org.downline.core.Decimals;
import org.downline.testing.Property;
import org.junit.jupiter.api.Test;

/** The fast rounding of exact amounts to cents is the general one, halves away from zero, over the whole long range. */
class ExactTest {
  @Test
  void microToCentsRoundsAsTheGeneralDivision() {
    long[] edges = {0, 1, -1, 499_999, 500_000, 500_001, -499_999, -500_000, -500_001, 1_499_999, 1_500_000, -1_500_000,
        2_500_000, -2_500_000, Long.MAX_VALUE, Long.MIN_VALUE, Long.MAX_VALUE - 500_000, Long.MAX_VALUE - 499_999,
        Long.MIN_VALUE + 500_000, Long.MIN_VALUE + 499_999, -(Long.MAX_VALUE - 500_000), -(Long.MAX_VALUE - 500_000) - 1};
    for (long m : edges) assertThat(Exact.microToCents(m)).as("%d", m).isEqualTo(Decimals.divideHalfAwayFromZero(m, Exact.MICRO));
    assertThat(Exact.microToCents(2_500_000)).isEqualTo(3);
    assertThat(Exact.microToCents(-2_500_000)).isEqualTo(-3);
    assertThat(Exact.microToCents(2_499_999)).isEqualTo(2);
    Property.forAll(200, g -> {
      long m = g.bool("wide") ? g.longBetween(Long.MIN_VALUE, Long.MAX_VALUE) : g.intBetween("cents", -5_000_000, 5_000_000) * 1_000_000L
          + g.intBetween("micro", -999_999, 999_999);
      assertThat(Exact.microToCents(m)).as("%d", m).isEqualTo(Decimals.divideHalfAwayFromZero(m, Exact.MICRO));
    });
  }
}
