package org.downline.store;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.downline.core.Decimals;
import org.downline.payout.Postings;

/**
 * The earnings ledger's SQL (V90): postings and their entries, only ever inserted. Methods that
 * write take the caller's connection, so a posting joins the use case's transaction (the close of a
 * period, a payout run).
 */
public final class LedgerStore {
  public static final String MEMBER = "member";
  public static final String COMMISSION_EXPENSE = "commission_expense";
  public static final String ADJUSTMENT_EXPENSE = "adjustment_expense";
  public static final String PAYOUTS = "payouts";

  private final Database db;

  public LedgerStore(Database db) {
    this.db = db;
  }

  /** One ledger entry with its posting's kind, memo and time. Amount in hundredths. */
  public record Entry(long id, long postingId, String postingKind, String account, String memberId, String kind,
      String period, long amount, String currency, String bonus, String sourceOrderId, String sourceMemberId,
      Integer level, Long correctsEntry, Long runId, Long batchId, String memo, String createdBy, Instant createdAt) {}

  /** The ledger's currency: the commission plan's, one for every run. */
  public static String currency(Connection c) throws SQLException {
    return PayoutStore.setting(c, "currency");
  }

  public static long insertPosting(Connection c, String kind, String period, Long runId, Long batchId, String memo,
      String actor) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO ledger_posting (kind, period, run_id, batch_id, memo, created_by,"
        + " created_at) VALUES (?, ?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
      ps.setString(1, kind);
      ps.setString(2, period);
      setLong(ps, 3, runId);
      setLong(ps, 4, batchId);
      ps.setString(5, memo);
      ps.setString(6, actor);
      ps.setTimestamp(7, Timestamp.from(Instant.now()));
      ps.executeUpdate();
      return key(ps);
    }
  }

  /** An entry of a posting that has no run line behind it (adjustments, payouts, company sides). */
  public static long insertEntry(Connection c, long postingId, String account, String memberId, String kind, String period,
      long amount, String currency, Long corrects) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO ledger_entry (posting_id, account, member_id, kind, period, amount,"
        + " currency, corrects_entry) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
      ps.setLong(1, postingId);
      ps.setString(2, account);
      ps.setString(3, memberId);
      ps.setString(4, kind);
      ps.setString(5, period);
      ps.setBigDecimal(6, Decimals.toBigDecimal(amount));
      ps.setString(7, currency);
      setLong(ps, 8, corrects);
      ps.executeUpdate();
      return key(ps);
    }
  }

  /** An entry for one restated run line (a difference), pointing at the line's source. */
  public static void insertLineEntry(Connection c, long postingId, String memberId, String kind, String period, long amount,
      String currency, String bonus, String sourceOrder, String sourceMember, int level) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO ledger_entry (posting_id, account, member_id, kind, period, amount,"
        + " currency, bonus, source_order_id, source_member_id, level) VALUES (?, 'member', ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      ps.setLong(1, postingId);
      ps.setString(2, memberId);
      ps.setString(3, kind);
      ps.setString(4, period);
      ps.setBigDecimal(5, Decimals.toBigDecimal(amount));
      ps.setString(6, currency);
      ps.setString(7, bonus);
      ps.setString(8, sourceOrder);
      ps.setString(9, sourceMember);
      ps.setInt(10, level);
      ps.executeUpdate();
    }
  }

  /**
   * Posts a closed run: each line as an entry on its earner's account (earnings; clawback lines,
   * negative, as clawbacks), and the total against the company's commission expense. Once per run
   * (a unique key refuses a second posting). Returns the posting id.
   */
  public static long postClosedRun(Connection c, long runId, String actor) throws SQLException {
    String period;
    try (PreparedStatement ps = c.prepareStatement("SELECT period FROM commission_run WHERE id = ?")) {
      ps.setLong(1, runId);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) throw new IllegalStateException("no commission run " + runId);
        period = rs.getString(1);
      }
    }
    String currency = currency(c);
    long posting = insertPosting(c, "close", period, runId, null, "run " + runId + " closed", actor);
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO ledger_entry (posting_id, account, member_id, kind, period, amount,"
        + " currency, bonus, source_order_id, source_member_id, level) SELECT ?, 'member', earner_id, CASE WHEN amount < 0 OR"
        + " bonus = 'clawback' THEN 'clawback' ELSE 'earning' END, ?, amount, ?, bonus, source_order_id, source_member_id, level"
        + " FROM commission_line WHERE run_id = ? AND amount <> 0")) {
      ps.setLong(1, posting);
      ps.setString(2, period);
      ps.setString(3, currency);
      ps.setLong(4, runId);
      ps.executeUpdate();
    }
    long total = sum(c, "SELECT COALESCE(SUM(amount), 0) FROM ledger_entry WHERE posting_id = ?", posting);
    insertEntry(c, posting, COMMISSION_EXPENSE, null, "company", period, -total, currency, null);
    requireBalanced(c, posting);
    return posting;
  }

  /** Refuses to commit a posting whose entries do not sum to zero per currency (a bug). */
  public static void requireBalanced(Connection c, long posting) throws SQLException {
    List<Long> amounts = new ArrayList<>();
    List<String> currencies = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement("SELECT currency, SUM(amount) FROM ledger_entry WHERE posting_id = ? GROUP BY currency")) {
      ps.setLong(1, posting);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          currencies.add(rs.getString(1));
          amounts.add(cents(rs.getBigDecimal(2)));
        }
      }
    }
    Postings.requireBalanced(amounts.stream().mapToLong(Long::longValue).toArray(), currencies.toArray(String[]::new));
  }

  /** Each member's balance in one currency: {through the period (and every undated entry), whole}. */
  public static Map<String, long[]> balances(Connection c, String currency, String through) throws SQLException {
    Map<String, long[]> out = new TreeMap<>();
    try (PreparedStatement ps = c.prepareStatement("SELECT member_id, SUM(CASE WHEN period IS NULL OR period <= ? THEN amount ELSE 0"
        + " END), SUM(amount) FROM ledger_entry WHERE account = 'member' AND currency = ? GROUP BY member_id")) {
      ps.setString(1, through);
      ps.setString(2, currency);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) out.put(rs.getString(1), new long[] {cents(rs.getBigDecimal(2)), cents(rs.getBigDecimal(3))});
      }
    }
    return out;
  }

  public Map<String, long[]> balances(String currency, String through) {
    return read(c -> balances(c, currency, through));
  }

  /** A member's balance per currency. */
  public Map<String, Long> balance(String memberId) {
    return read(c -> {
      Map<String, Long> out = new TreeMap<>();
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT currency, SUM(amount) FROM ledger_entry WHERE member_id = ? GROUP BY currency ORDER BY currency")) {
        ps.setString(1, memberId);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) out.put(rs.getString(1), cents(rs.getBigDecimal(2)));
        }
      }
      return out;
    });
  }

  private static final String ENTRY_SELECT = "SELECT e.id, e.posting_id, p.kind, e.account, e.member_id, e.kind, e.period, e.amount,"
      + " e.currency, e.bonus, e.source_order_id, e.source_member_id, e.level, e.corrects_entry, p.run_id, p.batch_id, p.memo,"
      + " p.created_by, p.created_at FROM ledger_entry e JOIN ledger_posting p ON p.id = e.posting_id ";

  /** A member's entries, oldest first; {@code year} (or null for all) by the entry's period or, for undated ones, posting time. */
  public List<Entry> entries(String memberId, Integer year) {
    return read(c -> {
      List<Entry> out = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement(ENTRY_SELECT + "WHERE e.member_id = ? ORDER BY e.id")) {
        ps.setString(1, memberId);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            Entry e = entry(rs);
            if (year == null || year == yearOf(e)) out.add(e);
          }
        }
      }
      return out;
    });
  }

  /** Every entry (for the invariant tests and the company's figures), in id order. */
  public List<Entry> all() {
    return read(c -> {
      List<Entry> out = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement(ENTRY_SELECT + "ORDER BY e.id"); ResultSet rs = ps.executeQuery()) {
        while (rs.next()) out.add(entry(rs));
      }
      return out;
    });
  }

  /** One member's (or, memberId null, everyone's) sums of a year per member, currency and entry kind. */
  public record KindTotal(String memberId, String currency, String kind, long amount) {}

  /**
   * A year's member entries summed per member, currency and kind. An entry counts in its period's
   * year; an undated one (payouts, failed payouts) in the year it was posted.
   */
  public List<KindTotal> yearTotals(int year, String memberId) {
    return read(c -> {
      List<KindTotal> out = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement("SELECT e.member_id, e.currency, e.kind, SUM(e.amount) FROM ledger_entry e"
          + " JOIN ledger_posting p ON p.id = e.posting_id WHERE e.account = 'member'" + (memberId == null ? "" : " AND e.member_id = ?")
          + " AND ((e.period IS NOT NULL AND e.period BETWEEN ? AND ?) OR (e.period IS NULL AND p.created_at >= ? AND p.created_at < ?))"
          + " GROUP BY e.member_id, e.currency, e.kind ORDER BY e.member_id, e.currency, e.kind")) {
        int i = 1;
        if (memberId != null) ps.setString(i++, memberId);
        ps.setString(i++, year + "-01");
        ps.setString(i++, year + "-12");
        ps.setTimestamp(i++, Timestamp.valueOf(java.time.LocalDateTime.of(year, 1, 1, 0, 0)));
        ps.setTimestamp(i, Timestamp.valueOf(java.time.LocalDateTime.of(year + 1, 1, 1, 0, 0)));
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) out.add(new KindTotal(rs.getString(1), rs.getString(2), rs.getString(3), cents(rs.getBigDecimal(4))));
        }
      }
      return out;
    });
  }

  /** Members with a tax id on file: ids only; the tax id itself is never read here. */
  public java.util.Set<String> withTaxId() {
    return read(c -> {
      java.util.Set<String> out = new java.util.HashSet<>();
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT member_id FROM member_profile WHERE tax_id IS NOT NULL AND TRIM(tax_id) <> ''"); ResultSet rs = ps.executeQuery()) {
        while (rs.next()) out.add(rs.getString(1));
      }
      return out;
    });
  }

  /** The year an entry counts in: its period's, else the year it was posted (payouts). */
  public static int yearOf(Entry e) {
    if (e.period() != null) return Integer.parseInt(e.period().substring(0, 4));
    return e.createdAt().atZone(java.time.ZoneOffset.UTC).getYear();
  }

  /** Sum of entries per account, currency ({@code account} or {@code account:currency} keys). */
  public Map<String, Long> accountTotals() {
    return read(c -> {
      Map<String, Long> out = new LinkedHashMap<>();
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT account, currency, SUM(amount) FROM ledger_entry GROUP BY account, currency ORDER BY account, currency");
          ResultSet rs = ps.executeQuery()) {
        while (rs.next()) out.put(rs.getString(1) + ":" + rs.getString(2), cents(rs.getBigDecimal(3)));
      }
      return out;
    });
  }

  static long cents(BigDecimal value) {
    return Decimals.fromBigDecimal(value.setScale(2));
  }

  private static Entry entry(ResultSet rs) throws SQLException {
    int level = rs.getInt(13);
    Integer lvl = rs.wasNull() ? null : level;
    long corrects = rs.getLong(14);
    Long cor = rs.wasNull() ? null : corrects;
    long run = rs.getLong(15);
    Long runId = rs.wasNull() ? null : run;
    long batch = rs.getLong(16);
    Long batchId = rs.wasNull() ? null : batch;
    return new Entry(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
        rs.getString(7), cents(rs.getBigDecimal(8)), rs.getString(9), rs.getString(10), rs.getString(11), rs.getString(12),
        lvl, cor, runId, batchId, rs.getString(17), rs.getString(18), rs.getTimestamp(19).toInstant());
  }

  private static long sum(Connection c, String sql, long id) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setLong(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return cents(rs.getBigDecimal(1));
      }
    }
  }

  static void setLong(PreparedStatement ps, int i, Long v) throws SQLException {
    if (v == null) ps.setNull(i, Types.BIGINT);
    else ps.setLong(i, v);
  }

  static long key(PreparedStatement ps) throws SQLException {
    try (ResultSet keys = ps.getGeneratedKeys()) {
      keys.next();
      return keys.getLong(1);
    }
  }

  interface Read<T> {
    T read(Connection c) throws SQLException;
  }

  <T> T read(Read<T> work) {
    try (Connection c = db.connection()) {
      return work.read(c);
    } catch (SQLException e) {
      throw new StoreException(e);
    }
  }
}
