package org.downline.network;

/**
 * Volume of one period from the order book: PV per distributor (their own orders plus those of the
 * customers they own: the customers below them up to the next distributor) and GV (the PV of the
 * whole sponsor subtree). Returns are negative orders and count in the period they are dated in.
 * The commission engine computes the same figures for its runs; this is the cheap, always-current
 * view the back office shows between runs.
 */
public final class Volumes {
  private Volumes() {}

  /** PV per member for the orders in {@code [from, to)} of the book; customers hold 0 (theirs is their owner's). */
  public static long[] personal(Network network, OrderBook book, int[] owner, int from, int to) {
    long[] pv = new long[network.size()];
    int[] member = book.members();
    long[] orderPv = book.pv();
    for (int o = from; o < to; o++) {
      int d = owner[member[o]];
      if (d != Network.NONE) pv[d] += orderPv[o];
    }
    return pv;
  }

  /** PV per member for one period (see {@link org.downline.core.Periods#index}). */
  public static long[] personal(Network network, OrderBook book, int periodIndex) {
    int[] range = book.periodRange(periodIndex);
    return personal(network, book, network.ownerDistributors(), range[0], range[1]);
  }

  /** GV from PV: the sum over each member's subtree. */
  public static long[] group(Network network, long[] personal) {
    return Subtrees.rollUp(network, personal);
  }
}
