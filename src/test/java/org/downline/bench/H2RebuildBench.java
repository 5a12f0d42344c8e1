package org.downline.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.downline.app.network.ImportFile;
import org.downline.core.Progress;
import org.downline.store.Database;

/**
 * What a first import into H2 would gain from writing its rows without the secondary indexes and
 * foreign keys of member, member_profile and orders and making them after (ADR 0039; not a path the
 * import takes: H2 commits DDL, so this only measures). A fresh H2 file database loses them first
 * (untimed), then the members and orders of DIR are imported through {@code ImportFile} as in
 * {@link ImportBench}, then each index and key is made again, timed one by one.
 *
 * <pre>bench/run org.downline.bench.H2RebuildBench DIR   # DIR from downline generate --out</pre>
 */
public final class H2RebuildBench {
  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    Path h2 = Files.createTempDirectory("bench-h2");
    Database db = Database.open("jdbc:h2:file:" + h2.resolve("db"));
    ImportFile importer = new ImportFile(db, Progress.NONE);
    try (Connection c = db.connection(); Statement s = c.createStatement()) {
      for (String t : List.of("MEMBER", "MEMBER_PROFILE", "ORDERS")) {
        List<String> keys = new ArrayList<>();
        try (ResultSet rs = c.createStatement().executeQuery("SELECT CONSTRAINT_NAME FROM INFORMATION_SCHEMA.TABLE_CONSTRAINTS"
            + " WHERE TABLE_NAME = '" + t + "' AND CONSTRAINT_TYPE = 'FOREIGN KEY'")) {
          while (rs.next()) keys.add(rs.getString(1));
        }
        for (String k : keys) s.execute("ALTER TABLE " + t + " DROP CONSTRAINT " + k);
      }
      s.execute("DROP INDEX member_sponsor");
      s.execute("DROP INDEX orders_member");
      s.execute("DROP INDEX orders_period");
      s.execute("DROP INDEX orders_return_of");
    }
    ImportBench.run(db, org.downline.store.TestDatabases.Kind.H2, "members, no keys", () -> importer.importMembers(dir.resolve("members.csv")));
    ImportBench.run(db, org.downline.store.TestDatabases.Kind.H2, "orders, no keys", () -> importer.importOrders(dir.resolve("orders.csv")));
    long t0 = System.nanoTime();
    var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    long cpu0 = os.getProcessCpuTime();
    try (Connection c = db.connection(); Statement s = c.createStatement()) {
      for (String sql : List.of("CREATE INDEX member_sponsor ON member (sponsor_id)",
          "ALTER TABLE member ADD FOREIGN KEY (sponsor_id) REFERENCES member (id)",
          "ALTER TABLE member ADD FOREIGN KEY (placement_id) REFERENCES member (id)",
          "ALTER TABLE member_profile ADD FOREIGN KEY (member_id) REFERENCES member (id)",
          "CREATE INDEX orders_member ON orders (member_id, order_date)",
          "CREATE INDEX orders_period ON orders (period)",
          "CREATE INDEX orders_return_of ON orders (return_of)",
          "ALTER TABLE orders ADD FOREIGN KEY (member_id) REFERENCES member (id)",
          "ALTER TABLE orders ADD FOREIGN KEY (return_of) REFERENCES orders (id)")) {
        long t1 = System.nanoTime();
        s.execute(sql);
        System.out.printf("%6.1f s %s%n", (System.nanoTime() - t1) / 1e9, sql);
      }
    }
    System.out.printf("rebuild %.1f s CPU %.1f s%n", (System.nanoTime() - t0) / 1e9, (os.getProcessCpuTime() - cpu0) / 1e9);
    db.close();
    ImportBench.deleteTree(h2);
  }
}
