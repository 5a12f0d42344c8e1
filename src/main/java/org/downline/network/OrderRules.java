package org.downline.network;

import java.util.Set;
import org.downline.core.Decimals;
import org.downline.core.Periods;
import org.downline.core.Reason;

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
    void add(String column, Reason reason);
  }

  /** The member must exist and must have joined on or before the order's day. */
  public static void checkMember(Network network, int member, String memberId, int day, Problems problems) {
    if (member == Network.NONE) {
      problems.add("member_id", Reason.of("unknownMember", memberId));
    } else if (day < network.joinDay(member)) {
      problems.add("date", Reason.of("orderBeforeJoin", Periods.formatDay(day), network.id(member),
          Periods.formatDay(network.joinDay(member))));
    }
  }

  /** A sale's amounts are never negative; a return's are never positive. */
  public static void checkSigns(boolean isReturn, long pv, long cv, long total, Problems problems) {
    if (!isReturn) {
      if (pv < 0) problems.add("pv", Reason.of("saleNegative", "pv"));
      if (cv < 0) problems.add("cv", Reason.of("saleNegative", "cv"));
      if (total < 0) problems.add("total", Reason.of("saleNegative", "total"));
    } else {
      if (pv > 0) problems.add("pv", Reason.of("returnPositive", "pv"));
      if (cv > 0) problems.add("cv", Reason.of("returnPositive", "cv"));
      if (total > 0) problems.add("total", Reason.of("returnPositive", "total"));
    }
  }

  /** Orders dated in a closed period are refused; corrections go into an open period as returns. */
  public static void checkPeriodOpen(Set<String> closedPeriods, int day, Problems problems) {
    String period = Periods.name(Periods.periodOfDay(day));
    if (closedPeriods.contains(period)) {
      problems.add("date", Reason.of("periodClosed", period));
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
      problems.add("return_of", Reason.of("unknownSale", sale.id()));
      return false;
    }
    if (sale.isReturn()) {
      problems.add("return_of", Reason.of("notASale", sale.id()));
      return false;
    }
    if (sale.member() != member) {
      problems.add("return_of", Reason.of("otherMembersSale", sale.id()));
      return false;
    }
    if (day < sale.day()) {
      problems.add("date", Reason.of("returnBeforeSale", Periods.formatDay(day), sale.id(), Periods.formatDay(sale.day())));
      return false;
    }
    return true;
  }

  /** The sale's returns so far, this one included, as positive amounts, must not exceed the sale. */
  public static void checkReturnedTotal(Sale sale, long returnedPv, long returnedCv, long returnedTotal,
      Problems problems) {
    if (returnedPv > sale.pv() || returnedCv > sale.cv() || (sale.total() > 0 && returnedTotal > sale.total())) {
      problems.add("return_of", Reason.of("returnsExceed", sale.id(), Decimals.format(returnedPv), Decimals.format(sale.pv()),
          Decimals.format(returnedCv), Decimals.format(sale.cv()), Decimals.format(returnedTotal), Decimals.format(sale.total())));
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
      problems.add("order_id", Reason.of("unknownOrder", line.orderId()));
    } else if (!skus.contains(line.sku())) {
      problems.add("sku", Reason.of("unknownProduct", line.sku()));
    } else if (!seenLines.add(line.orderId() + "\u0000" + line.lineNo())) {
      problems.add("line_no", Reason.of("duplicateLine", line.lineNo(), line.orderId()));
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
      problems.add("member_id", Reason.of("unknownMember", memberId));
    } else if (startDay < network.joinDay(m)) {
      problems.add("start_date", Reason.of("autoshipBeforeJoin", Periods.formatDay(startDay), memberId,
          Periods.formatDay(network.joinDay(m))));
    }
    for (String sku : itemSkus) {
      if (!skus.contains(sku)) problems.add("items", Reason.of("unknownProduct", sku));
    }
  }
}
