package org.downline.cli;

import org.downline.app.network.ImportFile;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SegmentsCommandTest {
  @TempDir Path dir;

  Path members;
  Path orders;

  void files() throws IOException {
    members = Files.writeString(dir.resolve("members.csv"), """
        id,sponsor_id,kind,join_date
        D1,,distributor,2024-01-01
        C1,D1,customer,2024-01-01
        C2,D1,preferred_customer,2024-01-01
        C3,C1,customer,2024-01-01
        D2,D1,distributor,2025-06-30
        """);
    orders = Files.writeString(dir.resolve("orders.csv"), """
        id,member_id,date,pv,cv,return_of,total
        o1,C1,2024-07-01,10,8,,19.99
        o2,C2,2024-08-01,10,8,,10.00
        o3,C2,2024-09-01,10,8,,10.01
        r3,C2,2024-09-02,-5,-4,o3,-5.00
        o4,D1,2025-06-30,50,40,,100.00
        o5,C3,2024-06-30,10,8,,30.00
        """);
  }

  @Test
  void csvHasTheExactHeaderAndEveryRowInOrder() throws IOException {
    files();
    Cli r = Cli.run("report", "segments", "--as-of", "2025-06-30", "--format", "csv",
        "--members", members.toString(), "--orders", orders.toString());
    assertThat(r.err()).isEmpty();
    assertThat(r.status()).isZero();
    // C1: 1 order 19.99. C2 (preferred, a customer): 2 orders 10.00 + 10.01 - 5.00 = 15.01, average
    // 15.01 / 2 = 7.505 -> 7.51. C3 ordered only the day before the window: lapsed. D1: 1 order
    // 100.00. D2 joined on the as-of date: lapsed.
    assertThat(r.out()).isEqualTo("""
        population,segment,members,orders,revenue,average_order_value
        customers,1,1,1,19.99,19.99
        customers,2-3,1,2,15.01,7.51
        customers,4-6,0,0,0.00,0.00
        customers,7-10,0,0,0.00,0.00
        customers,11+,0,0,0.00,0.00
        customers,lapsed,1,0,0.00,0.00
        distributors,1,1,1,100.00,100.00
        distributors,2-3,0,0,0.00,0.00
        distributors,4-6,0,0,0.00,0.00
        distributors,7-10,0,0,0.00,0.00
        distributors,11+,0,0,0.00,0.00
        distributors,lapsed,1,0,0.00,0.00
        """);
  }

  @Test
  void jsonIsAnArrayOfObjectsWithExactNumbers() throws IOException {
    files();
    Cli r = Cli.run("report", "segments", "--as-of", "2025-06-30", "--format", "json",
        "--members", members.toString(), "--orders", orders.toString());
    assertThat(r.status()).isZero();
    String compact = r.out().replaceAll("\\s+", "");
    assertThat(compact).startsWith("[{\"population\":\"customers\",\"segment\":\"1\",\"members\":1,\"orders\":1,"
        + "\"revenue\":19.99,\"average_order_value\":19.99},");
    assertThat(compact).contains("{\"population\":\"customers\",\"segment\":\"2-3\",\"members\":1,\"orders\":2,"
        + "\"revenue\":15.01,\"average_order_value\":7.51}");
    assertThat(compact).endsWith("{\"population\":\"distributors\",\"segment\":\"lapsed\",\"members\":1,\"orders\":0,"
        + "\"revenue\":0.00,\"average_order_value\":0.00}]");
  }

  @Test
  void tableIsReadable() throws IOException {
    files();
    Cli r = Cli.run("report", "segments", "--as-of", "2025-06-30",
        "--members", members.toString(), "--orders", orders.toString());
    assertThat(r.status()).isZero();
    assertThat(r.out()).startsWith("Purchase frequency, 2024-07-01..2025-06-30\n"
        + "population    segment  members  orders  revenue  average_order_value\n");
    assertThat(r.out()).contains("customers     2-3            1       2    15.01                 7.51\n");
  }

  @Test
  void boundsFromTheCommandLine() throws IOException {
    files();
    Cli r = Cli.run("report", "segments", "--as-of", "2025-06-30", "--format", "csv", "--bounds", "1,3",
        "--members", members.toString(), "--orders", orders.toString());
    assertThat(r.out()).contains("customers,1-2,2,3,35.00,11.67\n"); // 19.99 + 15.01 = 35.00 over 3 = 11.666.. -> 11.67
  }

  @Test
  void boundsFromAPlaybook() throws IOException {
    files();
    Path pb = Files.writeString(dir.resolve("pb.yaml"), "frequency-bounds: [1, 2]\n");
    Cli r = Cli.run("report", "segments", "--as-of", "2025-06-30", "--format", "csv", "--playbook", pb.toString(),
        "--members", members.toString(), "--orders", orders.toString());
    // segments 1, 2+, lapsed: C2's 2 orders are now 2+
    assertThat(r.out().lines().filter(l -> l.startsWith("customers"))).containsExactly(
        "customers,1,1,1,19.99,19.99", "customers,2+,1,2,15.01,7.51", "customers,lapsed,1,0,0.00,0.00");
  }

  @Test
  void badRowsAreNamedAndNothingIsPrinted() throws IOException {
    files();
    Files.writeString(orders, "o9,C9,2025-01-01,1,1,,1.00\n", java.nio.file.StandardOpenOption.APPEND);
    Cli r = Cli.run("report", "segments", "--as-of", "2025-06-30", "--format", "csv",
        "--members", members.toString(), "--orders", orders.toString());
    assertThat(r.status()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).contains("orders.csv:8: column member_id: unknown member 'C9'");
  }

  @Test
  void storedDataGivesTheSameReport() throws IOException {
    files();
    String url = "jdbc:h2:mem:segments_" + System.nanoTime() + ";DB_CLOSE_DELAY=-1";
    try (org.downline.store.Database db = org.downline.store.Database.open(url)) {
      org.downline.app.network.ImportFile importer = new org.downline.app.network.ImportFile(db, org.downline.core.Progress.NONE);
      importer.importMembers(members);
      importer.importOrders(orders);
      Cli fromDb = Cli.run("report", "segments", "--as-of", "2025-06-30", "--format", "csv", "--db", url);
      Cli fromFiles = Cli.run("report", "segments", "--as-of", "2025-06-30", "--format", "csv",
          "--members", members.toString(), "--orders", orders.toString());
      assertThat(fromDb.err()).isEmpty();
      assertThat(fromDb.out()).isEqualTo(fromFiles.out()).contains("customers,2-3,1,2,15.01,7.51\n");
    }
  }

  @Test
  void fileModeNeedsBothFiles() throws IOException {
    files();
    Cli r = Cli.run("report", "segments", "--members", members.toString());
    assertThat(r.status()).isEqualTo(2);
    assertThat(r.err()).contains("--members FILE and --orders FILE");
  }
}
