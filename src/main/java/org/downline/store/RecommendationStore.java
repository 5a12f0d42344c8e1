package org.downline.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.downline.nextstep.Goal;
import org.downline.nextstep.RecommendationRecord;

/**
 * Recommendations as issued (table {@code recommendation}, migration V20). Issuing again for the
 * same date replaces that date's records in one transaction, so a re-run leaves no duplicates.
 */
public final class RecommendationStore {
  private static final int BATCH = 5_000;

  private final Database db;

  public RecommendationStore(Database db) {
    this.db = db;
  }

  /** Replaces the records of the given issue day; returns how many were written. */
  public int replaceIssued(int issuedDay, List<RecommendationRecord> records) {
    return db.inTransaction(c -> {
      try (PreparedStatement del = c.prepareStatement("DELETE FROM recommendation WHERE issued_date = ?")) {
        del.setObject(1, LocalDate.ofEpochDay(issuedDay));
        del.executeUpdate();
      }
      insert(c, records);
      return records.size();
    });
  }

  private static void insert(Connection c, List<RecommendationRecord> records) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(
        "INSERT INTO recommendation (member_id, segment, step, goals, issued_date, holdout, baseline) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
      int pending = 0;
      for (RecommendationRecord r : records) {
        ps.setString(1, r.memberId());
        ps.setString(2, r.segment());
        ps.setString(3, r.step());
        ps.setString(4, String.join(",", r.goals().stream().map(Goal::code).toList()));
        ps.setObject(5, LocalDate.ofEpochDay(r.issuedDay()));
        ps.setBoolean(6, r.holdout());
        ps.setInt(7, r.baseline());
        ps.addBatch();
        if (++pending == BATCH) {
          ps.executeBatch();
          pending = 0;
        }
      }
      if (pending > 0) ps.executeBatch();
    }
  }

  /** Every record issued from {@code fromDay} to {@code toDay} inclusive, by issue date, member and segment. */
  public List<RecommendationRecord> issued(int fromDay, int toDay) {
    try (Connection c = db.connection();
        PreparedStatement ps = c.prepareStatement(
            "SELECT member_id, segment, step, goals, issued_date, holdout, baseline FROM recommendation"
                + " WHERE issued_date >= ? AND issued_date <= ? ORDER BY issued_date, member_id, segment")) {
      ps.setObject(1, LocalDate.ofEpochDay(fromDay));
      ps.setObject(2, LocalDate.ofEpochDay(toDay));
      List<RecommendationRecord> out = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          List<Goal> goals = new ArrayList<>();
          for (String g : rs.getString(4).split(",")) goals.add(Goal.ofCode(g));
          out.add(new RecommendationRecord(rs.getString(1), rs.getString(2), rs.getString(3), goals,
              (int) rs.getObject(5, LocalDate.class).toEpochDay(), rs.getBoolean(6), rs.getInt(7)));
        }
      }
      return out;
    } catch (SQLException e) {
      throw new StoreException(e);
    }
  }
}
