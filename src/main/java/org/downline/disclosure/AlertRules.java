package org.downline.disclosure;

/**
 * The thresholds of the loading and stacking alerts (docs/honest-numbers.md lists the defaults).
 *
 * @param lastDays the last days of a period in which own purchases are watched (loading)
 * @param loadingFactor late own PV at least this many times the usual monthly own PV raises loading
 * @param usualMonths months before the period whose average own PV is the usual level
 * @param loadingMinPv late own PV below this (cents) never raises loading
 * @param justEnoughMarginPercent PV ending at most this share above the Active threshold, reached only
 *     thanks to the late purchases, is "just enough"
 * @param firstOrderDays a first order within this many days of joining is a new distributor's
 * @param firstOrderTotal a new distributor's first order of at least this total (cents) is large
 * @param buyingForOthersPv PV (cents) of sponsored members who only order alongside their sponsor that raises the alert
 * @param buyingForOthersMembers and at least this many such members
 * @param stackingDepth consecutive non-Active distributors between two Active ones that raise stacking
 */
public record AlertRules(int lastDays, int loadingFactor, int usualMonths, long loadingMinPv, int justEnoughMarginPercent,
    int firstOrderDays, long firstOrderTotal, long buyingForOthersPv, int buyingForOthersMembers, int stackingDepth) {

  public static final AlertRules DEFAULT = new AlertRules(5, 3, 3, 10_000, 10, 30, 50_000, 10_000, 2, 2);

  public AlertRules {
    if (lastDays < 1 || loadingFactor < 1 || usualMonths < 1 || firstOrderDays < 1 || buyingForOthersMembers < 1
        || stackingDepth < 1 || loadingMinPv < 0 || firstOrderTotal < 0 || buyingForOthersPv < 0 || justEnoughMarginPercent < 0) {
      throw new IllegalArgumentException("alert thresholds must be positive");
    }
  }
}
