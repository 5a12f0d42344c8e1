package org.downline.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.downline.app.commission.RunPeriod;
import org.downline.app.network.CopyCompany;
import org.downline.app.network.ImportFile;
import org.downline.core.ConflictException;
import org.downline.core.InvalidInputException;
import org.downline.core.Progress;
import org.downline.planfile.PlanFile;
import org.downline.store.Audit;
import org.downline.store.CommissionStore;
import org.downline.store.CompanyCopy;
import org.downline.store.Database;
import org.downline.store.TestDatabases;
import org.downline.web.security.Account;
import org.downline.web.security.UserStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code downline copy} moves a whole company from an embedded H2 file into PostgreSQL (ADR 44).
 * The company is the demo's (members, orders, three runs of which two closed and posted, payouts,
 * logins, audit, prospects and contacts, strategy and tactics, the change log), with a few rows
 * written by hand into the tables the demo leaves empty, so that every copied table has rows.
 * Expected values are read from the source database, never from the copy's own report.
 */
@Tag("postgres") // the PostgreSQL tier: failsafe in `verify`, never `./mvnw test`
class CopyCommandTest {
  @TempDir static Path dir;
  private static String source;

  /** Text with every character COPY's text form escapes, a literal \N, and letters beyond ASCII. */
  static final String AWKWARD = "tab\there, line\nfeed, cr\r, back\\slash, \\N, ü, ł, ț, 🎉";

  @BeforeAll
  static void company() throws Exception {
    Cli demo = Cli.run("demo", "--members", "400", "--months", "3", "--seed", "5", "--no-serve", "--data", dir.toString());
    assertThat(demo.status()).as(demo.err()).isZero();
    source = "jdbc:h2:file:" + dir.resolve("demo");
    try (Database db = Database.open(source); Connection c = db.connection(); Statement s = c.createStatement()) {
      String member = first(s, "SELECT MIN(id) FROM member WHERE kind = 'distributor'");
      String other = first(s, "SELECT MAX(id) FROM member WHERE kind = 'distributor'");
      String user = first(s, "SELECT MIN(username) FROM users");
      long run = Long.parseLong(first(s, "SELECT MIN(id) FROM commission_run WHERE closed"));
      String period = first(s, "SELECT period FROM commission_run WHERE id = " + run);
      long posting = Long.parseLong(first(s, "SELECT MIN(id) FROM ledger_posting WHERE run_id = " + run));
      long batch = Long.parseLong(first(s, "SELECT MIN(id) FROM payout_batch"));
      long contact = Long.parseLong(first(s, "SELECT MIN(id) FROM contact"));
      s.execute("INSERT INTO commission_leg VALUES (" + run + ", '" + member + "', 'left', 1.25, 2.50, -0.75, 3.00, 1.00, 2.00)");
      s.execute("INSERT INTO recommendation VALUES ('" + member + "', 'lapsing', 'call', 'reorder,referral', DATE '2026-01-15', TRUE, 3)");
      s.execute("INSERT INTO invitation VALUES ('INV-1', '" + member + "', 'admin', TIMESTAMP '2026-01-02 03:04:05.123456',"
          + " TIMESTAMP '2026-01-09 03:04:05', NULL, NULL)");
      s.execute("INSERT INTO idempotency_key VALUES ('" + user + "', 'key-1', '" + "c".repeat(64) + "', 'O-API-1', TIMESTAMP '2026-01-03 00:00:00')");
      s.execute("INSERT INTO api_token (token_hash, username, label, created_by, created_at) VALUES ('" + "d".repeat(64) + "', '"
          + user + "', 'shop', 'admin', TIMESTAMP '2026-01-04 12:00:00')");
      s.execute("INSERT INTO login_failure VALUES ('address', '203.0.113.7', 2, TIMESTAMP '2026-01-05 10:00:00', TIMESTAMP '2026-01-05 10:01:00')");
      s.execute("INSERT INTO market VALUES ('Romania', 'RON')");
      s.execute("INSERT INTO payout_hold (member_id, reason, set_by, set_at) VALUES ('" + member + "', 'documents', 'admin', CURRENT_TIMESTAMP)");
      s.execute("INSERT INTO payout_rate VALUES (" + batch + ", 'RON', 4.976543)");
      s.execute("INSERT INTO restatement (period, original_run_id, plan_name, reason, corrections, posting_id, created_by, created_at)"
          + " VALUES ('" + period + "', " + run + ", 'demo', 'a late order', 'O1', " + posting + ", 'admin', CURRENT_TIMESTAMP)");
      s.execute("INSERT INTO restatement_line SELECT id, '" + member + "', 'unilevel', NULL, '" + other + "', 1, 10.00, 12.50,"
          + " 'late order' FROM restatement");
      s.execute("INSERT INTO care_done VALUES ('" + member + "', '" + other + "', 'thank-you', DATE '2026-01-10', DATE '2026-01-11')");
      s.execute("INSERT INTO contact_merge (owner_id, kept_id, merged_id, merged_at) VALUES ('" + member + "', " + contact + ", 999, CURRENT_TIMESTAMP)");
      s.execute("INSERT INTO contact_erasure (contact_id, owner_id, actor, erased_at) VALUES (998, '" + member + "', 'admin', CURRENT_TIMESTAMP)");
      Audit.write(c, "admin", "copy test", member, AWKWARD);
    }
  }

  @Test
  void copiesEveryTableRowForRowAndTheCopyWorksOn() throws Exception {
    Database target = TestDatabases.fresh(TestDatabases.Kind.POSTGRESQL);
    try (Database from = Database.open(source)) {
      Map<String, List<String>> before = dump(from);
      // The fixture reaches every copied table: a table left empty would prove nothing.
      before.forEach((table, rows) -> assertThat(rows).as(table).isNotEmpty());
      long audits = maxId(from, "audit_log");
      long imports = maxId(from, "import_log");
      List<String[]> runs = runs(from);

      Cli copy = Cli.run("copy", "--db", source, "--to", target.url());
      assertThat(copy.status()).as(copy.err()).isZero();
      assertThat(copy.out()).containsPattern("\nmember +" + before.get("member").size() + "\n")
          .containsPattern("\ncommission_line +" + before.get("commission_line").size() + "\n")
          .contains("the lines of " + runs.size() + " runs against their fingerprints");

      // Every column of every row, as sorted text, on both sides (the awkward text among them).
      Map<String, List<String>> after = dump(target);
      for (String table : CompanyCopy.TABLES) assertThat(after.get(table)).as(table).isEqualTo(before.get(table));
      assertThat(String.join("\n", after.get("audit_log"))).contains(AWKWARD);

      // Each run's lines, read back from PostgreSQL in lines.csv's order, give the fingerprint the run was computed with.
      CommissionStore lines = new CommissionStore(target);
      for (String[] run : runs) {
        assertThat(sha256(String.join("\n", lines.lines(Long.parseLong(run[0]))))).as("run " + run[0]).isEqualTo(run[2]);
      }

      // A row written after the copy gets the next id, not one the source used.
      target.inTransaction(c -> {
        Audit.write(c, "admin", "after the copy", null, null);
        return null;
      });
      assertThat(maxId(target, "audit_log")).isEqualTo(audits + 1);
      Path products = Files.writeString(dir.resolve("products.csv"), "sku,name,price,pv,cv\nNEW-1,New,1.00,1.00,1.00\n");
      new ImportFile(target, Progress.NONE).importProducts(products);
      assertThat(maxId(target, "import_log")).isEqualTo(imports + 1);

      // Computed again on PostgreSQL from the copied data, each period (closed or not) pays what its stored run paid, line for line.
      RunPeriod again = new RunPeriod(target);
      for (String[] run : runs) {
        CommissionStore.Run rerun = again.run(run[1], PlanFile.load("demo"), PlanFile.source("demo"), Progress.NONE);
        assertThat(rerun.linesSha256()).as(run[1]).isEqualTo(run[2]);
        assertThat(rerun.total()).as(run[1]).isEqualTo(Long.parseLong(run[4]));
      }
    } finally {
      TestDatabases.drop(target);
    }
  }

  @Test
  void aTargetWithCompanyDataIsRefusedAndLeftAsItWas() throws Exception {
    Database target = TestDatabases.fresh(TestDatabases.Kind.POSTGRESQL);
    try {
      new UserStore(target).add("early", "a long enough secret 1", Account.Role.ADMIN, null);
      Map<String, List<String>> before = dump(target);
      Cli copy = Cli.run("copy", "--db", source, "--to", target.url());
      assertThat(copy.status()).isEqualTo(Downline.EXIT_INPUT);
      assertThat(copy.err()).contains("the target database is not empty: table users has rows");
      assertThat(dump(target)).isEqualTo(before);
      assertThat(partitions(target)).isZero();
    } finally {
      TestDatabases.drop(target);
    }
  }

  @Test
  void aFailureHalfWayLeavesTheTargetEmpty() throws Exception {
    Database target = TestDatabases.fresh(TestDatabases.Kind.POSTGRESQL);
    try (Database from = Database.open(source)) {
      Map<String, List<String>> empty = dump(target);
      // After the members, orders and runs (their lines in tables of their own) were written.
      Progress failing = new Progress() {
        @Override
        public void start(String task, long total, String unit) {
          if (task.equals("copying ledger_entry")) throw new IllegalStateException("injected copy failure");
        }

        @Override
        public void update(long done) {}

        @Override
        public void finish() {}
      };
      assertThatThrownBy(() -> CopyCompany.copy(from, target.url(), failing)).hasMessage("injected copy failure");
      assertThat(dump(target)).isEqualTo(empty);
      assertThat(partitions(target)).isZero();
      // Nor did the identities move: the first audit row written is still number 1.
      target.inTransaction(c -> {
        Audit.write(c, "admin", "first", null, null);
        return null;
      });
      assertThat(maxId(target, "audit_log")).isEqualTo(1);
    } finally {
      TestDatabases.drop(target);
    }
  }

  @Test
  void sourcesAndTargetsThatCannotBeCopiedAreRefused() throws Exception {
    Database target = TestDatabases.fresh(TestDatabases.Kind.POSTGRESQL);
    Database newer = TestDatabases.fresh(TestDatabases.Kind.H2);
    try {
      // A source migrated by a later downline (a version this one does not have).
      try (Connection c = newer.connection(); Statement s = c.createStatement()) {
        s.execute("INSERT INTO \"flyway_schema_history\" (\"installed_rank\", \"version\", \"description\", \"type\", \"script\","
            + " \"checksum\", \"installed_by\", \"installed_on\", \"execution_time\", \"success\") VALUES (9999, '9999', 'later', 'SQL', 'V9999__later.sql',"
            + " 0, 'test', CURRENT_TIMESTAMP, 0, TRUE)");
      }
      assertThatThrownBy(() -> CopyCompany.copy(newer, target.url(), Progress.NONE)).isInstanceOf(ConflictException.class)
          .hasMessageContaining("the source database is at schema version 9999 and the target at ");
      // PostgreSQL to PostgreSQL is not what copy is for.
      assertThatThrownBy(() -> CopyCompany.copy(target, target.url(), Progress.NONE)).isInstanceOf(InvalidInputException.class)
          .hasMessageContaining("the source is a PostgreSQL database already");
      // A database the server does not have.
      String missing = TestDatabases.POSTGRES_SERVER + "downline_test_no_such_database?user=postgres";
      Cli copy = Cli.run("copy", "--db", source, "--to", missing);
      assertThat(copy.status()).isEqualTo(Downline.EXIT_INPUT);
      assertThat(copy.err()).contains("cannot open the target database: ").contains("downline_test_no_such_database");
      assertThat(dump(target)).allSatisfy((table, rows) -> {
        if (!List.of("prospect_stage", "tactic_type", "payout_setting", "change_clock").contains(table)) assertThat(rows).as(table).isEmpty();
      });
    } finally {
      TestDatabases.drop(newer);
      TestDatabases.drop(target);
    }
  }

  /** Each copied table's rows, every column as text in the target's column order, sorted. */
  static Map<String, List<String>> dump(Database db) throws SQLException {
    Map<String, List<String>> out = new LinkedHashMap<>();
    try (Connection c = db.connection(); Statement s = c.createStatement()) {
      for (String table : CompanyCopy.TABLES) {
        List<String> rows = new ArrayList<>();
        try (ResultSet rs = s.executeQuery("SELECT " + String.join(", ", COLUMNS.get(table)) + " FROM " + table)) {
          ResultSetMetaData md = rs.getMetaData();
          while (rs.next()) {
            StringBuilder row = new StringBuilder();
            for (int i = 1; i <= md.getColumnCount(); i++) row.append(i > 1 ? " | " : "").append(text(rs.getObject(i)));
            rows.add(row.toString());
          }
        }
        rows.sort(null);
        out.put(table, rows);
      }
    }
    return out;
  }

  /** The columns of each table, in one order for both databases (read once from a fresh H2 database). */
  private static final Map<String, List<String>> COLUMNS = columns();

  private static Map<String, List<String>> columns() {
    Map<String, List<String>> out = new LinkedHashMap<>();
    Database db = TestDatabases.fresh(TestDatabases.Kind.H2);
    try (Connection c = db.connection(); Statement s = c.createStatement()) {
      for (String table : CompanyCopy.TABLES) {
        try (ResultSet rs = s.executeQuery("SELECT * FROM " + table + " WHERE 1 = 0")) {
          List<String> names = new ArrayList<>();
          for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) names.add(rs.getMetaData().getColumnName(i).toLowerCase());
          out.put(table, names);
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    } finally {
      TestDatabases.drop(db);
    }
    return out;
  }

  private static String text(Object v) {
    return switch (v) {
      case null -> "NULL";
      case BigDecimal d -> d.toPlainString();
      case java.sql.Timestamp t -> t.toLocalDateTime().toString();
      case java.sql.Date d -> d.toLocalDate().toString();
      case byte[] b -> HexFormat.of().formatHex(b);
      default -> v.toString();
    };
  }

  /** Every run: id, period, lines' fingerprint, closed, total paid (hundredths), by id. */
  private static List<String[]> runs(Database db) throws SQLException {
    List<String[]> out = new ArrayList<>();
    try (Connection c = db.connection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
        "SELECT r.id, r.period, r.lines_sha256, r.closed, (SELECT SUM(amount) FROM commission_line l WHERE l.run_id = r.id)"
            + " FROM commission_run r ORDER BY r.id")) {
      while (rs.next()) {
        out.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3), Boolean.toString(rs.getBoolean(4)),
            Long.toString(rs.getBigDecimal(5).movePointRight(2).longValueExact())});
      }
    }
    assertThat(out).hasSizeGreaterThanOrEqualTo(3);
    return out;
  }

  private static long maxId(Database db, String table) throws SQLException {
    try (Connection c = db.connection(); Statement s = c.createStatement()) {
      return Long.parseLong(first(s, "SELECT COALESCE(MAX(id), 0) FROM " + table));
    }
  }

  private static long partitions(Database db) throws SQLException {
    try (Connection c = db.connection(); Statement s = c.createStatement()) {
      return Long.parseLong(first(s, "SELECT COUNT(*) FROM pg_class WHERE relname ~ '^commission_line_[0-9]+$'"));
    }
  }

  private static String first(Statement s, String sql) throws SQLException {
    try (ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getString(1);
    }
  }

  private static String sha256(String text) throws Exception {
    return HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(text.getBytes(
        java.nio.charset.StandardCharsets.UTF_8)));
  }
}
