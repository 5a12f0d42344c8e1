package org.downline.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;

/**
 * A company's first rows of a table sent to PostgreSQL while their file is still being read and
 * checked (ADR 37 for the orders, ADR 40 for the members), inside the caller's transaction: the table
 * is written straight (ADR 24, without its secondary indexes and foreign keys until {@link #rebuild}),
 * so the JVM's reading and checking and PostgreSQL's COPY overlap on two cores instead of running one
 * after the other. A bad row found by the check, anywhere in the file, rolls the transaction back:
 * nothing sent is kept.
 */
public final class StreamedLoad<T> implements AutoCloseable {
  private final Connection c;
  private final Bulk.Load load;
  private final Bulk.Table table;
  private final Values.Row<T> row;
  private Bulk.Copy<T> copy;
  private SQLException failed;

  private StreamedLoad(Connection c, Bulk.Load load, Bulk.Table table, Values.Row<T> row) {
    this.c = c;
    this.load = load;
    this.table = table;
    this.row = row;
  }

  /**
   * Opens the load of a table that holds no rows yet (the caller knows), or returns null where it
   * cannot be written straight (H2; a database user that may not drop the keys): the caller then
   * checks first and writes after.
   */
  static <T> StreamedLoad<T> open(Connection c, Bulk.Table table, Values.Row<T> row) throws SQLException {
    // The count is known only at the end: more than any table holds, so the load is straight
    // wherever the keys may be dropped.
    Bulk.Load load = Bulk.load(c, Map.of(table, Long.MAX_VALUE));
    return load.straight(table) ? new StreamedLoad<>(c, load, table, row) : null;
  }

  /**
   * Sends one checked row; the first starts the COPY, so until then the connection may still run
   * statements. A failure of the COPY (a row the database refuses) is kept, nothing more is sent,
   * and {@link #end} throws it: the caller's check goes on to name every bad row first.
   */
  public void add(T r) {
    if (failed != null) return;
    try {
      if (copy == null) copy = Bulk.copy(c, load, table, row);
      copy.add(r);
    } catch (SQLException e) {
      failed = e;
    }
  }

  /** Ends the COPY; returns how many rows it stored. */
  public long end() throws SQLException {
    if (failed != null) throw failed;
    return copy == null ? 0 : copy.end();
  }

  /** Makes the dropped indexes and foreign keys again, which checks every row's references. */
  public void rebuild() throws SQLException {
    load.finish(c);
  }

  /** Cancels a COPY not ended (the transaction then rolls back). */
  @Override
  public void close() throws SQLException {
    if (copy != null) copy.close();
  }
}
