package org.downline.disclosure;

import java.util.Arrays;
import org.downline.commission.Plan;
import org.downline.commission.Rate;

/**
 * How a period's pay sits against what came in (docs/honest-numbers.md): payout as a share of the
 * period's net CV, against the plan's theoretical maximum (its payout cap), and how concentrated the
 * pay is on the top 1% and 10% of earners.
 */
public final class PayoutHealth {
  private PayoutHealth() {}

  /**
   * Shares in tenths of a percent; {@code hasShare} false when the CV is not positive;
   * {@code hasMax} false when the plan has no cap (then no maximum and no breakage are stated).
   */
  public record Row(int period, long cv, long payout, boolean hasShare, long payoutShare, boolean hasMax, long maxShare,
      long breakage, int earners, long top1Share, long top10Share) {}

  /**
   * @param totals each member's pay in the period (cents; any order, zeros allowed; not kept)
   */
  public static Row of(int period, long cv, long[] totals, Plan plan) {
    long payout = 0;
    int n = 0;
    for (long t : totals) {
      payout += t;
      if (t > 0) n++;
    }
    long[] paid = new long[n];
    int k = 0;
    long positive = 0;
    for (long t : totals) {
      if (t > 0) {
        paid[k++] = t;
        positive += t;
      }
    }
    Arrays.sort(paid);
    long top1 = top(paid, (n + 99) / 100);
    long top10 = top(paid, (n + 9) / 10);
    boolean hasShare = cv > 0;
    long share = hasShare ? Share.tenths(payout, cv) : 0;
    boolean hasMax = plan.cap() != null;
    // The cap's share in parts per million -> tenths of a percent (50% = 500,000 ppm = 500 tenths).
    long max = hasMax ? org.downline.core.Decimals.divideHalfAwayFromZero(plan.cap().share().ppm(), Rate.ONE / 1000) : 0;
    return new Row(period, cv, payout, hasShare, share, hasMax, max, hasMax && hasShare ? max - share : 0, n,
        Share.tenths(top1, positive), Share.tenths(top10, positive));
  }

  /** Sum of the k largest of an ascending array. */
  private static long top(long[] ascending, int k) {
    long s = 0;
    for (int i = ascending.length - k; i < ascending.length; i++) s += ascending[i];
    return s;
  }
}
