package org.downline.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.downline.core.Decimals;
import org.downline.core.Periods;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Figures as a reader of the page reads them ({@code ${@fmt.money(x)}}): exact hundredths, never
 * rounded, grouped and with the decimal mark of the reader's language (the request's locale, see
 * {@link Languages}): English {@code 12,345.60}, Romanian {@code 12.345,60}, Polish {@code 12 345,60}
 * (a no-break space); dates ISO in English ({@code 2026-02-01}), {@code 01.02.2026} in Romanian and
 * Polish; money with the company's currency code ({@code downline.currency}, default USD). Periods
 * stay {@code 2026-02} in every language: they are also what one types into the period fields.
 * CSV files and the API never use this: they keep the machine format (a dot, ISO dates).
 */
@Component("fmt")
public final class Formats {
  /** The currency when none is configured. */
  public static final String DEFAULT_CURRENCY = "USD";
  private static final DateTimeFormatter DOTTED = DateTimeFormatter.ofPattern("dd.MM.uuuu");
  private static final DateTimeFormatter DOTTED_TIME = DateTimeFormatter.ofPattern("dd.MM.uuuu HH:mm:ss");
  private static final DateTimeFormatter ISO_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss");

  private final String currency;
  /** Null: the locale of the request being answered. */
  private final Locale fixed;

  @Autowired
  public Formats(@Value("${downline.currency:" + DEFAULT_CURRENCY + "}") String currency) {
    this(currency, null);
  }

  private Formats(String currency, Locale fixed) {
    this.currency = currency;
    this.fixed = fixed;
  }

  /** Formats for one locale whatever the request (tests, and the API's English figures). */
  public static Formats of(Locale locale, String currency) {
    return new Formats(currency, locale);
  }

  /** The English formats the API has always used ({@code 6.4 %}). */
  public static Formats english() {
    return of(Locale.ENGLISH, DEFAULT_CURRENCY);
  }

  private Locale locale() {
    return fixed != null ? fixed : LocaleContextHolder.getLocale();
  }

  private char group() {
    return switch (locale().getLanguage()) {
      case "ro" -> '.';
      case "pl" -> '\u00a0';
      default -> ',';
    };
  }

  private char decimal() {
    return switch (locale().getLanguage()) {
      case "ro", "pl" -> ',';
      default -> '.';
    };
  }

  private boolean isoDates() {
    String l = locale().getLanguage();
    return !l.equals("ro") && !l.equals("pl");
  }

  /** Hundredths with both decimals and grouping: {@code 1234560 -> 12,345.60 / 12.345,60 / 12 345,60}. */
  public String money(long cents) {
    String plain = Decimals.format(cents);
    int dot = plain.indexOf('.');
    return grouped(plain.substring(0, dot)) + decimal() + plain.substring(dot + 1);
  }

  /** Money with its currency code: {@code 12,345.60 USD}, {@code 12.345,60 RON}. */
  public String cash(long cents) {
    return money(cents) + '\u00a0' + currency;
  }

  /** The company's currency code (ISO 4217), for column headings and beside amounts. */
  public String currency() {
    return currency;
  }

  /** A whole number with grouping: {@code 20000 -> 20,000 / 20.000 / 20 000}. */
  public String count(long n) {
    return grouped(Long.toString(n));
  }

  private String grouped(String digits) {
    boolean negative = digits.startsWith("-");
    String whole = negative ? digits.substring(1) : digits;
    StringBuilder sb = new StringBuilder(negative ? "-" : "");
    char g = group();
    for (int i = 0; i < whole.length(); i++) {
      if (i > 0 && (whole.length() - i) % 3 == 0) sb.append(g);
      sb.append(whole.charAt(i));
    }
    return sb.toString();
  }

  /** An epoch day as a date of the reader's language. */
  public String day(int epochDay) {
    return date(LocalDate.ofEpochDay(epochDay));
  }

  public String date(LocalDate d) {
    if (d == null) return "";
    return isoDates() ? Periods.formatDay((int) d.toEpochDay()) : DOTTED.format(d);
  }

  /** An ISO date ({@code 2026-02-20}) as a date of the reader's language. */
  public String isoDate(String iso) {
    return iso == null || iso.isBlank() ? "" : date(LocalDate.parse(iso));
  }

  /** A moment in UTC, to the second. */
  public String instant(Instant at) {
    if (at == null) return "";
    return (isoDates() ? ISO_TIME : DOTTED_TIME).format(at.atOffset(ZoneOffset.UTC));
  }

  public String period(int periodIndex) {
    return Periods.name(periodIndex);
  }

  /** A share as a percentage with one decimal, from two hundredths amounts: {@code 6.4 %}, {@code 6,4 %}. */
  public String percent(long part, long whole) {
    if (whole == 0) return "–";
    long tenths = Decimals.divideHalfAwayFromZero(part * 1000, whole);
    String s = Decimals.format(tenths * 10).replaceFirst("0$", "");
    return s.replace('.', decimal()) + " %";
  }

  /** Basis points as a percentage with two decimals ({@code 1250 -> 12.50 %}), a dash for none. */
  public String basisPoints(long basisPoints) {
    return money(basisPoints) + " %";
  }
}
