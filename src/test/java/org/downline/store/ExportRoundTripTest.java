package org.downline.store;

import org.downline.app.network.ImportFile;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import org.downline.core.InputError;
import org.downline.core.InvalidInputException;
import org.downline.core.Progress;
import org.downline.csv.CompanyCsvWriter;
import org.downline.generate.CompanyGenerator;
import org.junit.jupiter.api.io.TempDir;

/** What export writes, import reads back unchanged: a generated company survives the database whole. */
class ExportRoundTripTest {
  @TempDir Path dir;

  @BothDatabases
  void generatedCompanyImportsAndExportsByteForByte(Database db) throws Exception {
    Path generated = dir.resolve("generated");
    try (CompanyCsvWriter csv = new CompanyCsvWriter(generated)) {
      new CompanyGenerator(600, 3, 42, YearMonth.of(2026, 7)).generate(csv);
    }
    ImportFile importer = new ImportFile(db, Progress.NONE);
    List<ImportResult> first = importer.importDirectory(generated);
    assertThat(first).extracting(ImportResult::kind)
        .containsExactly("products", "campaigns", "members", "orders", "order lines", "autoships");
    assertThat(first).allSatisfy(r -> assertThat(r.inserted()).isEqualTo(r.read()));
    assertThat(importer.importDirectory(generated)).allSatisfy(r -> {
      assertThat(r.inserted()).isZero();
      assertThat(r.updated()).isZero();
    });

    Path exported = dir.resolve("exported");
    try (CompanyCsvWriter csv = new CompanyCsvWriter(exported)) {
      new Exporter(db, Progress.NONE).export(csv);
    }
    // The generator writes members sponsor-first and orders member by member; export writes members
    // breadth-first and orders by date. Same rows, so compare as sorted sets of lines.
    for (String file : List.of("members.csv", "orders.csv", "order_lines.csv", "products.csv", "campaigns.csv", "autoships.csv")) {
      assertThat(Files.readAllLines(exported.resolve(file)))
          .as(file)
          .containsExactlyInAnyOrderElementsOf(Files.readAllLines(generated.resolve(file)));
    }
  }

  @BothDatabases
  void autoshipsNeedTheirMemberAndProducts(Database db) throws Exception {
    ImportFile importer = new ImportFile(db, Progress.NONE);
    importer.importMembers(Files.writeString(dir.resolve("members.csv"), """
        id,sponsor_id,kind,join_date
        D1,,distributor,2026-01-05
        """));
    importer.importProducts(Files.writeString(dir.resolve("products.csv"), """
        sku,name,price,pv,cv
        P1,Shake,40,30,25
        """));
    Path bad = Files.writeString(dir.resolve("autoships.csv"), """
        id,member_id,items,interval_months,start_date
        A1,D1,P1:2,1,2026-01-05
        A2,NOBODY,P1:1,1,2026-02-01
        A3,D1,P1:1;P9:1,1,2026-02-01
        A4,D1,P1:1,1,2026-01-01
        A5,D1,P1:0,1,2026-02-01
        """);
    assertThatThrownBy(() -> importer.importAutoships(bad))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
            .extracting(InputError::toString)
            .containsExactly("autoships.csv:6: column items: 'P1:0' is not SKU:QUANTITY with a positive quantity"));
    Path rules = Files.writeString(dir.resolve("autoships2.csv"), """
        id,member_id,items,interval_months,start_date
        A1,D1,P1:2,1,2026-01-05
        A2,NOBODY,P1:1,1,2026-02-01
        A3,D1,P1:1;P9:1,1,2026-02-01
        A4,D1,P1:1,1,2026-01-01
        """);
    assertThatThrownBy(() -> importer.importAutoships(rules))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
            .extracting(InputError::toString).containsExactly(
                "autoships2.csv:3: column member_id: unknown member 'NOBODY'",
                "autoships2.csv:4: column items: unknown product 'P9'",
                "autoships2.csv:5: column start_date: autoship starts 2026-01-01, before member 'D1' joined on 2026-01-05"));
    assertThat(new CompanyStore(db).loadAutoships()).isEmpty();
  }

  @BothDatabases
  void orderLinesNeedTheirOrderAndProductAndAreWrittenOnce(Database db) throws Exception {
    ImportFile importer = new ImportFile(db, Progress.NONE);
    importer.importMembers(Files.writeString(dir.resolve("members.csv"), """
        id,sponsor_id,kind,join_date
        D1,,distributor,2026-01-05
        """));
    importer.importProducts(Files.writeString(dir.resolve("products.csv"), """
        sku,name,price,pv,cv
        P1,Shake,40,30,25
        """));
    importer.importOrders(Files.writeString(dir.resolve("orders.csv"), """
        id,member_id,date,pv,cv,return_of,total
        O1,D1,2026-01-06,60,50,,80
        """));
    Path bad = Files.writeString(dir.resolve("order_lines.csv"), """
        order_id,line_no,sku,quantity,unit_price,pv,cv
        O1,1,P1,2,40,60,50
        O9,1,P1,1,40,30,25
        O1,2,P9,1,40,30,25
        O1,1,P1,1,40,30,25
        """);
    assertThatThrownBy(() -> importer.importOrderLines(bad))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
            .extracting(InputError::toString).containsExactly(
                "order_lines.csv:3: column order_id: unknown order 'O9'",
                "order_lines.csv:4: column sku: unknown product 'P9'",
                "order_lines.csv:5: column line_no: duplicate line 1 of order 'O1'"));
    Path good = Files.writeString(dir.resolve("good_lines.csv"), """
        order_id,line_no,sku,quantity,unit_price,pv,cv
        O1,1,P1,2,40,60,50
        """);
    assertThat(importer.importOrderLines(good).inserted()).isEqualTo(1);
    ImportResult again = importer.importOrderLines(good);
    assertThat(again.inserted()).isZero();
    assertThat(again.unchanged()).isEqualTo(1);
  }
}
