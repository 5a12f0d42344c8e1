package org.downline.nextstep;

import org.downline.network.Network;
import org.downline.network.OrderBook;

/** PV as the demo plan counts it, shared by the distributor segments and network health. */
final class Volumes {
  private Volumes() {}

  /**
   * Adds the PV of the orders {@code [from, to)} of one period to each order's owner distributor:
   * sales, less the returns of sales in the same range (a return of an earlier period's sale changes
   * no volume of this one). {@code from} must be the period's first order index.
   */
  static void addPvByOwner(OrderBook book, int[] owner, int from, int to, long[] into) {
    int[] member = book.members();
    int[] returnOf = book.returnOf();
    long[] pv = book.pv();
    for (int o = from; o < to; o++) {
      int sale = returnOf[o];
      if (sale != OrderBook.NONE && sale < from) continue;
      int d = owner[member[o]];
      if (d != Network.NONE) into[d] += pv[o];
    }
  }
}
