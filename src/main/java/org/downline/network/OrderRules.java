package org.downline.network;

import java.util.Set;
import org.downline.core.Decimals;
import org.downline.core.Periods;

/**
 * The rules one order (its lines, an autoship subscription) must pass, whoever brings it: a CSV
 * file ({@link OrderBookBuilder}, in file mode and on import) or a single order created through the
 * web API. Each check reports problems to a
 * {@link Problems} sink as (column, reason), so the callers decide where they go (file and line, or a
 * JSON error) while the rules and their wording live here only.
 */
public final class OrderRules {
  private OrderRules() {}

  /** Receives one problem: the column (field) at fault and the reason, worded for the user. */
  @FunctionalInterface
  public interface Problems {
    void add(String column, String reason);
  }

  /** The member must exist and must have joined on or before the order's day. */
  public static void checkMember(Network network, int member, String memberId, int day, Problems problems) {
    if (member == Network.NONE) {
      problems.add("member_id", "unknown member '" + memberId + "'");
    } else if (day < network.joinDay(member)) {
      problems.add("date", "order dated " + Periods.formatDay(day) + " is before member '" + network.id(member)
          + "' joined on " + Periods.formatDay(network.joinDay(member)));
    }
  }

  /** A sale's amounts are never negative; a return's are never positive. */
  public static void checkSigns(boolean isReturn, long pv, long cv, long total, Problems problems) {
    if (!isReturn) {
      if (pv < 0) problems.add("pv", "a sale's pv must not be negative");
      if (cv < 0) problems.add("cv", "a sale's cv must not be negative");
      if (total < 0) problems.add("total", "a sale's total must not be negative");
    } else {
      if (pv > 0) problems.add("pv", "a return's pv must not be positive");
      if (cv > 0) problems.add("cv", "a return's cv must not be positive");
      if (total > 0) problems.add("total", "a return's total must not be positive");
    }
  }

  /** Orders dated in a closed period are refused; corrections go into an open period as returns. */
  public static void checkPeriodOpen(Set<String> closedPeriods, int day, Problems problems) {
    String period = Periods.name(Periods.periodOfDay(day));
    if (closedPeriods.contains(period)) {
      problems.add("date",
          "period " + period + " is closed; orders dated in it are refused (book a return in an open period instead)");
    }
  }

  /**
   * The sale a return points at, as far as the caller knows it: {@code exists} false when no order
   * has that id.
   */
  public record Sale(String id, boolean exists, boolean isReturn, int member, int day, long pv, long cv, long total) {
    public static Sale unknown(String id) {
      return new Sale(id, false, false, Network.NONE, 0, 0, 0, 0);
    }
  }

  /**
   * A return must point at a sale (not a return) of the same member, dated on or after the sale,
   * and the sale's returns together (including this one, already added into {@code returnedPv} etc.
   * as positive amounts) must not exceed it.
   *
   * @return true when the return may be linked to the sale (its amounts may then be summed)
   */
  public static boolean checkReturnLink(Sale sale, int member, int day, Problems problems) {
    if (!sale.exists()) {
      problems.add("return_of", "return of unknown sale '" + sale.id() + "'");
      return false;
    }
    if (sale.isReturn()) {
      problems.add("return_of", "'" + sale.id() + "' is a return, not a sale");
      return false;
    }
    if (sale.member() != member) {
      problems.add("return_of", "return of sale '" + sale.id() + "' placed by another member");
      return false;
    }
    if (day < sale.day()) {
      problems.add("date", "return dated " + Periods.formatDay(day) + " is before its sale '" + sale.id()
          + "' dated " + Periods.formatDay(sale.day()));
      return false;
    }
    return true;
  }

  /** The sale's returns so far, this one included, as positive amounts, must not exceed the sale. */
  public static void checkReturnedTotal(Sale sale, long returnedPv, long returnedCv, long returnedTotal,
      Problems problems) {
    if (returnedPv > sale.pv() || returnedCv > sale.cv() || (sale.total() > 0 && returnedTotal > sale.total())) {
      problems.add("return_of",
          "returns of sale '" + sale.id() + "' exceed it: pv " + Decimals.format(returnedPv) + " of "
              + Decimals.format(sale.pv()) + ", cv " + Decimals.format(returnedCv) + " of " + Decimals.format(sale.cv())
              + ", total " + Decimals.format(returnedTotal) + " of " + Decimals.format(sale.total()));
    }
  }

  /**
   * An order line must name a known order and a known product, and its line number must be new for
   * the order ({@code seenLines} collects "order id NUL line number" keys as lines are checked).
   *
   * @return true when the line passed
   */
  public static boolean checkLine(OrderLine line, Set<String> orderIds, Set<String> skus, Set<String> seenLines,
      Problems problems) {
    if (!orderIds.contains(line.orderId())) {
      problems.add("order_id", "unknown order '" + line.orderId() + "'");
    } else if (!skus.contains(line.sku())) {
      problems.add("sku", "unknown product '" + line.sku() + "'");
    } else if (!seenLines.add(line.orderId() + "\u0000" + line.lineNo())) {
      problems.add("line_no", "duplicate line " + line.lineNo() + " of order '" + line.orderId() + "'");
    } else {
      return true;
    }
    return false;
  }

  /**
   * An autoship subscription must belong to a known member, cannot start before the member joined,
   * and every item must be a known product.
   */
  public static void checkAutoship(Network network, String memberId, int startDay, Iterable<String> itemSkus,
      Set<String> skus, Problems problems) {
    int m = network.indexOf(memberId);
    if (m == Network.NONE) {
      problems.add("member_id", "unknown member '" + memberId + "'");
    } else if (startDay < network.joinDay(m)) {
      problems.add("start_date", "autoship starts " + Periods.formatDay(startDay) + ", before member '" + memberId
          + "' joined on " + Periods.formatDay(network.joinDay(m)));
    }
    for (String sku : itemSkus) {
      if (!skus.contains(sku)) problems.add("items", "unknown product '" + sku + "'");
    }
  }
}
