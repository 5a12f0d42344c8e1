package org.downline.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

/**
 * The staff audit log written inside a use case's own transaction (a write and its audit row stand
 * or fall together). Ids and amounts only, never personal data.
 */
public final class Audit {
  private Audit() {}

  public static void write(Connection c, String actor, String action, String target, String detail) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO audit_log (at, actor, action, target, detail) VALUES (?, ?, ?, ?, ?)")) {
      ps.setTimestamp(1, Timestamp.from(Instant.now()));
      ps.setString(2, actor);
      ps.setString(3, action);
      ps.setString(4, target);
      ps.setString(5, detail == null || detail.length() <= 1000 ? detail : detail.substring(0, 1000));
      ps.executeUpdate();
    }
  }
}
