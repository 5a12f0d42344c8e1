package org.downline.store;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.downline.core.Decimals;

/**
 * Payout SQL (V90): settings, markets and their currencies, payout details, compliance holds,
 * batches with their rates and lines. Writes take the caller's connection (one transaction per use
 * case); reads open their own.
 */
public final class PayoutStore {
  private final Database db;

  public PayoutStore(Database db) {
    this.db = db;
  }

  public record Details(String memberId, String accountHolder, String iban, String bic) {}

  public record Hold(long id, String memberId, String reason, String setBy, Instant setAt, String releasedBy, Instant releasedAt) {}

  public record Batch(long id, String throughPeriod, long minimum, String currency, String state, String createdBy,
      Instant createdAt, String approvedBy, Instant approvedAt, int lines, Map<String, Long> paidTotals,
      Map<String, BigDecimal> rates) {}

  public record Line(long batchId, String memberId, long amount, String currency, long paidAmount, String paidCurrency,
      BigDecimal rate, String accountHolder, String iban, String bic, String state, long entryId) {}

  // --- settings and markets ---

  public static String setting(Connection c, String name) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT setting_value FROM payout_setting WHERE name = ?")) {
      ps.setString(1, name);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getString(1) : null;
      }
    }
  }

  public static void putSetting(Connection c, String name, String value) throws SQLException {
    try (PreparedStatement up = c.prepareStatement("UPDATE payout_setting SET setting_value = ? WHERE name = ?")) {
      up.setString(1, value);
      up.setString(2, name);
      if (up.executeUpdate() > 0) return;
    }
    try (PreparedStatement ins = c.prepareStatement("INSERT INTO payout_setting (name, setting_value) VALUES (?, ?)")) {
      ins.setString(1, name);
      ins.setString(2, value);
      ins.executeUpdate();
    }
  }

  public String setting(String name) {
    return read(c -> setting(c, name));
  }

  /** Blocks until no other payout run holds the lock; held until the caller's transaction ends. */
  public static void lockPayoutRuns(Connection c) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT setting_value FROM payout_setting WHERE name = 'payout_run_lock' FOR UPDATE");
        ResultSet rs = ps.executeQuery()) {
      if (!rs.next()) throw new IllegalStateException("payout_run_lock row missing");
    }
  }

  public static void putMarket(Connection c, String country, String currency) throws SQLException {
    try (PreparedStatement del = c.prepareStatement("DELETE FROM market WHERE country = ?")) {
      del.setString(1, country);
      del.executeUpdate();
    }
    try (PreparedStatement ins = c.prepareStatement("INSERT INTO market (country, currency) VALUES (?, ?)")) {
      ins.setString(1, country);
      ins.setString(2, currency);
      ins.executeUpdate();
    }
  }

  /** Country to currency. */
  public Map<String, String> markets() {
    return read(c -> {
      Map<String, String> out = new TreeMap<>();
      try (PreparedStatement ps = c.prepareStatement("SELECT country, currency FROM market"); ResultSet rs = ps.executeQuery()) {
        while (rs.next()) out.put(rs.getString(1), rs.getString(2));
      }
      return out;
    });
  }

  /** Each member's payout currency: their country's market currency; members without one are absent. */
  public static Map<String, String> memberCurrencies(Connection c) throws SQLException {
    Map<String, String> out = new HashMap<>();
    try (PreparedStatement ps = c.prepareStatement("SELECT p.member_id, m.currency FROM member_profile p JOIN market m ON m.country = p.country");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) out.put(rs.getString(1), rs.getString(2));
    }
    return out;
  }

  // --- payout details ---

  public static void putDetails(Connection c, Details d) throws SQLException {
    try (PreparedStatement del = c.prepareStatement("DELETE FROM payout_details WHERE member_id = ?")) {
      del.setString(1, d.memberId());
      del.executeUpdate();
    }
    try (PreparedStatement ps = c.prepareStatement(
        "INSERT INTO payout_details (member_id, account_holder, iban, bic, updated_at) VALUES (?, ?, ?, ?, ?)")) {
      ps.setString(1, d.memberId());
      ps.setString(2, d.accountHolder());
      ps.setString(3, d.iban());
      ps.setString(4, d.bic());
      ps.setTimestamp(5, Timestamp.from(Instant.now()));
      ps.executeUpdate();
    }
  }

  public static Map<String, Details> details(Connection c) throws SQLException {
    Map<String, Details> out = new HashMap<>();
    try (PreparedStatement ps = c.prepareStatement("SELECT member_id, account_holder, iban, bic FROM payout_details");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) out.put(rs.getString(1), new Details(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)));
    }
    return out;
  }

  public boolean hasDetails(String memberId) {
    return read(c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM payout_details WHERE member_id = ?")) {
        ps.setString(1, memberId);
        try (ResultSet rs = ps.executeQuery()) {
          return rs.next();
        }
      }
    });
  }

  // --- holds ---

  public static long insertHold(Connection c, String memberId, String reason, String actor) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO payout_hold (member_id, reason, set_by, set_at) VALUES (?, ?, ?, ?)",
        Statement.RETURN_GENERATED_KEYS)) {
      ps.setString(1, memberId);
      ps.setString(2, reason);
      ps.setString(3, actor);
      ps.setTimestamp(4, Timestamp.from(Instant.now()));
      ps.executeUpdate();
      return LedgerStore.key(ps);
    }
  }

  /** Lifts the member's open holds; how many were open. */
  public static int releaseHolds(Connection c, String memberId, String actor) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(
        "UPDATE payout_hold SET released_by = ?, released_at = ? WHERE member_id = ? AND released_at IS NULL")) {
      ps.setString(1, actor);
      ps.setTimestamp(2, Timestamp.from(Instant.now()));
      ps.setString(3, memberId);
      return ps.executeUpdate();
    }
  }

  public static Set<String> onHold(Connection c) throws SQLException {
    Set<String> out = new HashSet<>();
    try (PreparedStatement ps = c.prepareStatement("SELECT DISTINCT member_id FROM payout_hold WHERE released_at IS NULL");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) out.add(rs.getString(1));
    }
    return out;
  }

  /** A member's holds, newest first (or everyone's open holds when memberId is null). */
  public List<Hold> holds(String memberId) {
    return read(c -> {
      List<Hold> out = new ArrayList<>();
      String sql = "SELECT id, member_id, reason, set_by, set_at, released_by, released_at FROM payout_hold "
          + (memberId == null ? "WHERE released_at IS NULL " : "WHERE member_id = ? ") + "ORDER BY id DESC";
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        if (memberId != null) ps.setString(1, memberId);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            Timestamp released = rs.getTimestamp(7);
            out.add(new Hold(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getTimestamp(5).toInstant(),
                rs.getString(6), released == null ? null : released.toInstant()));
          }
        }
      }
      return out;
    });
  }

  // --- batches ---

  public static long insertBatch(Connection c, String through, long minimum, String currency, String actor) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO payout_batch (through_period, minimum, currency, state, created_by,"
        + " created_at) VALUES (?, ?, ?, 'created', ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
      ps.setString(1, through);
      ps.setBigDecimal(2, Decimals.toBigDecimal(minimum));
      ps.setString(3, currency);
      ps.setString(4, actor);
      ps.setTimestamp(5, Timestamp.from(Instant.now()));
      ps.executeUpdate();
      return LedgerStore.key(ps);
    }
  }

  public static void insertRate(Connection c, long batchId, String toCurrency, BigDecimal rate) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO payout_rate (batch_id, to_currency, rate) VALUES (?, ?, ?)")) {
      ps.setLong(1, batchId);
      ps.setString(2, toCurrency);
      ps.setBigDecimal(3, rate);
      ps.executeUpdate();
    }
  }

  public static void insertLine(Connection c, Line l) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO payout_line (batch_id, member_id, amount, currency, paid_amount,"
        + " paid_currency, rate, account_holder, iban, bic, state, entry_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      ps.setLong(1, l.batchId());
      ps.setString(2, l.memberId());
      ps.setBigDecimal(3, Decimals.toBigDecimal(l.amount()));
      ps.setString(4, l.currency());
      ps.setBigDecimal(5, Decimals.toBigDecimal(l.paidAmount()));
      ps.setString(6, l.paidCurrency());
      ps.setBigDecimal(7, l.rate());
      ps.setString(8, l.accountHolder());
      ps.setString(9, l.iban());
      ps.setString(10, l.bic());
      ps.setString(11, l.state());
      ps.setLong(12, l.entryId());
      ps.executeUpdate();
    }
  }

  /** The batch row locked for this transaction (approving, marking lines), or empty. */
  public static Optional<String> lockBatch(Connection c, long batchId) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT state FROM payout_batch WHERE id = ? FOR UPDATE")) {
      ps.setLong(1, batchId);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
      }
    }
  }

  public static void approve(Connection c, long batchId, String actor) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(
        "UPDATE payout_batch SET state = 'approved', approved_by = ?, approved_at = ? WHERE id = ?")) {
      ps.setString(1, actor);
      ps.setTimestamp(2, Timestamp.from(Instant.now()));
      ps.setLong(3, batchId);
      ps.executeUpdate();
    }
  }

  public static void setLineState(Connection c, long batchId, String memberId, String state) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("UPDATE payout_line SET state = ? WHERE batch_id = ? AND member_id = ?")) {
      ps.setString(1, state);
      ps.setLong(2, batchId);
      ps.setString(3, memberId);
      ps.executeUpdate();
    }
  }

  /** The batch is closed once no line is pending. */
  public static void closeIfDone(Connection c, long batchId) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("UPDATE payout_batch SET state = 'closed' WHERE id = ? AND NOT EXISTS"
        + " (SELECT 1 FROM payout_line WHERE batch_id = ? AND state = 'pending')")) {
      ps.setLong(1, batchId);
      ps.setLong(2, batchId);
      ps.executeUpdate();
    }
  }

  private static final String LINE_SELECT = "SELECT batch_id, member_id, amount, currency, paid_amount, paid_currency, rate,"
      + " account_holder, iban, bic, state, entry_id FROM payout_line ";

  public static List<Line> lines(Connection c, long batchId) throws SQLException {
    return lines(c, LINE_SELECT + "WHERE batch_id = ? ORDER BY member_id", ps -> ps.setLong(1, batchId));
  }

  /** The payout lines one query selects ({@link #LINE_SELECT} with its condition and order). */
  private static List<Line> lines(Connection c, String sql, RunStore.Binder binder) throws SQLException {
    List<Line> out = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      binder.bind(ps);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) out.add(line(rs));
      }
    }
    return out;
  }

  public List<Line> lines(long batchId) {
    return read(c -> lines(c, batchId));
  }

  /** A member's payout lines, newest batch first. */
  public List<Line> memberLines(String memberId) {
    return read(c -> lines(c, LINE_SELECT + "WHERE member_id = ? ORDER BY batch_id DESC", ps -> ps.setString(1, memberId)));
  }

  public Optional<Batch> batch(long id) {
    return read(c -> batch(c, id));
  }

  public static Optional<Batch> batch(Connection c, long id) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT id, through_period, minimum, currency, state, created_by, created_at,"
        + " approved_by, approved_at FROM payout_batch WHERE id = ?")) {
      ps.setLong(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) return Optional.empty();
        return Optional.of(batch(c, rs));
      }
    }
  }

  /** Every batch, newest first. */
  public List<Batch> batches() {
    return read(c -> {
      List<Batch> out = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement("SELECT id, through_period, minimum, currency, state, created_by, created_at,"
          + " approved_by, approved_at FROM payout_batch ORDER BY id DESC"); ResultSet rs = ps.executeQuery()) {
        while (rs.next()) out.add(batch(c, rs));
      }
      return out;
    });
  }

  private static Batch batch(Connection c, ResultSet rs) throws SQLException {
    long id = rs.getLong(1);
    Timestamp approvedAt = rs.getTimestamp(9);
    Map<String, Long> totals = new TreeMap<>();
    int lines = 0;
    try (PreparedStatement ps = c.prepareStatement("SELECT paid_currency, SUM(paid_amount), COUNT(*) FROM payout_line WHERE batch_id = ?"
        + " AND state <> 'failed' GROUP BY paid_currency")) {
      ps.setLong(1, id);
      try (ResultSet t = ps.executeQuery()) {
        while (t.next()) {
          totals.put(t.getString(1), LedgerStore.cents(t.getBigDecimal(2)));
          lines += t.getInt(3);
        }
      }
    }
    Map<String, BigDecimal> rates = new TreeMap<>();
    try (PreparedStatement ps = c.prepareStatement("SELECT to_currency, rate FROM payout_rate WHERE batch_id = ?")) {
      ps.setLong(1, id);
      try (ResultSet t = ps.executeQuery()) {
        while (t.next()) rates.put(t.getString(1), t.getBigDecimal(2).stripTrailingZeros());
      }
    }
    return new Batch(id, rs.getString(2), LedgerStore.cents(rs.getBigDecimal(3)), rs.getString(4), rs.getString(5), rs.getString(6),
        rs.getTimestamp(7).toInstant(), rs.getString(8), approvedAt == null ? null : approvedAt.toInstant(), lines, totals, rates);
  }

  private static Line line(ResultSet rs) throws SQLException {
    return new Line(rs.getLong(1), rs.getString(2), LedgerStore.cents(rs.getBigDecimal(3)), rs.getString(4),
        LedgerStore.cents(rs.getBigDecimal(5)), rs.getString(6), rs.getBigDecimal(7).stripTrailingZeros(), rs.getString(8),
        rs.getString(9), rs.getString(10), rs.getString(11), rs.getLong(12));
  }

  private <T> T read(LedgerStore.Read<T> work) {
    try (Connection c = db.connection()) {
      return work.read(c);
    } catch (SQLException e) {
      throw new StoreException(e);
    }
  }
}
