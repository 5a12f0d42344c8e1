package org.downline.web.security;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.downline.store.Database;
import org.downline.store.StoreException;

/**
 * Failed sign-ins, counted in the database per username and per client address, so that a restart
 * forgets nothing and several servers share one count.
 * <ul>
 *   <li>A username with {@link #USER_FREE} failures in a row must wait before the next try: 1 s, then
 *       2 s, 4 s, ... up to {@link #USER_MAX_WAIT}. A delay, never a lock its owner cannot sit out; a
 *       good sign-in clears the count.
 *   <li>An address with {@link #ADDRESS_FREE} failures within {@link #ADDRESS_WINDOW}, whatever the
 *       usernames (password spraying), waits the same way up to {@link #ADDRESS_MAX_WAIT} and is
 *       answered 429. A good sign-in does not clear it: a sprayer's own login must not reset it.
 * </ul>
 */
public final class LoginAttempts {
  public static final int USER_FREE = 5;
  public static final Duration USER_MAX_WAIT = Duration.ofMinutes(15);
  public static final int ADDRESS_FREE = 20;
  public static final Duration ADDRESS_WINDOW = Duration.ofMinutes(15);
  public static final Duration ADDRESS_MAX_WAIT = Duration.ofHours(1);

  /** What the next try must wait for, and why. */
  public record Wait(Scope scope, long millis) {
    public long seconds() {
      return (millis + 999) / 1000;
    }
  }

  public enum Scope {
    USER("user"), ADDRESS("address");

    final String code;

    Scope(String code) {
      this.code = code;
    }
  }

  private final Database db;
  private final Clock clock;

  public LoginAttempts(Database db) {
    this(db, Clock.systemUTC());
  }

  public LoginAttempts(Database db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  /** The wait before this username may be tried from this address, or null when it may be tried now. */
  public Wait waitFor(String username, String address) {
    return check(username, address).slowedFor();
  }

  /**
   * What a sign-in finds before its password is checked: the wait (null: none), and whether the
   * username has failures to clear when it succeeds (most sign-ins, and every API request with Basic
   * credentials, have none: then nothing is written).
   */
  public record Check(Wait slowedFor, boolean userFailures) {}

  /** The address's and the username's counts, read in one statement (two index look-ups). */
  public Check check(String username, String address) {
    Instant now = clock.instant();
    Wait byAddress = null;
    Wait byUser = null;
    boolean userFailures = false;
    try (Connection c = db.connection();
        PreparedStatement ps = c.prepareStatement(
            "SELECT scope, failures, last_failure, window_start FROM login_failure WHERE scope = ? AND key_value = ?"
                + " UNION ALL SELECT scope, failures, last_failure, window_start FROM login_failure WHERE scope = ? AND key_value = ?")) {
      ps.setString(1, Scope.ADDRESS.code);
      ps.setString(2, address);
      ps.setString(3, Scope.USER.code);
      ps.setString(4, userKey(username));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          if (Scope.ADDRESS.code.equals(rs.getString(1))) {
            if (rs.getTimestamp(4).toInstant().plus(ADDRESS_WINDOW).isBefore(now)) continue;
            byAddress = wait(Scope.ADDRESS, rs.getInt(2), rs.getTimestamp(3), ADDRESS_FREE, ADDRESS_MAX_WAIT, now);
          } else {
            userFailures = true;
            byUser = wait(Scope.USER, rs.getInt(2), rs.getTimestamp(3), USER_FREE, USER_MAX_WAIT, now);
          }
        }
      }
    } catch (SQLException e) {
      throw new StoreException(e);
    }
    return new Check(byAddress != null ? byAddress : byUser, userFailures);
  }

  public void failed(String username, String address) {
    Instant now = clock.instant();
    // Two first failures at once may both insert: the loser's transaction rolls back and counts again.
    for (int attempt = 0; ; attempt++) {
      try {
        db.inTransaction(c -> {
          count(c, Scope.USER, userKey(username), now, null);
          count(c, Scope.ADDRESS, address, now, ADDRESS_WINDOW);
          return null;
        });
        return;
      } catch (StoreException e) {
        if (attempt >= 2) throw e;
      }
    }
  }

  public void succeeded(String username) {
    db.inTransaction(c -> {
      try (PreparedStatement ps = c.prepareStatement("DELETE FROM login_failure WHERE scope = ? AND key_value = ?")) {
        ps.setString(1, Scope.USER.code);
        ps.setString(2, userKey(username));
        ps.executeUpdate();
      }
      return null;
    });
  }

  static String userKey(String username) {
    String u = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
    return u.length() > 200 ? u.substring(0, 200) : u;
  }

  /** The delay after {@code failures}: none up to {@code free}, then 1 s doubling, capped. */
  static long delayMillis(int failures, int free, Duration max) {
    if (failures < free) return 0;
    int doublings = Math.min(failures - free, 30);
    return Math.min(1000L << doublings, max.toMillis());
  }

  private static Wait wait(Scope scope, int failures, Timestamp lastFailure, int free, Duration max, Instant now) {
    long until = lastFailure.toInstant().toEpochMilli() + delayMillis(failures, free, max);
    long left = until - now.toEpochMilli();
    return left > 0 ? new Wait(scope, left) : null;
  }

  /** Adds one failure; with a window, a count whose window has passed starts again at one. */
  private static void count(Connection c, Scope scope, String key, Instant now, Duration window) throws SQLException {
    Timestamp at = Timestamp.from(now);
    // With a window, a count whose window opened before now - window starts again at 1 from now.
    String sql = window == null
        ? "UPDATE login_failure SET failures = failures + 1, last_failure = ? WHERE scope = ? AND key_value = ?"
        : "UPDATE login_failure SET failures = CASE WHEN window_start < ? THEN 1 ELSE failures + 1 END,"
            + " window_start = CASE WHEN window_start < ? THEN ? ELSE window_start END, last_failure = ?"
            + " WHERE scope = ? AND key_value = ?";
    for (int attempt = 0; ; attempt++) {
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        int i = 1;
        if (window != null) {
          Timestamp windowOpen = Timestamp.from(now.minus(window));
          ps.setTimestamp(i++, windowOpen);
          ps.setTimestamp(i++, windowOpen);
          ps.setTimestamp(i++, at);
        }
        ps.setTimestamp(i++, at);
        ps.setString(i++, scope.code);
        ps.setString(i, key);
        if (ps.executeUpdate() == 1) return;
      }
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO login_failure (scope, key_value, failures,"
          + " window_start, last_failure) SELECT ?, ?, 1, ?, ? WHERE NOT EXISTS (SELECT 1 FROM login_failure WHERE"
          + " scope = ? AND key_value = ?)")) {
        ps.setString(1, scope.code);
        ps.setString(2, key);
        ps.setTimestamp(3, at);
        ps.setTimestamp(4, at);
        ps.setString(5, scope.code);
        ps.setString(6, key);
        if (ps.executeUpdate() == 1) return;
      }
      if (attempt > 3) throw new SQLException("login_failure row for " + scope.code + " could not be counted");
    }
  }
}
