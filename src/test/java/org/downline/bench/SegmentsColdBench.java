package org.downline.bench;

import java.io.BufferedWriter;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.Locale;
import org.downline.core.Decimals;
import org.downline.core.Periods;
import org.downline.network.Network;
import org.downline.network.OrderBook;
import org.downline.nextstep.FrequencyBounds;
import org.downline.nextstep.FrequencyReport;
import org.downline.store.CompanyStore;
import org.downline.store.Database;
import org.downline.store.TestDatabases;
import org.postgresql.copy.CopyManager;
import org.postgresql.core.BaseConnection;

/**
 * The cold segment report: the synthetic company is put into a fresh PostgreSQL database with COPY
 * (not measured), then timed: loading the in-memory model from the database (members, then orders,
 * with the heap each takes) and the report on it.
 *
 * <pre>bench/run org.downline.bench.SegmentsColdBench [members=1000000] [ordersPerMember=32] [rounds=2]</pre>
 */
public final class SegmentsColdBench {
  public static void main(String[] args) throws Exception {
    int members = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    int perMember = args.length > 1 ? Integer.parseInt(args[1]) : 32;
    int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 2;
    Database db = TestDatabases.fresh(TestDatabases.Kind.POSTGRESQL);
    Path dir = Files.createTempDirectory("segments-cold");
    try {
      long c0 = System.nanoTime();
      Path memberFile = dir.resolve("member.csv");
      Path orderFile = dir.resolve("orders.csv");
      long[] counts = writeCsv(members, perMember, memberFile, orderFile);
      long memberCount = counts[0];
      long orderCount = counts[1];
      try (Connection c = db.connection()) {
        CopyManager copy = new CopyManager(c.unwrap(BaseConnection.class));
        try (InputStream in = Files.newInputStream(memberFile)) {
          copy.copyIn("COPY member (id, sponsor_id, kind, preferred, join_date) FROM STDIN (FORMAT csv)", in);
        }
        try (InputStream in = Files.newInputStream(orderFile)) {
          copy.copyIn("COPY orders (id, member_id, order_date, period, kind, pv, cv, total, return_of) FROM STDIN (FORMAT csv)", in);
        }
        try (var st = c.createStatement()) {
          st.execute("ANALYZE");
        }
      }
      System.out.printf(Locale.ROOT, "cold bench: %,d members, %,d orders in PostgreSQL (set up in %.0f s); max heap %,d MB%n",
          memberCount, orderCount, (System.nanoTime() - c0) / 1e9, Runtime.getRuntime().maxMemory() >> 20);

      for (int round = 1; round <= rounds; round++) {
        long h0 = SegmentsBench.usedHeap();
        long t0 = System.nanoTime();
        CompanyStore store = new CompanyStore(db);
        Network network = store.loadNetwork();
        double tMembers = (System.nanoTime() - t0) / 1e9;
        long h1 = SegmentsBench.usedHeap();
        long t1 = System.nanoTime();
        OrderBook book = store.loadOrders(network);
        double tOrders = (System.nanoTime() - t1) / 1e9;
        long t2 = System.nanoTime();
        FrequencyReport report = FrequencyReport.compute(network, book, SyntheticCompany.AS_OF, FrequencyBounds.DEFAULT);
        double tReport = (System.nanoTime() - t2) / 1e9;
        long h2 = SegmentsBench.usedHeap();
        System.out.printf(Locale.ROOT,
            "round %d: load members %.1f s (%,.0f/s, %.0f bytes each), load orders %.1f s (%,.0f/s, %.0f bytes each), report %.2f s; cold total %.1f s (%d rows)%n",
            round, tMembers, network.size() / tMembers, (double) (h1 - h0) / network.size(), tOrders, book.size() / tOrders,
            (double) (h2 - h1) / book.size(), tReport, tMembers + tOrders + tReport, report.rows().size());
      }
    } finally {
      TestDatabases.drop(db);
      try (var files = Files.walk(dir)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  /** Streams the synthetic company into COPY files without building it in memory; returns {members, orders}. */
  static long[] writeCsv(int members, int perMember, Path memberFile, Path orderFile) throws Exception {
    long[] counts = new long[2];
    try (BufferedWriter m = Files.newBufferedWriter(memberFile, StandardCharsets.UTF_8);
        BufferedWriter o = Files.newBufferedWriter(orderFile, StandardCharsets.UTF_8)) {
      SyntheticCompany.emit(members, perMember, 42, r -> {
        write(m, r.id() + "," + (r.sponsorId() == null ? "" : r.sponsorId()) + "," + r.kind().code() + "," + r.preferred()
            + "," + Periods.formatDay(r.joinDay()) + "\n");
        counts[0]++;
      }, null);
      SyntheticCompany.emit(members, perMember, 42, null, r -> {
        boolean ret = r.returnOf() != null;
        write(o, r.id() + "," + r.memberId() + "," + Periods.formatDay(r.day()) + "," + Periods.name(Periods.periodOfDay(r.day()))
            + "," + (ret ? "return" : r.autoship() ? "autoship" : "sale") + "," + Decimals.format(r.pv()) + ","
            + Decimals.format(r.cv()) + "," + Decimals.format(r.total()) + "," + (ret ? r.returnOf() : "") + "\n");
        counts[1]++;
      });
    }
    return counts;
  }

  private static void write(BufferedWriter w, String line) {
    try {
      w.write(line);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
