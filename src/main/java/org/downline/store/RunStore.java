package org.downline.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.downline.core.Decimals;

/**
 * Reading stored commission runs for the web and the API: a period's runs, the run that counts
 * (the closed one, else the latest), totals per bonus and per member, a member's lines, paid-as
 * ranks. Writing runs stays with {@link CommissionStore}.
 */
public final class RunStore {
  private final Database db;

  public RunStore(Database db) {
    this.db = db;
  }

  /** A run's header: what it was computed from and its totals. */
  public record RunInfo(long id, String period, String planName, String planVersion, String inputsSha256,
      String linesSha256, java.time.Instant createdAt, boolean closed, long lines, long total) {}

  /** One stored line (amount in hundredths; source ids null for lines without a source order). */
  public record Line(String earnerId, String bonus, long amount, String sourceOrderId, String sourceMemberId, int level) {}

  /**
   * A run's line count and total as stored with it (V150); {@link #countAndTotal} sums a run stored
   * without them. Not a subquery in the select: PostgreSQL costs it for every run even when it never
   * runs it, and a listing of runs that looks expensive is JIT-compiled (0.6 s on each pay page).
   */
  static final String COUNT_AND_TOTAL = "r.line_count, r.line_total";

  private static final String RUN_SELECT = "SELECT r.id, r.period, r.plan_name, r.plan_version, r.inputs_sha256,"
      + " r.lines_sha256, r.created_at, r.closed, " + COUNT_AND_TOTAL + " FROM commission_run r ";

  /**
   * The count and total of the run whose {@link #COUNT_AND_TOTAL} columns start at {@code column}:
   * as stored, else summed from its lines on {@code c}.
   */
  static long[] countAndTotal(Connection c, long runId, ResultSet rs, int column) throws SQLException {
    long lines = rs.getLong(column);
    boolean stored = !rs.wasNull();
    java.math.BigDecimal total = rs.getBigDecimal(column + 1);
    if (stored && total != null) return new long[] {lines, Decimals.fromBigDecimal(total.setScale(2))};
    try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*), COALESCE(SUM(amount), 0) FROM commission_line WHERE run_id = ?")) {
      ps.setLong(1, runId);
      try (ResultSet sums = ps.executeQuery()) {
        sums.next();
        return new long[] {sums.getLong(1), Decimals.fromBigDecimal(sums.getBigDecimal(2).setScale(2))};
      }
    }
  }

  /** The runs a {@link #RUN_SELECT} query finds. */
  private List<RunInfo> runInfos(String sql, Binder binder) {
    try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(sql)) {
      binder.bind(ps);
      List<RunInfo> out = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          long[] sums = countAndTotal(c, rs.getLong(1), rs, 9);
          out.add(new RunInfo(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
              rs.getTimestamp(7).toInstant(), rs.getBoolean(8), sums[0], sums[1]));
        }
      }
      return out;
    } catch (SQLException e) {
      throw new StoreException(e);
    }
  }

  /** The runs of one period (or of every period when null), newest first. */
  public List<RunInfo> runs(String period) {
    return runInfos(RUN_SELECT + (period == null ? "" : "WHERE r.period = ? ") + "ORDER BY r.id DESC",
        ps -> {
          if (period != null) ps.setString(1, period);
        });
  }

  public Optional<RunInfo> run(long id) {
    return runInfos(RUN_SELECT + "WHERE r.id = ?", ps -> ps.setLong(1, id)).stream().findFirst();
  }

  /** The run that counts for a period: the closed one, else the latest. */
  public Optional<RunInfo> current(String period) {
    List<RunInfo> runs = runs(period);
    for (RunInfo r : runs) {
      if (r.closed()) return Optional.of(r);
    }
    return runs.stream().findFirst();
  }

  /** A run named without its totals: what a page of another capability links to. */
  public record RunRef(long id, String period, String planName, boolean closed) {}

  /**
   * The run that counts for a period (the closed one, else the latest) or, for a null period, the
   * newest run of any period; without counting lines, so it costs one index read however big the runs.
   */
  public Optional<RunRef> latest(String period) {
    String sql = "SELECT id, period, plan_name, closed FROM commission_run "
        + (period == null ? "ORDER BY id DESC" : "WHERE period = ? ORDER BY closed DESC, id DESC");
    try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(sql)) {
      if (period != null) ps.setString(1, period);
      ps.setMaxRows(1);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(new RunRef(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBoolean(4))) : Optional.empty();
      }
    } catch (SQLException e) {
      throw new StoreException(e);
    }
  }

  /** Sum of a run's lines per bonus (clawback included), in name order: from its stored groups when it has them. */
  public Map<String, Long> totalsByBonus(long runId) {
    Map<String, Long> out = new LinkedHashMap<>();
    query("SELECT bonus, SUM(amount) FROM " + groupsOrLines(runId) + " WHERE run_id = ? GROUP BY bonus ORDER BY bonus",
        ps -> ps.setLong(1, runId), rs -> out.put(rs.getString(1), Decimals.fromBigDecimal(rs.getBigDecimal(2).setScale(2))));
    return out;
  }

  /** Sum of a run's lines per earner, in id order: from its stored groups when it has them. */
  public Map<String, Long> totalsByMember(long runId) {
    Map<String, Long> out = new LinkedHashMap<>();
    query("SELECT earner_id, SUM(amount) FROM " + groupsOrLines(runId) + " WHERE run_id = ? GROUP BY earner_id ORDER BY earner_id",
        ps -> ps.setLong(1, runId), rs -> out.put(rs.getString(1), Decimals.fromBigDecimal(rs.getBigDecimal(2).setScale(2))));
    return out;
  }

  /**
   * The table a run's sums are read from: its groups (a few per earner) when it was stored with them
   * or they were summed by V200, else its lines (a run written by other means).
   */
  private String groupsOrLines(long runId) {
    boolean grouped = keyed(runId) || !query("SELECT run_id FROM commission_line_group WHERE run_id = ? FETCH FIRST 1 ROWS ONLY",
        ps -> ps.setLong(1, runId), rs -> rs.getLong(1)).isEmpty();
    return grouped ? "commission_line_group" : "commission_line";
  }

  /** A page of a run's lines in lines.csv order (earner, bonus, source order, level). */
  public List<Line> lines(long runId, long offset, int limit) {
    return query("SELECT earner_id, bonus, amount, source_order_id, source_member_id, level FROM commission_line"
        + " WHERE run_id = ? ORDER BY earner_id, bonus, source_order_id, level OFFSET ? ROWS FETCH NEXT ? ROWS ONLY",
        ps -> {
          ps.setLong(1, runId);
          ps.setLong(2, offset);
          ps.setInt(3, limit);
        }, RunStore::line);
  }

  /** One member's lines of a run. */
  public List<Line> memberLines(long runId, String memberId) {
    return query("SELECT earner_id, bonus, amount, source_order_id, source_member_id, level FROM commission_line"
        + " WHERE run_id = ? AND earner_id = ? ORDER BY bonus, source_order_id, level",
        ps -> {
          ps.setLong(1, runId);
          ps.setString(2, memberId);
        }, RunStore::line);
  }

  /** One member's lines of a run at one bonus and level: how many and their sum (hundredths). */
  public record LineGroup(String bonus, int level, long lines, long amount) {}

  /**
   * The member's lines of a run grouped by bonus and level, in that order: the groups stored with the
   * run (V200, or summed by that migration for older runs), read by key; a run written without them
   * by other means is grouped from its lines.
   */
  public List<LineGroup> memberGroups(long runId, String memberId) {
    Row<LineGroup> group = rs -> new LineGroup(rs.getString(1), rs.getInt(2), rs.getLong(3),
        Decimals.fromBigDecimal(rs.getBigDecimal(4).setScale(2)));
    Binder keys = ps -> {
      ps.setLong(1, runId);
      ps.setString(2, memberId);
    };
    List<LineGroup> stored = query("SELECT bonus, level, line_count, amount FROM commission_line_group WHERE run_id = ?"
        + " AND earner_id = ? ORDER BY bonus, level", keys, group);
    if (!stored.isEmpty() || keyed(runId)) return stored;
    return query("SELECT bonus, level, COUNT(*), SUM(amount) FROM commission_line WHERE run_id = ? AND earner_id = ?"
        + " GROUP BY bonus, level ORDER BY bonus, level", keys, group);
  }

  /** Whether the run's lines were stored with their keys (V200); runs stored before are paged by OFFSET. */
  private boolean keyed(long runId) {
    return query("SELECT lines_keyed FROM commission_run WHERE id = ?", ps -> ps.setLong(1, runId), rs -> rs.getBoolean(1))
        .stream().findFirst().orElse(false);
  }

  /**
   * Which of a member's lines a page shows: one bonus, one level, lines whose source member or
   * source order is {@code source} (exact ids); null or blank for any.
   */
  public record LineFilter(String bonus, Integer level, String source) {
    public LineFilter {
      bonus = bonus == null || bonus.isBlank() ? null : bonus.strip();
      source = source == null || source.isBlank() ? null : source.strip();
    }

    public static final LineFilter ALL = new LineFilter(null, null, null);

    String where() {
      return " WHERE run_id = ? AND earner_id = ?" + (bonus == null ? "" : " AND bonus = ?") + (level == null ? "" : " AND level = ?")
          + (source == null ? "" : " AND (source_member_id = ? OR source_order_id = ?)");
    }

    /** Binds the filter's parameters; returns the next parameter's index. */
    int bind(PreparedStatement ps, long runId, String memberId) throws SQLException {
      int i = 1;
      ps.setLong(i++, runId);
      ps.setString(i++, memberId);
      if (bonus != null) ps.setString(i++, bonus);
      if (level != null) ps.setInt(i++, level);
      if (source != null) {
        ps.setString(i++, source);
        ps.setString(i++, source);
      }
      return i;
    }
  }

  private static final String MEMBER_LINES = "SELECT earner_id, bonus, amount, source_order_id, source_member_id, level FROM commission_line";
  // The statement's order, as the (run, earner, bonus, source order, level) index keeps it (runs stored before V200).
  private static final String STATEMENT_ORDER = " ORDER BY bonus, source_order_id, level, source_member_id";

  /**
   * A page of the member's lines that pass the filter, in statement order. A keyed run (V200) reads
   * a key range: {@code seq} for all lines or one bonus (a bonus's lines are consecutive in the
   * statement), {@code group_seq} for one bonus and level; a search by source member or order reads
   * that source's few lines by index. So any page, the last one too, costs one index range of 50.
   */
  public List<Line> memberLines(long runId, String memberId, LineFilter filter, long offset, int limit) {
    if (keyed(runId)) {
      if (filter.source() != null) {
        List<Line> found = searched(runId, memberId, filter);
        return found.subList((int) Math.min(offset, found.size()), (int) Math.min(offset + limit, found.size()));
      }
      if (filter.level() == null) {
        long from = offset + (filter.bonus() == null ? 0 : bonusStart(runId, memberId, filter.bonus()));
        return query(MEMBER_LINES + " WHERE run_id = ? AND earner_id = ? AND seq >= ? AND seq < ?"
            + (filter.bonus() == null ? "" : " AND bonus = ?") + " ORDER BY seq", ps -> {
              ps.setLong(1, runId);
              ps.setString(2, memberId);
              ps.setLong(3, from);
              ps.setLong(4, from + limit);
              if (filter.bonus() != null) ps.setString(5, filter.bonus());
            }, RunStore::line);
      }
      if (filter.bonus() != null) {
        return query(MEMBER_LINES + " WHERE run_id = ? AND earner_id = ? AND bonus = ? AND level = ? AND group_seq >= ?"
            + " AND group_seq < ? ORDER BY group_seq", ps -> {
              ps.setLong(1, runId);
              ps.setString(2, memberId);
              ps.setString(3, filter.bonus());
              ps.setInt(4, filter.level());
              ps.setLong(5, offset);
              ps.setLong(6, offset + limit);
            }, RunStore::line);
      }
    }
    // A run stored before V200, or one level of every bonus (no page links there): counted off.
    return query(MEMBER_LINES + filter.where() + STATEMENT_ORDER + " OFFSET ? ROWS FETCH NEXT ? ROWS ONLY", ps -> {
      int i = filter.bind(ps, runId, memberId);
      ps.setLong(i, offset);
      ps.setInt(i + 1, limit);
    }, RunStore::line);
  }

  /** Where a bonus's lines start in the member's statement: the lines of the bonuses before it (in the keys' order). */
  private long bonusStart(long runId, String memberId, String bonus) {
    long before = 0;
    for (LineGroup g : memberGroups(runId, memberId)) {
      if (g.bonus().compareTo(bonus) < 0) before += g.lines();
    }
    return before;
  }

  /**
   * The member's lines of a keyed run whose source member or source order is the filter's source,
   * in statement order: the source member's lines by their index, the order's by the earner's
   * index under each of the member's bonuses (a line matching both is read once, by its seq).
   */
  private List<Line> searched(long runId, String memberId, LineFilter filter) {
    java.util.TreeMap<Integer, Line> bySeq = new java.util.TreeMap<>();
    Row<Void> keep = rs -> {
      bySeq.put(rs.getInt(7), line(rs));
      return null;
    };
    query(db, MEMBER_LINES.replace(" FROM", ", seq FROM") + " WHERE run_id = ? AND source_member_id = ? AND earner_id = ?", ps -> {
      ps.setLong(1, runId);
      ps.setString(2, filter.source());
      ps.setString(3, memberId);
    }, keep, false);
    java.util.Set<String> bonuses = new java.util.TreeSet<>();
    for (LineGroup g : memberGroups(runId, memberId)) bonuses.add(g.bonus());
    for (String bonus : bonuses) {
      query(db, MEMBER_LINES.replace(" FROM", ", seq FROM") + " WHERE run_id = ? AND earner_id = ? AND bonus = ? AND source_order_id = ?",
          ps -> {
            ps.setLong(1, runId);
            ps.setString(2, memberId);
            ps.setString(3, bonus);
            ps.setString(4, filter.source());
          }, keep, false);
    }
    List<Line> out = new ArrayList<>();
    for (Line l : bySeq.values()) {
      if ((filter.bonus() == null || filter.bonus().equals(l.bonus())) && (filter.level() == null || filter.level() == l.level())) out.add(l);
    }
    return out;
  }

  /** How many of the member's lines pass the filter: from the stored groups, or the search's few lines, for a keyed run. */
  public long countMemberLines(long runId, String memberId, LineFilter filter) {
    if (keyed(runId)) {
      if (filter.source() != null) return searched(runId, memberId, filter).size();
      long n = 0;
      for (LineGroup g : memberGroups(runId, memberId)) {
        if ((filter.bonus() == null || filter.bonus().equals(g.bonus())) && (filter.level() == null || filter.level() == g.level())) n += g.lines();
      }
      return n;
    }
    return query("SELECT COUNT(*) FROM commission_line" + filter.where(), ps -> filter.bind(ps, runId, memberId),
        rs -> rs.getLong(1)).getFirst();
  }

  /** Receives a member's lines one at a time. */
  public interface MemberLineVisitor {
    void line(Line line);
  }

  /** Streams every line of the member in a run, in statement order (nothing is kept in memory). */
  public void forEachMemberLine(long runId, String memberId, MemberLineVisitor visitor) {
    String order = keyed(runId) ? " ORDER BY seq" : STATEMENT_ORDER;
    query(db, MEMBER_LINES + LineFilter.ALL.where() + order, ps -> LineFilter.ALL.bind(ps, runId, memberId), rs -> {
      visitor.line(line(rs));
      return null;
    }, false);
  }

  /**
   * The member's total in each of the runs (runs where they have no line are left out): summed from
   * the runs' stored groups, and from the lines only for a run where the groups have none of theirs.
   */
  public Map<Long, Long> memberTotals(List<Long> runIds, String memberId) {
    Map<Long, Long> out = new LinkedHashMap<>();
    if (runIds.isEmpty()) return out;
    sumsByRun(out, "commission_line_group", runIds, memberId);
    List<Long> rest = runIds.stream().filter(id -> !out.containsKey(id)).toList();
    if (!rest.isEmpty()) sumsByRun(out, "commission_line", rest, memberId);
    return out;
  }

  private void sumsByRun(Map<Long, Long> out, String table, List<Long> runIds, String memberId) {
    String marks = String.join(",", java.util.Collections.nCopies(runIds.size(), "?"));
    query("SELECT run_id, SUM(amount) FROM " + table + " WHERE earner_id = ? AND run_id IN (" + marks + ") GROUP BY run_id", ps -> {
      ps.setString(1, memberId);
      for (int i = 0; i < runIds.size(); i++) ps.setLong(i + 2, runIds.get(i));
    }, rs -> out.put(rs.getLong(1), Decimals.fromBigDecimal(rs.getBigDecimal(2).setScale(2))));
  }

  /** The member's paid-as rank in a run; empty when the run kept no row for them (no volume: the plan's lowest rank). */
  public Optional<String> rank(long runId, String memberId) {
    return query("SELECT rank_name FROM commission_member WHERE run_id = ? AND member_id = ?", ps -> {
      ps.setLong(1, runId);
      ps.setString(2, memberId);
    }, rs -> rs.getString(1)).stream().findFirst();
  }

  /** Receives stored lines one at a time (amount in hundredths, source member null when none). */
  public interface LineVisitor {
    void line(String earnerId, String sourceMemberId, long amount);
  }

  /** Streams every line of a run, in no particular order. */
  public void forEachLine(long runId, LineVisitor visitor) {
    query(db, "SELECT earner_id, source_member_id, amount FROM commission_line WHERE run_id = ?", ps -> ps.setLong(1, runId), rs -> {
      visitor.line(rs.getString(1), rs.getString(2), Decimals.fromBigDecimal(rs.getBigDecimal(3).setScale(2)));
      return null;
    }, false);
  }

  /** Receives each stored paid-as rank of a run. */
  public interface RankVisitor {
    void rank(String memberId, String rankName);
  }

  /** Streams the paid-as ranks a run kept (members with volume). */
  public void forEachRank(long runId, RankVisitor visitor) {
    query(db, "SELECT member_id, rank_name FROM commission_member WHERE run_id = ?", ps -> ps.setLong(1, runId), rs -> {
      visitor.rank(rs.getString(1), rs.getString(2));
      return null;
    }, false);
  }

  private static Line line(ResultSet rs) throws SQLException {
    return new Line(rs.getString(1), rs.getString(2), Decimals.fromBigDecimal(rs.getBigDecimal(3).setScale(2)),
        rs.getString(4), rs.getString(5), rs.getInt(6));
  }

  interface Binder {
    void bind(PreparedStatement ps) throws SQLException;
  }

  interface Row<T> {
    T read(ResultSet rs) throws SQLException;
  }

  private <T> List<T> query(String sql, Binder binder, Row<T> row) {
    return query(db, sql, binder, row, true);
  }

  /** The rows of one query on a connection of its own (the store's read helper; {@code binder} may be null). */
  static <T> List<T> query(Database db, String sql, Binder binder, Row<T> row) {
    return query(db, sql, binder, row, true);
  }

  /** As {@link #query(Database, String, Binder, Row)}; without {@code keep} the rows are only streamed to {@code row}. */
  private static <T> List<T> query(Database db, String sql, Binder binder, Row<T> row, boolean keep) {
    try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(sql)) {
      if (binder != null) binder.bind(ps);
      ps.setFetchSize(10_000);
      List<T> out = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          T t = row.read(rs);
          if (keep) out.add(t);
        }
      }
      return out;
    } catch (SQLException e) {
      throw new StoreException(e);
    }
  }
}
