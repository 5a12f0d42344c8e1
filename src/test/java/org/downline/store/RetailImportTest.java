package org.downline.store;

import org.downline.app.network.ImportFile;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.downline.core.InputErrors;
import org.downline.core.Progress;
import org.downline.csv.RetailCsv;
import org.downline.network.Network;
import org.downline.network.OrderBook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real shop's order history becomes customers, products, orders with lines and returns. */
class RetailImportTest {
  @TempDir Path dir;

  static final String SHOP = """
      InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country,TotalPrice
      100,A1,MUG,6,12/1/10 8:26,2.55,17850,United Kingdom,15.3
      100,B2,"LANTERN, WHITE",2,12/1/10 8:26,3.39,17850,United Kingdom,6.78
      101,A1,MUG,1,12/1/10 9:00,2.55,,United Kingdom,2.55
      102,A1,MUG,12,12/3/10 10:00,2.10,13047,France,25.2
      C103,A1,MUG,-4,12/5/10 11:00,2.55,17850,United Kingdom,-10.2
      C103,B2,"LANTERN, WHITE",-1,12/5/10 11:00,3.39,17850,United Kingdom,-3.39
      C104,Z9,OLD THING,-1,12/5/10 12:00,9.99,13047,France,-9.99
      C105,A1,MUG,-13,12/6/10 12:00,2.10,13047,France,-27.3
      """;

  @Test
  void turnsInvoiceLinesIntoCustomersOrdersAndReturns() throws Exception {
    Path file = Files.writeString(dir.resolve("shop.csv"), SHOP);
    InputErrors errors = new InputErrors();
    RetailCsv.History h = RetailCsv.read(file, "HOUSE", errors, Progress.NONE);
    assertThat(errors.isEmpty()).isTrue();

    assertThat(h.members()).extracting(m -> m.id() + "<" + m.sponsorId() + " " + m.kind().code())
        .containsExactly("HOUSE<null distributor", "C13047<HOUSE customer", "C17850<HOUSE customer");
    // Invoice 100: 6 x 2.55 = 15.30 and 2 x 3.39 = 6.78, total 22.08; invoice 102: 12 x 2.10 = 25.20.
    // C103 returns from invoice 100: 4 x 2.55 = 10.20 and 1 x 3.39 = 3.39, together 13.59 as one return.
    // C104 has no purchase in the file and C105 asks for 13 mugs of a sale of 12: both are skipped.
    assertThat(h.orders()).extracting(o -> o.id() + " " + o.memberId() + " " + o.total() + " " + o.returnOf())
        .containsExactly("100 C17850 2208 null", "102 C13047 2520 null", "C103-100 C17850 -1359 100");
    assertThat(h.orders().get(0).pv()).isEqualTo(2208);
    assertThat(h.lines()).extracting(l -> l.orderId() + "/" + l.lineNo() + " " + l.sku() + " " + l.pv())
        .containsExactly("100/1 A1 1530", "100/2 B2 678", "102/1 A1 2520");
    assertThat(h.products()).extracting(p -> p.sku() + " " + p.name() + " " + p.price())
        .containsExactly("A1 MUG 255", "B2 LANTERN, WHITE 339");
    assertThat(h.skipped()).isEqualTo(new RetailCsv.Skipped(1, 0, 2));
  }

  @BothDatabases
  void importsTheShopSampleOnceAndOnlyOnce(Database db) throws Exception {
    // The UCI Online Retail cut shipped with the tests (CC BY 4.0; see src/test/resources/data/README.md).
    Path sample = Path.of(RetailImportTest.class.getResource("/data/online-retail-sample.csv").toURI());
    InputErrors errors = new InputErrors();
    RetailCsv.History h = RetailCsv.read(sample, "HOUSE", errors, Progress.NONE);
    assertThat(errors.isEmpty()).isTrue();
    ImportFile importer = new ImportFile(db, Progress.NONE);
    List<ImportResult> first = importer.importAll("online-retail-sample.csv", h.members(), h.profiles(),
        h.products(), h.orders(), h.lines());
    // Figures counted independently of this code (a Python pass over the CSV): 713 customers with an id,
    // 927 sale invoices, 2,135 stock codes sold, 10,003 guest lines, sales worth 377,561.23.
    assertThat(first.get(0).inserted()).isEqualTo(714); // the customers and the house
    assertThat(first.get(1).inserted()).isEqualTo(2135);
    assertThat(h.skipped().guestLines()).isEqualTo(10_003);

    CompanyStore store = new CompanyStore(db);
    Network network = store.loadNetwork();
    OrderBook book = store.loadOrders(network);
    long sales = 0;
    long salesTotal = 0;
    for (int o = 0; o < book.size(); o++) {
      if (book.isReturn(o)) continue;
      sales++;
      salesTotal += book.totals()[o];
    }
    assertThat(sales).isEqualTo(927);
    assertThat(salesTotal).isEqualTo(37_756_123L);

    List<ImportResult> again = importer.importAll("online-retail-sample.csv", h.members(), h.profiles(),
        h.products(), h.orders(), h.lines());
    assertThat(again).allSatisfy(r -> {
      assertThat(r.inserted()).isZero();
      assertThat(r.updated()).isZero();
    });
  }
}
