package org.downline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.downline.csv.CompanyCsvWriter;
import org.downline.csv.ProspectingCsvWriter;
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

  /**
   * --contacts-per-distributor 0 (the default) writes the six company files only, byte for byte as
   * without the option; with contacts the company files stay the same too (prospecting draws from its
   * own random streams after the company), and the ten prospecting files come beside them.
   */
  @Test
  void contactsPerDistributorLeavesTheCompanyFilesAsTheyWere() throws IOException {
    String[] base = {"generate", "--members", "300", "--months", "3", "--seed", "9", "--end", "2026-01", "--out"};
    Path plain = tmp.resolve("plain");
    Path zero = tmp.resolve("zero");
    Path three = tmp.resolve("three");
    assertThat(run(concat(base, plain.toString()))).as(err.toString()).isZero();
    assertThat(run(concat(base, zero.toString(), "--contacts-per-distributor", "0"))).as(err.toString()).isZero();
    assertThat(run(concat(base, three.toString(), "--contacts-per-distributor", "3"))).as(err.toString()).isZero();
    for (String f : CompanyCsvWriter.FILES) {
      assertThat(Files.readAllBytes(zero.resolve(f))).as(f).isEqualTo(Files.readAllBytes(plain.resolve(f)));
      assertThat(Files.readAllBytes(three.resolve(f))).as(f).isEqualTo(Files.readAllBytes(plain.resolve(f)));
    }
    try (var files = Files.list(zero)) {
      assertThat(files.count()).isEqualTo(CompanyCsvWriter.FILES.size());
    }
    for (String f : ProspectingCsvWriter.FILES) assertThat(three.resolve(f)).exists();
    // 3 contacts each (contacts 0-2: all prospects, a call for 0 and 2): per distributor 3 contacts, 3 prospects, 5 touches.
    long distributors = Files.readAllLines(three.resolve(CompanyCsvWriter.MEMBERS)).stream().filter(l -> l.contains(",distributor,")).count();
    assertThat(Files.readAllLines(three.resolve(ProspectingCsvWriter.CONTACTS))).hasSize((int) (3 * distributors + 1));
    assertThat(out.toString()).contains(String.format(java.util.Locale.ROOT,
        "Prospecting for %,d distributors: %,d contacts, %,d prospects (0 joined), %,d touches.",
        distributors, 3 * distributors, 3 * distributors, 5 * distributors));
  }

  @Test
  void theSameSeedGivesTheSameProspectingFiles() throws IOException {
    String[] base = {"generate", "--members", "200", "--months", "2", "--seed", "4", "--end", "2026-01",
        "--contacts-per-distributor", "30", "--out"};
    assertThat(run(concat(base, tmp.resolve("a").toString()))).as(err.toString()).isZero();
    assertThat(run(concat(base, tmp.resolve("b").toString()))).as(err.toString()).isZero();
    for (String f : ProspectingCsvWriter.FILES) {
      assertThat(Files.readAllBytes(tmp.resolve("b").resolve(f))).as(f).isEqualTo(Files.readAllBytes(tmp.resolve("a").resolve(f)));
    }
  }

  private static String[] concat(String[] a, String... b) {
    String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
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
