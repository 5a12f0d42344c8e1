package org.downline.payout;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Paying in another currency: the ledger currency's hundredths times the batch's recorded rate
 * (1 unit of the ledger currency = rate units of the other), rounded to the cent, halves away from
 * zero. Rates are entered with the batch, never fetched.
 */
public final class Rates {
  private Rates() {}

  public static long convert(long cents, BigDecimal rate) {
    if (rate.signum() <= 0) throw new IllegalArgumentException("rate must be positive");
    return BigDecimal.valueOf(cents, 2).multiply(rate).setScale(2, RoundingMode.HALF_UP).unscaledValue().longValueExact();
  }
}
