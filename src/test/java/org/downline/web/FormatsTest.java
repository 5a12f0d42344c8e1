package org.downline.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Figures as each language writes them, written out by hand: English groups with a comma and marks
 * decimals with a dot; Romanian groups with a dot and marks decimals with a comma; Polish groups with
 * a no-break space (U+00A0) and marks decimals with a comma. Amounts are exact hundredths, never
 * rounded: 1234567.89 stays 1234567.89 in every language.
 */
class FormatsTest {
  static final String NBSP = "\u00a0";
  final Formats en = Formats.of(Locale.ENGLISH, "USD");
  final Formats ro = Formats.of(Locale.of("ro"), "RON");
  final Formats pl = Formats.of(Locale.of("pl"), "PLN");

  @Test
  void moneyKeepsEveryCentInEachLanguage() {
    long cents = 123_456_789; // 1,234,567.89
    assertThat(en.money(cents)).isEqualTo("1,234,567.89");
    assertThat(ro.money(cents)).isEqualTo("1.234.567,89");
    assertThat(pl.money(cents)).isEqualTo("1" + NBSP + "234" + NBSP + "567,89");
    assertThat(en.money(-1_005)).isEqualTo("-10.05");
    assertThat(ro.money(-1_005)).isEqualTo("-10,05");
    assertThat(pl.money(5)).isEqualTo("0,05");
    assertThat(en.money(100_000)).isEqualTo("1,000.00");
    assertThat(pl.money(99_999)).isEqualTo("999,99"); // below a thousand: no grouping
  }

  @Test
  void moneyCarriesItsCurrencyCode() {
    assertThat(en.cash(2_150)).isEqualTo("21.50" + NBSP + "USD");
    assertThat(ro.cash(123_450)).isEqualTo("1.234,50" + NBSP + "RON");
    assertThat(pl.cash(123_450)).isEqualTo("1" + NBSP + "234,50" + NBSP + "PLN");
    assertThat(Formats.of(Locale.ENGLISH, "EUR").currency()).isEqualTo("EUR");
  }

  @Test
  void countsAndPercentages() {
    assertThat(en.count(20_000)).isEqualTo("20,000");
    assertThat(ro.count(20_000)).isEqualTo("20.000");
    assertThat(pl.count(20_000)).isEqualTo("20" + NBSP + "000");
    assertThat(en.count(999)).isEqualTo("999");
    // 21.50 of 335.00 = 6.417...% -> 6.4 % (one decimal, half away from zero)
    assertThat(en.percent(2_150, 33_500)).isEqualTo("6.4 %");
    assertThat(ro.percent(2_150, 33_500)).isEqualTo("6,4 %");
    assertThat(pl.percent(2_150, 33_500)).isEqualTo("6,4 %");
    assertThat(ro.percent(1, 0)).isEqualTo("–");
    // 3333 basis points = 33.33 %
    assertThat(en.basisPoints(3_333)).isEqualTo("33.33 %");
    assertThat(pl.basisPoints(3_333)).isEqualTo("33,33 %");
  }

  @Test
  void datesInEachLanguage() {
    LocalDate d = LocalDate.of(2026, 2, 1);
    assertThat(en.date(d)).isEqualTo("2026-02-01");
    assertThat(ro.date(d)).isEqualTo("01.02.2026");
    assertThat(pl.date(d)).isEqualTo("01.02.2026");
    assertThat(ro.day((int) d.toEpochDay())).isEqualTo("01.02.2026");
    assertThat(pl.isoDate("2026-02-20")).isEqualTo("20.02.2026");
    Instant at = Instant.parse("2026-02-03T04:05:06Z");
    assertThat(en.instant(at)).isEqualTo("2026-02-03 04:05:06");
    assertThat(ro.instant(at)).isEqualTo("03.02.2026 04:05:06");
    // Periods are what one types into the period fields: the same in every language.
    assertThat(pl.period(org.downline.core.Periods.index(java.time.YearMonth.of(2026, 2)))).isEqualTo("2026-02");
  }
}
