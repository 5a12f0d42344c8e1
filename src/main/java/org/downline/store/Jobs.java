package org.downline.store;

import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.downline.core.ConflictException;

/**
 * Long jobs one at a time per name (a period's commission run, a payout batch) across every process
 * on the database (ADR 22): the job holds its name's {@code job_lock} row for the whole run in a
 * transaction of its own, taken without waiting, so a second one is refused at once with who runs
 * the first. A process that dies loses its connection and so its lock; its job row is marked
 * abandoned by the next job of that name.
 */
public final class Jobs {
  /** This process, as job rows name it. */
  public static final String SERVER = ManagementFactory.getRuntimeMXBean().getName();

  private final Database db;

  public Jobs(Database db) {
    this.db = db;
  }

  /** A job that is running, as the job table tells it. */
  public record Running(String name, String server, String actor, Instant startedAt) {}

  /** Runs {@code work} as the one job named {@code name}; refused with {@link ConflictException} while another runs. */
  public <T> T exclusive(String name, String actor, Supplier<T> work) {
    return run(name, actor, false, work);
  }

  /**
   * Runs {@code work} as the one job named {@code name} once the one running ends (for jobs whose
   * second run finds nothing left to do, like a payout batch: the two take turns).
   */
  public <T> T inTurn(String name, String actor, Supplier<T> work) {
    return run(name, actor, true, work);
  }

  private <T> T run(String name, String actor, boolean wait, Supplier<T> work) {
    try (Connection lock = db.connection()) {
      ensure(name);
      lock.setAutoCommit(false);
      try {
        if (!lock(lock, name, wait)) {
          lock.rollback();
          throw busy(name);
        }
        long id = start(name, actor);
        String outcome = "failed";
        try {
          T result = work.get();
          outcome = "done";
          return result;
        } finally {
          finish(id, outcome);
          lock.commit(); // lets the next job of this name in
        }
      } finally {
        if (!lock.getAutoCommit()) {
          try {
            lock.rollback();
          } catch (SQLException ignored) {
            // committed already, or the connection is gone: the lock is released either way
          }
          lock.setAutoCommit(true);
        }
      }
    } catch (SQLException e) {
      throw new StoreException(e);
    }
  }

  /** Jobs running now, oldest first. */
  public List<Running> running() {
    try (Connection c = db.connection();
        PreparedStatement ps = c.prepareStatement(
            "SELECT name, server, actor, started_at FROM job WHERE finished_at IS NULL ORDER BY started_at, id");
        ResultSet rs = ps.executeQuery()) {
      List<Running> out = new ArrayList<>();
      while (rs.next()) out.add(new Running(rs.getString(1), rs.getString(2), rs.getString(3), rs.getTimestamp(4).toInstant()));
      return out;
    } catch (SQLException e) {
      throw new StoreException(e);
    }
  }

  private void ensure(String name) throws SQLException {
    try (Connection c = db.connection();
        PreparedStatement ps = c.prepareStatement("INSERT INTO job_lock (name) VALUES (?)")) {
      ps.setString(1, name);
      ps.executeUpdate();
    } catch (SQLException e) {
      if (e.getSQLState() == null || !e.getSQLState().startsWith("23")) throw e; // there already
    }
  }

  private boolean lock(Connection c, String name, boolean wait) throws SQLException {
    String sql = "SELECT name FROM job_lock WHERE name = ? FOR UPDATE" + (db.isPostgres() && !wait ? " NOWAIT" : "");
    if (!db.isPostgres()) {
      try (var s = c.createStatement()) {
        s.execute("SET LOCK_TIMEOUT " + (wait ? PeriodStore.LOCK_WAIT_MILLIS : 0));
      }
    }
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, name);
      ps.executeQuery().close();
      return true;
    } catch (SQLException e) {
      if (PeriodStore.isLockTimeout(e)) return false;
      throw e;
    } finally {
      if (!db.isPostgres()) {
        try (var s = c.createStatement()) {
          s.execute("SET LOCK_TIMEOUT " + PeriodStore.LOCK_WAIT_MILLIS);
        }
      }
    }
  }

  /** Marks earlier unfinished jobs of this name abandoned (their process is gone: we hold the lock) and writes ours. */
  private long start(String name, String actor) throws SQLException {
    Timestamp now = Timestamp.from(Instant.now());
    try (Connection c = db.connection()) {
      try (PreparedStatement ps = c.prepareStatement(
          "UPDATE job SET finished_at = ?, outcome = 'abandoned' WHERE name = ? AND finished_at IS NULL")) {
        ps.setTimestamp(1, now);
        ps.setString(2, name);
        ps.executeUpdate();
      }
      try (PreparedStatement ps = c.prepareStatement(
          "INSERT INTO job (name, server, actor, started_at) VALUES (?, ?, ?, ?)", new String[] {"id"})) {
        ps.setString(1, name);
        ps.setString(2, SERVER);
        ps.setString(3, actor);
        ps.setTimestamp(4, now);
        ps.executeUpdate();
        try (ResultSet keys = ps.getGeneratedKeys()) {
          keys.next();
          return keys.getLong(1);
        }
      }
    }
  }

  private void finish(long id, String outcome) {
    try (Connection c = db.connection();
        PreparedStatement ps = c.prepareStatement("UPDATE job SET finished_at = ?, outcome = ? WHERE id = ?")) {
      ps.setTimestamp(1, Timestamp.from(Instant.now()));
      ps.setString(2, outcome);
      ps.setLong(3, id);
      ps.executeUpdate();
    } catch (SQLException e) {
      throw new StoreException(e);
    }
  }

  private ConflictException busy(String name) {
    Running r = running().stream().filter(j -> j.name().equals(name)).findFirst().orElse(null);
    String who = r == null ? "" : " (started " + r.startedAt() + " on " + r.server() + (r.actor() == null ? "" : " by " + r.actor()) + ")";
    return new ConflictException(name + " is running already" + who + "; nothing started, try again when it is done");
  }
}
