package org.downline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.downline.core.Progress;
import org.downline.store.Database;
import org.downline.app.network.ImportFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue next steps into the database, add later orders, and report who took them. */
class ConversionCommandTest {
  @TempDir Path dir;

  @Test
  void issueThenMeasureAgainstTheHoldout() throws IOException {
    Path members = Files.writeString(dir.resolve("members.csv"), """
        id,sponsor_id,kind,join_date
        D1,,distributor,2024-01-01
        C1,D1,customer,2024-01-01
        C2,D1,customer,2024-01-01
        C3,D1,customer,2024-01-01
        E4,D1,customer,2024-01-01
        """);
    String before = """
        id,member_id,date,pv,cv,return_of,total
        o1,C1,2025-01-01,10,8,,10.00
        o2,C2,2025-01-01,10,8,,10.00
        o3,C3,2025-01-01,10,8,,10.00
        o4,E4,2025-01-01,10,8,,10.00
        """;
    Path orders = Files.writeString(dir.resolve("orders.csv"), before);
    String url = "jdbc:h2:mem:conversion_" + System.nanoTime() + ";DB_CLOSE_DELAY=-1";
    try (Database db = Database.open(url)) {
      ImportFile importer = new ImportFile(db, Progress.NONE);
      importer.importMembers(members);
      importer.importOrders(orders);

      // Buckets with seed "downline": C1 4295, C2 2506, C3 717, E4 54, D1 1784; the default 10%
      // share (1000) holds out C3 and E4. All four customers ordered once: customers/1. D1 has
      // sponsored no distributor: sponsored-nobody.
      Cli issued = Cli.run("next-steps", "--issue", "--as-of", "2025-06-30", "--db", url);
      assertThat(issued.err()).isEmpty();
      assertThat(issued.out()).isEqualTo("issued 5 next steps as of 2025-06-30 (2 held out)\n");

      // Later: C1 and C2 (recommended) and C3 (held out) order again; nobody joins under D1.
      Files.writeString(orders, before + """
          o5,C1,2025-07-05,10,8,,10.00
          o6,C2,2025-08-01,10,8,,10.00
          o7,C3,2025-07-06,10,8,,10.00
          o8,E4,2025-10-01,10,8,,10.00
          """);
      importer.importOrders(orders);

      Cli r = Cli.run("report", "conversion", "--from", "2025-06-30", "--until", "2025-09-30", "--format", "csv", "--db", url);
      assertThat(r.err()).isEmpty();
      // customers/1: recommended 2, both took it (100.00%); held out 2, C3 took it (50.00%; E4's
      // order is after --until). Lift (2 x 2 - 1 x 2) / (2 x 2) = 50.00 points; relative
      // (2 x 2 - 1 x 2) / (1 x 2) = +100.00%. sponsored-nobody: 1 recommended, 0 took, none held out.
      assertThat(r.out()).isEqualTo("""
          segment,step,recommended,took,held_out,held_out_took,conversion_pct,held_out_conversion_pct,lift_points,relative_lift_pct
          customers/1,second-order,2,2,2,1,100.00,50.00,50.00,100.00
          sponsored-nobody,first-recruit,1,0,0,0,0.00,,,
          """);

      // Issuing again for the same day replaces, never duplicates.
      Cli again = Cli.run("next-steps", "--issue", "--as-of", "2025-06-30", "--db", url);
      assertThat(again.out()).startsWith("issued ");
      Cli r2 = Cli.run("report", "conversion", "--from", "2025-06-30", "--until", "2025-09-30", "--format", "csv", "--db", url);
      assertThat(r2.out()).doesNotContain(",4,");
    }
  }
}
