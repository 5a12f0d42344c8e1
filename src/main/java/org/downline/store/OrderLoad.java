package org.downline.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.downline.network.OrderRow;
import org.postgresql.PGConnection;

/**
 * A company's first orders sent to PostgreSQL while their file is still being read and checked
 * (ADR 37), inside the caller's transaction: the table is written straight (ADR 24, without its
 * secondary indexes and foreign keys until {@link #rebuild}), so the JVM's reading and checking and
 * PostgreSQL's COPY overlap on two cores instead of running one after the other. A bad row found by
 * the check, anywhere in the file, rolls the transaction back: nothing sent is kept.
 */
public final class OrderLoad implements AutoCloseable {
  private final Connection c;
  private final Bulk.Load load;
  private Bulk.Copy<OrderRow> copy;
  private SQLException failed;

  private OrderLoad(Connection c, Bulk.Load load) {
    this.c = c;
    this.load = load;
  }

  /**
   * Opens the load, or returns null where it does not apply (H2; a database user that may not drop
   * the keys, which keeps the checked path). The transaction takes the period table's lock first:
   * the periods of the file are known only once it is read, and taking them after the orders'
   * table, which the dropped keys lock, would invert the order a close or an API order takes them
   * in (period, then orders) and let PostgreSQL break the deadlock by aborting one (ADR 33). Plain
   * reads of the periods go on; every other writer of a period waits for this commit.
   */
  public static OrderLoad open(Connection c) throws SQLException {
    if (!c.isWrapperFor(PGConnection.class)) return null;
    try (Statement s = c.createStatement()) {
      s.execute("LOCK TABLE period IN EXCLUSIVE MODE");
    }
    // The count is known only at the end: more than any table holds, so the load is straight
    // wherever the keys may be dropped (the caller streams only into a table with no orders).
    Bulk.Load load = Bulk.load(c, Map.of(OrderStore.ORDERS, Long.MAX_VALUE));
    if (!load.straight(OrderStore.ORDERS)) return null;
    return new OrderLoad(c, load);
  }

  /**
   * Sends one checked order; the first starts the COPY, so until then the connection may still run
   * statements (the caller reads the closed periods under the lock just taken). A failure of the COPY (a row the database refuses) is kept, nothing
   * more is sent, and {@link #end} throws it: the caller's check goes on to name every bad row first.
   */
  public void add(OrderRow row) {
    if (failed != null) return;
    try {
      if (copy == null) copy = Bulk.copy(c, load, OrderStore.ORDERS, OrderStore::write);
      copy.add(row);
    } catch (SQLException e) {
      failed = e;
    }
  }

  /** Ends the COPY; returns how many orders it stored. */
  public long end() throws SQLException {
    if (failed != null) throw failed;
    return copy == null ? 0 : copy.end();
  }

  /** Makes the dropped indexes and foreign keys again, which checks every order's member and sale. */
  public void rebuild() throws SQLException {
    load.finish(c);
  }

  /** Cancels a COPY not ended (the transaction then rolls back). */
  @Override
  public void close() throws SQLException {
    if (copy != null) copy.close();
  }
}
