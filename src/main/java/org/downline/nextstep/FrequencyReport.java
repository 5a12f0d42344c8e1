package org.downline.nextstep;

import java.util.ArrayList;
import java.util.List;
import org.downline.core.Decimals;
import org.downline.network.Network;
import org.downline.network.OrderBook;

/**
 * The purchase-frequency report: for customers and for distributors, per segment, the number of
 * members, their orders, revenue and average order value. Rows come in a fixed order: customers
 * first, then distributors; within each the segments in order of their bounds, then {@code lapsed};
 * every row is present even when empty.
 */
public record FrequencyReport(Window window, FrequencyBounds bounds, List<Row> rows) {

  /** One population and segment; money in hundredths. */
  public record Row(Population population, String segment, long members, long orders, long revenue) {
    /** Revenue per order rounded to cents, halves up; 0 when there is no order. */
    public long averageOrderValue() {
      return orders == 0 ? 0 : Decimals.divideHalfAwayFromZero(revenue, orders);
    }
  }

  /** The report for an as-of date: one pass over the window's orders, one over the members. */
  public static FrequencyReport compute(Network network, OrderBook book, int asOf, FrequencyBounds bounds) {
    return of(network, PurchaseHistory.of(network, book, Window.endingOn(asOf)), bounds);
  }

  /** Builds the report from a {@link PurchaseHistory}: one pass over the members. */
  public static FrequencyReport of(Network network, PurchaseHistory history, FrequencyBounds bounds) {
    int segments = bounds.count() + 1;
    long[] members = new long[2 * segments];
    long[] orders = new long[2 * segments];
    long[] revenue = new long[2 * segments];
    byte[] kind = network.kinds();
    int[] joinDay = network.joinDays();
    int asOf = history.window().asOf();
    for (int m = 0; m < kind.length; m++) {
      if (joinDay[m] > asOf) continue; // not yet a member on the as-of date
      int n = history.orders(m);
      int cell = (kind[m] == Network.CUSTOMER ? 0 : segments) + bounds.segmentOf(n);
      members[cell]++;
      orders[cell] += n;
      revenue[cell] += history.revenue(m);
    }
    List<Row> rows = new ArrayList<>(2 * segments);
    for (Population p : Population.values()) {
      int base = p == Population.CUSTOMERS ? 0 : segments;
      for (int s = 0; s < segments; s++) {
        // Lapsed rows show 0 orders and 0.00 revenue: only returns of sales in the window count.
        rows.add(new Row(p, bounds.label(s), members[base + s], orders[base + s], revenue[base + s]));
      }
    }
    return new FrequencyReport(history.window(), bounds, List.copyOf(rows));
  }

  public Row row(Population population, String segment) {
    for (Row r : rows) if (r.population == population && r.segment.equals(segment)) return r;
    throw new IllegalArgumentException("no segment '" + segment + "'");
  }
}
