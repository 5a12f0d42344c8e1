package org.downline.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.downline.core.Progress;
import org.downline.network.Network;
import org.downline.network.OrderBook;
import org.downline.network.OrderBookBuilder;
import org.downline.network.OrderKind;

/**
 * The orders of a cold load on PostgreSQL (ADR 32): the table's pages cut into as many ranges as
 * connections, each range read by a TID range scan on its own connection and parsed on its own
 * thread into its own builder, the builders then appended in page order. A sequential scan reads
 * the pages in that same order, so the book is the one a single connection builds. Every connection
 * reads in one snapshot (exported by the first), so the parts are one consistent state of the table
 * even while another server writes.
 */
final class OrderCopy {
  private static final String BINARY = "SELECT id, member_id, order_date, pv, cv, total, return_of, kind, campaign FROM orders";
  private static final String TEXT = "SELECT id, member_id, order_date - " + CompanyStore.EPOCH + ", (pv * 100)::bigint,"
      + " (cv * 100)::bigint, (total * 100)::bigint, return_of, kind = 'autoship', campaign FROM orders";

  private final Database db;
  private final CompanyStore.Load load;
  private final Network network;
  private final Progress progress;
  private final long[] done; // rows read by each part so far, for one progress figure

  OrderCopy(Database db, CompanyStore.Load load, Network network, Progress progress) {
    this.db = db;
    this.load = load;
    this.network = network;
    this.progress = progress;
    this.done = new long[load.connections()];
  }

  OrderBook load() {
    List<Connection> connections = new ArrayList<>();
    try {
      Connection first = inSnapshot(null, connections);
      long pages;
      long estimate;
      String snapshot;
      try (Statement st = first.createStatement();
          ResultSet rs = st.executeQuery("SELECT pg_export_snapshot(), pg_relation_size('orders') / current_setting('block_size')::int,"
              + " (SELECT reltuples::bigint FROM pg_class WHERE oid = 'orders'::regclass)")) {
        rs.next();
        snapshot = rs.getString(1);
        pages = rs.getLong(2);
        estimate = rs.getLong(3); // the planner's count (-1 never analysed): a COUNT(*) would cost a scan of its own
      }
      int parts = (int) Math.max(1, Math.min(load.connections(), pages));
      for (int p = 1; p < parts; p++) inSnapshot(snapshot, connections);
      progress.start("loading orders", estimate, "orders");
      OrderBookBuilder[] built = new OrderBookBuilder[parts];
      int each = (int) Math.min(Integer.MAX_VALUE - 8, Math.max(0, estimate) / parts + estimate / (parts * 50L) + 16);
      try (ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, parts - 1), r -> {
        Thread t = new Thread(r, "load-orders");
        t.setDaemon(true);
        return t;
      })) {
        List<Future<OrderBookBuilder>> others = new ArrayList<>();
        for (int p = 1; p < parts; p++) {
          int part = p;
          others.add(pool.submit(() -> read(connections.get(part), range(part, parts, pages), part, each)));
        }
        built[0] = read(first, range(0, parts, pages), 0, each);
        for (int p = 1; p < parts; p++) built[p] = others.get(p - 1).get();
      } catch (ExecutionException e) {
        if (e.getCause() instanceof RuntimeException r) throw r;
        if (e.getCause() instanceof SQLException q) throw new StoreException(q);
        throw new IllegalStateException(e.getCause());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while loading orders", e);
      }
      for (Connection c : connections) c.commit();
      progress.finish();
      long total = 0;
      for (OrderBookBuilder b : built) total += b.size();
      OrderBookBuilder all = built[0];
      if (parts > 1) {
        all = new OrderBookBuilder(CompanyStore.SOURCE, network, (int) total);
        for (int p = 0; p < parts; p++) {
          all.append(built[p]);
          built[p] = null; // its columns can go before the book is built
        }
      }
      return all.build();
    } catch (SQLException e) {
      throw new StoreException(e);
    } finally {
      for (Connection c : connections) {
        try {
          c.close(); // the pool rolls back what is open and restores the connection's settings
        } catch (SQLException ignored) {
          // closing after a failure: the first error is the one to report
        }
      }
    }
  }

  /** A connection in a repeatable-read transaction, in {@code snapshot} (the first: its own). */
  private Connection inSnapshot(String snapshot, List<Connection> connections) throws SQLException {
    Connection c = db.connection();
    connections.add(c);
    c.setAutoCommit(false);
    c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
    if (snapshot != null) {
      try (Statement st = c.createStatement()) {
        st.execute("SET TRANSACTION SNAPSHOT '" + snapshot.replace("'", "''") + "'");
      }
    }
    return c;
  }

  /** The condition on ctid for part {@code p} of {@code parts}: the first and the last are open-ended. */
  static String range(int p, int parts, long pages) {
    if (parts == 1) return "";
    List<String> bounds = new ArrayList<>(2);
    if (p > 0) bounds.add("ctid >= '(" + pages * p / parts + ",0)'::tid");
    if (p < parts - 1) bounds.add("ctid < '(" + pages * (p + 1) / parts + ",0)'::tid");
    return " WHERE " + String.join(" AND ", bounds);
  }

  private OrderBookBuilder read(Connection c, String where, int part, int capacity) throws SQLException {
    OrderBookBuilder builder = new OrderBookBuilder(CompanyStore.SOURCE, network, capacity);
    List<String> campaigns = new ArrayList<>(); // a few codes on millions of rows: one string each
    Progress mine = partProgress(part);
    if (load.binary()) {
      String autoship = OrderKind.AUTOSHIP.code();
      mine.update(BinaryCopyReader.query(c, BINARY + where, mine, r -> {
        int member = r.member(1, network);
        builder.add(0, r.data(), r.from(0), r.to(0), member, member == Network.NONE ? r.string(1) : null, r.day(2), r.cents(3),
            r.cents(4), r.cents(5), r.string(6), r.is(7, autoship), r.string(8, campaigns));
      }));
    } else {
      mine.update(CopyReader.query(c, TEXT + where, mine, r -> {
        int member = r.member(1, network);
        builder.add(0, r.string(0), member, member == Network.NONE ? r.string(1) : null, (int) r.number(2),
            r.number(3), r.number(4), r.number(5), r.string(6), r.bool(7), r.string(8, campaigns));
      }));
    }
    return builder;
  }

  /** The part's count of rows into the one progress figure (the caller's progress is not thread-safe). */
  private Progress partProgress(int part) {
    return new Progress() {
      @Override
      public void start(String task, long total, String unit) {}

      @Override
      public void update(long rows) {
        synchronized (done) {
          done[part] = rows;
          long sum = 0;
          for (long d : done) sum += d;
          progress.update(sum);
        }
      }

      @Override
      public void finish() {}
    };
  }
}
