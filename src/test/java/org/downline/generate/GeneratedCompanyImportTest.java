package org.downline.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.Map;
import org.downline.core.Progress;
import org.downline.csv.CompanyCsvWriter;
import org.downline.network.MemberProfile;
import org.downline.network.Network;
import org.downline.network.OrderBook;
import org.downline.store.BothDatabases;
import org.downline.store.CompanyStore;
import org.downline.store.Database;
import org.downline.store.ImportResult;
import org.downline.store.Importer;
import org.junit.jupiter.api.io.TempDir;

/** What `downline generate --out` writes, `downline import` takes, on both databases. */
class GeneratedCompanyImportTest {
  @TempDir Path dir;

  @BothDatabases
  void generatedFilesImport(Database db) throws IOException {
    CollectingSink rows = new CollectingSink();
    CompanyGenerator.Summary s;
    try (CompanyCsvWriter csv = new CompanyCsvWriter(dir)) {
      s = new CompanyGenerator(600, 6, 11, YearMonth.of(2026, 1)).generate(new TeeSink(rows, csv));
    }
    Importer importer = new Importer(db, Progress.NONE);
    ImportResult members = importer.importMembers(dir.resolve(CompanyCsvWriter.MEMBERS));
    ImportResult products = importer.importProducts(dir.resolve(CompanyCsvWriter.PRODUCTS));
    ImportResult orders = importer.importOrders(dir.resolve(CompanyCsvWriter.ORDERS));
    assertThat(members.inserted()).isEqualTo(600);
    assertThat(products.inserted()).isEqualTo(rows.products.size());
    assertThat(orders.inserted()).isEqualTo(s.sales() + s.returns());

    CompanyStore store = new CompanyStore(db);
    Network network = store.loadNetwork();
    OrderBook book = store.loadOrders(network);
    assertThat(network.size()).isEqualTo(600);
    assertThat(book.size()).isEqualTo(rows.orders.size());
    Map<String, MemberProfile> profiles = store.loadProfiles();
    assertThat(profiles.get(rows.members.get(7).id())).isEqualTo(rows.profiles.get(7));

    // The same files again change nothing.
    assertThat(importer.importOrders(dir.resolve(CompanyCsvWriter.ORDERS)).inserted()).isZero();
  }
}
