package org.downline.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.downline.core.Progress;

/**
 * The one batched write loop of the store: binds each row to a statement and sends them in batches,
 * so a million-row import costs a few hundred round trips, not a million.
 */
public final class Batch {
  /** Rows per round trip: large enough to amortise the trip, small enough to bound driver memory. */
  static final int SIZE = 5_000;

  private Batch() {}

  /** Sets one row's parameters on the statement. */
  @FunctionalInterface
  public interface Binder<T> {
    void bind(PreparedStatement ps, T row) throws SQLException;
  }

  /** Writes every row with one statement; returns how many were written. */
  public static <T> long write(Connection c, String sql, Iterable<T> rows, Binder<T> binder) throws SQLException {
    return write(c, sql, rows, binder, Progress.NONE);
  }

  /** Writes every row with one statement, reporting progress per batch; returns how many were written. */
  public static <T> long write(Connection c, String sql, Iterable<T> rows, Binder<T> binder, Progress progress)
      throws SQLException {
    try (Writer<T> w = new Writer<>(c, sql, binder, progress)) {
      for (T row : rows) w.add(row);
      return w.end();
    }
  }

  /** The same loop fed a row at a time, for rows made while they are written (a run's lines). */
  static final class Writer<T> implements Bulk.Sink<T> {
    private final PreparedStatement ps;
    private final Binder<T> binder;
    private final Progress progress;
    private long n;

    Writer(Connection c, String sql, Binder<T> binder, Progress progress) throws SQLException {
      this.ps = c.prepareStatement(sql);
      this.binder = binder;
      this.progress = progress;
    }

    @Override
    public long add(T row) throws SQLException {
      binder.bind(ps, row);
      ps.addBatch();
      if (++n % SIZE == 0) {
        ps.executeBatch();
        progress.update(n);
      }
      return n;
    }

    @Override
    public long end() throws SQLException {
      ps.executeBatch();
      return n;
    }

    @Override
    public void close() throws SQLException {
      ps.close();
    }
  }

  /**
   * Inserts the rows not stored yet and updates the changed ones, by two statements whose parameters
   * are bound alike (the key last); {@code stored} says whether a row's key exists.
   */
  public static <T> Upserted upsert(Connection c, String insertSql, String updateSql, Iterable<T> rows,
      java.util.function.Predicate<T> stored, Binder<T> binder) throws SQLException {
    long inserted = 0;
    long updated = 0;
    try (PreparedStatement insert = c.prepareStatement(insertSql); PreparedStatement update = c.prepareStatement(updateSql)) {
      long pending = 0;
      for (T row : rows) {
        boolean old = stored.test(row);
        PreparedStatement ps = old ? update : insert;
        if (old) updated++;
        else inserted++;
        binder.bind(ps, row);
        ps.addBatch();
        if (++pending % SIZE == 0) {
          insert.executeBatch();
          update.executeBatch();
        }
      }
      insert.executeBatch();
      update.executeBatch();
    }
    return new Upserted(inserted, updated);
  }

  /** How many rows an upsert inserted and updated. */
  public record Upserted(long inserted, long updated) {}
}
