package org.downline.bench;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.downline.core.Progress;
import org.downline.network.Network;
import org.downline.network.OrderBook;
import org.downline.store.ChangeLog;
import org.downline.store.CompanyStore;
import org.downline.store.ModelSnapshot;
import org.downline.web.CompanyData;
import org.downline.store.Database;
import org.downline.store.TestDatabases;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Cold load from PostgreSQL, the start of every database-mode command and of the server: a synthetic
 * company is put into a fresh database with COPY (set up, not timed), then timed per round: the
 * in-memory model loaded by {@code CompanyStore} (COPY TO STDOUT parsed into the builders), beside
 * two peers that only move the bytes: the same COPY queries into a stream that discards them, and
 * {@code psql \copy} of them to /dev/null (when psql is on the PATH).
 *
 * <pre>bench/run org.downline.bench.ColdLoadBench [members=1000000] [ordersPerMember=32] [rounds=3] [keep|URL] [ways=binary2,binary1,text1,peers]</pre>
 *
 * The stored model's ways (ADR 38): {@code store} (write the copy), {@code stored1}, {@code stored2}
 * (read it), {@code start-rows}, {@code start-stored} (a server's whole start); see {@link #storedModel}.
 *
 * {@code keep} leaves the database in place and prints its URL (to time {@code downline serve} on it);
 * that URL in its place reuses the database and skips the set-up (rounds 0: set up only). Each round
 * loads the model once per way, {@code binary} or {@code text} COPY with the orders over N
 * connections ({@code text1} is the load before ADR 32; {@code default} is what the server uses), and
 * the peers once when {@code peers} is among the ways: both formats of COPY into a discarding stream,
 * and psql. Beside the client's CPU each load prints the server's: the CPU time its backends on
 * this database took, read from /proc (Linux, the server on this machine; the pool keeps them open).
 */
public final class ColdLoadBench {
  static final String MEMBERS = "SELECT id, sponsor_id, kind, preferred, join_date - DATE '1970-01-01', status,"
      + " status_date - DATE '1970-01-01', placement_id, placement_position FROM member";
  static final String ORDERS = "SELECT id, member_id, order_date - DATE '1970-01-01', (pv * 100)::bigint,"
      + " (cv * 100)::bigint, (total * 100)::bigint, return_of, kind = 'autoship', campaign FROM orders";
  /** The same columns as the binary load asks them: stored forms, no expression per row. */
  static final String MEMBERS_RAW = "SELECT id, sponsor_id, kind, preferred, join_date, status, status_date, placement_id,"
      + " placement_position FROM member";
  static final String ORDERS_RAW = "SELECT id, member_id, order_date, pv, cv, total, return_of, kind, campaign FROM orders";

  public static void main(String[] args) throws Exception {
    int members = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    int perMember = args.length > 1 ? Integer.parseInt(args[1]) : 32;
    int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
    String kept = args.length > 3 && args[3].startsWith("jdbc:") ? args[3] : null; // a database a run with keep left
    boolean keep = kept != null || (args.length > 3 && args[3].equals("keep"));
    List<String> ways = new java.util.ArrayList<>(List.of((args.length > 4 ? args[4] : "binary2,binary1,text1,peers").split(",")));
    boolean peers = ways.remove("peers");
    Database db = kept != null ? Database.open(kept) : TestDatabases.fresh(TestDatabases.Kind.POSTGRESQL);
    Path dir = Files.createTempDirectory("cold-load");
    try {
      if (kept == null || empty(db)) setUp(db, members, perMember, dir); // a named database made empty is set up once
      String database = db.url().substring(TestDatabases.POSTGRES_SERVER.length(), db.url().indexOf('?'));
      for (int round = 1; round <= rounds; round++) {
        for (String way : ways) {
          System.gc();
          com.sun.management.OperatingSystemMXBean os =
              (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
          long cpu0 = os.getProcessCpuTime();
          long server0 = serverTicks(database);
          long t0 = System.nanoTime();
          if (way.equals("store") || way.startsWith("stored") || way.startsWith("start-")) {
            storedModel(db, way, os, cpu0, server0, t0, database, round);
            continue;
          }
          CompanyStore store = way.equals("default") ? new CompanyStore(db)
              : new CompanyStore(db, new CompanyStore.Load(way.startsWith("binary"), Integer.parseInt(way.replaceAll("\\D", ""))));
          Network network = store.loadNetwork(Progress.NONE);
          double tMembers = (System.nanoTime() - t0) / 1e9;
          long t1 = System.nanoTime();
          OrderBook book = store.loadOrders(network, Progress.NONE);
          double tOrders = (System.nanoTime() - t1) / 1e9;
          double cpu = (os.getProcessCpuTime() - cpu0) / 1e9; // the client's share (all its threads, GC too); the database works in its own processes
          double server = (serverTicks(database) - server0) / 100.0;
          System.gc();
          long heap = (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) >> 20;
          System.out.printf(Locale.ROOT, "round %d, %s: CompanyStore members %.2f s (%,.0f/s), orders %.2f s (%,.0f/s); model %.2f s,"
              + " %.2f s CPU in the client, %.2f s in the server; heap in use with the model %,d MB; load average %.1f%n",
              round, way, tMembers, network.size() / tMembers, tOrders, book.size() / tOrders, tMembers + tOrders, cpu, server,
              heap, os.getSystemLoadAverage());
          network = null;
          book = null;
          System.gc();
        }
        if (!peers) continue;
        double bytes = discard(db, MEMBERS, "") + discard(db, ORDERS, "");
        System.out.printf(Locale.ROOT, "round %d: peer, the text COPY into a discarding stream: %.2f s%n", round, bytes);
        double raw = discard(db, MEMBERS_RAW, " (FORMAT binary)") + discard(db, ORDERS_RAW, " (FORMAT binary)");
        System.out.printf(Locale.ROOT, "round %d: peer, the binary COPY of the stored columns into a discarding stream: %.2f s%n", round, raw);
        Double psql = psql(database, MEMBERS, ORDERS);
        if (psql != null) System.out.printf(Locale.ROOT, "round %d: peer, psql \\copy of both to /dev/null: %.2f s%n", round, psql);
      }
    } finally {
      if (keep) System.out.println("database kept: " + db.url());
      else TestDatabases.drop(db);
      try (var files = Files.walk(dir)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  /**
   * The stored model's ways (ADR 38): {@code store} loads every row (binary, 2 connections; not timed)
   * and times writing the copy; {@code storedN} times reading it back over N connections into the
   * model; {@code start-rows} and {@code start-stored} time a server's whole start ({@code CompanyData}:
   * the model, the catalogue, the picture's figures and the open period's projection) without and
   * with the stored copy.
   */
  static void storedModel(Database db, String way, com.sun.management.OperatingSystemMXBean os, long cpu0, long server0, long t0,
      String database, int round) {
    String what;
    Object keep;
    if (way.equals("store")) {
      CompanyStore rows = new CompanyStore(db, new CompanyStore.Load(true, 2));
      long seq = new ChangeLog(db).last();
      Network network = rows.loadNetwork(Progress.NONE);
      OrderBook book = rows.loadOrders(network, Progress.NONE);
      ModelSnapshot stored = new ModelSnapshot(db);
      stored.forget();
      cpu0 = os.getProcessCpuTime();
      server0 = serverTicks(database);
      t0 = System.nanoTime();
      ModelSnapshot.Written w = stored.write(network, book, seq);
      what = String.format(Locale.ROOT, "written %,d MB in %d pieces", w.bytes() >> 20, w.pieces());
      keep = book;
    } else if (way.startsWith("stored")) {
      ModelSnapshot stored = new ModelSnapshot(db);
      ModelSnapshot.Read read = stored.read(stored.header(), Integer.parseInt(way.replaceAll("\\D", "")));
      if (!read.ok()) throw new IllegalStateException("the stored model is not usable: " + read.refused());
      what = String.format(Locale.ROOT, "%,d members, %,d orders", read.model().network().size(), read.model().book().size());
      keep = read;
    } else {
      CompanyData started = new CompanyData(db, "demo", 3_600_000, way.equals("start-stored"));
      what = String.format(Locale.ROOT, "%,d members, %,d orders, %s", started.current().network().size(),
          started.current().book().size(), started.refusedStoredModel() == null ? "from the stored model"
              : "every row (the stored model: " + started.refusedStoredModel() + ")");
      keep = started.current();
      started.awaitStoredModel();
      started.destroy();
    }
    double wall = (System.nanoTime() - t0) / 1e9;
    double cpu = (os.getProcessCpuTime() - cpu0) / 1e9;
    double server = (serverTicks(database) - server0) / 100.0;
    System.gc();
    long heap = (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) >> 20;
    System.out.printf(Locale.ROOT, "round %d, %s: %.2f s (%s), %.2f s CPU in the client, %.2f s in the server; heap in use with"
        + " the model %,d MB; load average %.1f%n", round, way, wall, what, cpu, server, heap, os.getSystemLoadAverage());
    java.lang.ref.Reference.reachabilityFence(keep);
  }

  /**
   * CPU time (in ticks of 1/100 s) of the server's backends connected to {@code database} now: the
   * processes whose title names it ({@code postgres: ... postgres DB 127.0.0.1(port) ...}). 0 where
   * there is no /proc.
   */
  static long serverTicks(String database) {
    long ticks = 0;
    java.io.File[] procs = new java.io.File("/proc").listFiles((d, name) -> name.chars().allMatch(Character::isDigit));
    if (procs == null) return 0;
    for (java.io.File p : procs) {
      try {
        String title = new String(Files.readAllBytes(p.toPath().resolve("cmdline"))).replace('\0', ' ');
        if (!title.startsWith("postgres: ") || !title.contains(" " + database + " ")) continue;
        String stat = Files.readString(p.toPath().resolve("stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        ticks += Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime, stime (fields 14 and 15 of stat)
      } catch (java.io.IOException | RuntimeException gone) {
        // the process ended while being read
      }
    }
    return ticks;
  }

  private static boolean empty(Database db) throws Exception {
    try (Connection c = db.connection(); var st = c.createStatement(); var rs = st.executeQuery("SELECT COUNT(*) FROM member")) {
      rs.next();
      return rs.getLong(1) == 0;
    }
  }

  /** Puts the synthetic company into the database with COPY (not timed). */
  static void setUp(Database db, int members, int perMember, Path dir) throws Exception {
    long c0 = System.nanoTime();
    Path memberFile = dir.resolve("member.csv");
    Path orderFile = dir.resolve("orders.csv");
    long[] counts = SegmentsColdBench.writeCsv(members, perMember, memberFile, orderFile);
    try (Connection c = db.connection()) {
      CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
      try (InputStream in = Files.newInputStream(memberFile)) {
        copy.copyIn("COPY member (id, sponsor_id, kind, preferred, join_date) FROM STDIN (FORMAT csv)", in);
      }
      try (InputStream in = Files.newInputStream(orderFile)) {
        copy.copyIn("COPY orders (id, member_id, order_date, period, kind, pv, cv, total, return_of) FROM STDIN (FORMAT csv)", in);
      }
      try (var st = c.createStatement()) {
        st.execute("VACUUM ANALYZE");
      }
    }
    System.out.printf(Locale.ROOT, "cold load: %,d members, %,d orders in PostgreSQL (set up in %.0f s); max heap %,d MB%n",
        counts[0], counts[1], (System.nanoTime() - c0) / 1e9, Runtime.getRuntime().maxMemory() >> 20);
  }

  /** Seconds to move one query's COPY text to the client and throw it away. */
  static double discard(Database db, String select, String options) throws Exception {
    long t0 = System.nanoTime();
    try (Connection c = db.connection()) {
      c.unwrap(PGConnection.class).getCopyAPI().copyOut("COPY (" + select + ") TO STDOUT" + options, OutputStream.nullOutputStream());
    }
    return (System.nanoTime() - t0) / 1e9;
  }

  /** Seconds psql takes to \copy the queries to /dev/null, or null without psql. */
  static Double psql(String database, String... selects) throws Exception {
    List<String> command = new java.util.ArrayList<>(List.of("psql", "-X", "-q", "-h", "127.0.0.1", "-U", "postgres", "-d", database));
    for (String s : selects) command.addAll(List.of("-c", "\\copy (" + s + ") TO '/dev/null'"));
    long t0 = System.nanoTime();
    try {
      Process p = new ProcessBuilder(command).inheritIO().start();
      if (!p.waitFor(30, TimeUnit.MINUTES) || p.exitValue() != 0) return null;
    } catch (java.io.IOException noPsql) {
      return null;
    }
    return (System.nanoTime() - t0) / 1e9;
  }
}
