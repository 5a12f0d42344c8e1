package org.downline.nextstep;

import org.downline.commission.Cores;
import org.downline.network.Network;
import org.downline.network.OrderBook;

/**
 * Each member's orders and revenue in a {@link Window}, gathered in one pass over the orders of the
 * window. Orders are the sales dated in the window (returns are not orders). Revenue is the sum of
 * those sales' {@code total} less the returns of them that are dated in the window; a return of a
 * sale dated before the window belongs to that earlier sale and changes nothing here, just as that
 * sale is no order here.
 *
 */
public final class PurchaseHistory {
  private final Window window;
  /**
   * Per member m: revenue at {@code 2m}, orders at {@code 2m+1}. Interleaved so that the one random
   * access per order touches one cache line, not two: over a million members this is what the pass
   * costs.
   */
  private final long[] tally;

  private PurchaseHistory(Window window, long[] tally) {
    this.window = window;
    this.tally = tally;
  }

  /**
   * The window's orders are cut into consecutive ranges on the available cores ({@link Cores}),
   * each range tallied into its own array and the tallies added: exact sums, so the same for any
   * number of threads (ADR 26).
   */
  public static PurchaseHistory of(Network network, OrderBook book, Window window) {
    int size = 2 * network.size();
    long[] tally = new long[size];
    int from = window.fromIndex(book);
    int to = window.toIndex(book);
    int parts = Cores.parts(to - from, Cores.threads(), Cores.minUnits());
    long[][] tallies = new long[parts][];
    Cores.run("purchase-history", parts, i -> {
      long[] t = i == 0 ? tally : new long[size];
      tallies[i] = t;
      tally(book, from, from + Cores.from(to - from, parts, i), from + Cores.from(to - from, parts, i + 1), t);
    });
    for (int i = 1; i < parts; i++) for (int j = 0; j < size; j++) tally[j] += tallies[i][j];
    return new PurchaseHistory(window, tally);
  }

  /** Adds orders {@code a..b-1} of a window starting at order {@code from} to the tally. */
  private static void tally(OrderBook book, int from, int a, int b, long[] tally) {
    int[] member = book.members();
    int[] returnOf = book.returnOf();
    long[] total = book.totals();
    for (int o = a; o < b; o++) {
      int sale = returnOf[o];
      int at = member[o] << 1;
      if (sale == OrderBook.NONE) {
        tally[at] += total[o];
        tally[at + 1]++;
      } else if (sale >= from) {
        // The book is sorted by day, so the sale is in the window exactly when its index is >= from.
        tally[at] += total[o];
      }
    }
  }

  public Window window() {
    return window;
  }

  /** Sales of the member in the window. */
  public int orders(int member) {
    return (int) tally[(member << 1) + 1];
  }

  /** Net revenue of the member in the window, in hundredths. */
  public long revenue(int member) {
    return tally[member << 1];
  }
}
