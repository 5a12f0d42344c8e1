package org.downline.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.downline.network.OrderRow;
import org.postgresql.PGConnection;

/** A company's first orders sent to PostgreSQL while their file is still being read and checked (ADR 37). */
public final class OrderLoad {
  private OrderLoad() {}

  /**
   * Opens the load, or returns null where it does not apply (H2; a database user that may not drop
   * the keys, which keeps the checked path). The transaction takes the period table's lock first:
   * the periods of the file are known only once it is read, and taking them after the orders'
   * table, which the dropped keys lock, would invert the order a close or an API order takes them
   * in (period, then orders) and let PostgreSQL break the deadlock by aborting one (ADR 33). Plain
   * reads of the periods go on; every other writer of a period waits for this commit. The COPY
   * starts with the first row, so until then the caller may read the closed periods under the lock.
   */
  public static StreamedLoad<OrderRow> open(Connection c) throws SQLException {
    if (!c.isWrapperFor(PGConnection.class)) return null;
    try (Statement s = c.createStatement()) {
      s.execute("LOCK TABLE period IN EXCLUSIVE MODE");
    }
    // The caller streams only into a table with no orders.
    return StreamedLoad.open(c, OrderStore.ORDERS, OrderStore::write);
  }
}
