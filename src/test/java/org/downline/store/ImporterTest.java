package org.downline.store;

import org.downline.app.network.ImportFile;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import org.downline.core.InputError;
import org.downline.core.InvalidInputException;
import org.downline.network.Network;
import org.downline.network.OrderBook;
import org.junit.jupiter.api.io.TempDir;

/** Imports on both databases: good files, idempotent re-import, and every kind of bad row refused whole. */
class ImporterTest {
  @TempDir Path dir;

  static final String MEMBERS = """
      id,sponsor_id,kind,join_date,name,email
      D3,D2,distributor,2026-01-10,Cara,cara@example.org
      D1,,distributor,2026-01-01,Ann,ann@example.org
      D2,D1,distributor,2026-01-05,Ben,
      C1,D1,customer,2026-01-07,,
      C2,C1,preferred_customer,2026-02-01,,
      """;

  static final String ORDERS = """
      id,member_id,date,pv,cv,return_of,total,campaign
      O1,D1,2026-01-03,100.00,80.00,,120.00,
      O2,C1,2026-01-20,50.5,40.25,,60.00,SPRING
      R1,C1,2026-02-02,-10.00,-8.00,O2,-12.00,
      O3,D3,2026-02-15,200,150,,220.00,
      """;

  Path write(String name, String content) throws IOException {
    return Files.writeString(dir.resolve(name), content);
  }

  static long count(Database db, String table) throws SQLException {
    try (Connection c = db.connection()) {
      return CompanyStore.count(c, "SELECT COUNT(*) FROM " + table);
    }
  }

  @BothDatabases
  void importsMembersInAnyOrderAndReimportChangesNothing(Database db) throws Exception {
    ImportFile importer = new ImportFile(db, org.downline.core.Progress.NONE);
    ImportResult first = importer.importMembers(write("members.csv", MEMBERS));
    assertThat(first.inserted()).isEqualTo(5);
    assertThat(count(db, "member")).isEqualTo(5);
    assertThat(count(db, "member_profile")).isEqualTo(3);

    ImportResult again = importer.importMembers(write("members.csv", MEMBERS));
    assertThat(again.inserted()).isZero();
    assertThat(again.updated()).isZero();
    assertThat(again.unchanged()).isEqualTo(5);
    assertThat(count(db, "member")).isEqualTo(5);
    assertThat(count(db, "import_log")).isEqualTo(1);

    Network network = new CompanyStore(db).loadNetwork();
    assertThat(network.size()).isEqualTo(5);
    int d3 = network.indexOf("D3");
    assertThat(network.id(network.sponsor(d3))).isEqualTo("D2");
    assertThat(network.depths()[d3]).isEqualTo(2);
    assertThat(network.isPreferred(network.indexOf("C2"))).isTrue();
    assertThat(network.id(network.ownerDistributor(network.indexOf("C2")))).isEqualTo("D1");
  }

  @BothDatabases
  void importsOrdersAndReimportChangesNothing(Database db) throws Exception {
    ImportFile importer = new ImportFile(db, org.downline.core.Progress.NONE);
    importer.importMembers(write("members.csv", MEMBERS));
    ImportResult first = importer.importOrders(write("orders.csv", ORDERS));
    assertThat(first.inserted()).isEqualTo(4);
    ImportResult again = importer.importOrders(write("orders.csv", ORDERS));
    assertThat(again.inserted()).isZero();
    assertThat(again.unchanged()).isEqualTo(4);
    assertThat(count(db, "orders")).isEqualTo(4);
    assertThat(new PeriodStore(db).states()).containsExactly(
        java.util.Map.entry("2026-01", "open"), java.util.Map.entry("2026-02", "open"));

    CompanyStore store = new CompanyStore(db);
    Network network = store.loadNetwork();
    OrderBook book = store.loadOrders(network);
    int o2 = book.indexOf("O2");
    assertThat(book.pv()[o2]).isEqualTo(5050); // 50.5 stored exactly as 50.50
    assertThat(book.cv()[o2]).isEqualTo(4025);
    assertThat(book.totals()[o2]).isEqualTo(6000);
    assertThat(book.campaign(o2)).isEqualTo("SPRING");
    assertThat(book.returnOf()[book.indexOf("R1")]).isEqualTo(o2);
  }

  @BothDatabases
  void aFileWithBadMembersChangesNothingAndNamesEveryBadRow(Database db) throws Exception {
    ImportFile importer = new ImportFile(db, org.downline.core.Progress.NONE);
    Path bad = write("bad-members.csv", """
        id,sponsor_id,kind,join_date
        A,,distributor,2026-01-01
        B,ZZ,distributor,2026-01-01
        C,A,customer,2026-01-01
        D,C,distributor,2026-01-01
        A,,distributor,2026-01-02
        E,A,distributor,2026-13-01
        F,A,wizard,2026-01-01
        """);
    assertThatThrownBy(() -> importer.importMembers(bad))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
            .extracting(InputError::line, InputError::column)
            .containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple(7L, "join_date"),
                org.assertj.core.groups.Tuple.tuple(8L, "kind")));
    assertThat(count(db, "member")).isZero();

    // With the malformed fields fixed, the tree rules speak: unknown sponsor, distributor under a customer, duplicate.
    Path tree = write("tree.csv", """
        id,sponsor_id,kind,join_date
        A,,distributor,2026-01-01
        B,ZZ,distributor,2026-01-01
        C,A,customer,2026-01-01
        D,C,distributor,2026-01-01
        A,,distributor,2026-01-02
        """);
    assertThatThrownBy(() -> importer.importMembers(tree))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> {
          assertThat(e.errors()).extracting(InputError::toString).containsExactlyInAnyOrder(
              "tree.csv:6: column id: duplicate member id 'A' (first seen on line 2)",
              "tree.csv:3: column sponsor_id: unknown sponsor 'ZZ'",
              "tree.csv:5: column sponsor_id: distributor 'D' has customer 'C' as sponsor; a distributor's sponsor must be a distributor");
        });
    assertThat(count(db, "member")).isZero();
  }

  @BothDatabases
  void aCycleIsRefused(Database db) throws Exception {
    ImportFile importer = new ImportFile(db, org.downline.core.Progress.NONE);
    Path cycle = write("cycle.csv", """
        id,sponsor_id,kind,join_date
        R,,distributor,2026-01-01
        X,Z,distributor,2026-01-01
        Y,X,distributor,2026-01-01
        Z,Y,distributor,2026-01-01
        W,Z,distributor,2026-01-01
        """);
    assertThatThrownBy(() -> importer.importMembers(cycle))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> {
          assertThat(e.errors()).extracting(InputError::line).containsExactlyInAnyOrder(3L, 4L, 5L, 6L);
          assertThat(e.errors()).filteredOn(err -> err.line() == 3)
              .extracting(InputError::reason).allMatch(r -> r.startsWith("sponsor chain forms a cycle"));
          assertThat(e.errors()).filteredOn(err -> err.line() == 6)
              .extracting(InputError::reason).containsExactly("sponsor chain of 'W' leads into a cycle");
        });
    assertThat(count(db, "member")).isZero();
  }

  @BothDatabases
  void aStoredMemberCannotBeMovedByImport(Database db) throws Exception {
    ImportFile importer = new ImportFile(db, org.downline.core.Progress.NONE);
    importer.importMembers(write("members.csv", MEMBERS));
    Path moved = write("moved.csv", """
        id,sponsor_id,kind,join_date
        D3,D1,distributor,2026-01-10
        D4,D3,distributor,2026-03-01
        """);
    assertThatThrownBy(() -> importer.importMembers(moved))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
            .extracting(InputError::line, InputError::column)
            .containsExactly(org.assertj.core.groups.Tuple.tuple(2L, "id")));
    assertThat(count(db, "member")).isEqualTo(5);
  }

  @BothDatabases
  void aFileWithBadOrdersChangesNothing(Database db) throws Exception {
    ImportFile importer = new ImportFile(db, org.downline.core.Progress.NONE);
    importer.importMembers(write("members.csv", MEMBERS));
    importer.importOrders(write("orders.csv", ORDERS));
    Path bad = write("bad-orders.csv", """
        id,member_id,date,pv,cv,return_of
        N1,NOBODY,2026-02-01,10,10,
        N2,D3,2026-01-09,10,10,
        N3,D1,2026-02-01,abc,10,
        N4,D1,2026-02-01,10.123,10,
        N5,D1,2026-02-01,-5,10,
        N6,C1,2026-02-03,-1,-1,GONE
        N7,C1,2026-02-03,-41,-1,O2
        N8,D1,2026-02-30,1,1,
        O1,D1,2026-01-03,999,80.00,
        N9,D1,2026-02-01,1,1,
        N9,D1,2026-02-02,1,1,
        """);
    assertThatThrownBy(() -> importer.importOrders(bad))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
            .extracting(InputError::line, InputError::column)
            .contains(
                org.assertj.core.groups.Tuple.tuple(4L, "pv"),
                org.assertj.core.groups.Tuple.tuple(5L, "pv"),
                org.assertj.core.groups.Tuple.tuple(9L, "date"),
                org.assertj.core.groups.Tuple.tuple(10L, "id")));
    assertThat(count(db, "orders")).isEqualTo(4);

    // Without the malformed fields, the order rules speak for every remaining bad row.
    Path rules = write("rules.csv", """
        id,member_id,date,pv,cv,return_of
        N1,NOBODY,2026-02-01,10,10,
        N2,D3,2026-01-09,10,10,
        N5,D1,2026-02-01,-5,10,
        N6,C1,2026-02-03,-1,-1,GONE
        N7,C1,2026-02-03,-41,-1,O2
        N9,D1,2026-02-01,1,1,
        N9,D1,2026-02-02,1,1,
        """);
    assertThatThrownBy(() -> importer.importOrders(rules))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
            .extracting(InputError::toString).containsExactlyInAnyOrder(
                "rules.csv:2: column member_id: unknown member 'NOBODY'",
                "rules.csv:3: column date: order dated 2026-01-09 is before member 'D3' joined on 2026-01-10",
                "rules.csv:4: column pv: a sale's pv must not be negative",
                "rules.csv:5: column return_of: return of unknown sale 'GONE'",
                // O2 had pv 50.50 of which R1 returned 10.00: 41 more makes 51.00 > 50.50
                "rules.csv:6: column return_of: returns of sale 'O2' exceed it: pv 51.00 of 50.50, cv 9.00 of 40.25, total 12.00 of 60.00",
                "rules.csv:8: column id: duplicate order id 'N9' (first seen on line 7)"));
    assertThat(count(db, "orders")).isEqualTo(4);
  }

  @BothDatabases
  void ordersOfAClosedPeriodAreRefused(Database db) throws Exception {
    ImportFile importer = new ImportFile(db, org.downline.core.Progress.NONE);
    importer.importMembers(write("members.csv", MEMBERS));
    importer.importOrders(write("orders.csv", ORDERS));
    db.inTransaction(c -> {
      PeriodStore.setState(c, "2026-01", PeriodStore.CLOSED);
      return null;
    });
    Path late = write("late.csv", """
        id,member_id,date,pv,cv,return_of
        L1,D1,2026-01-31,10,10,
        L2,D1,2026-02-01,10,10,
        """);
    assertThatThrownBy(() -> importer.importOrders(late))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
            .extracting(InputError::toString).containsExactly(
                "late.csv:2: column date: period 2026-01 is closed; orders dated in it are refused (book a return in an open period instead)"));
    assertThat(count(db, "orders")).isEqualTo(4);
  }

  @BothDatabases
  void productsUpsertBySku(Database db) throws Exception {
    ImportFile importer = new ImportFile(db, org.downline.core.Progress.NONE);
    ImportResult first = importer.importProducts(write("products.csv", """
        sku,name,price,pv,cv,kit,category
        P1,Shake,39.90,30,25,false,nutrition
        K1,Starter kit,99.00,0,50,true,kits
        """));
    assertThat(first.inserted()).isEqualTo(2);
    ImportResult second = importer.importProducts(write("products.csv", """
        sku,name,price,pv,cv,kit,category
        P1,Shake,41.90,30,25,false,nutrition
        K1,Starter kit,99.00,0,50,true,kits
        """));
    assertThat(second.updated()).isEqualTo(1);
    assertThat(second.unchanged()).isEqualTo(1);
    assertThat(new CompanyStore(db).loadProducts())
        .extracting(p -> p.sku() + " " + p.price() + " " + p.cv())
        .containsExactly("K1 9900 0", "P1 4190 2500"); // a kit earns no CV whatever the file says
  }
}
