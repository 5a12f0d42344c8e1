package org.downline.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.downline.app.network.ImportFile;
import org.downline.core.InvalidInputException;
import org.downline.core.Progress;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An import into the embedded H2 file database (the default) changes nothing when a row is bad or
 * when the write fails half way (ADR 0039): the whole database, as H2's {@code SCRIPT} writes it
 * (every table's definition, index, key and row), is the same afterwards as before. The files have
 * more rows than one batch ({@link Batch#SIZE}), so the injected failure comes after whole batches
 * were written inside the import's transaction.
 */
class H2ImportAtomicityTest {
  private static final int ROWS = 12_000;

  @TempDir Path dir;
  private Database db;

  @BeforeEach
  void open() {
    db = Database.open("jdbc:h2:file:" + dir.resolve("db"));
  }

  @AfterEach
  void close() {
    db.close();
  }

  @Test
  void aBadRowAtTheFilesEndChangesNothing() throws Exception {
    ImportFile importer = new ImportFile(db, Progress.NONE);
    List<String> empty = script();
    Path members = Files.writeString(dir.resolve("members.csv"), members(ROWS) + "M999999,NOBODY,customer,2026-01-03,active,Last,\n");
    assertThatThrownBy(() -> importer.importMembers(members)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("members.csv:" + (ROWS + 2)).hasMessageContaining("unknown sponsor");
    assertThat(script()).isEqualTo(empty);

    importer.importMembers(Files.writeString(dir.resolve("members.csv"), members(ROWS)));
    List<String> withMembers = script();
    Path orders = Files.writeString(dir.resolve("orders.csv"), orders(ROWS) + "O999999,NOBODY,2026-02-01,1.00,1.00,,1.00\n");
    assertThatThrownBy(() -> importer.importOrders(orders)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("orders.csv:" + (ROWS + 2)).hasMessageContaining("NOBODY");
    assertThat(script()).isEqualTo(withMembers);
  }

  @Test
  void aWriteThatFailsInTheMiddleChangesNothing() throws Exception {
    List<String> empty = script();
    FailingProgress members = new FailingProgress("storing members");
    Path membersFile = Files.writeString(dir.resolve("members.csv"), members(ROWS));
    assertThatThrownBy(() -> new ImportFile(db, members).importMembers(membersFile)).hasMessage("injected write failure");
    assertThat(members.failedAt).isBetween(1L, ROWS - 1L); // after some rows were written, before the last
    assertThat(script()).isEqualTo(empty);

    new ImportFile(db, Progress.NONE).importMembers(membersFile);
    List<String> withMembers = script();
    FailingProgress orders = new FailingProgress("storing orders");
    Path ordersFile = Files.writeString(dir.resolve("orders.csv"), orders(ROWS));
    assertThatThrownBy(() -> new ImportFile(db, orders).importOrders(ordersFile)).hasMessage("injected write failure");
    assertThat(orders.failedAt).isBetween(1L, ROWS - 1L);
    assertThat(script()).isEqualTo(withMembers);

    // And the same files, written without the failure, are stored whole.
    assertThat(new ImportFile(db, Progress.NONE).importOrders(ordersFile).inserted()).isEqualTo(ROWS);
    assertThat(ImporterTest.count(db, "orders")).isEqualTo(ROWS);
  }

  /** A write that fails at its first progress report of the named task, as a full disk would. */
  private static final class FailingProgress implements Progress {
    private final String failing;
    private String task;
    long failedAt;

    FailingProgress(String failing) {
      this.failing = failing;
    }

    @Override
    public void start(String task, long total, String unit) {
      this.task = task;
    }

    @Override
    public void update(long done) {
      if (failing.equals(task) && done > 0) {
        failedAt = done;
        throw new IllegalStateException("injected write failure");
      }
    }

    @Override
    public void finish() {}
  }

  /** Every definition and row of the database, as H2 scripts it. */
  private List<String> script() throws Exception {
    List<String> out = new ArrayList<>();
    try (Connection c = db.connection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SCRIPT NOPASSWORDS")) {
      while (rs.next()) out.add(rs.getString(1));
    }
    return out;
  }

  /** A sponsor tree of n members: each sponsored by the member of half its number. */
  private static String members(int n) {
    StringBuilder csv = new StringBuilder("id,sponsor_id,kind,join_date,status,name,email\n");
    for (int i = 1; i <= n; i++) {
      csv.append(String.format("M%06d,%s,distributor,2026-01-%s,active,Name %d,m%d@example.org%n", i,
          i == 1 ? "" : String.format("M%06d", i / 2), i == 1 ? "01" : "02", i, i));
    }
    return csv.toString();
  }

  private static String orders(int n) {
    StringBuilder csv = new StringBuilder("id,member_id,date,pv,cv,return_of,total\n");
    for (int i = 0; i < n; i++) csv.append(String.format("O%06d,M%06d,2026-02-%02d,10.00,8.00,,12.00%n", i, 1 + i % n, 1 + i % 28));
    return csv.toString();
  }
}
