package org.downline.app.prospect;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.LocalDate;
import org.downline.store.Database;

/** Members and orders for the prospect tests, written straight to the tables. */
final class Seed {
  private Seed() {}

  static void member(Database db, String id, String sponsor, String kind, LocalDate joined, String email, String phone) {
    db.inTransaction(c -> {
      exec(c, "INSERT INTO member (id, sponsor_id, kind, join_date) VALUES (?, ?, ?, ?)", id, sponsor, kind, joined);
      exec(c, "INSERT INTO member_profile (member_id, name, email, phone) VALUES (?, ?, ?, ?)", id, "Member " + id, email, phone);
      return null;
    });
  }

  static void order(Database db, String id, String member, LocalDate day) {
    db.inTransaction(c -> {
      exec(c, "INSERT INTO orders (id, member_id, order_date, period, kind, pv, cv, total) VALUES (?, ?, ?, ?, 'sale', 10, 10, 10)",
          id, member, day, day.toString().substring(0, 7));
      return null;
    });
  }

  /** A change made straight in the tables (a status, a contact's member link, a prospect's outcome). */
  static void update(Database db, String sql, Object... params) {
    db.inTransaction(c -> {
      exec(c, sql, params);
      return null;
    });
  }

  static long count(Database db, String sql) {
    return db.inTransaction(c -> {
      try (PreparedStatement ps = c.prepareStatement(sql); var rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    });
  }

  private static void exec(Connection c, String sql, Object... params) throws java.sql.SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        Object p = params[i];
        if (p instanceof LocalDate d) ps.setDate(i + 1, java.sql.Date.valueOf(d));
        else ps.setObject(i + 1, p);
      }
      ps.executeUpdate();
    }
  }
}
