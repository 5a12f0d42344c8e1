package org.downline.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.downline.core.ConflictException;
import org.downline.core.Progress;

/**
 * A whole company copied from the embedded database into an empty PostgreSQL database
 * ({@code downline copy}, ADR 44): every table of {@link #TABLES}, read in one snapshot of the
 * source and written in one transaction of the target, which commits only when every table's rows
 * were counted alike on both sides and the caller's check passed. SQL only: what the check
 * compares (the runs' fingerprints) is the application layer's.
 */
public final class CompanyCopy {
  /**
   * Every table copied, each after the tables its foreign keys name, so that a table small enough to
   * keep its keys during the copy finds the rows they refer to. One list: a table a migration adds
   * is either here or in {@link #NOT_COPIED} ({@code CompanyCopyTablesTest}), and a source with a
   * table in neither is refused.
   */
  public static final List<String> TABLES = List.of(
      // the network and its orders (V1)
      "period", "member", "member_profile", "product", "campaign", "orders", "order_line", "autoship", "autoship_item",
      "import_log",
      // commission runs (V10, V50, V200); a run's lines into a partition of its own on PostgreSQL (V240)
      "commission_run", "commission_line", "commission_line_group", "commission_member", "commission_leg",
      // next steps (V20)
      "recommendation",
      // logins, audit, idempotency (V30, V80, V100)
      "users", "invitation", "audit_log", "idempotency_key", "api_token", "login_failure",
      // strategy and tactics (V70)
      "tactic_type", "strategy", "objective", "objective_value", "tactic_objective", "problem", "problem_product",
      "tactic_problem", "member_problem",
      // the earnings ledger, payouts and restatements (V90, V91)
      "payout_setting", "market", "ledger_posting", "ledger_entry", "payout_details", "payout_hold", "payout_batch",
      "payout_rate", "payout_line", "restatement", "restatement_line",
      // prospects and contacts (V110, V160, V210)
      "prospect_stage", "contact", "contact_channel", "channel_consent", "community", "community_member", "contact_link",
      "prospect", "prospect_win_tag", "prospect_stage_entry", "prospect_option", "touch", "follow_up", "care_done",
      "contact_merge", "contact_erasure",
      // the change log and the jobs' history (V120): the log with its clock, so its numbers go on
      "change_clock", "change_log", "job_lock", "job");

  /** The tables not copied, and why: each is the target's own or is rebuilt there. */
  public static final Map<String, String> NOT_COPIED = notCopied();

  private static Map<String, String> notCopied() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("flyway_schema_history", "the target's own: its migrations ran when it was opened");
    m.put("spring_session", "sign-in sessions: everyone signs in again on the new database");
    m.put("spring_session_attributes", "sign-in sessions: everyone signs in again on the new database");
    // ADR 38: the copy is only a faster start; with format 0 the first start loads every row and stores a new one.
    m.put("model_snapshot", "the stored model: the target keeps its \"none\", and its first server start stores a new one");
    m.put("model_snapshot_piece", "the stored model's pieces: rebuilt with it");
    return java.util.Collections.unmodifiableMap(m);
  }

  /**
   * Tables that every new database's migrations fill (the prospect stages, the tactic types, the
   * payout settings, the change log's clock): on the target their rows are replaced by the source's.
   * Every other copied table must be empty on the target.
   */
  static final Set<String> SEEDED = Set.of("prospect_stage", "tactic_type", "payout_setting", "change_clock");

  /** Rows a table had in the source's snapshot, and so were copied. */
  public record TableCopied(String table, long rows) {}

  /** A stored run: its id, period and the fingerprint its lines were stored with. */
  public record StoredRun(long id, String period, String linesSha256) {}

  /** What was copied: each table's rows, in {@link #TABLES}' order, and the runs. */
  public record Result(List<TableCopied> tables, List<StoredRun> runs) {}

  /** A run's lines as lines.csv rows in the spec's order, read from one side of the copy. */
  @FunctionalInterface
  public interface Lines {
    void forEach(long runId, Consumer<String> row);
  }

  /** The caller's check of the copy before it commits; throwing rolls the copy back. */
  @FunctionalInterface
  public interface Check {
    void check(Result copied, Lines source, Lines target);
  }

  private final Database source;
  private final Database target;

  public CompanyCopy(Database source, Database target) {
    this.source = source;
    this.target = target;
  }

  /**
   * Copies every table of {@link #TABLES} in one transaction of the target, which must be empty;
   * refused ({@link ConflictException}) when it is not, or when the two differ in a table's columns,
   * or the source has a table this copy does not know. The source is read in one snapshot (H2's
   * {@code SERIALIZABLE} reads every table as of the first statement), so a server writing meanwhile
   * cannot tear it; what it writes after the first read is not copied.
   */
  public Result copy(Progress progress, Check check) {
    if (!target.isPostgres() || source.isPostgres()) {
      throw new IllegalArgumentException("a company is copied from the embedded database into PostgreSQL");
    }
    Result result;
    try (Connection src = source.connection()) {
      src.setAutoCommit(false);
      src.setTransactionIsolation(Connection.TRANSACTION_SERIALIZABLE);
      src.setReadOnly(true);
      try (Statement s = src.createStatement()) {
        // Rows are read as they are fetched instead of first gathered (in memory, then a temporary file).
        s.execute("SET LAZY_QUERY_EXECUTION TRUE");
      }
      try {
        refuseUnknownTables(src);
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String t : TABLES) counts.put(t, count(src, "SELECT COUNT(*) FROM " + t));
        result = target.inTransaction(c -> write(src, c, counts, progress, check));
      } finally {
        src.rollback();
        try (Statement s = src.createStatement()) {
          s.execute("SET LAZY_QUERY_EXECUTION FALSE");
        }
      }
    } catch (SQLException e) {
      throw new StoreException(e);
    }
    analyze();
    return result;
  }

  private Result write(Connection src, Connection c, Map<String, Long> counts, Progress progress, Check check)
      throws SQLException {
    refuseUnlessEmpty(c);
    Map<String, List<String>> columns = new LinkedHashMap<>();
    for (String t : TABLES) columns.put(t, sameColumns(src, c, t));
    // The large tables lose their secondary indexes and keys until every row is in (ADR 24); a run's
    // lines go into bare tables of their own instead (ADR 43).
    List<String> large = new ArrayList<>();
    for (String t : TABLES) if (counts.get(t) >= Bulk.COPY_FROM && !t.equals("commission_line")) large.add(t);
    Bulk.Load load = Bulk.intoEmpty(c, large);
    List<TableCopied> copied = new ArrayList<>();
    for (String t : TABLES) {
      long n = counts.get(t);
      progress.start("copying " + t, n, "rows");
      if (SEEDED.contains(t)) {
        try (Statement s = c.createStatement()) {
          s.executeUpdate("DELETE FROM " + t);
        }
      }
      long sent = t.equals("commission_line") ? copyLines(src, c, columns.get(t), progress)
          : copyRows(src, c, t, t, columns.get(t), "", progress, 0);
      progress.finish();
      if (sent != n) throw new ConflictException(t + ": " + sent + " rows read, but the source's snapshot counts " + n + "; nothing was written");
      copied.add(new TableCopied(t, n));
    }
    load.finish(c);
    restartIdentities(src, c);
    for (TableCopied t : copied) {
      long stored = count(c, "SELECT COUNT(*) FROM " + t.table());
      if (stored != t.rows()) {
        throw new ConflictException(t.table() + " holds " + stored + " rows on the target, the source " + t.rows() + "; nothing was written");
      }
    }
    Result result = new Result(List.copyOf(copied), runs(c));
    check.check(result, lines(src), lines(c));
    return result;
  }

  /** Each run's lines into a table of its own, made, indexed and attached as a new run's are (ADR 43). */
  private static long copyLines(Connection src, Connection c, List<String> columns, Progress progress) throws SQLException {
    long sent = 0;
    for (StoredRun run : runs(src)) {
      CommissionStore.createPartition(c, run.id());
      sent = copyRows(src, c, "commission_line", CommissionStore.partition(run.id()), columns, " WHERE run_id = " + run.id(),
          progress, sent);
      CommissionStore.index(c, run.id());
      CommissionStore.attachPartition(c, run.id());
    }
    return sent;
  }

  /**
   * Streams the source's rows of a table into the target by one {@code COPY ... FROM STDIN}, each
   * value as text the way PostgreSQL reads it back exactly (decimals as written, dates and times in
   * ISO form, bytes as hex); returns {@code done} plus the rows sent.
   */
  private static long copyRows(Connection src, Connection c, String table, String into, List<String> columns, String where,
      Progress progress, long done) throws SQLException {
    String list = String.join(", ", columns);
    try (PreparedStatement ps = src.prepareStatement("SELECT " + list + " FROM " + table + where)) {
      ps.setFetchSize(10_000); // a shared file read over TCP (a server holds it) comes in pages
      try (ResultSet rs = ps.executeQuery()) {
        int[] types = types(rs.getMetaData());
        long[] sent = {done};
        try (Bulk.Copy<ResultSet> copy = new Bulk.Copy<>(c, into, list, (v, r) -> {
          for (int i = 1; i <= types.length; i++) v.text(text(r, i, types[i - 1]));
        }, Progress.NONE)) {
          while (rs.next()) {
            copy.add(rs);
            if ((++sent[0] & 0xFFFF) == 0) progress.update(sent[0]);
          }
          copy.end();
        }
        progress.update(sent[0]);
        return sent[0];
      }
    }
  }

  private static int[] types(ResultSetMetaData md) throws SQLException {
    int[] types = new int[md.getColumnCount()];
    for (int i = 0; i < types.length; i++) types[i] = md.getColumnType(i + 1);
    return types;
  }

  /** A value as COPY text (null for NULL); never through a double. */
  private static String text(ResultSet rs, int i, int type) throws SQLException {
    String text = switch (type) {
      case Types.DECIMAL, Types.NUMERIC -> {
        java.math.BigDecimal d = rs.getBigDecimal(i);
        yield d == null ? null : d.toPlainString();
      }
      case Types.BOOLEAN, Types.BIT -> {
        boolean b = rs.getBoolean(i);
        yield rs.wasNull() ? null : b ? "t" : "f";
      }
      case Types.DATE -> {
        LocalDate d = rs.getObject(i, LocalDate.class);
        yield d == null ? null : d.toString();
      }
      case Types.TIMESTAMP -> {
        LocalDateTime t = rs.getObject(i, LocalDateTime.class);
        yield t == null ? null : t.toString();
      }
      case Types.TIMESTAMP_WITH_TIMEZONE -> {
        OffsetDateTime t = rs.getObject(i, OffsetDateTime.class);
        yield t == null ? null : t.toString();
      }
      case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB -> {
        byte[] b = rs.getBytes(i);
        yield b == null ? null : "\\x" + HexFormat.of().formatHex(b); // bytea's hex form
      }
      default -> rs.getString(i);
    };
    return text;
  }

  /** Refused: a copied table other than the migrations' own ({@link #SEEDED}) holds a row on the target. */
  private static void refuseUnlessEmpty(Connection c) throws SQLException {
    for (String t : TABLES) {
      if (SEEDED.contains(t)) continue;
      if (count(c, "SELECT COUNT(*) FROM (SELECT 1 FROM " + t + " LIMIT 1) x") > 0) {
        throw new ConflictException("the target database is not empty: table " + t
            + " has rows; copy into a new, empty database (nothing was written)");
      }
    }
  }

  /** Refused: the source has a table that is neither copied nor left out (a migration this copy does not know). */
  private static void refuseUnknownTables(Connection src) throws SQLException {
    for (String t : tables(src)) {
      if (!TABLES.contains(t) && !NOT_COPIED.containsKey(t)) {
        throw new ConflictException("the source has a table this copy does not know: " + t + " (nothing was written)");
      }
    }
  }

  /**
   * The tables of the database's schema in lower case, its partitions left out (on PostgreSQL a run's
   * lines are a table of their own, part of {@code commission_line}).
   */
  public static Set<String> tables(Connection c) throws SQLException {
    String sql = c.isWrapperFor(org.postgresql.PGConnection.class)
        ? "SELECT relname FROM pg_class WHERE relnamespace = current_schema()::regnamespace AND relkind IN ('r', 'p')"
            + " AND NOT relispartition"
        : "SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = SCHEMA() AND TABLE_TYPE = 'BASE TABLE'";
    Set<String> out = new TreeSet<>();
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) out.add(rs.getString(1).toLowerCase(Locale.ROOT));
    }
    return out;
  }

  /** The table's columns in the target's order; refused when the source's are not the same. */
  private static List<String> sameColumns(Connection src, Connection c, String table) throws SQLException {
    List<String> theirs = columns(c, table);
    if (!new TreeSet<>(columns(src, table)).equals(new TreeSet<>(theirs))) {
      throw new ConflictException("table " + table + " has other columns on the source than on the target;"
          + " open both with the same downline version (nothing was written)");
    }
    return theirs;
  }

  private static List<String> columns(Connection c, String table) throws SQLException {
    var md = c.getMetaData();
    String name = md.storesUpperCaseIdentifiers() ? table.toUpperCase(Locale.ROOT) : table;
    List<String> out = new ArrayList<>();
    try (ResultSet rs = md.getColumns(null, c.getSchema(), name, null)) {
      while (rs.next()) out.add(rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
    }
    return out;
  }

  /**
   * Makes each copied identity column go on after the source's: from the next value the source would
   * have given (H2 keeps it, past any row deleted since), or after the largest id copied, whichever
   * is larger. {@code ALTER TABLE ... RESTART} is transactional, unlike {@code setval}.
   */
  private static void restartIdentities(Connection src, Connection c) throws SQLException {
    Map<String, Long> next = new LinkedHashMap<>();
    try (Statement s = src.createStatement(); ResultSet rs = s.executeQuery("SELECT LOWER(TABLE_NAME), LOWER(COLUMN_NAME),"
        + " IDENTITY_BASE FROM INFORMATION_SCHEMA.COLUMNS WHERE TABLE_SCHEMA = SCHEMA() AND IS_IDENTITY = 'YES'")) {
      while (rs.next()) next.put(rs.getString(1) + "." + rs.getString(2), rs.getLong(3));
    }
    List<String[]> identities = new ArrayList<>();
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT table_name, column_name FROM"
        + " information_schema.columns WHERE table_schema = current_schema() AND is_identity = 'YES' ORDER BY table_name")) {
      while (rs.next()) identities.add(new String[] {rs.getString(1), rs.getString(2)});
    }
    try (Statement s = c.createStatement()) {
      for (String[] id : identities) {
        if (!TABLES.contains(id[0])) continue;
        long after = count(c, "SELECT COALESCE(MAX(" + id[1] + "), 0) FROM " + id[0]) + 1;
        long restart = Math.max(after, next.getOrDefault(id[0] + "." + id[1], 1L));
        s.execute("ALTER TABLE " + id[0] + " ALTER COLUMN " + id[1] + " RESTART WITH " + restart);
      }
    }
  }

  private static List<StoredRun> runs(Connection c) throws SQLException {
    List<StoredRun> out = new ArrayList<>();
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT id, period, lines_sha256 FROM commission_run ORDER BY id")) {
      while (rs.next()) out.add(new StoredRun(rs.getLong(1), rs.getString(2), rs.getString(3)));
    }
    return out;
  }

  private static Lines lines(Connection c) {
    return (runId, row) -> {
      try {
        CommissionStore.forEachLine(c, runId, row);
      } catch (SQLException e) {
        throw new StoreException(e);
      }
    };
  }

  /** Fresh statistics for every table copied, for the pages' plans (ADR 30); after the commit. */
  private void analyze() {
    try (Connection c = target.connection(); Statement s = c.createStatement()) {
      s.execute("ANALYZE");
    } catch (SQLException e) {
      throw new StoreException(e);
    }
  }

  private static long count(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
