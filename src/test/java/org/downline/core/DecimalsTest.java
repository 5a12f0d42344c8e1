package org.downline.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.downline.testing.Property;
import org.junit.jupiter.api.Test;

class DecimalsTest {
  @Test
  void parsesPlainDecimalsToHundredths() {
    assertThat(Decimals.parseCents("12")).isEqualTo(1200);
    assertThat(Decimals.parseCents("12.3")).isEqualTo(1230);
    assertThat(Decimals.parseCents("12.34")).isEqualTo(1234);
    assertThat(Decimals.parseCents("-0.05")).isEqualTo(-5);
    assertThat(Decimals.parseCents(".5")).isEqualTo(50);
    assertThat(Decimals.parseCents(" 7.00 ")).isEqualTo(700);
  }

  @Test
  void refusesWhatIsNotAnExactTwoPlaceNumber() {
    assertThatThrownBy(() -> Decimals.parseCents("1.234")).hasMessageContaining("more than two decimal places");
    assertThatThrownBy(() -> Decimals.parseCents("1e3")).hasMessageContaining("is not a number");
    assertThatThrownBy(() -> Decimals.parseCents("-")).hasMessageContaining("is not a number");
    assertThatThrownBy(() -> Decimals.parseCents("1,5")).hasMessageContaining("is not a number");
  }

  @Test
  void formatsWithTwoPlaces() {
    assertThat(Decimals.format(0)).isEqualTo("0.00");
    assertThat(Decimals.format(5)).isEqualTo("0.05");
    assertThat(Decimals.format(-1234)).isEqualTo("-12.34");
    assertThat(Decimals.format(100000)).isEqualTo("1000.00");
  }

  @Test
  void roundsHalvesAwayFromZero() {
    assertThat(Decimals.divideHalfAwayFromZero(25, 10)).isEqualTo(3); // 2.5 -> 3
    assertThat(Decimals.divideHalfAwayFromZero(-25, 10)).isEqualTo(-3); // -2.5 -> -3
    assertThat(Decimals.divideHalfAwayFromZero(24, 10)).isEqualTo(2);
    assertThat(Decimals.divideHalfAwayFromZero(-26, 10)).isEqualTo(-3);
    assertThat(Decimals.divideHalfAwayFromZero(617, 10)).isEqualTo(62); // 5% of 12.34 = 0.617 -> 0.62
  }

  @Test
  void formatAndParseRoundTrip() {
    // 1,000 tries, as before; amounts up to ten billion in either direction, edges included.
    Property.forAll(1000, g -> {
      long cents = g.longBetween(-1_000_000_000_000L, 1_000_000_000_000L);
      assertThat(Decimals.parseCents(Decimals.format(cents))).as("%d", cents).isEqualTo(cents);
      assertThat(Decimals.fromBigDecimal(Decimals.toBigDecimal(cents))).as("%d", cents).isEqualTo(cents);
      assertThat(Decimals.toBigDecimal(cents)).as("%d", cents).isEqualByComparingTo(new BigDecimal(Decimals.format(cents)));
    });
  }
}
