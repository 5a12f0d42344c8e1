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
 * {@code downline generate --out DIR}) into a fresh database of each kind.
 *
 * <pre>bench/run org.downline.bench.ImportBench DIR [h2|postgresql|both]</pre>
 */
public final class ImportBench {
  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    String which = args.length > 1 ? args[1] : "both";
    for (TestDatabases.Kind kind : TestDatabases.Kind.values()) {
      if (!which.equals("both") && !kind.name().equalsIgnoreCase(which)) continue;
      Database db = kind == TestDatabases.Kind.H2
          ? Database.open("jdbc:h2:file:" + Files.createTempDirectory("bench-h2").resolve("db"))
          : TestDatabases.fresh(kind);
      try {
        ImportFile importer = new ImportFile(db, Progress.NONE);
        if (Files.exists(dir.resolve("products.csv"))) importer.importProducts(dir.resolve("products.csv"));
        run(kind, "members", () -> importer.importMembers(dir.resolve("members.csv")));
        run(kind, "orders", () -> importer.importOrders(dir.resolve("orders.csv")));
        run(kind, "orders again (idempotent)", () -> importer.importOrders(dir.resolve("orders.csv")));
      } finally {
        if (kind == TestDatabases.Kind.H2) db.close();
        else TestDatabases.drop(db);
      }
    }
  }

  interface Job {
    ImportResult run() throws Exception;
  }

  static void run(TestDatabases.Kind kind, String what, Job job) throws Exception {
    System.gc();
    long t0 = System.nanoTime();
    ImportResult r = job.run();
    double s = (System.nanoTime() - t0) / 1e9;
    Runtime rt = Runtime.getRuntime();
    System.out.printf(Locale.ROOT, "%-10s %-26s %,12d rows in %7.1f s = %,10.0f rows/s (heap used after: %,d MB) %s%n",
        kind, what, r.read(), s, r.read() / s, (rt.totalMemory() - rt.freeMemory()) >> 20, r);
  }
}
