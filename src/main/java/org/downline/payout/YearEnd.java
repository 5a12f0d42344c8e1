package org.downline.payout;

/**
 * An earner's year: gross earnings, clawbacks, adjustments (restatements included) and what was
 * paid (payouts less failed payouts), from the year's member entries. Amounts in hundredths, one
 * currency.
 */
public record YearEnd(long gross, long clawbacks, long adjustments, long paid) {
  /** Entry kinds as the ledger names them. */
  public static YearEnd of(String[] kind, long[] amount) {
    long gross = 0;
    long clawbacks = 0;
    long adjustments = 0;
    long paid = 0;
    for (int i = 0; i < kind.length; i++) {
      switch (kind[i]) {
        case "earning" -> gross = Math.addExact(gross, amount[i]);
        case "clawback" -> clawbacks = Math.addExact(clawbacks, amount[i]);
        case "adjustment", "restatement" -> adjustments = Math.addExact(adjustments, amount[i]);
        // payouts are debits on the member's account: paid is their negation
        case "payout", "payout_failed" -> paid = Math.subtractExact(paid, amount[i]);
        default -> throw new IllegalArgumentException("not a member entry kind: " + kind[i]);
      }
    }
    return new YearEnd(gross, clawbacks, adjustments, paid);
  }

  /** Earned in the year: gross + clawbacks + adjustments (clawbacks are negative). */
  public long net() {
    return gross + clawbacks + adjustments;
  }
}
