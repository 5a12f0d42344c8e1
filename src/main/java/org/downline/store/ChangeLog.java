package org.downline.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.downline.core.Progress;
import org.downline.network.MemberRow;
import org.downline.network.OrderRow;

/**
 * The outbox every server follows (ADR 22): each write that the in-memory pictures hold (members,
 * orders, products) records what it wrote, in its own transaction, under the next number of the
 * one clock row. The writer holds that row from taking the number to its commit, so numbers are
 * committed in order: a reader that has seen number n has seen all below, and reads what came after
 * by {@code seq > n}, never missing one.
 */
public final class ChangeLog {
  public static final String MEMBER = "member";
  public static final String ORDER = "order";
  public static final String PRODUCT = "product";
  public static final String RELOAD = "reload";

  private static final Bulk.Table CHANGES = new Bulk.Table("change_log", "seq, kind, ref, made_at", null);

  /** The PostgreSQL channel a committed change is signalled on. */
  static final String CHANNEL = "downline_changes";

  private final Database db;

  public ChangeLog(Database db) {
    this.db = db;
  }

  /** Whether {@link #listen()} works here (PostgreSQL; H2 has no notifications and is polled). */
  public boolean canListen() {
    return db.isPostgres();
  }

  /**
   * A connection of its own listening for committed changes on PostgreSQL, for a follower to sleep
   * on instead of polling; close it to stop.
   */
  public Listener listen() {
    try {
      Connection c = db.connection();
      try {
        c.setAutoCommit(true);
        try (var st = c.createStatement()) {
          st.execute("LISTEN " + CHANNEL);
        }
        return new Listener(c);
      } catch (SQLException e) {
        c.close();
        throw e;
      }
    } catch (SQLException e) {
      throw new StoreException(e);
    }
  }

  /** A listening connection (see {@link #listen()}). */
  public static final class Listener implements AutoCloseable {
    private final Connection c;

    private Listener(Connection c) {
      this.c = c;
    }

    /**
     * Waits until a change is committed or {@code maxMillis} pass; true when one was signalled. Signals
     * that came meanwhile are all taken at once (a burst of orders wakes the follower once).
     */
    public boolean await(int maxMillis) {
      try {
        org.postgresql.PGNotification[] notes = c.unwrap(org.postgresql.PGConnection.class).getNotifications(maxMillis);
        return notes != null && notes.length > 0;
      } catch (SQLException e) {
        throw new StoreException(e);
      }
    }

    @Override
    public void close() {
      try {
        try (var st = c.createStatement()) {
          st.execute("UNLISTEN " + CHANNEL);
        } finally {
          c.close();
        }
      } catch (SQLException e) {
        throw new StoreException(e);
      }
    }
  }

  /**
   * Records that the caller's transaction wrote these rows of {@code kind} (member or order ids;
   * none for product and reload). Call it last in the transaction: the clock row is held from here
   * to the commit, and other writers wait that long.
   */
  public static void record(Connection c, Database db, String kind, Collection<String> refs) throws SQLException {
    if (!db.isPostgres()) {
      try (var s = c.createStatement()) {
        s.execute("SET LOCK_TIMEOUT " + PeriodStore.LOCK_WAIT_MILLIS); // H2 waits 1 s by default
      }
    }
    try (PreparedStatement ps = c.prepareStatement("UPDATE change_clock SET seq = seq + 1 WHERE id = 1")) {
      ps.executeUpdate();
    }
    long seq;
    try (PreparedStatement ps = c.prepareStatement("SELECT seq FROM change_clock WHERE id = 1");
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      seq = rs.getLong(1);
    }
    if (db.isPostgres()) {
      // A wake-up for the other servers, sent by PostgreSQL at this transaction's commit (never before,
      // never on a rollback); the log stays the truth, the signal only says "read it now".
      try (PreparedStatement ps = c.prepareStatement("SELECT pg_notify('" + CHANNEL + "', ?)")) {
        ps.setString(1, Long.toString(seq));
        ps.execute();
      }
    }
    Instant now = Instant.now();
    List<String> rows = refs.isEmpty() ? java.util.Collections.singletonList(null) : List.copyOf(refs);
    // An import's million refs go by COPY on PostgreSQL, like its rows.
    Bulk.insert(c, CHANGES, rows, (v, ref) -> v.number(seq).text(kind).text(ref).time(now), Progress.NONE);
  }

  /**
   * An import needs a follower to read back more rows than this before a reload can pay off; below it
   * the log names each row.
   */
  public static final int RELOAD_FROM = 10_000;

  /**
   * Records what an import wrote ({@code refs}, of {@code kind}) where {@code stored} rows of that kind
   * were before it. A load larger than what was stored and than {@link #RELOAD_FROM} (a company's first
   * import) is recorded as one reload instead of a row per ref: a follower would otherwise read back
   * most of the table by id, slower than the reload's COPY, and the log's million rows cost the import
   * as much as a second copy of the table.
   */
  public static void recordImport(Connection c, Database db, String kind, Collection<String> refs, long stored)
      throws SQLException {
    if (refs.size() >= RELOAD_FROM && refs.size() > stored) record(c, db, RELOAD, List.of());
    else record(c, db, kind, refs);
  }

  /** The number of the last committed change (0 before any). */
  public long last() {
    try (Connection c = db.connection();
        PreparedStatement ps = c.prepareStatement("SELECT seq FROM change_clock WHERE id = 1");
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    } catch (SQLException e) {
      throw new StoreException(e);
    }
  }

  /**
   * Whether every change after {@code since} up to {@code upTo} is still in the log and none of them is
   * a reload: what a stored copy of the model taken at {@code since} needs to be brought to
   * {@code upTo} (ADR 38). Every number the clock gave has at least one row, so a pruned entry is a
   * missing number.
   */
  public boolean reaches(long since, long upTo) {
    if (since > upTo) return false;
    if (since == upTo) return true;
    try (Connection c = db.connection();
        PreparedStatement ps = c.prepareStatement("SELECT COUNT(DISTINCT seq), COUNT(CASE WHEN kind = '" + RELOAD
            + "' THEN 1 END) FROM change_log WHERE seq > ? AND seq <= ?")) {
      ps.setLong(1, since);
      ps.setLong(2, upTo);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1) == upTo - since && rs.getLong(2) == 0;
      }
    } catch (SQLException e) {
      throw new StoreException(e);
    }
  }

  /**
   * What changed after number {@code since}, up to {@code upTo}: the members and orders as they are
   * stored now (a member changed twice comes once, in its latest state), whether products changed
   * and whether a full reload was asked for.
   */
  public record Changes(long upTo, List<MemberRow> members, List<OrderRow> orders, boolean products, boolean reload) {
    public boolean isEmpty() {
      return members.isEmpty() && orders.isEmpty() && !products && !reload;
    }
  }

  public Changes since(long since, long upTo) {
    String range = " FROM change_log WHERE seq > ? AND seq <= ? AND kind = ?";
    try (Connection c = db.connection()) {
      Set<String> kinds = new java.util.HashSet<>();
      try (PreparedStatement ps = c.prepareStatement("SELECT DISTINCT kind FROM change_log WHERE seq > ? AND seq <= ?")) {
        ps.setLong(1, since);
        ps.setLong(2, upTo);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) kinds.add(rs.getString(1));
        }
      }
      List<MemberRow> members = new ArrayList<>();
      if (kinds.contains(MEMBER)) {
        query(c, "SELECT id, sponsor_id, kind, preferred, join_date, status, status_date, placement_id, placement_position"
            + " FROM member WHERE id IN (SELECT ref" + range + ")", since, upTo, MEMBER,
            rs -> members.add(CompanyStore.memberRow(rs)));
      }
      List<OrderRow> orders = new ArrayList<>();
      if (kinds.contains(ORDER)) {
        query(c, "SELECT id, member_id, order_date, pv, cv, total, return_of, kind, campaign"
            + " FROM orders WHERE id IN (SELECT ref" + range + ")", since, upTo, ORDER,
            rs -> orders.add(CompanyStore.orderRow(rs)));
      }
      return new Changes(upTo, members, orders, kinds.contains(PRODUCT), kinds.contains(RELOAD));
    } catch (SQLException e) {
      throw new StoreException(e);
    }
  }

  /** Asks every server for a full reload from the database (the explicit command). */
  public void askReload() {
    db.inTransaction(c -> {
      record(c, db, RELOAD, List.of());
      return null;
    });
  }

  /**
   * Wakes the listeners on this database without a change (a stopping server wakes its own, so it
   * leaves at once with its connection returned, not cut off when the pool closes). Other servers
   * read the log once for nothing.
   */
  public void wake() {
    if (!db.isPostgres()) return;
    try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement("SELECT pg_notify('" + CHANNEL + "', '0')")) {
      ps.execute();
    } catch (SQLException e) {
      throw new StoreException(e);
    }
  }

  /** Forgets changes older than a day: a server starting later loads the company, not the log. */
  public void prune() {
    try (Connection c = db.connection();
        PreparedStatement ps = c.prepareStatement("DELETE FROM change_log WHERE made_at < ?")) {
      ps.setTimestamp(1, Timestamp.from(Instant.now().minusSeconds(86_400)));
      ps.executeUpdate();
    } catch (SQLException e) {
      throw new StoreException(e);
    }
  }

  @FunctionalInterface
  private interface Row {
    void take(ResultSet rs) throws SQLException;
  }

  private static void query(Connection c, String sql, long since, long upTo, String kind, Row row) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setLong(1, since);
      ps.setLong(2, upTo);
      ps.setString(3, kind);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) row.take(rs);
      }
    }
  }
}
