package org.downline.commission;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.downline.core.Periods;
import org.downline.core.Progress;
import org.downline.planfile.PlanFile;
import org.downline.store.CommissionStore;
import org.downline.store.Database;
import org.downline.app.network.ImportFile;
import org.downline.store.TestDatabases;
import org.downline.testing.Property;
import org.junit.jupiter.api.Test;

/**
 * Database mode over random companies (embedded H2): running and closing every period in order
 * gives the lines file mode gives, and re-running a closed period reproduces its run byte for byte.
 */
class DatabaseModePropertiesTest {
  @Test
  void closedPeriodsReRunByteIdenticalAndEqualFileMode() {
    Property.forAll(15, g -> closedPeriodsReRunByteIdenticalAndEqualFileMode(g.seed(), g.intBetween("size", 1, 40)));
  }

  void closedPeriodsReRunByteIdenticalAndEqualFileMode(long seed, int size) throws Exception {
    Scenario s = RandomCompany.of(seed, size);
    Path dir = Files.createTempDirectory("dbmode");
    Database db = TestDatabases.fresh(TestDatabases.Kind.H2);
    try {
      Scenario.Outcome file = s.run(dir.resolve("file"));
      assertThat(file.exit()).as(file.err()).isZero();
      ImportFile importer = new ImportFile(db, Progress.NONE);
      importer.importMembers(dir.resolve("file/members.csv"));
      importer.importOrders(dir.resolve("file/orders.csv"));
      CommissionStore store = new CommissionStore(db);
      Plan plan = PlanFile.builtIn("demo");
      String text = PlanFile.source("demo");
      List<String> periods = s.orders.stream().skip(1).map(o -> o.split(",", -1)[2].substring(0, 7)).sorted().distinct().toList();
      if (periods.isEmpty()) return;
      int first = Periods.index(Periods.parse(periods.get(0)));
      int last = Periods.index(Periods.parse(periods.get(periods.size() - 1)));
      java.util.Map<String, String> closedSha = new java.util.HashMap<>();
      for (int p = first; p <= last; p++) {
        String name = Periods.name(p);
        CommissionStore.Run run = new org.downline.app.commission.RunPeriod(db).run(name, plan, text, Progress.NONE);
        closedSha.put(name, run.linesSha256());
        List<String> fromFile = file.lines().stream().filter(l -> l.startsWith(name + ",")).toList();
        assertThat(store.lines(run.id())).as(name).containsExactlyElementsOf(fromFile);
        // The run's fingerprint is the SHA-256 of its lines as lines.csv has them, one a line.
        assertThat(run.linesSha256()).as(name).isEqualTo(sha256(String.join("\n", fromFile)));
        assertThat(run.lines()).as(name).isEqualTo(fromFile.size());
        new org.downline.app.commission.ClosePeriod(db).close(name, run.id());
      }
      for (int p = first; p <= last; p++) {
        String name = Periods.name(p);
        CommissionStore.Run again = new org.downline.app.commission.RunPeriod(db).run(name, plan, text, Progress.NONE);
        List<String> fromFile = file.lines().stream().filter(l -> l.startsWith(name + ",")).toList();
        assertThat(store.lines(again.id())).as(name).containsExactlyElementsOf(fromFile);
        assertThat(again.linesSha256()).as(name).isEqualTo(closedSha.get(name));
      }
    } finally {
      TestDatabases.drop(db);
      CommissionPropertiesTest.delete(dir);
    }
  }

  private static String sha256(String text) throws java.security.NoSuchAlgorithmException {
    return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
        .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
  }
}
