package org.downline.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.downline.core.Decimals;
import org.downline.core.Periods;
import org.downline.core.Progress;
import org.downline.network.OrderKind;
import org.downline.network.OrderRow;

/**
 * The one write path of orders, for an import and for an order made through the API alike, and the
 * reads a single order's checks need inside its transaction.
 */
public final class OrderStore {
  static final Bulk.Table ORDERS =
      new Bulk.Table("orders", "id, member_id, order_date, period, kind, pv, cv, total, return_of, campaign", "id");

  private OrderStore() {}

  /**
   * Inserts orders; their periods must exist ({@link PeriodStore#ensure}). Returns how many were
   * written. Where the foreign keys are checked row by row the sales go first, so a return's sale is
   * stored before it (or was stored already); a first large load, written without them (ADR 24), goes
   * in the given order, which for an import is the file's: ids mostly ascending, so the primary key's
   * index is appended to rather than written at random pages.
   */
  public static long insert(Connection c, Collection<OrderRow> orders, Progress progress) throws SQLException {
    Bulk.Load load = Bulk.load(c, ORDERS, orders.size());
    if (load.straight(ORDERS)) {
      long n = Bulk.insert(c, load, ORDERS, orders, OrderStore::write, progress);
      load.finish(c);
      return n;
    }
    List<OrderRow> salesFirst = new ArrayList<>(orders.size());
    for (OrderRow o : orders) if (!o.isReturn()) salesFirst.add(o);
    for (OrderRow o : orders) if (o.isReturn()) salesFirst.add(o);
    return Bulk.insert(c, ORDERS, salesFirst, OrderStore::write, progress);
  }

  static void write(Values v, OrderRow o) throws SQLException {
    v.text(o.id()).text(o.memberId()).day(o.day()).text(Periods.name(Periods.periodOfDay(o.day())))
        .text(OrderKind.of(o).code()).hundredths(o.pv()).hundredths(o.cv()).hundredths(o.total())
        .text(o.returnOf()).text(o.campaign());
  }

  public static boolean exists(Connection c, String id) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM orders WHERE id = ?")) {
      ps.setString(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    }
  }

  /** A stored order as a return's checks need it. */
  public record StoredSale(String memberId, int day, OrderKind kind, long pv, long cv, long total) {}

  /**
   * The order with this id, its row locked until the transaction ends (so two returns racing cannot
   * together exceed the sale), or null when there is none.
   */
  public static StoredSale lockForReturn(Connection c, String id) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(
        "SELECT member_id, order_date, kind, pv, cv, total FROM orders WHERE id = ? FOR UPDATE")) {
      ps.setString(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) return null;
        return new StoredSale(rs.getString(1), (int) rs.getObject(2, LocalDate.class).toEpochDay(),
            OrderKind.ofCode(rs.getString(3)), Decimals.fromBigDecimal(rs.getBigDecimal(4)),
            Decimals.fromBigDecimal(rs.getBigDecimal(5)), Decimals.fromBigDecimal(rs.getBigDecimal(6)));
      }
    }
  }

  /** The stored returns of a sale summed, as positive amounts: {pv, cv, total}. */
  public static long[] returned(Connection c, String saleId) throws SQLException {
    long[] returned = new long[3];
    try (PreparedStatement ps = c.prepareStatement(
        "SELECT COALESCE(SUM(pv), 0), COALESCE(SUM(cv), 0), COALESCE(SUM(total), 0) FROM orders WHERE return_of = ?")) {
      ps.setString(1, saleId);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        for (int k = 0; k < 3; k++) returned[k] = -Decimals.fromBigDecimal(rs.getBigDecimal(k + 1));
      }
    }
    return returned;
  }
}
