package org.downline.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.downline.store.CommissionStore.LineRow;
import org.downline.store.RunStore.Line;
import org.downline.store.RunStore.LineFilter;
import org.downline.store.RunStore.LineGroup;

/**
 * The groups and keys a run is stored with (V200), on H2 and PostgreSQL, over a small run worked by
 * hand. Earner E's lines, in statement order (bonus, source order with none first, level, source
 * member; equal lines in the order given):
 * <pre>
 *   seq 0  matching          -   L1 M3   1.10
 *   seq 1  matching          -   L1 M3   1.10   (the same line again)
 *   seq 2  matching          -   L1 M4   0.90      matching L1:          3 lines,  3.10
 *   seq 3  rank_advancement  -   L0 -   50.00      rank_advancement L0:  1 line,  50.00
 *   seq 4  unilevel          O1  L1 M2   2.00
 *   seq 5  unilevel          O1  L2 M2   0.40      unilevel L2:          1 line,   0.40
 *   seq 6  unilevel          O2  L1 M1   0.75
 *   seq 7  unilevel          O2  L1 M1  -0.75   (a clawback of seq 6)
 *   seq 8  unilevel          O3  L1 M1   1.25      unilevel L1:          4 lines,  3.25
 *   E: 9 lines, 56.75.  F: one unilevel L1 line of O1 from M2, 0.10.
 * </pre>
 */
class LineGroupsTest {
  static final String PERIOD = "2026-03";
  static final String SHA = "0".repeat(64);

  static List<LineRow> lines() {
    // Given out of order, as an engine may produce them.
    return List.of(
        new LineRow("E", "unilevel", 125, "O3", "M1", 1),
        new LineRow("F", "unilevel", 10, "O1", "M2", 1),
        new LineRow("E", "unilevel", 40, "O1", "M2", 2),
        new LineRow("E", "matching", 110, null, "M3", 1),
        new LineRow("E", "unilevel", 75, "O2", "M1", 1),
        new LineRow("E", "rank_advancement", 5000, null, null, 0),
        new LineRow("E", "matching", 90, null, "M4", 1),
        new LineRow("E", "unilevel", 200, "O1", "M2", 1),
        new LineRow("E", "matching", 110, null, "M3", 1),
        new LineRow("E", "unilevel", -75, "O2", "M1", 1));
  }

  static long store(Database db, List<LineRow> lines) {
    return new CommissionStore(db).insert(new CommissionStore.NewRun(PERIOD, "demo", "1", SHA, SHA, SHA, lines, List.of()));
  }

  static String show(Line l) {
    return l.bonus() + " " + l.sourceOrderId() + " " + l.level() + " " + l.sourceMemberId() + " " + l.amount();
  }

  @BothDatabases
  void theStoredGroupsAreTheLinesSums(Database db) {
    long run = store(db, lines());
    RunStore runs = new RunStore(db);
    assertThat(runs.memberGroups(run, "E")).containsExactly(
        new LineGroup("matching", 1, 3, 310),
        new LineGroup("rank_advancement", 0, 1, 5000),
        new LineGroup("unilevel", 1, 4, 325),
        new LineGroup("unilevel", 2, 1, 40));
    assertThat(runs.memberGroups(run, "F")).containsExactly(new LineGroup("unilevel", 1, 1, 10));
    assertThat(runs.countMemberLines(run, "E", LineFilter.ALL)).isEqualTo(9);
    assertThat(runs.countMemberLines(run, "E", new LineFilter("unilevel", null, null))).isEqualTo(5);
    assertThat(runs.countMemberLines(run, "E", new LineFilter("unilevel", 1, null))).isEqualTo(4);
    // The search: M3 is the source of seq 0 and 1; O1 of seq 4 and 5 (F's line of O1 is not E's).
    assertThat(runs.memberLines(run, "E", new LineFilter(null, null, "M3"), 0, 50)).extracting(LineGroupsTest::show)
        .containsExactly("matching null 1 M3 110", "matching null 1 M3 110");
    assertThat(runs.memberLines(run, "E", new LineFilter(null, null, "O1"), 0, 50)).extracting(LineGroupsTest::show)
        .containsExactly("unilevel O1 1 M2 200", "unilevel O1 2 M2 40");
    assertThat(runs.countMemberLines(run, "E", new LineFilter(null, 2, "O1"))).isEqualTo(1);
  }

  @BothDatabases
  void pagingForwardByKeyVisitsEveryLineOnceInStatementOrder(Database db) {
    long run = store(db, lines());
    RunStore runs = new RunStore(db);
    assertThat(pages(runs, run, LineFilter.ALL)).containsExactly(
        "matching null 1 M3 110", "matching null 1 M3 110", "matching null 1 M4 90",
        "rank_advancement null 0 null 5000",
        "unilevel O1 1 M2 200", "unilevel O1 2 M2 40", "unilevel O2 1 M1 75", "unilevel O2 1 M1 -75", "unilevel O3 1 M1 125");
    assertThat(pages(runs, run, new LineFilter("unilevel", null, null))).containsExactly(
        "unilevel O1 1 M2 200", "unilevel O1 2 M2 40", "unilevel O2 1 M1 75", "unilevel O2 1 M1 -75", "unilevel O3 1 M1 125");
    assertThat(pages(runs, run, new LineFilter("unilevel", 1, null))).containsExactly(
        "unilevel O1 1 M2 200", "unilevel O2 1 M1 75", "unilevel O2 1 M1 -75", "unilevel O3 1 M1 125");
    assertThat(pages(runs, run, new LineFilter("matching", null, null))).hasSize(3);
    // The statement stream reads the same order.
    List<String> streamed = new ArrayList<>();
    runs.forEachMemberLine(run, "E", l -> streamed.add(show(l)));
    assertThat(streamed).isEqualTo(pages(runs, run, LineFilter.ALL));
  }

  /** Every page of two lines, from the first until an empty one. */
  static List<String> pages(RunStore runs, long run, LineFilter filter) {
    List<String> out = new ArrayList<>();
    for (long offset = 0; ; offset += 2) {
      List<Line> page = runs.memberLines(run, "E", filter, offset, 2);
      if (page.isEmpty()) return out;
      assertThat(page.size()).isLessThanOrEqualTo(2);
      page.forEach(l -> out.add(show(l)));
    }
  }

  @BothDatabases
  void aRerunHasItsOwnGroupsAndARunCannotBeDeletedFromUnderThem(Database db) throws Exception {
    long first = store(db, lines());
    long rerun = store(db, List.of(new LineRow("E", "unilevel", 500, "O1", "M2", 1)));
    RunStore runs = new RunStore(db);
    assertThat(runs.memberGroups(rerun, "E")).containsExactly(new LineGroup("unilevel", 1, 1, 500));
    assertThat(runs.memberGroups(rerun, "F")).isEmpty();
    assertThat(runs.memberGroups(first, "E")).hasSize(4);
    assertThat(groupRows(db, rerun)).isEqualTo(1);
    // The sums the run and past-pay pages read, from the groups: E 56.75 and 5.00, F 0.10 (none in the rerun).
    assertThat(runs.memberTotals(List.of(first, rerun), "E")).isEqualTo(java.util.Map.of(first, 5675L, rerun, 500L));
    assertThat(runs.memberTotals(List.of(first, rerun), "F")).isEqualTo(java.util.Map.of(first, 10L));
    assertThat(runs.totalsByBonus(first)).isEqualTo(java.util.Map.of("matching", 310L, "rank_advancement", 5000L, "unilevel", 375L));
    assertThat(runs.totalsByMember(first)).isEqualTo(java.util.Map.of("E", 5675L, "F", 10L));
    assertThat(groupRows(db, first)).isEqualTo(5);
    // Deleting a run with its lines but not its groups is refused: no group outlives its run.
    try (Connection c = db.connection()) {
      update(c, "DELETE FROM commission_line WHERE run_id = ?", rerun);
      assertThatThrownBy(() -> update(c, "DELETE FROM commission_run WHERE id = ?", rerun)).isInstanceOf(java.sql.SQLException.class);
      update(c, "DELETE FROM commission_line_group WHERE run_id = ?", rerun);
      update(c, "DELETE FROM commission_run WHERE id = ?", rerun);
    }
    assertThat(groupRows(db, rerun)).isZero();
    assertThat(runs.memberGroups(first, "E")).hasSize(4);
  }

  /**
   * A run of more lines and members than {@link Bulk#COPY_FROM} goes by COPY on PostgreSQL (batches
   * on H2): every line, group and member reads back as given, with keys in statement order. Ids carry
   * the characters COPY text escapes.
   */
  @BothDatabases
  void aLargeRunIsStoredInBulkAndReadsBackAsGiven(Database db) throws Exception {
    List<LineRow> lines = new ArrayList<>();
    java.util.SplittableRandom random = new java.util.SplittableRandom(5);
    String[] earners = {"E", "F\\1", "G\tę", "E3", "E4", "E5", "E6", "E7", "E8", "E9", "E10", "E11"};
    String[] bonuses = {"unilevel", "matching", "rank_advancement"};
    for (int j = 0; j < 2_000; j++) {
      String bonus = bonuses[random.nextInt(3)];
      boolean order = bonus.equals("unilevel");
      lines.add(new LineRow(earners[random.nextInt(earners.length)], bonus, random.nextLong(-500, 100_000),
          order ? "O" + random.nextInt(40) : null, random.nextInt(5) == 0 ? null : "M" + random.nextInt(30), random.nextInt(4)));
    }
    List<CommissionStore.MemberRow> members = new ArrayList<>();
    for (int m = 0; m < 150; m++) members.add(new CommissionStore.MemberRow("M" + m, m * 101L, m * 1_003L, m % 2 == 0, "r" + m % 3, m % 3));
    long run = new CommissionStore(db).insert(new CommissionStore.NewRun(PERIOD, "demo", "1", SHA, SHA, SHA, lines, members));
    RunStore runs = new RunStore(db);
    long total = lines.stream().mapToLong(LineRow::amount).sum();
    assertThat(runs.run(run).orElseThrow().lines()).isEqualTo(2_000);
    assertThat(runs.run(run).orElseThrow().total()).isEqualTo(total);
    for (String e : earners) {
      // Expected: the earner's lines in statement order (ties in the order given), and their sums by bonus and level.
      List<LineRow> mine = new ArrayList<>(lines.stream().filter(l -> l.earnerId().equals(e)).toList());
      mine.sort(CommissionStore.LineKeys::compare);
      List<String> expected = mine.stream().map(l -> new Line(l.earnerId(), l.bonus(), l.amount(), l.sourceOrderId(),
          l.sourceMemberId(), l.level())).map(LineGroupsTest::show).toList();
      List<String> streamed = new ArrayList<>();
      runs.forEachMemberLine(run, e, l -> {
        assertThat(l.earnerId()).isEqualTo(e);
        streamed.add(show(l));
      });
      assertThat(streamed).isEqualTo(expected);
      assertThat(runs.memberLines(run, e, LineFilter.ALL, 7, 50)).extracting(LineGroupsTest::show)
          .isEqualTo(expected.subList(7, 57));
      java.util.Map<String, long[]> sums = new java.util.TreeMap<>();
      for (LineRow l : mine) {
        long[] g = sums.computeIfAbsent(l.bonus() + " " + l.level(), k -> new long[2]);
        g[0]++;
        g[1] += l.amount();
      }
      assertThat(runs.memberGroups(run, e)).extracting(g -> g.bonus() + " " + g.level() + " " + g.lines() + " " + g.amount())
          .isEqualTo(sums.entrySet().stream().map(x -> x.getKey() + " " + x.getValue()[0] + " " + x.getValue()[1]).toList());
    }
    List<String> ranks = new ArrayList<>();
    runs.forEachRank(run, (m, r) -> ranks.add(m + " " + r));
    assertThat(ranks).hasSize(150).contains("M0 r0", "M149 r2");
    assertThat(runs.rank(run, "M100")).contains("r1");
    assertThat(groupRows(db, run)).isGreaterThanOrEqualTo(Bulk.COPY_FROM); // the groups went in bulk too
    if (db.isPostgres()) {
      // The planner's statistics of the run's partition (V240) were taken after the lines were written (ANALYZE), not left to autovacuum.
      try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(
          "SELECT reltuples FROM pg_class WHERE oid = to_regclass('" + CommissionStore.partition(run) + "')"); ResultSet rs = ps.executeQuery()) {
        rs.next();
        assertThat(rs.getDouble(1)).isEqualTo(2_000);
      }
    }
  }

  /**
   * Lines streamed out of earner order (E, then F, then E again) are refused, and the run is not
   * stored: its keys would repeat E's statement places.
   */
  @BothDatabases
  void linesStreamedOutOfEarnerOrderAreRefusedAndNothingIsStored(Database db) throws Exception {
    List<LineRow> given = List.of(new LineRow("E", "unilevel", 125, "O3", "M1", 1), new LineRow("F", "unilevel", 10, "O1", "M2", 1),
        new LineRow("E", "unilevel", 40, "O1", "M2", 2));
    CommissionStore.NewRun run = new CommissionStore.NewRun(PERIOD, "demo", "1", SHA, SHA, () -> SHA, sink -> given.forEach(sink),
        List.of(), List.of());
    assertThatThrownBy(() -> new CommissionStore(db).insert(run)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("E after F");
    try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(
        "SELECT (SELECT COUNT(*) FROM commission_run) + (SELECT COUNT(*) FROM commission_line)"); ResultSet rs = ps.executeQuery()) {
      rs.next();
      assertThat(rs.getLong(1)).isZero();
    }
  }

  /**
   * A run streamed in earner order is stored with the count, total and fingerprint known only once
   * its lines have passed: E's 2 lines (1.25 + 0.40) and F's (0.10), 3 lines, 1.75.
   */
  @BothDatabases
  void aStreamedRunGetsItsCountTotalAndFingerprintAfterItsLines(Database db) throws Exception {
    List<LineRow> given = List.of(new LineRow("E", "unilevel", 125, "O3", "M1", 1), new LineRow("E", "unilevel", 40, "O1", "M2", 2),
        new LineRow("F", "unilevel", 10, "O1", "M2", 1));
    boolean[] passed = new boolean[1];
    String sha = "a".repeat(64);
    CommissionStore.NewRun run = new CommissionStore.NewRun(PERIOD, "demo", "1", SHA, SHA, () -> {
      assertThat(passed[0]).as("asked after the lines").isTrue();
      return sha;
    }, sink -> {
      given.forEach(sink);
      passed[0] = true;
    }, List.of(), List.of());
    long id = new CommissionStore(db).insert(run);
    CommissionStore.Run stored = new CommissionStore(db).find(id);
    assertThat(stored.lines()).isEqualTo(3);
    assertThat(stored.total()).isEqualTo(175);
    assertThat(stored.linesSha256()).isEqualTo(sha);
    assertThat(new RunStore(db).memberGroups(id, "E")).extracting(g -> g.bonus() + " " + g.level() + " " + g.lines() + " " + g.amount())
        .containsExactly("unilevel 1 1 125", "unilevel 2 1 40");
  }

  /** A run stored without its line count and total (by other means than the store) has them summed when read. */
  @BothDatabases
  void aRunWithoutItsStoredCountAndTotalIsSummedWhenRead(Database db) throws Exception {
    long run = store(db, lines());
    try (Connection c = db.connection()) {
      update(c, "UPDATE commission_run SET line_count = NULL, line_total = NULL WHERE id = ?", run);
    }
    RunStore runs = new RunStore(db);
    assertThat(runs.run(run).orElseThrow()).extracting(RunStore.RunInfo::lines, RunStore.RunInfo::total).containsExactly(10L, 5685L);
    assertThat(runs.runs(PERIOD)).singleElement().extracting(RunStore.RunInfo::lines, RunStore.RunInfo::total)
        .containsExactly(10L, 5685L);
    assertThat(runs.runs(null)).singleElement().extracting(RunStore.RunInfo::total).isEqualTo(5685L);
    CommissionStore.Run found = new CommissionStore(db).find(run);
    assertThat(found.lines()).isEqualTo(10);
    assertThat(found.total()).isEqualTo(5685L);
  }

  static void update(Connection c, String sql, long runId) throws java.sql.SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setLong(1, runId);
      ps.executeUpdate();
    }
  }

  static long groupRows(Database db, long runId) throws Exception {
    try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM commission_line_group WHERE run_id = ?")) {
      ps.setLong(1, runId);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }
}
