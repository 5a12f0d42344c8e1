package org.downline.disclosure;

import org.downline.core.Decimals;

/** A share in percent with one decimal, held as tenths of a percent (333 = 33.3%). */
public final class Share {
  private Share() {}

  /** {@code part / whole x 100} in tenths of a percent, halves away from zero; 0 when whole is 0. */
  public static long tenths(long part, long whole) {
    if (whole == 0) return 0;
    if (whole < 0) {
      part = -part;
      whole = -whole;
    }
    return Decimals.divideHalfAwayFromZero(Math.multiplyExact(part, 1000L), whole);
  }

  /** Tenths of a percent as text with one decimal: 333 -> "33.3", -5 -> "-0.5". */
  public static String format(long tenths) {
    long a = Math.abs(tenths);
    return (tenths < 0 ? "-" : "") + a / 10 + "." + a % 10;
  }
}
