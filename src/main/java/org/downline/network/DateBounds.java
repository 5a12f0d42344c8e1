package org.downline.network;

import org.downline.core.Periods;
import org.downline.core.Reason;

/**
 * The latest day a stored record may carry: records are facts that happened, so an order, a return,
 * a join or a status change dated after today plus a small allowance (time zones, a shop's clock) is
 * refused on import and through the API. File mode, which models plans, takes any date.
 */
public record DateBounds(int latestDay, int allowanceDays) {
  /** Today (epoch day) plus the allowance. */
  public static DateBounds of(int today, int allowanceDays) {
    return new DateBounds(today + allowanceDays, allowanceDays);
  }

  public void check(int day, String column, OrderRules.Problems problems) {
    if (day != Integer.MIN_VALUE && day > latestDay) {
      problems.add(column, Reason.of(allowanceDays == 1 ? "futureOneDay" : "future", Periods.formatDay(latestDay), allowanceDays));
    }
  }
}
