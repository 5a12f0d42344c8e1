package org.downline.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.downline.core.ConflictException;
import org.downline.core.Decimals;
import org.downline.core.InvalidInputException;
import org.downline.core.NotFoundException;
import org.downline.core.Progress;

/**
 * Commission runs in the database: a run is stored with its plan, the fingerprints of its inputs and
 * of its lines, its lines and its members' figures; closing a period locks one run. Persistence
 * only: computing a run is the application layer's ({@code app.commission.RunPeriod}).
 */
public final class CommissionStore {
  private final Database db;

  public CommissionStore(Database db) {
    this.db = db;
  }

  public record Run(long id, String period, String planName, String planVersion, String planSha256, String inputsSha256,
      String linesSha256, boolean closed, int lines, long total) {}

  /** One line of a run as stored: amounts in hundredths, source order and member null for none. */
  public record LineRow(String earnerId, String bonus, long amount, String sourceOrderId, String sourceMemberId, int level) {}

  /** One distributor's figures in a run (stored for every distributor with volume). */
  public record MemberRow(String memberId, long pv, long gv, boolean active, String rankName, int rankIndex) {}

  /** One leg of a binary plan's run, as legs.csv has it: side {@code left} or {@code right}, figures in hundredths. */
  public record LegRow(String memberId, String side, long carryIn, long added, long returned, long volume, long paired,
      long carryOut) {}

  /**
   * A run's lines given one at a time: each earner's lines together and the earners in id order
   * (lines.csv's order), so a run of any size is stored without its lines ever held at once (at 10 M
   * members a run has some 160 M lines).
   */
  @FunctionalInterface
  public interface LineSource {
    void forEach(java.util.function.Consumer<LineRow> line);

    /** Lines in any order, put in earner order (each earner's in the order given). */
    static LineSource of(List<LineRow> lines) {
      return sink -> {
        Map<String, List<LineRow>> byEarner = new java.util.TreeMap<>();
        for (LineRow l : lines) byEarner.computeIfAbsent(l.earnerId(), k -> new ArrayList<>()).add(l);
        for (List<LineRow> mine : byEarner.values()) mine.forEach(sink);
      };
    }
  }

  /**
   * A run to store: what it was computed from, its fingerprints, its lines, its members' figures and
   * its legs (binary plans). The lines' fingerprint is asked for once every line was given, so it
   * may be made while they pass.
   */
  public record NewRun(String period, String planName, String planVersion, String planSha256, String inputsSha256,
      java.util.function.Supplier<String> linesSha256, LineSource lines, List<MemberRow> members, List<LegRow> legs) {
    /** A run whose lines are all at hand. */
    public NewRun(String period, String planName, String planVersion, String planSha256, String inputsSha256,
        String linesSha256, List<LineRow> lines, List<MemberRow> members, List<LegRow> legs) {
      this(period, planName, planVersion, planSha256, inputsSha256, () -> linesSha256, LineSource.of(lines), members, legs);
    }

    /** A run of a plan without a placement tree, its lines all at hand. */
    public NewRun(String period, String planName, String planVersion, String planSha256, String inputsSha256,
        String linesSha256, List<LineRow> lines, List<MemberRow> members) {
      this(period, planName, planVersion, planSha256, inputsSha256, linesSha256, lines, members, List.of());
    }
  }

  /** What a later period needs of a closed one: each member's paid-as rank index and the lines with a source order. */
  public record ClosedRun(long id, Map<String, Integer> rankIndex, List<LineRow> sourcedLines) {}

  /**
   * Stores a run in one transaction (an open period becomes calculated) and returns its id. A closed
   * period may be run again; the caller's fingerprints tell whether the new run equals the locked one.
   */
  public long insert(NewRun run) {
    return insert(run, Progress.NONE);
  }

  /** The same, reporting the lines stored so far. */
  public long insert(NewRun run, Progress progress) {
    long id = write(run, progress);
    if (db.isPostgres()) analyze(id);
    return id;
  }

  /**
   * Fresh statistics for the tables a run has just grown (PostgreSQL). Until autovacuum gets to
   * them, the planner guesses: a top earner's search then read all of the earner's lines by the
   * wrong index of two that both fit (ADR 30). A sample, about a second for millions of lines.
   */
  private void analyze(long runId) {
    try (Connection c = db.connection(); Statement s = c.createStatement()) {
      // The run's own partition: the plans of its pages prune to it.
      s.execute("ANALYZE " + partition(runId) + ", commission_line_group, commission_member");
    } catch (SQLException e) {
      throw new StoreException(e);
    }
  }

  private long write(NewRun run, Progress progress) {
    return db.inTransaction(c -> {
      String state = PeriodStore.states(c).get(run.period());
      if (state == null || PeriodStore.OPEN.equals(state)) PeriodStore.setState(c, run.period(), PeriodStore.CALCULATED);
      long runId;
      // The count, the total and the lines' fingerprint are known once the lines have passed: set after them.
      try (PreparedStatement ps = c.prepareStatement(
          "INSERT INTO commission_run (period, plan_name, plan_version, plan_sha256, inputs_sha256, lines_sha256, created_at, closed,"
              + " line_count, line_total, lines_keyed) VALUES (?, ?, ?, ?, ?, '', ?, FALSE, 0, 0, TRUE)", Statement.RETURN_GENERATED_KEYS)) {
        ps.setString(1, run.period());
        ps.setString(2, run.planName());
        ps.setString(3, run.planVersion());
        ps.setString(4, run.planSha256());
        ps.setString(5, run.inputsSha256());
        ps.setTimestamp(6, Timestamp.from(Instant.now()));
        ps.executeUpdate();
        try (ResultSet keys = ps.getGeneratedKeys()) {
          keys.next();
          runId = keys.getLong(1);
        }
      }
      // By COPY on PostgreSQL, batches on H2 (ADR 21). A new run's rows cannot be stored already
      // (its id is new in this transaction), so they go straight into the tables: no staging.
      progress.start("storing the run's lines", -1, "lines");
      boolean partition = c.isWrapperFor(org.postgresql.PGConnection.class);
      if (partition) createPartition(c, runId);
      LineKeys keys;
      Bulk.Table into = partition ? new Bulk.Table(partition(runId), LINES.columns(), null) : LINES;
      try (Bulk.Sink<LineKeys.Keyed> sink = Bulk.sink(c, into, (v, k) -> {
        LineRow l = k.line();
        v.number(runId).text(l.earnerId()).text(l.bonus()).hundredths(l.amount()).text(l.sourceOrderId())
            .text(l.sourceMemberId()).integer(l.level()).integer(k.seq()).integer(k.groupSeq());
      }, progress)) {
        keys = new LineKeys(sink);
        run.lines().forEach(keys::add);
        keys.end();
        sink.end();
      } catch (LineKeys.Failed e) {
        throw e.getCause();
      }
      progress.finish();
      if (partition) {
        progress.start("indexing the run's lines", -1, "lines");
        index(c, runId);
        progress.finish();
      }
      Bulk.insert(c, GROUPS, keys.groups, (v, g) -> v.number(runId).text(g.earnerId()).text(g.bonus()).integer(g.level())
          .number(g.lines()).hundredths(g.amount()), Progress.NONE);
      Bulk.insert(c, MEMBERS, run.members(), (v, m) -> v.number(runId).text(m.memberId()).hundredths(m.pv())
          .hundredths(m.gv()).bool(m.active()).text(m.rankName()).integer(m.rankIndex()), Progress.NONE);
      LegStore.insert(c, runId, run.legs());
      try (PreparedStatement ps = c.prepareStatement(
          "UPDATE commission_run SET line_count = ?, line_total = ?, lines_sha256 = ? WHERE id = ?")) {
        ps.setLong(1, keys.count);
        ps.setBigDecimal(2, Decimals.toBigDecimal(keys.total));
        ps.setString(3, run.linesSha256().get());
        ps.setLong(4, runId);
        ps.executeUpdate();
      }
      if (partition) attachPartition(c, runId); // last, just before the commit
      return runId;
    });
  }

  /**
   * PostgreSQL: a bare table of the run's own for its lines, to be filled, then indexed
   * ({@link #index}) and attached ({@link #attachPartition}) in the same transaction (V240). Its
   * check is the partition's bound, so attaching it does not read it again. A copied company's runs
   * take the same steps ({@link CompanyCopy}).
   */
  static void createPartition(Connection c, long runId) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute("CREATE TABLE " + partition(runId) + " (LIKE commission_line INCLUDING DEFAULTS INCLUDING CONSTRAINTS,"
          + " CHECK (run_id = " + runId + "))");
    }
  }

  /**
   * Makes a run's filled and indexed table its partition of {@code commission_line}: its indexes and
   * key match the parent's, so attaching only records them, under a lock that readers of other runs'
   * lines do not wait for. The run's transaction's last statement before its commit.
   */
  static void attachPartition(Connection c, long runId) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute("ALTER TABLE commission_line ATTACH PARTITION " + partition(runId) + " FOR VALUES IN (" + runId + ")");
    }
  }

  /**
   * Gives a run's full table of lines the parent's indexes (one sort each, in memory) and its key
   * to the run (checked once for the table), so that attaching it builds and checks nothing.
   */
  static void index(Connection c, long runId) throws SQLException {
    List<String> made = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement("SELECT i.relname, pg_get_indexdef(x.indexrelid) FROM pg_index x"
        + " JOIN pg_class i ON i.oid = x.indexrelid WHERE x.indrelid = to_regclass('commission_line') ORDER BY i.relname");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        // "CREATE INDEX name ON ONLY public.commission_line USING ..." for this run's table.
        String def = rs.getString(2);
        String using = def.substring(def.indexOf(" USING "));
        made.add("CREATE INDEX " + rs.getString(1) + "_" + runId + " ON " + partition(runId) + using);
      }
    }
    try (Statement s = c.createStatement()) {
      s.execute("SET LOCAL maintenance_work_mem = '512MB'"); // each index one sort in memory, not runs on disk
      for (String sql : made) s.execute(sql);
      s.execute("ALTER TABLE " + partition(runId) + " ADD CONSTRAINT " + partition(runId) + "_run_fkey"
          + " FOREIGN KEY (run_id) REFERENCES commission_run (id)");
    }
  }

  /** The table of a run's lines on PostgreSQL (a partition of {@code commission_line}, V240). */
  static String partition(long runId) {
    return "commission_line_" + runId;
  }

  // Written in bulk without a stored-rows check (key null): see insert.
  private static final Bulk.Table LINES = new Bulk.Table("commission_line",
      "run_id, earner_id, bonus, amount, source_order_id, source_member_id, level, seq, group_seq", null);
  private static final Bulk.Table GROUPS = new Bulk.Table("commission_line_group",
      "run_id, earner_id, bonus, level, line_count, amount", null);
  private static final Bulk.Table MEMBERS = new Bulk.Table("commission_member",
      "run_id, member_id, pv, gv, active, rank_name, rank_index", null);

  /** One earner's lines of a run at one bonus and level: how many and their sum (hundredths). */
  record LineGroupRow(String earnerId, String bonus, int level, long lines, long amount) {}

  /**
   * What a run's lines are stored with besides themselves (V200): each line's place in its earner's
   * statement ({@code seq}) and in its (bonus, level) group ({@code groupSeq}), both from 0, and the
   * groups' counts and sums; worked out an earner at a time as the lines pass, so no page ever groups
   * or counts them and no more than one earner's lines are held.
   */
  static final class LineKeys {
    /** Statement order within one earner: bonus, source order (none first), level, source member (none first). */
    static int compare(LineRow a, LineRow b) {
      int d = a.bonus().compareTo(b.bonus());
      if (d != 0) return d;
      d = compareNullsFirst(a.sourceOrderId(), b.sourceOrderId());
      if (d != 0) return d;
      d = Integer.compare(a.level(), b.level());
      return d != 0 ? d : compareNullsFirst(a.sourceMemberId(), b.sourceMemberId());
    }

    private static int compareNullsFirst(String a, String b) {
      if (a == null) return b == null ? 0 : -1;
      return b == null ? 1 : a.compareTo(b);
    }

    /** A line with its keys, as it is written. */
    record Keyed(LineRow line, int seq, int groupSeq) {}

    /** A write that failed inside the line source's callback, which cannot throw it. */
    static final class Failed extends RuntimeException {
      Failed(SQLException e) {
        super(e);
      }

      @Override
      public synchronized SQLException getCause() {
        return (SQLException) super.getCause();
      }
    }

    private final Bulk.Sink<Keyed> out;
    private final List<LineRow> earner = new ArrayList<>();
    private String last;
    final List<LineGroupRow> groups = new ArrayList<>();
    long count;
    long total;

    LineKeys(Bulk.Sink<Keyed> out) {
      this.out = out;
    }

    void add(LineRow l) {
      if (!earner.isEmpty() && !earner.get(0).earnerId().equals(l.earnerId())) flush();
      earner.add(l);
    }

    void end() {
      flush();
    }

    /** Keys and writes the current earner's lines. */
    private void flush() {
      if (earner.isEmpty()) return;
      String id = earner.get(0).earnerId();
      // In earner order, each earner once: keys made per earner would repeat otherwise.
      if (last != null && last.compareTo(id) >= 0) {
        throw new IllegalArgumentException("a run's lines must come in earner order: " + id + " after " + last);
      }
      last = id;
      Integer[] order = new Integer[earner.size()];
      for (int i = 0; i < order.length; i++) order[i] = i;
      // The line's position breaks ties, so equal lines keep the order they were given in.
      java.util.Arrays.sort(order, (x, y) -> {
        int d = compare(earner.get(x), earner.get(y));
        return d != 0 ? d : Integer.compare(x, y);
      });
      // A bonus's lines are consecutive in the statement: count its levels, then write its groups.
      java.util.TreeMap<Integer, long[]> levels = new java.util.TreeMap<>();
      try {
        for (int i = 0; i < order.length; i++) {
          LineRow l = earner.get(order[i]);
          long[] g = levels.computeIfAbsent(l.level(), x -> new long[2]);
          out.add(new Keyed(l, i, Math.toIntExact(g[0])));
          g[0]++;
          g[1] = Math.addExact(g[1], l.amount());
          total = Math.addExact(total, l.amount());
          if (i + 1 == order.length || !earner.get(order[i + 1]).bonus().equals(l.bonus())) {
            for (var e : levels.entrySet()) groups.add(new LineGroupRow(id, l.bonus(), e.getKey(), e.getValue()[0], e.getValue()[1]));
            levels.clear();
          }
        }
      } catch (SQLException e) {
        throw new Failed(e);
      }
      count += order.length;
      earner.clear();
    }
  }

  /**
   * The locked run of a closed period: ranks reached, and (when {@code withLines}) the lines that
   * name a source order, which a later return may claw back.
   */
  public ClosedRun closedRun(String period, boolean withLines) {
    try (Connection c = db.connection()) {
      long runId;
      try (PreparedStatement ps = c.prepareStatement("SELECT id FROM commission_run WHERE period = ? AND closed = TRUE")) {
        ps.setString(1, period);
        try (ResultSet rs = ps.executeQuery()) {
          // A closed period always has its closed run (both are set in one transaction): a miss is a bug.
          if (!rs.next()) throw new IllegalStateException("period " + period + " is closed but has no closed run");
          runId = rs.getLong(1);
        }
      }
      Map<String, Integer> ranks = new HashMap<>();
      try (PreparedStatement ps = c.prepareStatement("SELECT member_id, rank_index FROM commission_member WHERE run_id = ?")) {
        ps.setLong(1, runId);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) ranks.put(rs.getString(1), rs.getInt(2));
        }
      }
      List<LineRow> lines = new ArrayList<>();
      if (withLines) {
        try (PreparedStatement ps = c.prepareStatement(
            "SELECT earner_id, bonus, amount, source_order_id, level FROM commission_line WHERE run_id = ? AND source_order_id IS NOT NULL")) {
          ps.setLong(1, runId);
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              lines.add(new LineRow(rs.getString(1), rs.getString(2), Decimals.fromBigDecimal(rs.getBigDecimal(3)),
                  rs.getString(4), null, rs.getInt(5)));
            }
          }
        }
      }
      return new ClosedRun(runId, ranks, lines);
    } catch (SQLException e) {
      throw new StoreException(e);
    }
  }

  /**
   * Locks a run: the period becomes closed (its orders are refused from then on) and the run is the
   * one that counts. Refused when the run is of another period, another run is already closed, an
   * earlier period is still open, or the inputs changed since the run ({@code inputsSha256} is the
   * fingerprint of the data as it is now). The checks and the lock are one transaction.
   */
  /**
   * Closes a period with one of its runs when the stored inputs, fingerprinted by {@code inputsSha256}
   * once the period is locked, are still those of the run; {@code alsoInTheTransaction} runs after
   * the close, before the commit (the ledger's posting).
   */
  public Run close(String periodName, long runId, java.util.function.Supplier<String> inputsSha256,
      Database.TransactionWork<?> alsoInTheTransaction) {
    return db.inTransaction(c -> {
      Run run = find(c, runId);
      if (run == null) throw new NotFoundException("no commission run " + runId);
      if (!run.period().equals(periodName)) {
        throw InvalidInputException.parameter("run", "run " + runId + " is of period " + run.period() + ", not " + periodName);
      }
      // Under the period's lock: an import of its orders either committed before (and is in the
      // fingerprint below) or waits until this close commits (and is then refused).
      PeriodStore.lock(c, db, java.util.Set.of(periodName));
      Map<String, String> states = PeriodStore.states(c);
      if (PeriodStore.CLOSED.equals(states.get(periodName))) throw new ConflictException("period " + periodName + " is already closed");
      for (Map.Entry<String, String> e : states.entrySet()) {
        if (e.getKey().compareTo(periodName) < 0 && !PeriodStore.CLOSED.equals(e.getValue())) {
          throw new ConflictException("period " + e.getKey() + " is not closed yet; close periods in order");
        }
      }
      if (!run.inputsSha256().equals(inputsSha256.get())) {
        throw new ConflictException("the data changed since run " + runId + " was computed; run the period again and close the new run");
      }
      try (PreparedStatement ps = c.prepareStatement("UPDATE commission_run SET closed = TRUE WHERE id = ?")) {
        ps.setLong(1, runId);
        ps.executeUpdate();
      }
      PeriodStore.setState(c, periodName, PeriodStore.CLOSED);
      alsoInTheTransaction.run(c);
      return find(c, runId);
    });
  }

  /** A run's lines as lines.csv rows (without header), in the spec's order. */
  public List<String> lines(long runId) {
    List<String> out = new ArrayList<>();
    try (Connection c = db.connection()) {
      forEachLine(c, runId, out::add);
      return out;
    } catch (SQLException e) {
      throw new StoreException(e);
    }
  }

  /**
   * A run's lines as lines.csv rows, streamed in the spec's order (earner, bonus, source order,
   * source member, none first, then level; equal keys by amount), the text its lines' fingerprint
   * was made of. Ordered by the database, in code-unit order on both: ids and bonus names are ASCII
   * (docs/data.md, "Input rules"), and PostgreSQL is told so ({@code COLLATE "C"}) rather than
   * using the database's locale.
   */
  static void forEachLine(Connection c, long runId, java.util.function.Consumer<String> row) throws SQLException {
    String bytes = c.isWrapperFor(org.postgresql.PGConnection.class) ? " COLLATE \"C\"" : "";
    try (PreparedStatement ps = c.prepareStatement("SELECT r.period, l.earner_id, l.bonus, l.amount, l.source_order_id,"
        + " l.source_member_id, l.level FROM commission_line l JOIN commission_run r ON r.id = l.run_id WHERE l.run_id = ?"
        + " ORDER BY l.earner_id" + bytes + ", l.bonus" + bytes + ", l.source_order_id" + bytes + " NULLS FIRST, l.source_member_id"
        + bytes + " NULLS FIRST, l.level, l.amount")) {
      ps.setLong(1, runId);
      ps.setFetchSize(10_000);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          row.accept(rs.getString(1) + "," + rs.getString(2) + "," + rs.getString(3) + ","
              + Decimals.format(Decimals.fromBigDecimal(rs.getBigDecimal(4))) + "," + (rs.getString(5) == null ? "" : rs.getString(5))
              + "," + (rs.getString(6) == null ? "" : rs.getString(6)) + "," + rs.getInt(7));
        }
      }
    }
  }

  /** A binary plan's run's legs by member id, left before right; empty for a plan without legs. */
  public List<LegRow> legs(long runId) {
    try (Connection c = db.connection()) {
      return LegStore.read(c, runId);
    } catch (SQLException e) {
      throw new StoreException(e);
    }
  }

  /** A run's legs of a few members (a page of the binary genealogy), by member id, left before right. */
  public List<LegRow> legs(long runId, java.util.Collection<String> memberIds) {
    try (Connection c = db.connection()) {
      return LegStore.read(c, runId, memberIds);
    } catch (SQLException e) {
      throw new StoreException(e);
    }
  }

  /** A run's legs as legs.csv rows (without header). */
  public List<String> legRows(long runId) {
    String period = find(runId).period();
    List<String> out = new ArrayList<>();
    for (LegRow l : legs(runId)) {
      out.add(period + "," + l.memberId() + "," + l.side() + "," + Decimals.format(l.carryIn()) + "," + Decimals.format(l.added())
          + "," + Decimals.format(l.returned()) + "," + Decimals.format(l.volume()) + "," + Decimals.format(l.paired()) + ","
          + Decimals.format(l.carryOut()));
    }
    return out;
  }

  public Run find(long runId) {
    try (Connection c = db.connection()) {
      return find(c, runId);
    } catch (SQLException e) {
      throw new StoreException(e);
    }
  }

  private static Run find(Connection c, long runId) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT r.id, r.period, r.plan_name, r.plan_version, r.plan_sha256,"
        + " r.inputs_sha256, r.lines_sha256, r.closed, " + RunStore.COUNT_AND_TOTAL + " FROM commission_run r WHERE r.id = ?")) {
      ps.setLong(1, runId);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) return null;
        long[] sums = RunStore.countAndTotal(c, runId, rs, 9);
        return new Run(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
            rs.getString(7), rs.getBoolean(8), Math.toIntExact(sums[0]), sums[1]);
      }
    }
  }
}
