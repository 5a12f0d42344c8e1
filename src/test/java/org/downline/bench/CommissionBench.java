package org.downline.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.downline.commission.CommissionEngine;
import org.downline.commission.History;
import org.downline.commission.OutputOrder;
import org.downline.commission.PeriodOrders;
import org.downline.commission.PeriodResult;
import org.downline.commission.Plan;
import org.downline.commission.Volumes;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.downline.network.Network;
import org.downline.network.OrderBook;
import org.downline.planfile.PlanFile;

/**
 * One period of the demo plan on a synthetic company: the computation alone, the output ordering,
 * the same PV/GV roll-up in DuckDB SQL, and file mode end to end in a separate JVM with -Xmx2g.
 *
 * <pre>bench/run org.downline.bench.CommissionBench [members] [orders] [reps] [all|skip-file-mode|compute-only]</pre>
 */
public final class CommissionBench {
  public static void main(String[] args) throws Exception {
    int members = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    int orders = args.length > 1 ? Integer.parseInt(args[1]) : 3_000_000;
    int reps = args.length > 2 ? Integer.parseInt(args[2]) : 5;
    boolean fileMode = args.length <= 3 || args[3].equals("all");
    boolean computeOnly = args.length > 3 && args[3].equals("compute-only");
    System.out.printf("commission bench: %,d members, %,d orders, %d reps, %d cores (engine threads %d), max heap %d MB, %s%n",
        members, orders, reps, Runtime.getRuntime().availableProcessors(), CommissionEngine.threads(), Runtime.getRuntime().maxMemory() >> 20, System.getProperty("java.version"));
    System.out.println("load: " + uptime());
    SyntheticPeriod company = new SyntheticPeriod(members, orders, 42);
    long t0 = System.nanoTime();
    long c0 = cpu();
    Object[] built = company.build();
    Network net = (Network) built[0];
    OrderBook book = (OrderBook) built[1];
    System.out.printf("built in memory in %.1f s (CPU %.1f s); max depth %d%n", (System.nanoTime() - t0) / 1e9,
        (cpu() - c0) / 1e9, Arrays.stream(net.depths()).max().orElse(0));
    System.gc();
    System.out.printf("heap in use after GC with network and orders: %d MB%n",
        (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) >> 20);
    Plan plan = PlanFile.builtIn("demo");
    int period = SyntheticPeriod.PERIOD;

    CommissionEngine engine = new CommissionEngine(net, book, plan);
    engine.cpuClock = FileModeBench.OS::getProcessCpuTime;
    List<Long> compute = new ArrayList<>();
    List<Long> computeCpu = new ArrayList<>();
    PeriodResult result = null;
    // Runs 0..reps: round 0 is warm-up, except with a single rep (the 10M run), where every round counts.
    boolean release = !Boolean.getBoolean("bench.keep");
    for (int i = 0; i < reps + 1; i++) {
      // The last round's lines are handed back and written over, as file mode does period after
      // period (ADR 42); -Dbench.keep=true leaves them to the collector, as before.
      if (result != null && release) result.release();
      result = null;
      long s = System.nanoTime();
      long c = cpu();
      long pc = FileModeBench.OS.getProcessCpuTime();
      result = engine.compute(period, new History(net.size()));
      if (i > 0 || reps == 1) {
        compute.add(System.nanoTime() - s);
        computeCpu.add(cpu() - c);
      }
      // The process's CPU counts the other cores' ranges (and GC), which this thread's does not.
      System.out.printf("  compute round %d: %.0f ms wall, %.0f ms CPU (this thread), %.0f ms CPU (process), %s%n", i,
          (System.nanoTime() - s) / 1e6, (cpu() - c) / 1e6, (FileModeBench.OS.getProcessCpuTime() - pc) / 1e6, uptime());
    }
    StringBuilder stages = new StringBuilder();
    engine.lastTimings.forEach((k, v) -> stages.append(' ').append(k).append('=').append(v / 1_000_000).append("ms"));
    System.out.println("last run by stage:" + stages);
    StringBuilder cpuStages = new StringBuilder();
    engine.lastCpu.forEach((k, v) -> cpuStages.append(' ').append(k).append('=').append(v / 1_000_000).append("ms"));
    System.out.println("last run by stage, CPU of the process:" + cpuStages);
    System.gc();
    long heap = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
    long paid = 0;
    for (int j = 0; j < result.lines().size(); j++) paid += result.lines().amount(j);
    System.out.printf("compute one period: median %.0f ms (min %.0f) -> %,d lines, paid %s, cap applied %s%n", median(compute),
        min(compute), result.lines().size(), org.downline.core.Decimals.format(paid), result.cap().applied());
    int[] byRank = new int[plan.ranks().size()];
    int activeCount = 0;
    int distributors = 0;
    for (int m = 0; m < net.size(); m++) {
      if (!net.isDistributor(m)) continue;
      distributors++;
      if (result.volumes().active[m]) activeCount++;
      byRank[result.volumes().rank[m]]++;
    }
    StringBuilder kinds = new StringBuilder();
    for (int k = 0; k < plan.lineKinds().size(); k++) {
      kinds.append(' ').append(plan.lineKinds().get(k)).append('=').append(result.lines().kindEnd(k) - result.lines().kindStart(k));
    }
    System.out.printf("distributors %,d, Active %,d, by rank %s; lines:%s%n", distributors, activeCount, Arrays.toString(byRank), kinds);
    System.out.printf("heap in use after GC with network, orders and one period's result: %d MB; compute CPU median %.0f ms%n",
        heap >> 20, median(computeCpu));

    // Volumes alone (PV, GV, Active, ranks bottom-up, compression pointers), and a bare PV/GV roll-up.
    int[] owner = net.ownerDistributors();
    List<Long> vol = new ArrayList<>();
    List<Long> bare = new ArrayList<>();
    long[] gvBare = null;
    for (int i = 0; i < reps + 1; i++) {
      long s = System.nanoTime();
      PeriodOrders po = PeriodOrders.of(book, period);
      Volumes.compute(net, owner, book, po, plan);
      if (i > 0) vol.add(System.nanoTime() - s);
      s = System.nanoTime();
      gvBare = bareRollUp(net, owner, book);
      if (i > 0) bare.add(System.nanoTime() - s);
    }
    System.out.printf("volumes and ranks: median %.0f ms; bare PV/GV roll-up: median %.0f ms%n", median(vol), median(bare));

    List<Long> sort = new ArrayList<>();
    for (int i = 0; i < (computeOnly ? 1 : Math.min(reps, 3)); i++) {
      long s = System.nanoTime();
      OutputOrder order = new OutputOrder(net.ids(), book.ids(), plan);
      long mid = System.nanoTime();
      long[] sum = new long[1];
      order.forEach(result.lines(), (e, k, src, l, a) -> sum[0] += a);
      sort.add(System.nanoTime() - s);
      System.out.printf("  output order: id ranks %.0f ms, lines in order %.0f ms%n", (mid - s) / 1e6, (System.nanoTime() - mid) / 1e6);
    }

    if (!computeOnly) duckDb(net, owner, book, gvBare, reps);

    if (fileMode) {
      Path dir = Path.of(System.getProperty("java.io.tmpdir"), "downline-bench-" + members);
      long s = System.nanoTime();
      if (!Files.exists(dir.resolve("orders.csv"))) company.writeCsv(dir);
      System.out.printf("CSV files ready in %.1f s (%d MB members, %d MB orders)%n", (System.nanoTime() - s) / 1e9,
          Files.size(dir.resolve("members.csv")) >> 20, Files.size(dir.resolve("orders.csv")) >> 20);
      result = null;
      engine = null;
      built = null;
      String heapFlag = System.getProperty("fileModeHeap", "-Xmx2g");
      for (int i = 0; i < 2; i++) {
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), heapFlag,
            "-Ddownline.threads=" + CommissionEngine.threads(), "-cp", System.getProperty("java.class.path"), "org.downline.cli.Downline", "commissions", "compute", "--plan", "demo",
            "--members", dir.resolve("members.csv").toString(), "--orders", dir.resolve("orders.csv").toString(), "--out",
            dir.resolve("out").toString()).inheritIO();
        s = System.nanoTime();
        int exit = pb.start().waitFor();
        System.out.printf("file mode end to end (%s, %d threads, separate JVM): %.1f s, exit %d; lines.csv %d MB%n", heapFlag,
            CommissionEngine.threads(),
            (System.nanoTime() - s) / 1e9, exit, Files.size(dir.resolve("out/lines.csv")) >> 20);
      }
    }
  }

  static long cpu() {
    return java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
  }

  static String uptime() {
    try {
      return "load " + Files.readString(Path.of("/proc/loadavg")).trim();
    } catch (java.io.IOException e) {
      return "load unknown";
    }
  }

  static long[] bareRollUp(Network net, int[] owner, OrderBook book) {
    int n = net.size();
    long[] gv = new long[n];
    int[] member = book.members();
    long[] pv = book.pv();
    int[] ret = book.returnOf();
    for (int o = 0; o < pv.length; o++) gv[owner[member[o]]] += pv[o]; // returns are same-month here: net
    int[] sponsor = net.sponsors();
    for (int i = n - 1; i > 0; i--) if (sponsor[i] >= 0) gv[sponsor[i]] += gv[i];
    return gv;
  }

  static void duckDb(Network net, int[] owner, OrderBook book, long[] gvJava, int reps) throws Exception {
    Class.forName("org.duckdb.DuckDBDriver");
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement()) {
      st.execute("SET threads TO 2");
      st.execute("CREATE TABLE members (id INTEGER, sponsor INTEGER, owner INTEGER)");
      st.execute("CREATE TABLE orders (member INTEGER, pv BIGINT)");
      long s = System.nanoTime();
      try (DuckDBAppender a = ((DuckDBConnection) c).createAppender(DuckDBConnection.DEFAULT_SCHEMA, "members")) {
        for (int i = 0; i < net.size(); i++) {
          a.beginRow().append(i);
          if (net.sponsor(i) < 0) a.appendNull();
          else a.append(net.sponsor(i));
          a.append(owner[i]).endRow();
        }
      }
      try (DuckDBAppender a = ((DuckDBConnection) c).createAppender(DuckDBConnection.DEFAULT_SCHEMA, "orders")) {
        int[] m = book.members();
        long[] pv = book.pv();
        for (int o = 0; o < m.length; o++) a.beginRow().append(m[o]).append(pv[o]).endRow();
      }
      System.out.printf("duckdb appender load: %.1f s%n", (System.nanoTime() - s) / 1e9);
      // PV per owner, then every distributor's PV added to each ancestor (recursive walk up), summed.
      String sql = """
          WITH RECURSIVE pv AS (
            SELECT m.owner AS d, sum(o.pv) AS pv FROM orders o JOIN members m ON m.id = o.member GROUP BY m.owner),
          up(anc, pv) AS (
            SELECT d, pv FROM pv
            UNION ALL
            SELECT m.sponsor, up.pv FROM up JOIN members m ON m.id = up.anc WHERE m.sponsor IS NOT NULL)
          SELECT anc, sum(pv) AS gv FROM up GROUP BY anc""";
      List<Long> times = new ArrayList<>();
      long checked = 0;
      for (int i = 0; i < Math.min(reps, 3) + 1; i++) {
        s = System.nanoTime();
        try (ResultSet rs = st.executeQuery(sql)) {
          checked = 0;
          while (rs.next()) {
            int anc = rs.getInt(1);
            long gv = rs.getLong(2);
            if (gv != gvJava[anc]) throw new IllegalStateException("duckdb GV differs for " + anc + ": " + gv + " vs " + gvJava[anc]);
            checked++;
          }
        }
        if (i > 0) times.add(System.nanoTime() - s);
      }
      System.out.printf("duckdb PV/GV roll-up (recursive CTE, 2 threads): median %.0f ms, %,d GV figures equal to Java's%n",
          median(times), checked);
    }
  }

  static double median(List<Long> ns) {
    List<Long> s = new ArrayList<>(ns);
    s.sort(null);
    return s.get(s.size() / 2) / 1e6;
  }

  static double min(List<Long> ns) {
    return ns.stream().mapToLong(Long::longValue).min().orElse(0) / 1e6;
  }
}
