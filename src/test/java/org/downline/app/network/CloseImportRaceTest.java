package org.downline.app.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.downline.cli.Downline;
import org.downline.store.Database;
import org.downline.store.TestDatabases;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * An import of a period's orders and a close of that period, started at the same moment in two
 * processes on one database: whichever takes the period's lock first wins, the other is refused
 * whole, and the closed period still reproduces its run. Either order is safe.
 */
class CloseImportRaceTest {
  private static final int TRIALS = Integer.getInteger("race.trials", 3);
  private static final int LATE_ORDERS = 400;

  @TempDir Path dir;

  @Test
  void onAnEmbeddedH2FileSharedByTwoProcesses() throws Exception {
    for (int t = 0; t < TRIALS; t++) {
      race("jdbc:h2:file:" + dir.resolve("race" + t).toAbsolutePath() + ";AUTO_SERVER=TRUE", t);
    }
  }

  @Test
  @Tag("postgres")
  void onPostgreSql() throws Exception {
    for (int t = 0; t < TRIALS; t++) {
      Database db = TestDatabases.fresh(TestDatabases.Kind.POSTGRESQL);
      String url = db.url();
      db.close();
      try {
        race(url, t);
      } finally {
        TestDatabases.drop(Database.open(url));
      }
    }
  }

  private void race(String url, int trial) throws Exception {
    StringBuilder members = new StringBuilder("id,sponsor_id,kind,join_date\nR,,distributor,2026-01-01\n");
    for (int i = 0; i < 50; i++) members.append("D").append(i).append(",R,distributor,2026-01-02\n");
    StringBuilder orders = new StringBuilder("id,member_id,date,pv,cv,return_of\n");
    for (int i = 0; i < 50; i++) orders.append("o").append(i).append(",D").append(i).append(",2026-01-05,100,80,\n");
    StringBuilder late = new StringBuilder("id,member_id,date,pv,cv,return_of\n");
    for (int i = 0; i < LATE_ORDERS; i++) late.append("late").append(i).append(",D").append(i % 50).append(",2026-01-20,10,8,\n");
    Path m = Files.writeString(dir.resolve("members" + trial + ".csv"), members);
    Path o = Files.writeString(dir.resolve("orders" + trial + ".csv"), orders);
    Path lateFile = Files.writeString(dir.resolve("late" + trial + ".csv"), late);
    assertThat(inProcess("import", "members", m.toString(), "--db", url)).isZero();
    assertThat(inProcess("import", "orders", o.toString(), "--db", url)).isZero();
    assertThat(inProcess("commissions", "run", "--period", "2026-01", "--db", url)).isZero();
    String linesBefore = linesSha(url);

    Process importer = process(dir.resolve("import" + trial + ".out"), "import", "orders", lateFile.toString(), "--db", url);
    Process closer = process(dir.resolve("close" + trial + ".out"), "commissions", "close", "--period", "2026-01", "--run",
        "1", "--db", url);
    assertThat(importer.waitFor(5, TimeUnit.MINUTES)).isTrue();
    assertThat(closer.waitFor(5, TimeUnit.MINUTES)).isTrue();
    String importOut = Files.readString(dir.resolve("import" + trial + ".out"));
    String closeOut = Files.readString(dir.resolve("close" + trial + ".out"));
    int importExit = importer.exitValue();
    int closeExit = closer.exitValue();
    // Refused, never crashed: exit 2 with a reason, or 0.
    assertThat(List.of(importExit, closeExit)).as(importOut + "\n" + closeOut).allMatch(e -> e == 0 || e == 2);
    assertThat(importExit == 0 ^ closeExit == 0).as("exactly one wins:\n" + importOut + "\n" + closeOut).isTrue();
    long stored = count(url, "SELECT COUNT(*) FROM orders WHERE period = '2026-01'");
    if (closeExit == 0) {
      // The close went first: the import saw the period closed and wrote nothing.
      assertThat(stored).isEqualTo(50);
      assertThat(importOut).contains("2026-01").containsAnyOf("is closed", "was closed");
      // The closed period reproduces its run.
      assertThat(inProcess("commissions", "run", "--period", "2026-01", "--db", url)).isZero();
      assertThat(count(url, "SELECT COUNT(DISTINCT lines_sha256) FROM commission_run WHERE period = '2026-01'")).isEqualTo(1);
      assertThat(linesSha(url)).isEqualTo(linesBefore);
    } else {
      // The import went first: the run no longer matches the data, and the close says so.
      assertThat(stored).isEqualTo(50 + LATE_ORDERS);
      assertThat(closeOut).contains("the data changed since run 1");
      assertThat(count(url, "SELECT COUNT(*) FROM period WHERE name = '2026-01' AND state = 'closed'")).isZero();
    }
  }

  private static int inProcess(String... args) {
    CommandLine cl = Downline.commandLine();
    StringWriter err = new StringWriter();
    cl.setErr(new PrintWriter(err, true));
    cl.setOut(new PrintWriter(new StringWriter(), true));
    int exit = cl.execute(args);
    if (exit != 0) System.err.println(err);
    return exit;
  }

  private static Process process(Path output, String... args) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx512m");
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(Downline.class.getName());
    command.addAll(List.of(args));
    return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile())
        .directory(new File(System.getProperty("java.io.tmpdir"))).start();
  }

  private static long count(String url, String sql) throws Exception {
    try (Database db = Database.open(url); Connection c = db.connection(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static String linesSha(String url) throws Exception {
    try (Database db = Database.open(url); Connection c = db.connection(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT lines_sha256 FROM commission_run WHERE id = 1")) {
      rs.next();
      return rs.getString(1);
    }
  }
}
