package org.downline.core;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Money and volume as exact fixed-point numbers with two decimal places, held in a {@code long} of
 * hundredths ("cents"). Engines work on longs so that millions of members fit in primitive arrays;
 * {@link BigDecimal} appears only at the edges.
 */
public final class Decimals {
  private Decimals() {}

  /** How {@link #parseCents}'s refusal of a third decimal place ends. */
  private static final String TOO_MANY_DECIMALS = "has more than two decimal places";

  /**
   * Parses a plain decimal such as {@code 12}, {@code -3.5} or {@code 0.25} into hundredths.
   *
   * @throws NumberFormatException with a reason fit for a user when the text is not such a number
   *     or has more than two decimal places
   */
  public static long parseCents(String text) {
    String s = text.strip();
    if (s.isEmpty()) throw new NumberFormatException("empty number");
    int i = 0;
    boolean negative = false;
    if (s.charAt(0) == '-' || s.charAt(0) == '+') {
      negative = s.charAt(0) == '-';
      i = 1;
    }
    long whole = 0;
    int wholeDigits = 0;
    for (; i < s.length() && s.charAt(i) != '.'; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') throw new NumberFormatException("'" + text + "' is not a number");
      whole = Math.addExact(Math.multiplyExact(whole, 10), c - '0');
      wholeDigits++;
    }
    long fraction = 0;
    int fractionDigits = 0;
    if (i < s.length()) {
      for (i++; i < s.length(); i++) {
        char c = s.charAt(i);
        if (c < '0' || c > '9') throw new NumberFormatException("'" + text + "' is not a number");
        if (++fractionDigits > 2) {
          throw new NumberFormatException("'" + text + "' " + TOO_MANY_DECIMALS);
        }
        fraction = fraction * 10 + (c - '0');
      }
    }
    if (wholeDigits == 0 && fractionDigits == 0) {
      throw new NumberFormatException("'" + text + "' is not a number");
    }
    if (fractionDigits == 1) fraction *= 10;
    long cents = Math.addExact(Math.multiplyExact(whole, 100), fraction);
    return negative ? -cents : cents;
  }

  /**
   * Why {@link #parseCents} refused {@code text} (its NumberFormatException, or the ArithmeticException of
   * a number past what a long holds in hundredths), as a reason of the inputs bundle: a file's cell and a
   * request's parameter are told alike, in the reader's language.
   */
  public static Reason refusal(String text, RuntimeException refused) {
    if (refused instanceof ArithmeticException) return Reason.of("tooLarge", text);
    if (text.isBlank()) return Reason.of("emptyNumber");
    return Reason.of(tooManyDecimals(refused) ? "decimals" : "notNumber", text);
  }

  /** True when {@link #parseCents} refused a number for its third decimal place. */
  public static boolean tooManyDecimals(RuntimeException refused) {
    return refused instanceof NumberFormatException && refused.getMessage() != null && refused.getMessage().endsWith(TOO_MANY_DECIMALS);
  }

  /** Formats hundredths as a plain decimal with exactly two places: {@code -1234 -> "-12.34"}. */
  public static String format(long cents) {
    StringBuilder sb = new StringBuilder(16);
    long abs = Math.abs(cents);
    if (cents < 0) sb.append('-');
    sb.append(abs / 100).append('.');
    long f = abs % 100;
    if (f < 10) sb.append('0');
    return sb.append(f).toString();
  }

  public static BigDecimal toBigDecimal(long cents) {
    return BigDecimal.valueOf(cents, 2);
  }

  /** Exact conversion; fails when the value has more than two decimal places. */
  public static long fromBigDecimal(BigDecimal value) {
    return value.setScale(2, RoundingMode.UNNECESSARY).unscaledValue().longValueExact();
  }

  /**
   * {@code numerator / denominator} rounded to the nearest whole number, halves away from zero.
   * Used to turn an exact amount held in finer units (e.g. millionths of a cent) into cents.
   */
  public static long divideHalfAwayFromZero(long numerator, long denominator) {
    if (denominator <= 0) throw new IllegalArgumentException("denominator must be positive");
    long q = numerator / denominator;
    long r = numerator % denominator;
    if (Math.abs(r) * 2 >= denominator) q += numerator < 0 ? -1 : 1;
    return q;
  }
}
