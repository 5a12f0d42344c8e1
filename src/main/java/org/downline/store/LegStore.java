package org.downline.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.downline.core.Decimals;

/**
 * The legs of a binary plan's run ({@code commission_leg}): written with the run, in its
 * transaction; read back for the next period's carry in and as legs.csv rows.
 */
final class LegStore {
  private LegStore() {}

  static void insert(Connection c, long runId, List<CommissionStore.LegRow> legs) throws SQLException {
    Batch.write(c, "INSERT INTO commission_leg (run_id, member_id, side, carry_in, new_cv, returned_cv, volume, paired, carry_out)"
        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", legs, (ps, l) -> {
          ps.setLong(1, runId);
          ps.setString(2, l.memberId());
          ps.setString(3, l.side());
          long[] f = {l.carryIn(), l.added(), l.returned(), l.volume(), l.paired(), l.carryOut()};
          for (int k = 0; k < f.length; k++) ps.setBigDecimal(4 + k, Decimals.toBigDecimal(f[k]));
        });
  }

  /** A run's legs by member id, left before right. */
  static List<CommissionStore.LegRow> read(Connection c, long runId) throws SQLException {
    return read(c, runId, null);
  }

  /** A run's legs of the given members only (null: all), by member id, left before right: a page's few rows by the key. */
  static List<CommissionStore.LegRow> read(Connection c, long runId, java.util.Collection<String> members) throws SQLException {
    List<CommissionStore.LegRow> rows = new ArrayList<>();
    if (members != null && members.isEmpty()) return rows;
    String only = members == null ? "" : " AND member_id IN (" + String.join(", ", java.util.Collections.nCopies(members.size(), "?")) + ")";
    try (PreparedStatement ps = c.prepareStatement("SELECT member_id, side, carry_in, new_cv, returned_cv, volume, paired, carry_out"
        + " FROM commission_leg WHERE run_id = ?" + only)) {
      ps.setLong(1, runId);
      if (members != null) {
        int k = 2;
        for (String m : members) ps.setString(k++, m);
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          long[] f = new long[6];
          for (int k = 0; k < 6; k++) f[k] = Decimals.fromBigDecimal(rs.getBigDecimal(3 + k));
          rows.add(new CommissionStore.LegRow(rs.getString(1), rs.getString(2), f[0], f[1], f[2], f[3], f[4], f[5]));
        }
      }
    }
    rows.sort(Comparator.comparing(CommissionStore.LegRow::memberId).thenComparing(CommissionStore.LegRow::side));
    return rows;
  }
}
