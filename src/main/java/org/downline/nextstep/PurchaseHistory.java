package org.downline.nextstep;

import org.downline.network.Network;
import org.downline.network.OrderBook;

/**
 * Each member's orders and revenue in a {@link Window}, gathered in one pass over the orders of the
 * window. Orders are the sales dated in the window (returns are not orders). Revenue is the sum of
 * those sales' {@code total} less the returns of them that are dated in the window; a return of a
 * sale dated before the window belongs to that earlier sale and changes nothing here, just as that
 * sale is no order here.
 *
 * <p>The arrays are indexed by network index and owned by this object; callers must not modify them.
 */
public final class PurchaseHistory {
  private final Window window;
  private final int[] orders;
  private final long[] revenue;

  private PurchaseHistory(Window window, int[] orders, long[] revenue) {
    this.window = window;
    this.orders = orders;
    this.revenue = revenue;
  }

  public static PurchaseHistory of(Network network, OrderBook book, Window window) {
    int n = network.size();
    int[] orders = new int[n];
    long[] revenue = new long[n];
    int from = window.fromIndex(book);
    int to = window.toIndex(book);
    int[] member = book.members();
    int[] returnOf = book.returnOf();
    long[] total = book.totals();
    for (int o = from; o < to; o++) {
      int sale = returnOf[o];
      if (sale == OrderBook.NONE) {
        orders[member[o]]++;
        revenue[member[o]] += total[o];
      } else if (sale >= from) {
        // The book is sorted by day, so the sale is in the window exactly when its index is >= from.
        revenue[member[o]] += total[o];
      }
    }
    return new PurchaseHistory(window, orders, revenue);
  }

  public Window window() {
    return window;
  }

  /** Sales per member in the window. */
  public int[] orders() {
    return orders;
  }

  /** Net revenue per member in the window, in hundredths. */
  public long[] revenue() {
    return revenue;
  }

  public int orders(int member) {
    return orders[member];
  }

  public long revenue(int member) {
    return revenue[member];
  }
}
