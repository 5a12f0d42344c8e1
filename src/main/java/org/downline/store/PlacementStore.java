package org.downline.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import org.downline.core.ConflictException;

/** Writes one placement from the holding tank, in one transaction. */
public final class PlacementStore {
  private final Database db;

  public PlacementStore(Database db) {
    this.db = db;
  }

  /**
   * Places the recruit at (parent, side). The rules are checked on the in-memory network before
   * (network.PlacementRules); here the stored state is checked again so that two people placing at
   * once cannot both take one position or place one recruit twice.
   */
  public void place(String recruitId, String parentId, int side) {
    db.inTransaction(c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT id FROM member WHERE placement_id = ? AND placement_position = ?")) {
        ps.setString(1, parentId);
        ps.setInt(2, side);
        try (ResultSet rs = ps.executeQuery()) {
          if (rs.next()) throw new ConflictException("that position under '" + parentId + "' was just taken by '" + rs.getString(1) + "'");
        }
      }
      try (PreparedStatement ps = c.prepareStatement(
          "UPDATE member SET placement_id = ?, placement_position = ? WHERE id = ? AND placement_id IS NULL")) {
        ps.setString(1, parentId);
        ps.setInt(2, side);
        ps.setString(3, recruitId);
        if (ps.executeUpdate() != 1) throw new ConflictException("'" + recruitId + "' was just placed by someone else");
      }
      ChangeLog.record(c, db, ChangeLog.MEMBER, java.util.List.of(recruitId));
      return null;
    });
  }
}
