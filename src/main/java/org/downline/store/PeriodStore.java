package org.downline.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Periods ({@code YYYY-MM}) and their state: open, calculated, closed. */
public final class PeriodStore {
  public static final String OPEN = "open";
  public static final String CALCULATED = "calculated";
  public static final String CLOSED = "closed";

  private final Database db;

  public PeriodStore(Database db) {
    this.db = db;
  }

  /** Every known period and its state, in order. */
  public Map<String, String> states() {
    try (Connection c = db.connection()) {
      return states(c);
    } catch (SQLException e) {
      throw new StoreException(e);
    }
  }

  static Map<String, String> states(Connection c) throws SQLException {
    Map<String, String> states = new LinkedHashMap<>();
    try (PreparedStatement ps = c.prepareStatement("SELECT name, state FROM period ORDER BY name");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) states.put(rs.getString(1), rs.getString(2));
    }
    return states;
  }

  public static Set<String> closed(Connection c) throws SQLException {
    Set<String> closed = new TreeSet<>();
    states(c).forEach((name, state) -> {
      if (CLOSED.equals(state)) closed.add(name);
    });
    return closed;
  }

  /** Makes sure each named period exists (as open when new). */
  public static void ensure(Connection c, Set<String> periods) throws SQLException {
    Map<String, String> known = states(c);
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO period (name, state) VALUES (?, 'open')")) {
      for (String p : periods) {
        if (known.containsKey(p)) continue;
        ps.setString(1, p);
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  /** Sets a period's state inside the caller's transaction. */
  public static void setState(Connection c, String period, String state) throws SQLException {
    ensure(c, Set.of(period));
    try (PreparedStatement ps = c.prepareStatement("UPDATE period SET state = ? WHERE name = ?")) {
      ps.setString(1, state);
      ps.setString(2, period);
      ps.executeUpdate();
    }
  }
}
