package org.downline.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import org.downline.core.Progress;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * The store's bulk insert, inside the caller's transaction: on PostgreSQL the rows go by
 * {@code COPY ... FROM STDIN} into a staging table that is checked against the target (no key stored
 * already) and merged into it by one {@code INSERT ... SELECT}, or, for a load larger than the table,
 * straight into the table with its indexes and foreign keys made after (ADR 24); on H2, and for a
 * few rows anywhere, by batched inserts ({@link Batch}), H2's fastest safe path (docs/data.md, "Bulk paths"). Either
 * way a failure rolls back with the caller's transaction, so nothing is half written.
 */
final class Bulk {
  /**
   * Below this many rows a staging table costs more than the COPY saves (and an API order is one
   * row), so they go by batch on PostgreSQL too.
   */
  static final int COPY_FROM = 100;

  private Bulk() {}

  /**
   * A table written in bulk: its name, the columns written (in the rows' order) and its key (null for
   * a table without one, such as the change log: then no stored-rows check and no rebuild).
   */
  record Table(String name, String columns, String key) {
    String placeholders() {
      return String.join(", ", Collections.nCopies(columns.split(",").length, "?"));
    }
  }

  /** Inserts every row; returns how many were written. */
  static <T> long insert(Connection c, Table table, Collection<T> rows, Values.Row<T> row, Progress progress)
      throws SQLException {
    return insert(c, null, table, rows, row, progress);
  }

  /**
   * A first large load written in many bulk writes (chunks) in one transaction: on PostgreSQL the
   * tables it names, when the load brings more rows than they hold and the database user owns them,
   * lose their secondary indexes and foreign keys once, are written straight by every chunk, and get
   * them back by {@link #finish} (ADR 24's path, taken once for the whole load rather than by the first
   * chunk only: a later chunk's staged key check scanned the whole table, 25 minutes for 2 M contacts).
   */
  static final class Load {
    private final java.util.Map<String, List<String[]>> dropped = new java.util.LinkedHashMap<>();

    /**
     * Whether the table is written without its secondary indexes and foreign keys until {@link #finish}:
     * then its rows may come in any order (a recruit before its sponsor, a return before its sale), and
     * in key order the primary key's index grows at its right edge instead of at random pages.
     */
    boolean straight(Table table) {
      return dropped.containsKey(table.name());
    }

    /** Makes again what was dropped; the load's tables take the usual paths after. */
    void finish(Connection c) throws SQLException {
      List<String[]> made = new ArrayList<>();
      for (List<String[]> r : dropped.values()) made.addAll(r);
      remake(c, made);
      dropped.clear();
    }
  }

  /** A load of one table with this many rows (nothing happens on H2, nor for fewer than {@link #COPY_FROM}). */
  static Load load(Connection c, Table table, long rows) throws SQLException {
    return rows < COPY_FROM ? new Load() : load(c, java.util.Map.of(table, rows));
  }

  /** A load of the given tables, each with the rows it will bring (nothing happens on H2). */
  static Load load(Connection c, java.util.Map<Table, Long> incoming) throws SQLException {
    Load load = new Load();
    if (!c.isWrapperFor(PGConnection.class)) return load;
    if (c.getAutoCommit()) throw new IllegalStateException("a bulk load runs inside the caller's transaction");
    for (java.util.Map.Entry<Table, Long> e : incoming.entrySet()) {
      Table t = e.getKey();
      long n = e.getValue();
      if (n >= COPY_FROM && !load.dropped.containsKey(t.name()) && rebuilds(c, t, n)) {
        load.dropped.put(t.name(), dropIndexesAndForeignKeys(c, t.name()));
      }
    }
    return load;
  }

  /**
   * A load into tables that hold no row (a whole company copied into an empty database,
   * {@link CompanyCopy}): each named table the database user owns loses its secondary indexes and
   * foreign keys until {@link Load#finish}, as a first import's (ADR 24). Nothing happens on H2.
   */
  static Load intoEmpty(Connection c, Collection<String> tables) throws SQLException {
    Load load = new Load();
    if (!c.isWrapperFor(PGConnection.class)) return load;
    if (c.getAutoCommit()) throw new IllegalStateException("a bulk load runs inside the caller's transaction");
    for (String t : tables) {
      if (!load.dropped.containsKey(t) && owns(c, t)) load.dropped.put(t, dropIndexesAndForeignKeys(c, t));
    }
    return load;
  }

  /** Inserts every row as a part of the load (null: none); returns how many were written. */
  static <T> long insert(Connection c, Load load, Table table, Collection<T> rows, Values.Row<T> row, Progress progress)
      throws SQLException {
    if (rows.size() >= COPY_FROM && c.isWrapperFor(PGConnection.class)) {
      return copy(c, table, rows, row, progress, load != null && load.dropped.containsKey(table.name()));
    }
    Values.Statement values = new Values.Statement();
    return Batch.write(c, "INSERT INTO " + table.name() + " (" + table.columns() + ") VALUES (" + table.placeholders() + ")",
        rows, (ps, r) -> row.write(values.on(ps), r), progress);
  }

  /**
   * One {@code COPY ... FROM STDIN} inside the caller's transaction, fed a row at a time: the rows
   * are encoded into one buffer and sent as it fills, so PostgreSQL stores them while the caller
   * makes the next ones. Closed before {@link #end}, the COPY is cancelled (and the transaction must
   * roll back).
   */
  static final class Copy<T> implements Sink<T> {
    private final CopyIn in;
    private final CopyWriter out;
    private final Values.Row<T> row;
    private final Progress progress;
    private long sent;

    Copy(Connection c, String table, String columns, Values.Row<T> row, Progress progress) throws SQLException {
      if (c.getAutoCommit()) throw new IllegalStateException("a bulk insert runs inside the caller's transaction");
      this.in = c.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY " + table + " (" + columns + ") FROM STDIN");
      this.out = new CopyWriter(in::writeToCopy);
      this.row = row;
      this.progress = progress;
    }

    /** Adds one row; returns how many were added so far. */
    @Override
    public long add(T r) throws SQLException {
      row.write(out, r);
      out.endRow();
      if ((++sent & 0xFFFF) == 0) progress.update(sent);
      return sent;
    }

    /** Sends what is left and ends the COPY; returns how many rows it stored. */
    @Override
    public long end() throws SQLException {
      out.flush();
      in.endCopy();
      return sent;
    }

    @Override
    public void close() throws SQLException {
      if (in.isActive()) in.cancelCopy();
    }
  }

  /** Rows written into a table one at a time, as they are made: the caller never holds them all. */
  interface Sink<T> extends AutoCloseable {
    /** Adds one row; returns how many were added so far. */
    long add(T row) throws SQLException;

    /** Writes what is left; returns how many rows were written. */
    long end() throws SQLException;

    /** Gives up a sink not ended (the caller's transaction then rolls back). */
    @Override
    void close() throws SQLException;
  }

  /**
   * A table without a key (nothing stored can clash: a new run's lines) opened for rows fed one at a
   * time, inside the caller's transaction: one COPY straight into it on PostgreSQL, batches on H2.
   */
  static <T> Sink<T> sink(Connection c, Table table, Values.Row<T> row, Progress progress) throws SQLException {
    if (table.key() != null) throw new IllegalArgumentException(table.name() + " has a key: its rows are checked, not streamed");
    if (c.isWrapperFor(PGConnection.class)) return new Copy<>(c, table.name(), table.columns(), row, progress);
    Values.Statement values = new Values.Statement();
    return new Batch.Writer<>(c, "INSERT INTO " + table.name() + " (" + table.columns() + ") VALUES (" + table.placeholders()
        + ")", (ps, r) -> row.write(values.on(ps), r), progress);
  }

  /**
   * The load's table opened for a COPY straight into it, for rows sent while they are still being
   * read (ADR 37); the load must write it straight ({@link Load#straight}).
   */
  static <T> Copy<T> copy(Connection c, Load load, Table table, Values.Row<T> row) throws SQLException {
    if (!load.straight(table)) throw new IllegalStateException(table.name() + " is not written straight by this load");
    return new Copy<>(c, table.name(), table.columns(), row, Progress.NONE);
  }

  private static <T> long copy(Connection c, Table table, Collection<T> rows, Values.Row<T> row, Progress progress,
      boolean loading) throws SQLException {
    if (c.getAutoCommit()) throw new IllegalStateException("a bulk insert runs inside the caller's transaction");
    // A load larger than what is stored (the first import of a company) goes straight into the table
    // without its secondary indexes and foreign keys, which are made again after it: an index built by
    // one sort and a key checked by one anti-join cost less than an index entry and a trigger call per
    // row. The primary key stays and refuses a row stored meanwhile. Inside the caller's transaction
    // (PostgreSQL's DDL is transactional), so a failure anywhere still changes nothing (ADR 24). A
    // table without a key (the change log) has nothing to check and is written straight too.
    // Only a table's owner may drop its keys: a database user that merely writes it keeps the staged path.
    // A table of a load (Load) has them dropped already: written straight, made again by the load.
    boolean rebuild = !loading && table.key() != null && rebuilds(c, table, rows.size());
    List<String[]> rebuilt = rebuild ? dropIndexesAndForeignKeys(c, table.name()) : List.of();
    boolean staged = table.key() != null && !rebuild && !loading;
    String stage = "staging_" + table.name();
    if (staged) {
      try (Statement s = c.createStatement()) {
        // Without the target's indexes and foreign keys, so the COPY itself is a plain append.
        s.execute("CREATE TEMPORARY TABLE " + stage + " (LIKE " + table.name() + " INCLUDING DEFAULTS) ON COMMIT DROP");
      }
    }
    String into = staged ? stage : table.name();
    long n;
    try (Copy<T> copy = new Copy<>(c, into, table.columns(), row, progress)) {
      for (T r : rows) copy.add(r);
      n = copy.end();
    }
    progress.update(n);
    long merged = n;
    if (staged) {
      // Checked before the merge: a row stored meanwhile by another writer is a conflict, named as one.
      String on = table.key().replaceAll("(\\w+)", "s.$1 = t.$1").replace(",", " AND");
      long stored = count(c, "SELECT COUNT(*) FROM " + stage + " s JOIN " + table.name() + " t ON " + on);
      if (stored > 0) {
        throw new SQLIntegrityConstraintViolationException(
            stored + " of the " + n + " rows for " + table.name() + " are stored already", "23505");
      }
      try (Statement s = c.createStatement()) {
        merged = s.executeUpdate("INSERT INTO " + table.name() + " (" + table.columns() + ") SELECT " + table.columns()
            + " FROM " + stage);
        s.execute("DROP TABLE " + stage); // a second bulk write of the table in this transaction makes its own
      }
    }
    remake(c, rebuilt);
    if (merged != n) throw new SQLException("COPY staged " + n + " rows for " + table.name() + " but " + merged + " were merged");
    return merged;
  }

  /**
   * Makes again the dropped indexes and foreign keys. The sorts of the index builds and the hashes of
   * the keys' checks get memory for the rest of this transaction (the defaults, 64 MB and 4 MB, spill
   * a million-row sort to disk in runs); PostgreSQL caps the memory of the parallel build's workers
   * by the same setting.
   */
  private static void remake(Connection c, List<String[]> made) throws SQLException {
    if (made.isEmpty()) return;
    try (Statement s = c.createStatement()) {
      s.execute("SET LOCAL maintenance_work_mem = '" + REBUILD_MEMORY + "'");
      s.execute("SET LOCAL work_mem = '" + REBUILD_MEMORY + "'");
      for (String[] r : made) s.execute(r[1]);
    }
  }

  /** Memory for the rebuild's sorts and hashes: 3.4 M orders' (member_id, order_date) sort fits. */
  private static final String REBUILD_MEMORY = "512MB";

  /** True when the table is the database user's and holds fewer rows than the load brings (ADR 24). */
  private static boolean rebuilds(Connection c, Table table, long rows) throws SQLException {
    return table.key() != null && owns(c, table.name())
        && count(c, "SELECT COUNT(*) FROM (SELECT 1 FROM " + table.name() + " LIMIT " + rows + ") x") < rows;
  }

  /** True when the database user owns the table, and so may drop and make its indexes and keys. */
  private static boolean owns(Connection c, String table) throws SQLException {
    return count(c, "SELECT COUNT(*) FROM pg_class WHERE oid = to_regclass('" + table + "') AND pg_has_role(relowner, 'USAGE')") == 1;
  }

  private static long count(Connection c, String sql) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /**
   * Drops the table's foreign keys and the indexes that back no constraint, and returns, for each,
   * its name and the statement that makes it again (indexes first, so the keys' checks can use them).
   */
  private static List<String[]> dropIndexesAndForeignKeys(Connection c, String table) throws SQLException {
    List<String[]> made = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(
        "SELECT i.relname, pg_get_indexdef(x.indexrelid) FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid"
            + " WHERE x.indrelid = to_regclass(?) AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = x.indexrelid)"
            + " ORDER BY i.relname")) {
      ps.setString(1, table);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) made.add(new String[] {"DROP INDEX " + quote(rs.getString(1)), rs.getString(2)});
      }
    }
    try (PreparedStatement ps = c.prepareStatement("SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint"
        + " WHERE conrelid = to_regclass(?) AND contype = 'f' ORDER BY conname")) {
      ps.setString(1, table);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          String name = quote(rs.getString(1));
          made.add(new String[] {"ALTER TABLE " + table + " DROP CONSTRAINT " + name,
              "ALTER TABLE " + table + " ADD CONSTRAINT " + name + " " + rs.getString(2)});
        }
      }
    }
    try (Statement s = c.createStatement()) {
      for (String[] r : made) s.execute(r[0]);
    }
    return made;
  }

  private static String quote(String name) {
    return "\"" + name.replace("\"", "\"\"") + "\"";
  }
}
