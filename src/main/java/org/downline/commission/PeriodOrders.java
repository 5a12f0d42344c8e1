package org.downline.commission;

import org.downline.core.Periods;
import org.downline.network.OrderBook;

/**
 * The orders of one period with same-period returns netted: for each sale dated in the period, its
 * net PV and CV (the sale minus its returns dated in the same period). Arrays are indexed by
 * {@code order - from}; entries of returns stay 0. Returns dated in the period whose sale is in an
 * earlier period are listed apart: they change no volume and cause clawback.
 */
public final class PeriodOrders {
  public final int period;
  /** OrderBook index range [from, to) of the orders dated in the period. */
  public final int from;
  public final int to;
  public final long[] netPv;
  public final long[] netCv;
  /** OrderBook indexes of returns dated in the period whose sale lies in an earlier period. */
  public final int[] laterReturns;
  /** T: the sum of net CV of the period's sales. */
  public final long totalCv;

  private PeriodOrders(int period, int from, int to, long[] netPv, long[] netCv, int[] laterReturns, long totalCv) {
    this.period = period;
    this.from = from;
    this.to = to;
    this.netPv = netPv;
    this.netCv = netCv;
    this.laterReturns = laterReturns;
    this.totalCv = totalCv;
  }

  public static PeriodOrders of(OrderBook book, int period) {
    int[] range = book.periodRange(period);
    int from = range[0];
    int to = range[1];
    int len = to - from;
    long[] pv = book.pv();
    long[] cv = book.cv();
    int[] returnOf = book.returnOf();
    long[] netPv = new long[len];
    long[] netCv = new long[len];
    int later = 0;
    for (int o = from; o < to; o++) {
      if (returnOf[o] == OrderBook.NONE) {
        netPv[o - from] += pv[o];
        netCv[o - from] += cv[o];
      } else if (returnOf[o] >= from) {
        // The sale is in this period (orders are sorted by day, so a same-period sale has index >= from).
        netPv[returnOf[o] - from] += pv[o];
        netCv[returnOf[o] - from] += cv[o];
      } else {
        later++;
      }
    }
    int[] laterReturns = new int[later];
    later = 0;
    long total = 0;
    for (int o = from; o < to; o++) {
      if (returnOf[o] == OrderBook.NONE) total = Math.addExact(total, netCv[o - from]);
      else if (returnOf[o] < from) laterReturns[later++] = o;
    }
    return new PeriodOrders(period, from, to, netPv, netCv, laterReturns, total);
  }

  public boolean isSale(OrderBook book, int o) {
    return book.returnOf()[o] == OrderBook.NONE;
  }

  public String name() {
    return Periods.name(period);
  }
}
