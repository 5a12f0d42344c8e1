package org.downline.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.Statement;
import java.util.Collection;
import java.util.Collections;
import org.downline.core.Progress;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * The store's bulk insert, inside the caller's transaction: on PostgreSQL the rows go by
 * {@code COPY ... FROM STDIN} into a staging table that is checked against the target (no key stored
 * already) and merged into it by one {@code INSERT ... SELECT}; on H2, and for a few rows anywhere,
 * by batched inserts ({@link Batch}), H2's fastest safe path (docs/data.md, "Bulk paths"). Either
 * way a failure rolls back with the caller's transaction, so nothing is half written.
 */
final class Bulk {
  /**
   * Below this many rows a staging table costs more than the COPY saves (and an API order is one
   * row), so they go by batch on PostgreSQL too.
   */
  static final int COPY_FROM = 100;

  private Bulk() {}

  /** A table written in bulk: its name, the columns written (in the rows' order) and its key. */
  record Table(String name, String columns, String key) {
    String placeholders() {
      return String.join(", ", Collections.nCopies(columns.split(",").length, "?"));
    }
  }

  /** Inserts every row; returns how many were written. */
  static <T> long insert(Connection c, Table table, Collection<T> rows, Values.Row<T> row, Progress progress)
      throws SQLException {
    if (rows.size() >= COPY_FROM && c.isWrapperFor(PGConnection.class)) return copy(c, table, rows, row, progress);
    Values.Statement values = new Values.Statement();
    return Batch.write(c, "INSERT INTO " + table.name() + " (" + table.columns() + ") VALUES (" + table.placeholders() + ")",
        rows, (ps, r) -> row.write(values.on(ps), r), progress);
  }

  private static <T> long copy(Connection c, Table table, Collection<T> rows, Values.Row<T> row, Progress progress)
      throws SQLException {
    if (c.getAutoCommit()) throw new IllegalStateException("a bulk insert runs inside the caller's transaction");
    String stage = "staging_" + table.name();
    try (Statement s = c.createStatement()) {
      // Without the target's indexes and foreign keys, so the COPY itself is a plain append.
      s.execute("CREATE TEMPORARY TABLE " + stage + " (LIKE " + table.name() + " INCLUDING DEFAULTS) ON COMMIT DROP");
    }
    CopyIn in = c.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY " + stage + " (" + table.columns() + ") FROM STDIN");
    long n = 0;
    try {
      CopyWriter out = new CopyWriter(in::writeToCopy);
      for (T r : rows) {
        row.write(out, r);
        out.endRow();
        if ((++n & 0xFFFF) == 0) progress.update(n);
      }
      out.flush();
      in.endCopy();
    } finally {
      if (in.isActive()) in.cancelCopy();
    }
    progress.update(n);
    // Checked before the merge: a row stored meanwhile by another writer is a conflict, named as one.
    String on = table.key().replaceAll("(\\w+)", "s.$1 = t.$1").replace(",", " AND");
    try (PreparedStatement ps = c.prepareStatement(
            "SELECT COUNT(*) FROM " + stage + " s JOIN " + table.name() + " t ON " + on);
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      long stored = rs.getLong(1);
      if (stored > 0) {
        throw new SQLIntegrityConstraintViolationException(
            stored + " of the " + n + " rows for " + table.name() + " are stored already", "23505");
      }
    }
    long merged;
    try (Statement s = c.createStatement()) {
      merged = s.executeUpdate("INSERT INTO " + table.name() + " (" + table.columns() + ") SELECT " + table.columns()
          + " FROM " + stage);
      s.execute("DROP TABLE " + stage); // a second bulk write of the table in this transaction makes its own
    }
    if (merged != n) throw new SQLException("COPY staged " + n + " rows for " + table.name() + " but " + merged + " were merged");
    return merged;
  }
}
