package org.downline.bench;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.downline.app.network.ImportFile;
import org.downline.core.Decimals;
import org.downline.core.InputErrors;
import org.downline.core.Periods;
import org.downline.core.Progress;
import org.downline.csv.CsvInput;
import org.downline.csv.OrderCsv;
import org.downline.network.OrderKind;
import org.downline.network.OrderRow;
import org.downline.store.Database;
import org.downline.store.OrderStore;

/**
 * How to write many orders into the embedded H2 file database in one transaction, to choose its bulk
 * path (docs/data.md, "Bulk paths"): the store's batched INSERT, INSERT ... SELECT FROM CSVREAD of a
 * temporary file, batched MERGE, and batched INSERT with the secondary indexes dropped and built after
 * (not safe in an import: H2 commits DDL, so it is measured only to know what it would give). Each
 * variant gets a fresh database with the members of DIR imported first (not timed).
 *
 * <pre>bench/run org.downline.bench.H2WriteBench DIR   # DIR from downline generate --out</pre>
 */
public final class H2WriteBench {
  private static final String COLUMNS = "id, member_id, order_date, period, kind, pv, cv, total, return_of, campaign";

  interface Write {
    void run(Database db, List<OrderRow> rows, Path tmp) throws Exception;
  }

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    List<OrderRow> rows = new ArrayList<>();
    List<OrderRow> returns = new ArrayList<>();
    OrderCsv.read(dir.resolve("orders.csv"), CsvInput.Rules.STORE, new InputErrors(), Progress.NONE,
        r -> (r.isReturn() ? returns : rows).add(r));
    rows.addAll(returns); // sales first: a return's foreign key needs its sale
    time(dir, rows, "batched INSERT (the store's path)", (db, r, tmp) -> db.inTransaction(c -> OrderStore.insert(c, r, Progress.NONE)));
    time(dir, rows, "INSERT ... SELECT FROM CSVREAD", (db, r, tmp) -> {
      Path csv = tmp.resolve("orders-for-h2.csv");
      try (BufferedWriter w = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
        for (OrderRow o : r) {
          w.write(String.join(",", o.id(), o.memberId(), Periods.formatDay(o.day()), Periods.name(Periods.periodOfDay(o.day())),
              OrderKind.of(o).code(), Decimals.format(o.pv()), Decimals.format(o.cv()), Decimals.format(o.total()),
              o.returnOf() == null ? "" : o.returnOf(), o.campaign() == null ? "" : o.campaign()));
          w.write('\n');
        }
      }
      db.inTransaction(c -> {
        try (Statement s = c.createStatement()) {
          return s.executeUpdate("INSERT INTO orders (" + COLUMNS + ") SELECT * FROM CSVREAD('" + csv + "', '"
              + COLUMNS.replace(" ", "").toUpperCase(Locale.ROOT) + "', 'charset=UTF-8 nullString=')");
        }
      });
    });
    time(dir, rows, "batched MERGE", (db, r, tmp) -> db.inTransaction(c -> {
      try (PreparedStatement ps = c.prepareStatement("MERGE INTO orders (" + COLUMNS + ") KEY (id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
        int n = 0;
        for (OrderRow o : r) {
          ps.setString(1, o.id());
          ps.setString(2, o.memberId());
          ps.setObject(3, java.time.LocalDate.ofEpochDay(o.day()));
          ps.setString(4, Periods.name(Periods.periodOfDay(o.day())));
          ps.setString(5, OrderKind.of(o).code());
          ps.setBigDecimal(6, Decimals.toBigDecimal(o.pv()));
          ps.setBigDecimal(7, Decimals.toBigDecimal(o.cv()));
          ps.setBigDecimal(8, Decimals.toBigDecimal(o.total()));
          ps.setString(9, o.returnOf());
          ps.setString(10, o.campaign());
          ps.addBatch();
          if (++n % 5000 == 0) ps.executeBatch();
        }
        ps.executeBatch();
      }
      return null;
    }));
    time(dir, rows, "batched INSERT, secondary indexes after", (db, r, tmp) -> {
      try (Connection c = db.connection(); Statement s = c.createStatement()) {
        s.execute("DROP INDEX orders_member");
        s.execute("DROP INDEX orders_period");
        s.execute("DROP INDEX orders_return_of");
      }
      db.inTransaction(c -> OrderStore.insert(c, r, Progress.NONE));
      try (Connection c = db.connection(); Statement s = c.createStatement()) {
        s.execute("CREATE INDEX orders_member ON orders (member_id, order_date)");
        s.execute("CREATE INDEX orders_period ON orders (period)");
        s.execute("CREATE INDEX orders_return_of ON orders (return_of)");
      }
    });
  }

  static void time(Path dir, List<OrderRow> rows, String what, Write write) throws Exception {
    Path tmp = Files.createTempDirectory("h2-write");
    try (Database db = Database.open("jdbc:h2:file:" + tmp.resolve("db"))) {
      ImportFile importer = new ImportFile(db, Progress.NONE);
      importer.importMembers(dir.resolve("members.csv"));
      System.gc();
      long t0 = System.nanoTime();
      write.run(db, rows, tmp);
      double s = (System.nanoTime() - t0) / 1e9;
      long stored;
      try (Connection c = db.connection(); var st = c.createStatement(); var rs = st.executeQuery("SELECT COUNT(*) FROM orders")) {
        rs.next();
        stored = rs.getLong(1);
      }
      System.out.printf(Locale.ROOT, "%-42s %,10d orders in %6.1f s = %,9.0f orders/s%n", what, stored, s, stored / s);
    } finally {
      try (var files = Files.walk(tmp)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }
}
