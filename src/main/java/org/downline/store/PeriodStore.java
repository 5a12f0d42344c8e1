package org.downline.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
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

  /**
   * Takes the lock of each named period for the caller's transaction and returns their states, read
   * under the lock. Every write that depends on a period's state (an import, an API order, a close)
   * takes it in the transaction that checks and writes, so a close and an import of one period are
   * strictly one after the other, in any number of processes: the second waits for the first to
   * commit and then sees what it wrote. Periods not stored yet are created in the same transaction
   * (two processes may create one at once) and locked in name order, so two writers never deadlock.
   */
  public static Map<String, String> lock(Connection c, Database db, Set<String> periods) throws SQLException {
    return lock(c, db, periods, false);
  }

  /**
   * The lock an API order takes: on PostgreSQL a shared one, so orders of one period do not wait for
   * each other (on two servers they queued on the period row and held their connections meanwhile),
   * while a close or an import, holding the exclusive lock, still waits for them and they for it. H2
   * has no shared row lock; it serves one process, so the exclusive lock costs little there.
   */
  public static Map<String, String> lockShared(Connection c, Database db, Set<String> periods) throws SQLException {
    return lock(c, db, periods, true);
  }

  private static Map<String, String> lock(Connection c, Database db, Set<String> periods, boolean shared)
      throws SQLException {
    if (!db.isPostgres()) {
      try (var s = c.createStatement()) {
        s.execute("SET LOCK_TIMEOUT " + LOCK_WAIT_MILLIS); // H2 waits 1 s by default: a long import would fail a close
      }
    }
    Set<String> missing = new TreeSet<>(periods);
    missing.removeAll(states(c).keySet());
    // Everything on the caller's connection: asking the pool for a second one while holding the
    // first deadlocks a busy pool (every holder waiting for another; at a new month, every order).
    if (!missing.isEmpty()) create(c, missing);
    Map<String, String> states = new LinkedHashMap<>();
    String mode = shared && db.isPostgres() ? "FOR SHARE" : "FOR UPDATE";
    try (PreparedStatement ps = c.prepareStatement("SELECT state FROM period WHERE name = ? " + mode)) {
      for (String p : new TreeSet<>(periods)) {
        ps.setString(1, p);
        try (ResultSet rs = ps.executeQuery()) {
          if (!rs.next()) throw new SQLException("period " + p + " vanished while being locked");
          states.put(p, rs.getString(1));
        }
      }
    } catch (SQLException e) {
      if (isLockTimeout(e)) throw busy();
      throw e;
    }
    return states;
  }

  private static org.downline.core.ConflictException busy() {
    return new org.downline.core.ConflictException("a period of this write is busy (another import, order or close"
        + " holds it for longer than " + LOCK_WAIT_MILLIS / 1000 + " s); nothing written, try again");
  }

  /** How long a writer waits for a period another writer holds. */
  public static final long LOCK_WAIT_MILLIS = 120_000;

  static boolean isLockTimeout(SQLException e) {
    String state = e.getSQLState();
    return state != null && (state.equals("HYT00") || state.equals("55P03") || state.startsWith("40"));
  }

  /**
   * Creates the periods that do not exist yet, in the caller's transaction. A writer creating the
   * same period meanwhile holds its new row until it commits: this insert waits for it and then
   * finds the key taken, which is fine (rolled back to a savepoint, the transaction goes on and locks
   * the row the other committed). Created in name order, like the locks, so two writers never deadlock.
   */
  private static void create(Connection c, Set<String> periods) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO period (name, state) VALUES (?, 'open')")) {
      for (String p : new TreeSet<>(periods)) {
        Savepoint before = c.getAutoCommit() ? null : c.setSavepoint();
        try {
          ps.setString(1, p);
          ps.executeUpdate();
          if (before != null) c.releaseSavepoint(before);
        } catch (SQLException e) {
          if (e.getSQLState() == null || !e.getSQLState().startsWith("23")) throw e;
          if (before != null) c.rollback(before);
        }
      }
    } catch (SQLException e) {
      if (isLockTimeout(e)) throw busy();
      throw e;
    }
  }
}
