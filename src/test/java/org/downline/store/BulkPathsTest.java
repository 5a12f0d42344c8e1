package org.downline.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.downline.app.network.ImportFile;
import org.downline.core.InvalidInputException;
import org.downline.core.Progress;
import org.downline.csv.CompanyCsvWriter;
import org.downline.generate.CompanyGenerator;
import org.downline.network.MemberProfile;
import org.downline.network.Network;
import org.downline.network.OrderBook;
import org.downline.network.OrderRow;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bulk paths (docs/data.md, "Bulk paths"): on PostgreSQL the model loads through COPY TO STDOUT
 * and imports write through COPY FROM STDIN into a staging table; the same company must come back
 * through COPY as through JDBC, every awkward text must survive both directions, and an import with
 * a bad row, or a row that collides in the database, changes nothing. Files here have more than
 * {@link Bulk#COPY_FROM} rows, so PostgreSQL takes the COPY path.
 */
class BulkPathsTest {
  @TempDir Path dir;
  private Database postgres;

  @AfterEach
  void drop() {
    if (postgres != null) TestDatabases.drop(postgres);
  }

  @Test
  @Tag("postgres")
  void theSameCompanyLoadsThroughCopyAsThroughJdbc() throws Exception {
    postgres = TestDatabases.fresh(TestDatabases.Kind.POSTGRESQL);
    Path files = dir.resolve("company");
    CompanyGenerator.Summary summary;
    try (CompanyCsvWriter w = new CompanyCsvWriter(files, "EUR")) {
      summary = new CompanyGenerator(600, 4, 19, YearMonth.of(2024, 3)).generate(w);
    }
    new ImportFile(postgres, Progress.NONE).importDirectory(files);

    CompanyStore viaCopy = new CompanyStore(postgres, true);
    CompanyStore viaJdbc = new CompanyStore(postgres, false);
    Network a = viaCopy.loadNetwork();
    Network b = viaJdbc.loadNetwork();
    assertThat(a.size()).isEqualTo(summary.members()).isEqualTo(b.size());
    for (int i = 0; i < a.size(); i++) {
      assertThat(List.of(a.id(i), a.sponsor(i), a.kind(i), a.isPreferred(i), a.joinDay(i), a.status(i), a.statusDay(i),
          a.placement(i), a.placementPosition(i))).as("member %d", i).isEqualTo(List.of(b.id(i), b.sponsor(i), b.kind(i),
          b.isPreferred(i), b.joinDay(i), b.status(i), b.statusDay(i), b.placement(i), b.placementPosition(i)));
    }
    OrderBook x = viaCopy.loadOrders(a);
    OrderBook y = viaJdbc.loadOrders(b);
    assertThat(x.size()).isEqualTo(summary.sales() + summary.returns()).isEqualTo(y.size());
    assertThat(x.ids()).isEqualTo(y.ids());
    assertThat(x.members()).isEqualTo(y.members());
    assertThat(x.days()).isEqualTo(y.days());
    assertThat(x.pv()).isEqualTo(y.pv());
    assertThat(x.cv()).isEqualTo(y.cv());
    assertThat(x.totals()).isEqualTo(y.totals());
    assertThat(x.returnOf()).isEqualTo(y.returnOf());
    for (int o = 0; o < x.size(); o++) {
      assertThat(x.isAutoship(o)).isEqualTo(y.isAutoship(o));
      assertThat(x.campaign(o)).isEqualTo(y.campaign(o));
    }
    assertThat(viaCopy.loadProfiles()).isEqualTo(viaJdbc.loadProfiles()).hasSize(summary.members());
  }

  /** 150 members: M000 the root, the rest under it; names with quotes, commas, accents and more. */
  static String members(String... extraRows) {
    StringBuilder csv = new StringBuilder("id,sponsor_id,kind,join_date,status,name,email\n");
    csv.append("M000,,distributor,2026-01-01,active,\"Ștefan \"\"the root\"\", Jr.\",root@example.org\n");
    csv.append("M001,M000,distributor,2026-01-02,active,Łucja Żółć 😀,\n");
    csv.append("M002,M000,customer,2026-01-02,active,\"=SUM(A1), 'quoted'\",a\\b@example.org\n");
    for (int i = 3; i < 150; i++) csv.append(String.format("M%03d,M001,customer,2026-01-03,active,Name %d,%n", i, i));
    for (String row : extraRows) csv.append(row).append('\n');
    return csv.toString();
  }

  @Test
  @Tag("postgres")
  void awkwardTextSurvivesCopyBothWays() throws Exception {
    postgres = TestDatabases.fresh(TestDatabases.Kind.POSTGRESQL);
    ImportFile importer = new ImportFile(postgres, Progress.NONE);
    assertThat(importer.importMembers(Files.writeString(dir.resolve("members.csv"), members())).inserted()).isEqualTo(150);
    Map<String, MemberProfile> copied = new CompanyStore(postgres, true).loadProfiles();
    assertThat(copied).isEqualTo(new CompanyStore(postgres, false).loadProfiles());
    // As typed in the file, the CSV quoting undone; the spreadsheet-safety apostrophe is only for a leading =.
    assertThat(copied.get("M000").name()).isEqualTo("Ștefan \"the root\", Jr.");
    assertThat(copied.get("M001").name()).isEqualTo("Łucja Żółć 😀");
    assertThat(copied.get("M001").email()).isNull();
    assertThat(copied.get("M002").email()).isEqualTo("a\\b@example.org");

    // What the CSV rules keep out of a file (tabs, line breaks) may still be stored by other means:
    // COPY must carry them too, and NULL apart from the empty text and from the text "\N".
    List<String> values = new ArrayList<>(Arrays.asList(null, "", "\\N", "N", "\\", "a\tb", "line\nbreak\r\n",
        "back\\slash\\t", "\b\f\u000B", "ăîșț ąęłńóśźż 中文 😀", "comma, \"quote\"", "\u007F"));
    while (values.size() < 150) values.add("v" + values.size());
    try (Connection c = postgres.connection(); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE edge_text (id INTEGER PRIMARY KEY, t TEXT)");
      c.setAutoCommit(false);
      List<Integer> rows = new ArrayList<>();
      for (int i = 0; i < values.size(); i++) rows.add(i);
      assertThat(Bulk.insert(c, new Bulk.Table("edge_text", "id, t", "id"), rows, (v, i) -> v.integer(i).text(values.get(i)),
          Progress.NONE)).isEqualTo(150);
      c.commit();
      c.setAutoCommit(true);
      List<String> viaJdbc = new ArrayList<>();
      try (ResultSet rs = s.executeQuery("SELECT t FROM edge_text ORDER BY id")) {
        while (rs.next()) viaJdbc.add(rs.getString(1));
      }
      assertThat(viaJdbc).isEqualTo(values);
      List<String> viaCopy = new ArrayList<>();
      CopyReader.query(c, "SELECT t FROM edge_text ORDER BY id", Progress.NONE, r -> viaCopy.add(r.string(0)));
      assertThat(viaCopy).isEqualTo(values);
    }
  }

  static String orders(int n, String badRow) {
    StringBuilder csv = new StringBuilder("id,member_id,date,pv,cv,return_of,total\n");
    for (int i = 0; i < n; i++) csv.append(String.format("O%04d,M%03d,2026-02-01,10.00,8.00,,12.00%n", i, i % 150));
    if (badRow != null) csv.append(badRow).append('\n');
    return csv.toString();
  }

  @BothDatabases
  void anImportWithABadRowChangesNothing(Database db) throws Exception {
    ImportFile importer = new ImportFile(db, Progress.NONE);
    // A bad last member (unknown sponsor): none of the 151 is stored.
    assertThatThrownBy(() -> importer.importMembers(Files.writeString(dir.resolve("members.csv"),
        members("M150,NOBODY,customer,2026-01-03,active,,")))).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("unknown sponsor");
    assertThat(ImporterTest.count(db, "member")).isZero();
    assertThat(ImporterTest.count(db, "member_profile")).isZero();
    importer.importMembers(Files.writeString(dir.resolve("members.csv"), members()));

    // 300 good orders and one of an unknown member, last: none is stored.
    assertThatThrownBy(() -> importer.importOrders(Files.writeString(dir.resolve("orders.csv"),
        orders(300, "O9999,NOBODY,2026-02-01,1.00,1.00,,1.00")))).isInstanceOf(InvalidInputException.class);
    assertThat(ImporterTest.count(db, "orders")).isZero();

    ImportResult good = importer.importOrders(Files.writeString(dir.resolve("orders.csv"), orders(300, null)));
    assertThat(List.of(good.inserted(), good.updated(), good.unchanged())).containsExactly(300L, 0L, 0L);
    // The same 300 and 200 more: 200 new, 300 unchanged.
    ImportResult more = importer.importOrders(Files.writeString(dir.resolve("orders.csv"), orders(500, null)));
    assertThat(List.of(more.read(), more.inserted(), more.updated(), more.unchanged())).containsExactly(500L, 200L, 0L, 300L);
    assertThat(ImporterTest.count(db, "orders")).isEqualTo(500);
  }

  @BothDatabases
  void aRowThatCollidesInTheDatabaseRollsBackTheWholeTransaction(Database db) throws Exception {
    new ImportFile(db, Progress.NONE).importMembers(Files.writeString(dir.resolve("members.csv"), members()));
    // As if another import stored O0150 after this one was checked: the 200 orders are refused together.
    db.inTransaction(c -> OrderStore.insert(c, List.of(OrderRow.sale(0, "O0150", "M001", 20485, 100, 80)), Progress.NONE));
    List<OrderRow> rows = new ArrayList<>();
    for (int i = 0; i < 200; i++) rows.add(OrderRow.sale(0, String.format("O%04d", i), "M001", 20485, 1000, 800));
    assertThatThrownBy(() -> db.inTransaction(c -> {
      CompanyWriter.log(c, "orders", "race.csv", 200, 200, 0, 0);
      return OrderStore.insert(c, rows, Progress.NONE);
    })).isInstanceOf(StoreException.class).hasMessageContaining("O0150"); // PostgreSQL: the primary key, in the rebuild
    assertThat(ImporterTest.count(db, "orders")).isEqualTo(1);
    assertThat(ImporterTest.count(db, "import_log")).isEqualTo(1); // the members' import alone

    // 300 stored, then 200 of which one is stored: PostgreSQL stages them and finds it before the merge.
    List<OrderRow> stored = new ArrayList<>();
    for (int i = 0; i < 300; i++) stored.add(OrderRow.sale(0, String.format("P%04d", i), "M001", 20485, 1000, 800));
    db.inTransaction(c -> OrderStore.insert(c, stored, Progress.NONE));
    List<OrderRow> more = new ArrayList<>();
    for (int i = 0; i < 199; i++) more.add(OrderRow.sale(0, String.format("Q%04d", i), "M001", 20485, 1000, 800));
    more.add(OrderRow.sale(0, "P0005", "M001", 20485, 1000, 800));
    assertThatThrownBy(() -> db.inTransaction(c -> OrderStore.insert(c, more, Progress.NONE)))
        .isInstanceOf(StoreException.class).hasMessageContaining(db.isPostgres() ? "1 of the 200 rows for orders are stored already" : "P0005");
    assertThat(ImporterTest.count(db, "orders")).isEqualTo(301);
  }

  /** The secondary indexes and foreign keys of the company's tables, as PostgreSQL would make them again. */
  private static List<String> indexesAndKeys(Database db) throws Exception {
    List<String> out = new ArrayList<>();
    try (Connection c = db.connection(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT indexdef FROM pg_indexes WHERE tablename IN ('member', 'member_profile', 'orders')"
            + " UNION ALL SELECT conrelid::regclass || ' ' || conname || ' ' || pg_get_constraintdef(oid) FROM pg_constraint"
            + " WHERE conrelid IN ('member'::regclass, 'member_profile'::regclass, 'orders'::regclass) ORDER BY 1")) {
      while (rs.next()) out.add(rs.getString(1));
    }
    return out;
  }

  @Test
  @Tag("postgres")
  void aFirstLargeLoadRebuildsIndexesAndForeignKeysAndAFailureThereChangesNothing() throws Exception {
    postgres = TestDatabases.fresh(TestDatabases.Kind.POSTGRESQL);
    List<String> before = indexesAndKeys(postgres);
    // What the schema declares (V1): the sponsor index, the orders' three, and the five foreign keys.
    assertThat(before).contains("CREATE INDEX member_sponsor ON public.member USING btree (sponsor_id)",
        "CREATE INDEX orders_member ON public.orders USING btree (member_id, order_date)",
        "member member_sponsor_id_fkey FOREIGN KEY (sponsor_id) REFERENCES member(id)",
        "orders orders_member_id_fkey FOREIGN KEY (member_id) REFERENCES member(id)",
        "orders orders_return_of_fkey FOREIGN KEY (return_of) REFERENCES orders(id)");
    ImportFile importer = new ImportFile(postgres, Progress.NONE);
    importer.importMembers(Files.writeString(dir.resolve("members.csv"), members()));
    assertThat(indexesAndKeys(postgres)).isEqualTo(before);

    // 200 orders into an empty table take the rebuild; one names no member, which only the foreign
    // key's check after the merge sees (as a member deleted meanwhile would be): nothing is stored and
    // the indexes and keys are as they were.
    List<OrderRow> rows = new ArrayList<>();
    for (int i = 0; i < 200; i++) rows.add(OrderRow.sale(0, String.format("O%04d", i), i == 150 ? "NOBODY" : "M001", 20485, 1000, 800));
    assertThatThrownBy(() -> postgres.inTransaction(c -> OrderStore.insert(c, rows, Progress.NONE)))
        .isInstanceOf(StoreException.class).hasMessageContaining("orders_member_id_fkey");
    assertThat(ImporterTest.count(postgres, "orders")).isZero();
    assertThat(indexesAndKeys(postgres)).isEqualTo(before);
    // And the keys hold again once rebuilt: a row naming no member is refused row by row too.
    importer.importOrders(Files.writeString(dir.resolve("orders.csv"), orders(300, null)));
    assertThat(indexesAndKeys(postgres)).isEqualTo(before);
    assertThatThrownBy(() -> postgres.inTransaction(c -> OrderStore.insert(c,
        List.of(OrderRow.sale(0, "O9999", "NOBODY", 20485, 100, 80)), Progress.NONE))).isInstanceOf(StoreException.class);
    assertThat(ImporterTest.count(postgres, "orders")).isEqualTo(300);
  }

  @Test
  @Tag("postgres")
  void aDatabaseUserThatDoesNotOwnTheTablesKeepsTheStagedPath() throws Exception {
    postgres = TestDatabases.fresh(TestDatabases.Kind.POSTGRESQL);
    new ImportFile(postgres, Progress.NONE).importMembers(Files.writeString(dir.resolve("members.csv"), members()));
    List<String> before = indexesAndKeys(postgres);
    String role = "import_copy_writer_" + postgres.url().replaceAll(".*downline_test_(\\w+).*", "$1");
    try (Connection c = postgres.connection(); Statement s = c.createStatement()) {
      s.execute("CREATE ROLE " + role);
      s.execute("GRANT SELECT, INSERT ON ALL TABLES IN SCHEMA public TO " + role);
    }
    try {
      List<OrderRow> rows = new ArrayList<>();
      for (int i = 0; i < 200; i++) rows.add(OrderRow.sale(0, String.format("O%04d", i), "M001", 20485, 1000, 800));
      // 200 rows into an empty table, which would rebuild; this user may not drop the keys, so it merges.
      long written = postgres.inTransaction(c -> {
        try (Statement s = c.createStatement()) {
          s.execute("SET LOCAL ROLE " + role);
        }
        return OrderStore.insert(c, rows, Progress.NONE);
      });
      assertThat(written).isEqualTo(200);
      assertThat(ImporterTest.count(postgres, "orders")).isEqualTo(200);
      assertThat(indexesAndKeys(postgres)).isEqualTo(before);
    } finally {
      try (Connection c = postgres.connection(); Statement s = c.createStatement()) {
        s.execute("DROP OWNED BY " + role);
        s.execute("DROP ROLE " + role);
      }
    }
  }

  @BothDatabases
  void reimportingTheSameFilesChangesNothingAndTheChangeLogNamesEachRowOnce(Database db) throws Exception {
    ImportFile importer = new ImportFile(db, Progress.NONE);
    Path members = Files.writeString(dir.resolve("members.csv"), members());
    Path orders = Files.writeString(dir.resolve("orders.csv"), orders(300, null));
    importer.importMembers(members);
    importer.importOrders(orders);
    // One change each (numbers 1 and 2), naming the 150 members and the 300 orders once.
    assertThat(ImporterTest.count(db, "change_log WHERE seq = 1 AND kind = 'member'")).isEqualTo(150);
    assertThat(ImporterTest.count(db, "(SELECT DISTINCT ref FROM change_log WHERE seq = 1) x")).isEqualTo(150);
    assertThat(ImporterTest.count(db, "change_log WHERE seq = 2 AND kind = 'order'")).isEqualTo(300);
    assertThat(ImporterTest.count(db, "change_log c JOIN orders o ON o.id = c.ref WHERE c.seq = 2")).isEqualTo(300);
    ChangeLog.Changes changes = new ChangeLog(db).since(0, 2);
    assertThat(changes.members()).hasSize(150);
    assertThat(changes.orders()).hasSize(300);

    ImportResult again = importer.importMembers(members);
    assertThat(List.of(again.inserted(), again.updated(), again.unchanged())).containsExactly(0L, 0L, 150L);
    again = importer.importOrders(orders);
    assertThat(List.of(again.inserted(), again.updated(), again.unchanged())).containsExactly(0L, 0L, 300L);
    assertThat(new ChangeLog(db).last()).isEqualTo(2);
    assertThat(ImporterTest.count(db, "change_log")).isEqualTo(450);
    // Stamped now, as local time, whether bound (H2) or written as COPY text (PostgreSQL): the
    // day-old pruning reads it so.
    assertThat(ImporterTest.count(db, "change_log WHERE made_at BETWEEN LOCALTIMESTAMP - INTERVAL '5' MINUTE"
        + " AND LOCALTIMESTAMP + INTERVAL '5' MINUTE")).isEqualTo(450);
    assertThat(ImporterTest.count(db, "import_log")).isEqualTo(2);
  }

  /**
   * A first load in the file's order (ADR 33): recruits before their sponsors and placement parents,
   * returns before their sales. PostgreSQL writes it so, with the keys checked after; H2 row by row in
   * an order the keys accept. Both store it whole, and a bad row in such a file changes nothing.
   */
  @BothDatabases
  void aFirstLoadInAnyOrderIsStoredWholeAndABadRowInItChangesNothing(Database db) throws Exception {
    StringBuilder members = new StringBuilder("id,sponsor_id,kind,join_date,placement_id,position\n");
    for (int i = 149; i >= 1; i--) {
      members.append(String.format("M%03d,M000,distributor,2026-01-02,M%03d,left%n", i, i - 1));
    }
    members.append("M000,,distributor,2026-01-01,,\n");
    StringBuilder orders = new StringBuilder("id,member_id,date,pv,cv,return_of,total\n");
    for (int i = 0; i < 50; i++) orders.append(String.format("R%04d,M%03d,2026-02-02,-4.00,-3.00,O%04d,-5.00%n", i, i + 1, i));
    for (int i = 0; i < 200; i++) orders.append(String.format("O%04d,M%03d,2026-02-01,10.00,8.00,,12.00%n", i, i % 149 + 1));
    ImportFile importer = new ImportFile(db, Progress.NONE);

    // The same files, one member sponsored by nobody stored and one return more than its sale: nothing stored.
    assertThatThrownBy(() -> importer.importMembers(Files.writeString(dir.resolve("members.csv"),
        members + "M150,NOBODY,distributor,2026-01-02,,\n"))).isInstanceOf(InvalidInputException.class);
    assertThat(ImporterTest.count(db, "member")).isZero();
    assertThat(importer.importMembers(Files.writeString(dir.resolve("members.csv"), members)).inserted()).isEqualTo(150);
    assertThatThrownBy(() -> importer.importOrders(Files.writeString(dir.resolve("orders.csv"),
        orders + "R9999,M050,2026-02-03,-20.00,-1.00,O0049,-1.00\n"))).isInstanceOf(InvalidInputException.class);
    assertThat(ImporterTest.count(db, "orders")).isZero();
    assertThat(importer.importOrders(Files.writeString(dir.resolve("orders.csv"), orders)).inserted()).isEqualTo(250);

    Network n = new CompanyStore(db).loadNetwork();
    assertThat(n.size()).isEqualTo(150);
    for (int i = 1; i < 150; i++) {
      int m = n.indexOf(String.format("M%03d", i));
      assertThat(n.id(n.sponsor(m))).isEqualTo("M000");
      assertThat(n.id(n.placement(m))).isEqualTo(String.format("M%03d", i - 1));
    }
    OrderBook book = new CompanyStore(db).loadOrders(n);
    assertThat(book.id(book.returnOf()[book.indexOf("R0049")])).isEqualTo("O0049");
    ImportResult again = importer.importOrders(dir.resolve("orders.csv"));
    assertThat(List.of(again.inserted(), again.unchanged())).containsExactly(0L, 250L);
  }

  /**
   * A company's first orders, large enough to be sent in many COPY buffers while the file is still
   * read (PostgreSQL, ADR 37), with a bad row in the middle: one the CSV rules refuse (its rows after
   * are no longer sent), one only the whole file's check finds (an unknown member, sent already),
   * one only the database would find late (a duplicate id). Each refuses the whole file with the
   * file, line and reason, stores nothing (no order, no period, no log row) and leaves the keys as
   * they were; the good file is then stored whole and imported again changes nothing.
   */
  @BothDatabases
  void aLargeFirstLoadWithABadRowInTheMiddleChangesNothing(Database db) throws Exception {
    ImportFile importer = new ImportFile(db, Progress.NONE);
    importer.importMembers(Files.writeString(dir.resolve("members.csv"), members()));
    List<String> keys = db.isPostgres() ? indexesAndKeys(db) : List.of();
    long periods = ImporterTest.count(db, "period");
    int n = 24_000; // about 1 MB of COPY text, some sixteen buffers of 64 KB
    StringBuilder good = new StringBuilder("id,member_id,date,pv,cv,return_of,total\n");
    for (int i = 0; i < n; i++) {
      good.append(String.format("O%06d,M%03d,2026-%02d-05,10.00,8.00,,12.00%n", i, i % 150, 1 + i % 3));
    }
    String[] lines = good.toString().split("\n", -1);
    Map<String, String> bad = Map.of(
        "2026-02-30", "O012000,M001,2026-02-30,10.00,8.00,,12.00",
        "unknown member", "O012000,NOBODY,2026-02-03,10.00,8.00,,12.00",
        "duplicate order id", "O000007,M001,2026-02-03,10.00,8.00,,12.00");
    for (Map.Entry<String, String> e : bad.entrySet()) {
      String[] copy = lines.clone();
      copy[12_001] = e.getValue(); // line 12,002 of the file, the header being line 1
      Path file = Files.writeString(dir.resolve("orders.csv"), String.join("\n", copy));
      assertThatThrownBy(() -> importer.importOrders(file)).as(e.getKey()).isInstanceOf(InvalidInputException.class)
          .hasMessageContaining("orders.csv:12002").hasMessageContaining(e.getKey());
      assertThat(ImporterTest.count(db, "orders")).as(e.getKey()).isZero();
      assertThat(ImporterTest.count(db, "period")).as(e.getKey()).isEqualTo(periods);
      assertThat(ImporterTest.count(db, "import_log")).as(e.getKey()).isEqualTo(1); // the members' import alone
      if (db.isPostgres()) assertThat(indexesAndKeys(db)).as(e.getKey()).isEqualTo(keys);
    }
    Path file = Files.writeString(dir.resolve("orders.csv"), good);
    assertThat(importer.importOrders(file).inserted()).isEqualTo(n);
    assertThat(ImporterTest.count(db, "orders")).isEqualTo(n);
    assertThat(ImporterTest.count(db, "orders WHERE period = '2026-03' AND total = 12.00")).isEqualTo(n / 3);
    if (db.isPostgres()) assertThat(indexesAndKeys(db)).isEqualTo(keys);
    ImportResult again = importer.importOrders(file);
    assertThat(List.of(again.inserted(), again.unchanged())).containsExactly(0L, (long) n);
    assertThat(new ChangeLog(db).since(0, new ChangeLog(db).last()).reload()).isTrue(); // 24,000 into none: one reload
  }

  /**
   * A company's first members, large enough to be sent in many COPY buffers while the file is still
   * read (PostgreSQL, ADR 40), with a bad row in the middle or at the end: one the CSV rules refuse
   * (its rows after are no longer sent), one only the whole file's check finds (an unknown sponsor,
   * sent already), one the database would also refuse (a duplicate id, which its primary key meets
   * in the COPY). Each refuses the whole file with the file, line and reason, stores nothing (no
   * member, no profile, no log or change row) and leaves the keys as they were; where the CSV rules
   * refuse a row, only their refusals are named, as the checked path has it. The good file is then
   * stored whole, every sponsor, placement and profile as in the file, and imported again changes
   * nothing.
   */
  @BothDatabases
  void aLargeFirstMembersLoadWithABadRowInTheMiddleOrAtTheEndChangesNothing(Database db) throws Exception {
    ImportFile importer = new ImportFile(db, Progress.NONE);
    List<String> keys = db.isPostgres() ? indexesAndKeys(db) : List.of();
    int n = 24_000; // about 1.2 MB of COPY text for the members, some twenty buffers of 64 KB
    StringBuilder good = new StringBuilder("id,sponsor_id,kind,join_date,placement_id,position,name,email\n");
    good.append("M000000,,distributor,2026-01-01,,,Root,root@example.org\n");
    // M(i) is sponsored by M(i/2) and placed under it, left for an odd i, right for an even one: a binary tree.
    for (int i = 1; i < n; i++) {
      good.append(String.format("M%06d,M%06d,distributor,2026-01-%02d,M%06d,%s,Name %d,m%d@example.org%n", i, i / 2,
          2 + i % 20, i / 2, i % 2 == 1 ? "left" : "right", i, i));
    }
    String[] lines = good.toString().split("\n", -1); // the last is the empty text after the final line break
    String middle = "members.csv:12002";
    String last = "members.csv:" + (n + 2);
    Map<String, String[]> bad = new java.util.LinkedHashMap<>();
    bad.put("2026-02-30", new String[] {middle, "M012000,M006000,distributor,2026-02-30,M006000,right,Bad,"});
    bad.put("unknown sponsor 'NOBODY'", new String[] {middle, "M012000,NOBODY,distributor,2026-01-03,,,Bad,"});
    bad.put("duplicate member id 'M000007'", new String[] {middle, "M000007,M006000,customer,2026-01-03,,,Bad,"});
    bad.put("unknown sponsor 'NOWHERE'", new String[] {last, "M999999,NOWHERE,customer,2026-01-03,,,Bad,"});
    bad.put("'sideways' is not a position", new String[] {last, "M999999,M000001,distributor,2026-01-03,M000001,sideways,Bad,"});
    for (Map.Entry<String, String[]> e : bad.entrySet()) {
      String[] copy = lines.clone();
      if (e.getValue()[0].equals(middle)) copy[12_001] = e.getValue()[1]; // line 12,002 of the file, the header being line 1
      else copy[n + 1] = e.getValue()[1] + "\n"; // after the last good row
      Path file = Files.writeString(dir.resolve("members.csv"), String.join("\n", copy));
      assertThatThrownBy(() -> importer.importMembers(file)).as(e.getKey()).isInstanceOf(InvalidInputException.class)
          .hasMessageContaining(e.getValue()[0]).hasMessageContaining(e.getKey());
      assertNothingStored(db, keys, e.getKey());
    }
    // A CSV refusal in the middle and an unknown sponsor at the end: only the first is named.
    String[] both = lines.clone();
    both[12_001] = bad.get("2026-02-30")[1];
    both[n + 1] = bad.get("unknown sponsor 'NOWHERE'")[1] + "\n";
    assertThatThrownBy(() -> importer.importMembers(Files.writeString(dir.resolve("members.csv"), String.join("\n", both))))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining(middle)
        .hasMessageNotContaining("NOWHERE").hasMessageNotContaining(last);
    assertNothingStored(db, keys, "both");

    Path file = Files.writeString(dir.resolve("members.csv"), good);
    ImportResult first = importer.importMembers(file);
    assertThat(List.of(first.read(), first.inserted(), first.updated(), first.unchanged()))
        .containsExactly((long) n, (long) n, 0L, 0L);
    assertThat(ImporterTest.count(db, "member")).isEqualTo(n);
    assertThat(ImporterTest.count(db, "member_profile")).isEqualTo(n);
    // Worked from the file's rule: M(i)'s sponsor and placement parent are M(i/2).
    assertThat(ImporterTest.count(db, "member m JOIN member s ON s.id = m.sponsor_id AND s.id = m.placement_id"
        + " WHERE CAST(SUBSTRING(m.id, 2) AS INTEGER) / 2 = CAST(SUBSTRING(s.id, 2) AS INTEGER)")).isEqualTo(n - 1);
    assertThat(ImporterTest.count(db, "member WHERE placement_position = 0")).isEqualTo(n / 2); // the odd ones, left
    assertThat(ImporterTest.count(db, "member_profile WHERE member_id = 'M012345' AND name = 'Name 12345'"
        + " AND email = 'm12345@example.org'")).isEqualTo(1);
    if (db.isPostgres()) assertThat(indexesAndKeys(db)).isEqualTo(keys);
    ImportResult again = importer.importMembers(file);
    assertThat(List.of(again.inserted(), again.updated(), again.unchanged())).containsExactly(0L, 0L, (long) n);
    assertThat(new ChangeLog(db).since(0, new ChangeLog(db).last()).reload()).isTrue(); // 24,000 into none: one reload
  }

  private static void assertNothingStored(Database db, List<String> keys, String what) throws Exception {
    for (String table : List.of("member", "member_profile", "import_log", "change_log")) {
      assertThat(ImporterTest.count(db, table)).as(what + ": " + table).isZero();
    }
    if (db.isPostgres()) assertThat(indexesAndKeys(db)).as(what).isEqualTo(keys);
  }

  /**
   * The lock order of a streamed first load (ADR 37): an API order that holds its period's lock
   * first and then writes its order goes through, and the import, which waits for the period table
   * before it drops the orders' keys, follows it. Taken the other way round (the orders' table
   * first, the period after the file is read) the two would deadlock and PostgreSQL abort one.
   */
  @Test
  @Tag("postgres")
  void aStreamedFirstLoadWaitsForAnOrderHoldingItsPeriodAndNeitherDeadlocks() throws Exception {
    postgres = TestDatabases.fresh(TestDatabases.Kind.POSTGRESQL);
    ImportFile importer = new ImportFile(postgres, Progress.NONE);
    importer.importMembers(Files.writeString(dir.resolve("members.csv"), members()));
    Path orders = Files.writeString(dir.resolve("orders.csv"), orders(300, null));
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newSingleThreadExecutor();
    try (Connection api = postgres.connection()) {
      api.setAutoCommit(false);
      PeriodStore.lockShared(api, postgres, java.util.Set.of("2026-02"));
      java.util.concurrent.Future<ImportResult> running = pool.submit(() -> importer.importOrders(orders));
      // Until the import waits for a lock (whichever: the order's period is the one it can wait for).
      while (!running.isDone() && ImporterTest.count(postgres,
          "pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'") == 0) {
        Thread.sleep(20);
      }
      assertThat(running.isDone()).as("the import waits for the period held by the order").isFalse();
      OrderStore.insert(api, List.of(OrderRow.sale(0, "API1", "M001", 20485, 100, 80)), Progress.NONE);
      api.commit();
      assertThat(running.get().inserted()).isEqualTo(300);
    } finally {
      pool.shutdownNow();
    }
    assertThat(ImporterTest.count(postgres, "orders")).isEqualTo(301);
    assertThat(indexesAndKeys(postgres)).contains("orders orders_member_id_fkey FOREIGN KEY (member_id) REFERENCES member(id)");
  }

  @BothDatabases
  void aFirstLoadLargerThanReloadFromIsLoggedAsOneReloadAndADailyOneNamesEachRow(Database db) throws Exception {
    StringBuilder members = new StringBuilder("id,sponsor_id,kind,join_date,status\n");
    members.append("M00000,,distributor,2026-01-01,active\n");
    for (int i = 1; i < ChangeLog.RELOAD_FROM; i++) members.append(String.format("M%05d,M00000,customer,2026-01-02,active%n", i));
    ImportFile importer = new ImportFile(db, Progress.NONE);
    importer.importMembers(Files.writeString(dir.resolve("members.csv"), members));
    // A follower reloads the company instead of reading 10,000 members back by id.
    assertThat(ImporterTest.count(db, "change_log")).isEqualTo(1);
    assertThat(ImporterTest.count(db, "change_log WHERE seq = 1 AND kind = 'reload' AND ref IS NULL")).isEqualTo(1);
    assertThat(new ChangeLog(db).since(0, 1).reload()).isTrue();

    // 150 more (fewer than are stored): each named.
    StringBuilder more = new StringBuilder("id,sponsor_id,kind,join_date,status\n");
    for (int i = 0; i < 150; i++) more.append(String.format("N%03d,M00000,customer,2026-01-03,active%n", i));
    importer.importMembers(Files.writeString(dir.resolve("more.csv"), more));
    assertThat(ImporterTest.count(db, "change_log WHERE seq = 2 AND kind = 'member'")).isEqualTo(150);
    ChangeLog.Changes changes = new ChangeLog(db).since(1, 2);
    assertThat(changes.reload()).isFalse();
    assertThat(changes.members()).hasSize(150);
  }

  @Test
  @Tag("postgres")
  void theSameModelIsStoredThroughEveryWritePath() throws Exception {
    Path files = dir.resolve("company");
    try (CompanyCsvWriter w = new CompanyCsvWriter(files, "EUR")) {
      new CompanyGenerator(600, 4, 23, YearMonth.of(2024, 3)).generate(w);
    }
    // H2: batches. PostgreSQL, all at once: COPY with the rebuild. PostgreSQL, the orders in two files,
    // the second smaller than what is stored: COPY merged row by row into the indexes.
    Database h2 = TestDatabases.fresh(TestDatabases.Kind.H2);
    postgres = TestDatabases.fresh(TestDatabases.Kind.POSTGRESQL);
    Database split = TestDatabases.fresh(TestDatabases.Kind.POSTGRESQL);
    try {
      new ImportFile(h2, Progress.NONE).importDirectory(files);
      new ImportFile(postgres, Progress.NONE).importDirectory(files);
      List<String> lines = Files.readAllLines(files.resolve("orders.csv"));
      Path firstPart = Files.write(dir.resolve("orders.csv"), lines.subList(0, lines.size() * 2 / 3));
      ImportFile importer = new ImportFile(split, Progress.NONE);
      importer.importProducts(files.resolve("products.csv"));
      importer.importCampaigns(files.resolve("campaigns.csv"));
      importer.importMembers(files.resolve("members.csv"));
      long first = importer.importOrders(firstPart).inserted();
      ImportResult rest = importer.importOrders(files.resolve("orders.csv"));
      assertThat(rest.inserted()).isLessThan(first).isGreaterThanOrEqualTo(Bulk.COPY_FROM);
      for (Database other : List.of(postgres, split)) {
        CompanyStore a = new CompanyStore(h2, false);
        CompanyStore b = new CompanyStore(other, false);
        // Compared by id: the two databases may hand rows back in another order, and the model's
        // indexes follow it.
        assertThat(stored(b)).hasSize(600 + lines.size() - 1).isEqualTo(stored(a));
        assertThat(b.loadProfiles()).isEqualTo(a.loadProfiles());
      }
    } finally {
      TestDatabases.drop(h2);
      TestDatabases.drop(split);
    }
  }

  /** Every member and order as text by ids, sorted. */
  private static List<String> stored(CompanyStore store) {
    Network n = store.loadNetwork();
    OrderBook o = store.loadOrders(n);
    List<String> out = new ArrayList<>();
    for (int i = 0; i < n.size(); i++) {
      out.add(String.join("|", "member", n.id(i), n.sponsor(i) == Network.NONE ? "" : n.id(n.sponsor(i)), n.kind(i).code(),
          String.valueOf(n.isPreferred(i)), String.valueOf(n.joinDay(i)), n.status(i).code(), String.valueOf(n.statusDay(i)),
          n.placement(i) == Network.NONE ? "" : n.id(n.placement(i)), String.valueOf(n.placementPosition(i))));
    }
    for (int k = 0; k < o.size(); k++) {
      int s = o.returnOf()[k];
      out.add(String.join("|", "order", o.id(k), n.id(o.members()[k]), String.valueOf(o.days()[k]), String.valueOf(o.pv()[k]),
          String.valueOf(o.cv()[k]), String.valueOf(o.totals()[k]), s == OrderBook.NONE ? "" : o.id(s),
          String.valueOf(o.isAutoship(k)), String.valueOf(o.campaign(k))));
    }
    java.util.Collections.sort(out);
    return out;
  }
}
