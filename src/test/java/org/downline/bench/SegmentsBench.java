package org.downline.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.downline.network.Network;
import org.downline.network.OrderBook;
import org.downline.nextstep.FrequencyBounds;
import org.downline.nextstep.FrequencyReport;
import org.downline.nextstep.Window;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * The purchase-frequency report over a synthetic company already in memory, side by side with the
 * same report as SQL in an embedded DuckDB holding the same data (loaded with its appender):
 *
 * <pre>bench/run org.downline.bench.SegmentsBench [members=1000000] [ordersPerMember=32] [rounds=7]</pre>
 *
 * Prints the medians and the ratio, and checks that both give the same figures. A main class rather
 * than JMH: each round is a single pass over tens of millions of orders, and the DuckDB side is
 * measured the same way (wall time of one query).
 */
public final class SegmentsBench {
  public static void main(String[] args) throws Exception {
    int members = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    int perMember = args.length > 1 ? Integer.parseInt(args[1]) : 32;
    int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 7;
    System.out.printf(Locale.ROOT, "segments bench: %,d members, ~%d orders per member; %d cores (engine threads %d), max heap %,d MB, %s%n",
        members, perMember, Runtime.getRuntime().availableProcessors(), org.downline.commission.Cores.threads(), Runtime.getRuntime().maxMemory() >> 20,
        System.getProperty("java.vm.version"));

    long heapBefore = usedHeap();
    long t0 = System.nanoTime();
    SyntheticCompany company = SyntheticCompany.make(members, perMember, 42);
    double makeSeconds = (System.nanoTime() - t0) / 1e9;
    long heapAfter = usedHeap();
    Network network = company.network;
    OrderBook book = company.book;
    Window window = Window.endingOn(SyntheticCompany.AS_OF);
    int inWindow = window.toIndex(book) - window.fromIndex(book);
    System.out.printf(Locale.ROOT, "made in %.1f s: %,d members, %,d orders (%,d in the window %s); model %,d MB = %.0f bytes per order+member share%n",
        makeSeconds, network.size(), book.size(), inWindow, window, (heapAfter - heapBefore) >> 20,
        (double) (heapAfter - heapBefore) / book.size());

    // Java: the engine over the in-memory model.
    FrequencyReport report = null;
    double[] java = new double[rounds];
    for (int r = -3; r < rounds; r++) {
      long s = System.nanoTime();
      report = FrequencyReport.compute(network, book, SyntheticCompany.AS_OF, FrequencyBounds.DEFAULT);
      if (r >= 0) java[r] = (System.nanoTime() - s) / 1e6;
    }
    System.out.printf(Locale.ROOT, "java   report: median %.0f ms, min %.0f ms (%s)%n", median(java), min(java), Arrays.toString(round(java)));

    // DuckDB: same data, loaded with the appender, queried in SQL.
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:")) {
      try (Statement st = c.createStatement()) {
        st.execute("SET threads = " + Runtime.getRuntime().availableProcessors());
        st.execute("CREATE TABLE member (idx INTEGER, kind TINYINT, join_day INTEGER)");
        st.execute("CREATE TABLE orders (idx INTEGER, member INTEGER, day INTEGER, total BIGINT, return_of INTEGER, sale_day INTEGER)");
      }
      long l0 = System.nanoTime();
      DuckDBConnection duck = c.unwrap(DuckDBConnection.class);
      try (DuckDBAppender a = duck.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "member")) {
        byte[] kind = network.kinds();
        int[] join = network.joinDays();
        for (int m = 0; m < network.size(); m++) a.beginRow().append(m).append(kind[m]).append(join[m]).endRow();
      }
      try (DuckDBAppender a = duck.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "orders")) {
        int[] member = book.members();
        int[] day = book.days();
        long[] total = book.totals();
        int[] returnOf = book.returnOf();
        for (int o = 0; o < book.size(); o++) {
          a.beginRow().append(o).append(member[o]).append(day[o]).append(total[o]);
          if (returnOf[o] == OrderBook.NONE) a.appendNull().appendNull();
          else a.append(returnOf[o]).append(day[returnOf[o]]);
          a.endRow();
        }
      }
      System.out.printf(Locale.ROOT, "duckdb load (appender): %.1f s%n", (System.nanoTime() - l0) / 1e9);

      Map<String, String> variants = new java.util.LinkedHashMap<>();
      variants.put("self-join", sql("JOIN orders s ON r.return_of = s.idx WHERE s.day >= ?"));
      variants.put("sale_day column", sql("WHERE r.sale_day >= ?"));
      for (Map.Entry<String, String> v : variants.entrySet()) {
        double[] duckMs = new double[rounds];
        Map<String, long[]> rows = null;
        for (int r = -1; r < rounds; r++) {
          long s = System.nanoTime();
          rows = query(c, v.getValue(), window);
          if (r >= 0) duckMs[r] = (System.nanoTime() - s) / 1e6;
        }
        boolean same = same(report, rows);
        System.out.printf(Locale.ROOT, "duckdb report (%s): median %.0f ms, min %.0f ms (%s); same figures: %s; ratio duckdb/java %.1fx%n",
            v.getKey(), median(duckMs), min(duckMs), Arrays.toString(round(duckMs)), same, median(duckMs) / median(java));
      }
    }
    for (FrequencyReport.Row r : report.rows()) {
      System.out.printf(Locale.ROOT, "  %-12s %-6s %,9d members %,11d orders %,16d cents%n", r.population().code(), r.segment(),
          r.members(), r.orders(), r.revenue());
    }
  }

  /** The report in SQL; {@code returnFilter} keeps the window's returns of sales that are in the window too. */
  static String sql(String returnFilter) {
    return """
        WITH w AS (SELECT * FROM orders WHERE day >= ? AND day <= ?),
        sales AS (SELECT member, COUNT(*) AS n, SUM(total) AS revenue FROM w WHERE return_of IS NULL GROUP BY member),
        back AS (SELECT r.member, SUM(r.total) AS returned FROM w r %s AND r.return_of IS NOT NULL GROUP BY r.member),
        per AS (
          SELECT m.kind, COALESCE(s.n, 0) AS n, COALESCE(s.revenue, 0) + COALESCE(b.returned, 0) AS revenue
          FROM member m LEFT JOIN sales s ON s.member = m.idx LEFT JOIN back b ON b.member = m.idx
          WHERE m.join_day <= ?)
        SELECT kind,
          CASE WHEN n = 0 THEN 'lapsed' WHEN n = 1 THEN '1' WHEN n <= 3 THEN '2-3' WHEN n <= 6 THEN '4-6'
               WHEN n <= 10 THEN '7-10' ELSE '11+' END AS segment,
          COUNT(*) AS members, SUM(n) AS orders, SUM(revenue) AS revenue
        FROM per GROUP BY 1, 2
        """.formatted(returnFilter);
  }

  static Map<String, long[]> query(Connection c, String sql, Window w) throws Exception {
    Map<String, long[]> out = new HashMap<>();
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setInt(1, w.firstDay());
      ps.setInt(2, w.asOf());
      ps.setInt(3, w.firstDay());
      ps.setInt(4, w.asOf());
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          String population = rs.getInt(1) == Network.CUSTOMER ? "customers" : "distributors";
          out.put(population + "/" + rs.getString(2), new long[] {rs.getLong(3), rs.getLong(4), rs.getLong(5)});
        }
      }
    }
    return out;
  }

  static boolean same(FrequencyReport report, Map<String, long[]> sql) {
    for (FrequencyReport.Row r : report.rows()) {
      long[] s = sql.getOrDefault(r.population().code() + "/" + r.segment(), new long[3]);
      if (s[0] != r.members() || s[1] != r.orders() || s[2] != r.revenue()) {
        System.out.println("  differs at " + r + ": sql " + Arrays.toString(s));
        return false;
      }
    }
    return true;
  }

  static long usedHeap() {
    for (int k = 0; k < 3; k++) System.gc();
    Runtime rt = Runtime.getRuntime();
    return rt.totalMemory() - rt.freeMemory();
  }

  static double median(double[] a) {
    double[] s = a.clone();
    Arrays.sort(s);
    return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
  }

  static double min(double[] a) {
    return Arrays.stream(a).min().orElse(0);
  }

  static long[] round(double[] a) {
    return Arrays.stream(a).mapToLong(Math::round).toArray();
  }

}
