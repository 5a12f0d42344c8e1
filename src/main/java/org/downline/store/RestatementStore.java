package org.downline.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.downline.core.Decimals;
import org.downline.payout.Restatement;

/** Restatements (V91): a closed period re-run with corrections, its changed lines and their causes. */
public final class RestatementStore {
  private final Database db;

  public RestatementStore(Database db) {
    this.db = db;
  }

  public record Info(long id, String period, long originalRunId, String planName, String reason, String corrections,
      long postingId, String createdBy, Instant createdAt) {}

  /** A changed line as a member reads it: which restatement, why, and the line's difference. */
  public record Why(long restatementId, String period, String reason, Restatement.Difference difference) {}

  public static long insert(Connection c, String period, long originalRun, String plan, String reason, String corrections,
      long posting, String actor, List<Restatement.Difference> differences) throws SQLException {
    long id;
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO restatement (period, original_run_id, plan_name, reason, corrections,"
        + " posting_id, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
      ps.setString(1, period);
      ps.setLong(2, originalRun);
      ps.setString(3, plan);
      ps.setString(4, reason);
      ps.setString(5, corrections.length() <= 4000 ? corrections : corrections.substring(0, 4000));
      ps.setLong(6, posting);
      ps.setString(7, actor);
      ps.setTimestamp(8, Timestamp.from(Instant.now()));
      ps.executeUpdate();
      id = LedgerStore.key(ps);
    }
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO restatement_line (restatement_id, earner_id, bonus, source_order_id,"
        + " source_member_id, level, original_amount, restated_amount, cause) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      for (Restatement.Difference d : differences) {
        ps.setLong(1, id);
        ps.setString(2, d.earner());
        ps.setString(3, d.bonus());
        ps.setString(4, d.sourceOrder());
        ps.setString(5, d.sourceMember());
        ps.setInt(6, d.level());
        ps.setBigDecimal(7, Decimals.toBigDecimal(d.original()));
        ps.setBigDecimal(8, Decimals.toBigDecimal(d.restated()));
        ps.setString(9, d.cause().length() <= 1000 ? d.cause() : d.cause().substring(0, 1000));
        ps.addBatch();
      }
      ps.executeBatch();
    }
    return id;
  }

  public static Optional<Long> ofPeriod(Connection c, String period) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT id FROM restatement WHERE period = ?")) {
      ps.setString(1, period);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
      }
    }
  }

  /** Every restatement, newest first. */
  public List<Info> all() {
    return read("SELECT id, period, original_run_id, plan_name, reason, corrections, posting_id, created_by, created_at FROM restatement"
        + " ORDER BY id DESC", null, rs -> new Info(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4), rs.getString(5),
            rs.getString(6), rs.getLong(7), rs.getString(8), rs.getTimestamp(9).toInstant()));
  }

  /** A restatement's changed lines (memberId null: everyone's), in earner, bonus, source, level order. */
  public List<Why> lines(Long restatementId, String memberId) {
    String where = restatementId != null ? "l.restatement_id = ?" : "l.earner_id = ?";
    return read("SELECT r.id, r.period, r.reason, l.earner_id, l.bonus, l.source_order_id, l.source_member_id, l.level,"
        + " l.original_amount, l.restated_amount, l.cause FROM restatement_line l JOIN restatement r ON r.id = l.restatement_id WHERE "
        + where + (restatementId != null && memberId != null ? " AND l.earner_id = ?" : "")
        + " ORDER BY r.id, l.earner_id, l.bonus, l.source_order_id, l.level", ps -> {
          if (restatementId != null) {
            ps.setLong(1, restatementId);
            if (memberId != null) ps.setString(2, memberId);
          } else {
            ps.setString(1, memberId);
          }
        }, rs -> new Why(rs.getLong(1), rs.getString(2), rs.getString(3), new Restatement.Difference(rs.getString(4), rs.getString(5),
            rs.getString(6), rs.getString(7), rs.getInt(8), LedgerStore.cents(rs.getBigDecimal(9)), LedgerStore.cents(rs.getBigDecimal(10)),
            rs.getString(11))));
  }

  private <T> List<T> read(String sql, RunStore.Binder binder, RunStore.Row<T> row) {
    return RunStore.query(db, sql, binder, row);
  }
}
