package org.downline.commission;

/**
 * An exact rate held as parts per million (5% = 50_000), so that a rate times an amount in cents
 * is an exact whole number of millionths of a cent. Plans with finer rates are refused when loaded.
 */
public record Rate(long ppm) {
  public static final long ONE = 1_000_000L;

  public Rate {
    if (ppm < 0) throw new IllegalArgumentException("a rate must not be negative");
  }

  public static Rate ofPpm(long ppm) {
    return new Rate(ppm);
  }

  /** {@code cents x rate} in millionths of a cent, exactly. */
  public long applyMicro(long cents) {
    return Math.multiplyExact(cents, ppm);
  }

  /** As a percentage without trailing zeros: 50_000 -> "5%", 12_500 -> "1.25%". */
  @Override
  public String toString() {
    return new java.math.BigDecimal(ppm).movePointLeft(4).stripTrailingZeros().toPlainString() + "%";
  }
}
