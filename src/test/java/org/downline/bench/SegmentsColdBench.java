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
 * <pre>bench/run org.downline.bench.SegmentsColdBench [members=1000000] [ordersPerMember=32]</pre>
 */
public final class SegmentsColdBench {
  public static void main(String[] args) throws Exception {
    int members = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    int perMember = args.length > 1 ? Integer.parseInt(args[1]) : 32;
    Database db = TestDatabases.fresh(TestDatabases.Kind.POSTGRESQL);
    Path dir = Files.createTempDirectory("segments-cold");
    try {
      long c0 = System.nanoTime();
      SyntheticCompany company = SyntheticCompany.make(members, perMember, 42);
      Path memberFile = dir.resolve("member.csv");
      Path orderFile = dir.resolve("orders.csv");
      writeMembers(company.network, memberFile);
      writeOrders(company, orderFile);
      int memberCount = company.network.size();
      int orderCount = company.book.size();
      company = null; // the bench measures what loading from the database costs, not this copy
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

      for (int round = 1; round <= 2; round++) {
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

  static void writeMembers(Network n, Path file) throws Exception {
    try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      for (int m = 0; m < n.size(); m++) {
        int s = n.sponsor(m);
        w.write(n.id(m) + "," + (s == Network.NONE ? "" : n.id(s)) + "," + n.kind(m).code() + "," + n.isPreferred(m) + ","
            + Periods.formatDay(n.joinDay(m)) + "\n");
      }
    }
  }

  static void writeOrders(SyntheticCompany c, Path file) throws Exception {
    OrderBook b = c.book;
    int[] member = b.members();
    int[] day = b.days();
    int[] returnOf = b.returnOf();
    try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      for (int o = 0; o < b.size(); o++) {
        boolean ret = returnOf[o] != OrderBook.NONE;
        w.write(b.id(o) + "," + c.network.id(member[o]) + "," + Periods.formatDay(day[o]) + ","
            + Periods.name(Periods.periodOfDay(day[o])) + "," + (ret ? "return" : b.isAutoship(o) ? "autoship" : "sale") + ","
            + Decimals.format(b.pv()[o]) + "," + Decimals.format(b.cv()[o]) + "," + Decimals.format(b.totals()[o]) + ","
            + (ret ? b.id(returnOf[o]) : "") + "\n");
      }
    }
  }
}
