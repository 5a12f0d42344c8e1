package org.downline.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.downline.core.Progress;
import org.downline.store.Database;
import org.downline.store.ImportResult;
import org.downline.app.network.ImportFile;
import org.downline.store.TestDatabases;

/**
 * Import throughput: members then orders from a directory of CSV files (e.g. made by
 * {@code downline generate --out DIR}) into a fresh database of each kind; then, as a peer that
 * only moves the bytes, each file copied as it is into a bare table of text columns (no checks, no
 * keys): {@code psql \copy} on PostgreSQL, {@code CSVREAD} on H2.
 *
 * <pre>bench/run org.downline.bench.ImportBench DIR [h2|postgresql|both]</pre>
 *
 * <p>{@code -Dbench.db=NAME} names the PostgreSQL database (made and dropped here; a shared machine's
 * helpers tell theirs apart by it); {@code -Dbench.log=true} has the server log every statement of it
 * with its duration ({@code log_min_duration_statement = 0} for that database only);
 * {@code -Dbench.keep=true} leaves that database in place (drop it yourself);
 * {@code -Dbench.first-only=true} stops after the first import of each file (no second import, no peers).
 */
public final class ImportBench {
  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    String which = args.length > 1 ? args[1] : "both";
    for (TestDatabases.Kind kind : TestDatabases.Kind.values()) {
      if (!which.equals("both") && !kind.name().equalsIgnoreCase(which)) continue;
      Path h2 = kind == TestDatabases.Kind.H2 ? Files.createTempDirectory("bench-h2") : null;
      Database db = h2 != null
          ? Database.open("jdbc:h2:file:" + h2.resolve("db") + System.getProperty("bench.h2.settings", ""))
          : freshPostgres();
      try {
        ImportFile importer = new ImportFile(db, Progress.NONE);
        if (Files.exists(dir.resolve("products.csv"))) importer.importProducts(dir.resolve("products.csv"));
        run(db, kind, "members", () -> importer.importMembers(dir.resolve("members.csv")));
        run(db, kind, "orders", () -> importer.importOrders(dir.resolve("orders.csv")));
        if (Boolean.getBoolean("bench.first-only")) continue; // the first import alone, for A/B runs
        run(db, kind, "orders again (idempotent)", () -> importer.importOrders(dir.resolve("orders.csv")));
        peer(db, kind, dir.resolve("members.csv"));
        peer(db, kind, dir.resolve("orders.csv"));
      } finally {
        if (h2 != null) {
          db.close();
          deleteTree(h2); // some GB at 1M: left behind, a few runs fill the shared disk
        } else if (Boolean.getBoolean("bench.keep")) {
          db.close();
        } else {
          TestDatabases.drop(db);
        }
      }
    }
  }

  private static Database freshPostgres() throws Exception {
    String name = System.getProperty("bench.db");
    if (name == null) return TestDatabases.fresh(TestDatabases.Kind.POSTGRESQL);
    try (var c = java.sql.DriverManager.getConnection(TestDatabases.POSTGRES_SERVER + "postgres", "postgres", "");
        var s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
      s.execute("CREATE DATABASE " + name);
      if (Boolean.getBoolean("bench.log")) s.execute("ALTER DATABASE " + name + " SET log_min_duration_statement = 0");
    }
    return Database.open(TestDatabases.POSTGRES_SERVER + name + "?user=postgres");
  }

  /** The file as it is into a bare table of text columns: the floor under any import of it. */
  static void peer(Database db, TestDatabases.Kind kind, Path file) throws Exception {
    String header;
    try (var lines = Files.lines(file)) {
      header = lines.findFirst().orElseThrow();
    }
    String table = "peer_" + file.getFileName().toString().replace(".csv", "");
    String columns = java.util.Arrays.stream(header.split(",")).map(c -> "\"" + c + "\" TEXT")
        .collect(java.util.stream.Collectors.joining(", "));
    try (var c = db.connection(); var s = c.createStatement()) {
      s.execute("CREATE TABLE " + table + " (" + columns + ")");
    }
    long t0 = System.nanoTime();
    String how;
    if (kind == TestDatabases.Kind.H2) {
      how = "CSVREAD";
      try (var c = db.connection(); var s = c.createStatement()) {
        s.executeUpdate("INSERT INTO " + table + " SELECT * FROM CSVREAD('" + file.toAbsolutePath() + "', NULL, 'charset=UTF-8')");
      }
    } else {
      how = "psql \\copy";
      String url = db.url();
      String database = url.substring(TestDatabases.POSTGRES_SERVER.length(), url.indexOf('?'));
      Process p = new ProcessBuilder("psql", "-X", "-q", "-h", "127.0.0.1", "-U", "postgres", "-d", database, "-c",
          "\\copy " + table + " FROM '" + file.toAbsolutePath() + "' (FORMAT csv, HEADER)").inheritIO().start();
      if (p.waitFor() != 0) throw new IllegalStateException("psql failed");
    }
    double s = (System.nanoTime() - t0) / 1e9;
    System.out.printf(Locale.ROOT, "%-10s peer: %s of %s into a bare table in %7.1f s%n", kind, how, file.getFileName(), s);
  }

  static void deleteTree(Path dir) throws java.io.IOException {
    try (var files = Files.walk(dir)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  interface Job {
    ImportResult run() throws Exception;
  }

  /**
   * Wall time, and CPU time (this JVM's, which holds H2; and the PostgreSQL server processes of the
   * database's connections), the figure that a busy shared machine disturbs least.
   */
  static void run(Database db, TestDatabases.Kind kind, String what, Job job) throws Exception {
    System.gc();
    var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    long cpu0 = os.getProcessCpuTime();
    long server0 = serverCpuTicks(db);
    long exited0 = exitedServerTicks(db);
    long t0 = System.nanoTime();
    ImportResult r = job.run();
    double s = (System.nanoTime() - t0) / 1e9;
    double jvm = (os.getProcessCpuTime() - cpu0) / 1e9;
    double server = (serverCpuTicks(db) - server0) / 100.0;
    double exited = (exitedServerTicks(db) - exited0) / 100.0;
    Runtime rt = Runtime.getRuntime();
    System.out.printf(Locale.ROOT,
        "%-10s %-26s %,12d rows in %7.1f s = %,10.0f rows/s, CPU JVM %6.1f s, PostgreSQL %6.1f s + exited %5.1f s (heap used after: %,d MB) %s%n",
        kind, what, r.read(), s, r.read() / s, jvm, server, exited, (rt.totalMemory() - rt.freeMemory()) >> 20, r);
  }

  /**
   * User and system clock ticks of the server's processes that ended and were reaped (the
   * postmaster's children's times): a parallel index build's workers, which the backends' own times
   * miss; on a shared machine it also counts other sessions' backends that ended meanwhile. 0 for H2
   * or where the postmaster's stat cannot be read.
   */
  static long exitedServerTicks(Database db) throws Exception {
    if (!db.isPostgres()) return 0;
    long ticks = 0;
    try (var c = db.connection(); var s = c.createStatement();
        var rs = s.executeQuery("SELECT pg_backend_pid()")) {
      rs.next();
      Path stat = Path.of("/proc", rs.getString(1), "stat");
      if (!Files.isReadable(stat)) return 0;
      String line = Files.readString(stat);
      String ppid = line.substring(line.lastIndexOf(')') + 2).split(" ")[1];
      Path parent = Path.of("/proc", ppid, "stat");
      if (!Files.isReadable(parent)) return 0;
      String p = Files.readString(parent);
      String[] f = p.substring(p.lastIndexOf(')') + 2).split(" ");
      ticks = Long.parseLong(f[13]) + Long.parseLong(f[14]); // cutime and cstime, fields 16 and 17
    }
    return ticks;
  }

  /** User and system clock ticks (1/100 s) of the PostgreSQL backends serving this database; 0 for H2. */
  static long serverCpuTicks(Database db) throws Exception {
    if (!db.isPostgres()) return 0;
    long ticks = 0;
    try (var c = db.connection(); var s = c.createStatement();
        var rs = s.executeQuery("SELECT pid FROM pg_stat_activity WHERE datname = current_database()")) {
      while (rs.next()) {
        Path stat = Path.of("/proc", rs.getString(1), "stat");
        if (!Files.isReadable(stat)) continue;
        String line = Files.readString(stat);
        String[] f = line.substring(line.lastIndexOf(')') + 2).split(" ");
        ticks += Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime and stime, fields 14 and 15
      }
    }
    return ticks;
  }
}
