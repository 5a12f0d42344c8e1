package org.downline.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.downline.commission.LegVolumes;
import org.downline.core.Decimals;
import org.downline.network.Network;
import org.downline.network.PlacementTree;

/**
 * The legs of a binary plan's run ({@code commission_leg}): written with the run, in its
 * transaction; the carry out of a closed run read back as the next period's carry in.
 */
final class LegStore {
  private LegStore() {}

  /** The rows legs.csv would have: each side of a member in the tree with any figure non-zero. */
  static void insert(Connection c, long runId, Network net, LegVolumes legs) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO commission_leg (run_id, member_id, side, carry_in, new_cv,"
        + " returned_cv, volume, paired, carry_out) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      int batch = 0;
      for (int m = 0; m < net.size(); m++) {
        if (!legs.tree.inTree(m)) continue;
        for (int side = 0; side < 2; side++) {
          int j = 2 * m + side;
          long[] f = {legs.carryIn[j], legs.added[j], legs.returned[j], legs.volume[j], legs.paired[j], legs.carryOut[j]};
          boolean any = false;
          for (long x : f) any |= x != 0;
          if (!any) continue;
          ps.setLong(1, runId);
          ps.setString(2, net.id(m));
          ps.setString(3, PlacementTree.sideName(side));
          for (int k = 0; k < f.length; k++) ps.setBigDecimal(4 + k, Decimals.toBigDecimal(f[k]));
          ps.addBatch();
          if (++batch % 10_000 == 0) ps.executeBatch();
        }
      }
      ps.executeBatch();
    }
  }

  /** Carry out per member and side ({@code 2 x member + side}) of a stored run; members not stored carry 0. */
  static long[] carryOut(Connection c, long runId, Network net) throws SQLException {
    long[] carry = new long[2 * net.size()];
    try (PreparedStatement ps = c.prepareStatement("SELECT member_id, side, carry_out FROM commission_leg WHERE run_id = ?")) {
      ps.setLong(1, runId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          int m = net.indexOf(rs.getString(1));
          if (m >= 0) carry[2 * m + PlacementTree.sideOf(rs.getString(2))] = Decimals.fromBigDecimal(rs.getBigDecimal(3));
        }
      }
    }
    return carry;
  }

  /** A run's legs as legs.csv rows (without header): by member id, left before right. */
  static java.util.List<String> rows(Connection c, long runId) throws SQLException {
    java.util.List<String[]> rows = new java.util.ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement("SELECT r.period, l.member_id, l.side, l.carry_in, l.new_cv, l.returned_cv,"
        + " l.volume, l.paired, l.carry_out FROM commission_leg l JOIN commission_run r ON r.id = l.run_id WHERE l.run_id = ?")) {
      ps.setLong(1, runId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          String[] row = new String[9];
          for (int k = 0; k < 3; k++) row[k] = rs.getString(k + 1);
          for (int k = 3; k < 9; k++) row[k] = Decimals.format(Decimals.fromBigDecimal(rs.getBigDecimal(k + 1)));
          rows.add(row);
        }
      }
    }
    rows.sort(java.util.Comparator.<String[], String>comparing(r -> r[1]).thenComparing(r -> r[2]));
    java.util.List<String> out = new java.util.ArrayList<>();
    for (String[] r : rows) out.add(String.join(",", r));
    return out;
  }
}
