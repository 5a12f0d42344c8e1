package org.downline.nextstep;

import org.downline.commission.Plan;
import org.downline.commission.Rank;
import org.downline.core.Periods;
import org.downline.network.Network;
import org.downline.network.OrderBook;

/**
 * Paid-as ranks for the leaders segment when no ranks are supplied: the plan's ranks settled on the
 * PV of the as-of date's month up to that date (own and customers' sales, returns of the same month
 * netted), as the commission engine settles them for a period. Customers get 0.
 */
public final class PaidAsRanks {
  private PaidAsRanks() {}

  public static int[] ofMonth(Network network, OrderBook book, int asOf, Plan plan) {
    int period = Periods.periodOfDay(asOf);
    int from = book.firstOnOrAfter(Periods.firstDay(period));
    int to = book.firstOnOrAfter(asOf + 1);
    long[] pv = new long[network.size()];
    org.downline.commission.Volumes.addPersonalPv(book, network.ownerDistributors(), from, to, pv);
    byte[] rank = org.downline.commission.Volumes.fromPv(network, pv, plan).rank;
    int[] out = new int[rank.length];
    for (int m = 0; m < rank.length; m++) out[m] = Math.max(0, rank[m]);
    return out;
  }

  public static String[] names(Plan plan) {
    return plan.ranks().stream().map(Rank::name).toArray(String[]::new);
  }
}
