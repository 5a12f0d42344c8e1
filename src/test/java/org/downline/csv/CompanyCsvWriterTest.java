package org.downline.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.downline.core.InputErrors;
import org.downline.core.Periods;
import org.downline.core.Progress;
import org.downline.generate.Autoship;
import org.downline.generate.Campaign;
import org.downline.generate.CollectingSink;
import org.downline.generate.CompanyGenerator;
import org.downline.generate.TeeSink;
import org.downline.network.MemberKind;
import org.downline.network.MemberProfile;
import org.downline.network.MemberRow;
import org.downline.network.MemberStatus;
import org.downline.network.OrderLine;
import org.downline.network.OrderRow;
import org.downline.network.Product;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompanyCsvWriterTest {
  @TempDir Path tmp;

  private static int day(String d) {
    return Periods.parseDay(d);
  }

  @Test
  void writesTheColumnsByHand() throws IOException {
    Path dir = tmp.resolve("out/company");
    try (CompanyCsvWriter w = new CompanyCsvWriter(dir, "EUR")) {
      w.product(new Product(0, "NUT-003", "Plant Protein Shake, Vanilla", 5400, 4300, 3800, false, "nutrition"));
      // A kit's CV is dropped by Product itself, whatever it was given.
      w.product(new Product(0, "KIT-001", "Starter Kit", 4900, 2500, 1000, true, "kit"));
      w.campaign(new Campaign("IG-GLOW", "Glow skincare reels", "social"));
      w.member(new MemberRow(0, "D1", null, MemberKind.DISTRIBUTOR, false, day("2025-01-15"), MemberStatus.ACTIVE,
          Integer.MIN_VALUE, null, -1), new MemberProfile("D1", "Ana Müller", "ana@example.com", "+49 1", "DE", "de-DE"));
      w.member(new MemberRow(0, "C1", "D1", MemberKind.CUSTOMER, true, day("2025-02-01"), MemberStatus.CANCELLED,
          day("2025-06-30"), "D1", 0), new MemberProfile("C1", null, null, null, null, null));
      w.order(new OrderRow(0, "O1", "C1", day("2025-02-01"), 4300, 3800, 5400, null, false, "IG-GLOW"));
      w.orderLine(new OrderLine("O1", 1, "NUT-003", 1, 5400, 4300, 3800));
      w.order(new OrderRow(0, "O2", "C1", day("2025-02-03"), -4300, -3800, -5400, "O1", false, null));
      w.order(new OrderRow(0, "O3", "D1", day("2025-03-15"), 4800, 4200, 5980, null, true, null));
      // Two units: the line's pv, cv are for both, 2 x 24.00 = 48.00 and 2 x 21.00 = 42.00.
      w.orderLine(new OrderLine("O3", 1, "NUT-001", 2, 2990, 4800, 4200));
      w.autoship(new Autoship("A1", "C1", List.of(new Autoship.Item("NUT-001", 2), new Autoship.Item("SKN-003", 1)),
          1, day("2025-02-01"), Integer.MIN_VALUE, Autoship.Status.CANCELLED, day("2025-06-30")));
      w.autoship(new Autoship("A2", "D1", List.of(new Autoship.Item("SKN-003", 1)), 1, day("2025-01-15"),
          day("2025-07-15"), Autoship.Status.ACTIVE, Integer.MIN_VALUE));
    }
    assertThat(read(dir, CompanyCsvWriter.PRODUCTS)).isEqualTo("""
        sku,name,price,pv,cv,kit,category
        NUT-003,"Plant Protein Shake, Vanilla",54.00,43.00,38.00,false,nutrition
        KIT-001,Starter Kit,49.00,25.00,0.00,true,kit
        """);
    assertThat(read(dir, CompanyCsvWriter.CAMPAIGNS)).isEqualTo("""
        code,name,channel
        IG-GLOW,Glow skincare reels,social
        """);
    assertThat(read(dir, CompanyCsvWriter.MEMBERS)).isEqualTo("""
        id,sponsor_id,kind,join_date,status,status_date,placement_id,position,name,email,phone,country,locale
        D1,,distributor,2025-01-15,active,,,,Ana Müller,ana@example.com,'+49 1,DE,de-DE
        C1,D1,preferred_customer,2025-02-01,cancelled,2025-06-30,D1,left,,,,,
        """);
    assertThat(read(dir, CompanyCsvWriter.ORDERS)).isEqualTo("""
        id,member_id,date,pv,cv,return_of,total,kind,campaign,currency
        O1,C1,2025-02-01,43.00,38.00,,54.00,sale,IG-GLOW,EUR
        O2,C1,2025-02-03,-43.00,-38.00,O1,-54.00,return,,EUR
        O3,D1,2025-03-15,48.00,42.00,,59.80,autoship,,EUR
        """);
    assertThat(read(dir, CompanyCsvWriter.ORDER_LINES)).isEqualTo("""
        order_id,line_no,sku,quantity,unit_price,pv,cv
        O1,1,NUT-003,1,54.00,43.00,38.00
        O3,1,NUT-001,2,29.90,48.00,42.00
        """);
    assertThat(read(dir, CompanyCsvWriter.AUTOSHIPS)).isEqualTo("""
        id,member_id,items,interval_months,start_date,next_date,status,status_date
        A1,C1,NUT-001:2;SKN-003:1,1,2025-02-01,,cancelled,2025-06-30
        A2,D1,SKN-003:1,1,2025-01-15,2025-07-15,active,
        """);
  }

  @Test
  void noLinesNoLinesFile() throws IOException {
    Path dir = tmp.resolve("plain");
    Files.createDirectories(dir);
    Files.writeString(dir.resolve(CompanyCsvWriter.ORDER_LINES), "left from an earlier run\n");
    try (CompanyCsvWriter w = new CompanyCsvWriter(dir)) {
      w.order(new OrderRow(0, "O1", "C1", day("2025-02-01"), 4300, 3800, 5400, null, false, null));
    }
    assertThat(dir.resolve(CompanyCsvWriter.ORDERS)).isNotEmptyFile();
    assertThat(dir.resolve(CompanyCsvWriter.ORDER_LINES)).doesNotExist();
  }

  private static String read(Path dir, String file) throws IOException {
    return Files.readString(dir.resolve(file), StandardCharsets.UTF_8);
  }

  /** Rows a generated company is written as come back equal through the readers the import uses. */
  @Test
  void roundTripsThroughTheReaders() throws IOException {
    CollectingSink kept = new CollectingSink();
    Path dir = tmp.resolve("company");
    try (CompanyCsvWriter w = new CompanyCsvWriter(dir)) {
      new CompanyGenerator(2_000, 12, 5, YearMonth.of(2025, 11)).generate(new TeeSink(kept, w));
    }
    InputErrors errors = new InputErrors();
    MemberCsv.Result members = MemberCsv.read(dir.resolve(CompanyCsvWriter.MEMBERS), errors, Progress.NONE);
    List<OrderRow> orders = new ArrayList<>();
    OrderCsv.read(dir.resolve(CompanyCsvWriter.ORDERS), errors, Progress.NONE, orders::add);
    List<Product> products = ProductCsv.read(dir.resolve(CompanyCsvWriter.PRODUCTS), errors, Progress.NONE);
    assertThat(errors.kept()).isEmpty();

    assertThat(members.rows().stream().map(CompanyCsvWriterTest::unlined).toList()).isEqualTo(kept.members);
    assertThat(members.profiles()).isEqualTo(kept.profiles);
    assertThat(orders.stream().map(CompanyCsvWriterTest::unlined).toList()).isEqualTo(kept.orders);
    assertThat(products.stream().map(CompanyCsvWriterTest::unlined).toList()).isEqualTo(kept.products);
    // The generated company has every kind of row the columns must carry.
    assertThat(kept.members).anyMatch(MemberRow::preferred).anyMatch(m -> m.status() == MemberStatus.TERMINATED);
    assertThat(kept.orders).anyMatch(OrderRow::isReturn).anyMatch(OrderRow::autoship).anyMatch(o -> o.campaign() != null);
  }

  private static MemberRow unlined(MemberRow m) {
    return new MemberRow(0, m.id(), m.sponsorId(), m.kind(), m.preferred(), m.joinDay(), m.status(), m.statusDay(),
        m.placementId(), m.placementPosition());
  }

  private static OrderRow unlined(OrderRow o) {
    return new OrderRow(0, o.id(), o.memberId(), o.day(), o.pv(), o.cv(), o.total(), o.returnOf(), o.autoship(),
        o.campaign());
  }

  private static Product unlined(Product p) {
    return new Product(0, p.sku(), p.name(), p.price(), p.pv(), p.cv(), p.kit(), p.category());
  }
}
