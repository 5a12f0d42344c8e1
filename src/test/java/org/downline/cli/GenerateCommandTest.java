package org.downline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.downline.csv.CompanyCsvWriter;
import org.downline.store.CompanyStore;
import org.downline.store.Database;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class GenerateCommandTest {
  @TempDir Path tmp;
  final StringWriter out = new StringWriter();
  final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cl = Downline.commandLine();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    return cl.execute(args);
  }

  @Test
  void writesTheFiveFilesAndSaysWhat() throws IOException {
    Path dir = tmp.resolve("company");
    int status = run("generate", "--members", "300", "--months", "3", "--seed", "9", "--end", "2026-01",
        "--out", dir.toString());
    assertThat(status).as(err.toString()).isZero();
    for (String f : CompanyCsvWriter.FILES) {
      assertThat(dir.resolve(f)).isNotEmptyFile();
    }
    // 300 members and a header line.
    assertThat(Files.readAllLines(dir.resolve(CompanyCsvWriter.MEMBERS))).hasSize(301);
    // Three months ending before 2026-01: 2025-10, 2025-11, 2025-12.
    assertThat(out.toString()).contains("Generated 300 members").contains("Orders 2025-10 to 2025-12");
  }

  @Test
  void badOptionsWriteNothing() {
    Path dir = tmp.resolve("never");
    assertThat(run("generate", "--members", "0", "--out", dir.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("members must be at least 1");
    assertThat(run("generate", "--end", "2026-13", "--out", dir.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("'2026-13' is not a period of the form YYYY-MM");
    assertThat(run("generate", "--months", "0", "--out", dir.toString())).isEqualTo(2);
    assertThat(dir).doesNotExist();
  }

  @Test
  void withoutOutTheCompanyGoesIntoTheDatabase() throws Exception {
    String url = "jdbc:h2:mem:generate_" + System.nanoTime() + ";DB_CLOSE_DELAY=-1";
    int status = run("generate", "--members", "200", "--months", "2", "--seed", "3", "--end", "2026-01", "--db", url);
    assertThat(status).as(err.toString()).isZero();
    assertThat(out.toString()).contains("Generated 200 members");
    try (Database db = Database.open(url)) {
      assertThat(new CompanyStore(db).loadNetwork().size()).isEqualTo(200);
    }
  }

  @Test
  void helpDescribesTheOptions() {
    assertThat(run("generate", "--help")).isZero();
    assertThat(out.toString()).contains("--members", "--months", "--seed", "--end", "--out");
  }
}
