package org.downline.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * On PostgreSQL a run's lines are a partition of their own (V240, ADR 43): filled bare, then
 * indexed and attached in the run's transaction. Figures from {@link LineGroupsTest}'s run: 10
 * lines, E's 9 summing to 56.75.
 */
@Tag("postgres") // the PostgreSQL tier: failsafe in `verify`, never `./mvnw test`
class LinePartitionsTest {
  @Test
  void eachRunHasItsOwnIndexedPartitionAndAFailedOneLeavesNone() throws Exception {
    Database db = TestDatabases.fresh(TestDatabases.Kind.POSTGRESQL);
    try {
      long first = LineGroupsTest.store(db, LineGroupsTest.lines());
      long second = LineGroupsTest.store(db, LineGroupsTest.lines().subList(0, 4));
      try (Connection c = db.connection()) {
        assertThat(partitions(c)).containsExactly("commission_line_" + first, "commission_line_" + second);
        assertThat(count(c, "SELECT COUNT(*) FROM commission_line_" + first)).isEqualTo(10);
        assertThat(count(c, "SELECT COUNT(*) FROM commission_line_" + second)).isEqualTo(4);
        // The parent's four indexes and its key, built on the run's table before it was attached, attached with it.
        assertThat(count(c, "SELECT COUNT(*) FROM pg_index x JOIN pg_inherits i ON i.inhrelid = x.indexrelid"
            + " WHERE x.indrelid = to_regclass('commission_line_" + first + "')")).isEqualTo(4);
        assertThat(count(c, "SELECT COUNT(*) FROM pg_index WHERE indrelid = to_regclass('commission_line_" + first + "')")).isEqualTo(4);
        assertThat(count(c, "SELECT COUNT(*) FROM pg_constraint WHERE conrelid = to_regclass('commission_line_" + first + "')"
            + " AND contype = 'f'")).isEqualTo(1);
      }
      assertThat(new RunStore(db).run(first).orElseThrow().total()).isEqualTo(5675 + 10);
      assertThat(new RunStore(db).memberTotals(List.of(first, second), "E")).isEqualTo(java.util.Map.of(first, 5675L, second, 275L));
      // A run refused half way (its lines out of earner order) leaves no table behind.
      String sha = LineGroupsTest.SHA;
      List<CommissionStore.LineRow> bad = List.of(new CommissionStore.LineRow("F", "unilevel", 1, null, null, 1),
          new CommissionStore.LineRow("E", "unilevel", 1, null, null, 1));
      assertThatThrownBy(() -> new CommissionStore(db).insert(new CommissionStore.NewRun(LineGroupsTest.PERIOD, "demo", "1", sha, sha,
          () -> sha, sink -> bad.forEach(sink), List.of(), List.of()))).isInstanceOf(IllegalArgumentException.class);
      try (Connection c = db.connection()) {
        assertThat(partitions(c)).hasSize(2);
        // No run's table outside the partitions either (a table made by the refused run would be one).
        assertThat(count(c, "SELECT COUNT(*) FROM pg_class WHERE relname ~ '^commission_line_[0-9]+$'")).isEqualTo(2);
      }
    } finally {
      TestDatabases.drop(db);
    }
  }

  /**
   * A database of V230 with a run's 3 lines (2.00, 0.50 and -0.25: 2.25) migrates with them in a
   * partition of their own, read as before; a new run gets its own, and a line of a run without one is refused.
   */
  @Test
  void linesStoredBeforeThePartitionsAreKeptAndRead() throws Exception {
    String name = "downline_test_v230_" + Long.toHexString(System.nanoTime());
    String url = TestDatabases.POSTGRES_SERVER + name + "?user=postgres";
    try (Connection c = DriverManager.getConnection(TestDatabases.POSTGRES_SERVER + "postgres", "postgres", "");
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name);
    }
    Database db = null;
    try {
      Flyway.configure().dataSource(url, "postgres", "").locations("classpath:db/migration").target("230").load().migrate();
      try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
        s.execute("INSERT INTO period (name, state) VALUES ('2026-01', 'calculated')");
        s.execute("INSERT INTO commission_run (id, period, plan_name, plan_version, plan_sha256, inputs_sha256, lines_sha256,"
            + " created_at, closed, line_count, line_total, lines_keyed) VALUES (7, '2026-01', 'demo', '1', 'p', 'i', 'l',"
            + " CURRENT_TIMESTAMP, FALSE, 3, 2.25, TRUE)");
        s.execute("INSERT INTO commission_line (run_id, earner_id, bonus, amount, source_order_id, source_member_id, level, seq,"
            + " group_seq) VALUES (7, 'E', 'unilevel', 2.00, 'O1', 'M1', 1, 0, 0), (7, 'E', 'unilevel', 0.50, 'O2', 'M2', 2, 1, 0),"
            + " (7, 'F', 'unilevel', -0.25, 'O1', 'M1', 1, 0, 0)");
        s.execute("INSERT INTO commission_line_group (run_id, earner_id, bonus, level, line_count, amount) VALUES"
            + " (7, 'E', 'unilevel', 1, 1, 2.00), (7, 'E', 'unilevel', 2, 1, 0.50), (7, 'F', 'unilevel', 1, 1, -0.25)");
      }
      db = Database.open(url);
      try (Connection c = db.connection()) {
        assertThat(partitions(c)).containsExactly("commission_line_v230");
        assertThat(count(c, "SELECT COUNT(*) FROM commission_line WHERE run_id = 7")).isEqualTo(3);
        assertThat(count(c, "SELECT COUNT(*) FROM pg_indexes WHERE tablename = 'commission_line_v230'")).isEqualTo(4);
      }
      List<String> lines = new ArrayList<>();
      new RunStore(db).forEachMemberLine(7, "E", l -> lines.add(l.sourceOrderId() + " " + l.amount()));
      assertThat(lines).containsExactly("O1 200", "O2 50");
      long next = LineGroupsTest.store(db, LineGroupsTest.lines());
      try (Connection c = db.connection()) {
        assertThat(partitions(c)).contains("commission_line_" + next);
        assertThat(count(c, "SELECT COUNT(*) FROM commission_line")).isEqualTo(13);
        // The key to the run holds on the old partition and the new one; a line of a run without a partition is refused.
        assertThat(count(c, "SELECT COUNT(*) FROM pg_constraint WHERE conrelid IN (to_regclass('commission_line_v230'),"
            + " to_regclass('commission_line_" + next + "')) AND contype = 'f'")).isEqualTo(2);
        assertThatThrownBy(() -> {
          try (Statement s = c.createStatement()) {
            s.execute("INSERT INTO commission_line (run_id, earner_id, bonus, amount, level) VALUES (" + next + " + 1, 'E', 'unilevel', 1, 1)");
          }
        }).isInstanceOf(SQLException.class).hasMessageContaining("no partition");
      }
    } finally {
      if (db != null) db.close();
      try (Connection c = DriverManager.getConnection(TestDatabases.POSTGRES_SERVER + "postgres", "postgres", "");
          Statement s = c.createStatement()) {
        s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
      }
    }
  }

  private static List<String> partitions(Connection c) throws SQLException {
    List<String> out = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement("SELECT p.relname FROM pg_inherits i JOIN pg_class p ON p.oid = i.inhrelid"
        + " WHERE i.inhparent = to_regclass('commission_line') ORDER BY length(p.relname), p.relname"); ResultSet rs = ps.executeQuery()) {
      while (rs.next()) out.add(rs.getString(1));
    }
    return out;
  }

  private static long count(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
