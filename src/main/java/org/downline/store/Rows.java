package org.downline.store;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Small JDBC helpers for the prospect stores: bind parameters by their Java type (null as an
 * untyped null, which H2 and PostgreSQL both accept), run, and map rows.
 */
final class Rows {
  private Rows() {}

  @FunctionalInterface
  interface Mapper<T> {
    T map(ResultSet rs) throws SQLException;
  }

  static void bind(PreparedStatement ps, Object... params) throws SQLException {
    for (int i = 0; i < params.length; i++) {
      Object p = params[i];
      if (p == null) ps.setNull(i + 1, Types.NULL);
      else if (p instanceof LocalDate d) ps.setDate(i + 1, Date.valueOf(d));
      else if (p instanceof Instant t) ps.setTimestamp(i + 1, Timestamp.from(t));
      else if (p instanceof Long l) ps.setLong(i + 1, l);
      else if (p instanceof Integer n) ps.setInt(i + 1, n);
      else if (p instanceof Boolean b) ps.setBoolean(i + 1, b);
      else ps.setString(i + 1, p.toString());
    }
  }

  static int update(Connection c, String sql, Object... params) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      bind(ps, params);
      return ps.executeUpdate();
    }
  }

  /** Inserts one row and gives its generated id (the table's first column). */
  static long insert(Connection c, String sql, Object... params) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
      bind(ps, params);
      ps.executeUpdate();
      try (ResultSet keys = ps.getGeneratedKeys()) {
        keys.next();
        return keys.getLong(1);
      }
    }
  }

  static <T> List<T> list(Connection c, String sql, Mapper<T> mapper, Object... params) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      bind(ps, params);
      try (ResultSet rs = ps.executeQuery()) {
        List<T> out = new ArrayList<>();
        while (rs.next()) out.add(mapper.map(rs));
        return out;
      }
    }
  }

  static <T> T one(Connection c, String sql, Mapper<T> mapper, Object... params) throws SQLException {
    List<T> all = list(c, sql, mapper, params);
    return all.isEmpty() ? null : all.getFirst();
  }

  static LocalDate date(ResultSet rs, String column) throws SQLException {
    Date d = rs.getDate(column);
    return d == null ? null : d.toLocalDate();
  }

  static Integer integer(ResultSet rs, String column) throws SQLException {
    int v = rs.getInt(column);
    return rs.wasNull() ? null : v;
  }

  static Long longOrNull(ResultSet rs, String column) throws SQLException {
    long v = rs.getLong(column);
    return rs.wasNull() ? null : v;
  }

  static Boolean bool(ResultSet rs, String column) throws SQLException {
    boolean v = rs.getBoolean(column);
    return rs.wasNull() ? null : v;
  }
}
