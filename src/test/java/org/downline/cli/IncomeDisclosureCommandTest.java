package org.downline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.downline.disclosure.DisclosureCompany;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code report income-disclosure} in file mode: the exact CSV, JSON, and the HTML and PDF statements. */
class IncomeDisclosureCommandTest {
  @TempDir Path dir;

  private Cli report(String... more) throws Exception {
    DisclosureCompany.write(dir);
    String[] base = {"report", "income-disclosure", "--year", "2025", "--plan", dir.resolve("plan.yaml").toString(),
      "--members", dir.resolve("members.csv").toString(), "--orders", dir.resolve("orders.csv").toString()};
    String[] args = java.util.Arrays.copyOf(base, base.length + more.length);
    System.arraycopy(more, 0, args, base.length, more.length);
    return Cli.run(args);
  }

  @Test
  void csvIsExactlyTheStatement() throws Exception {
    Cli r = report("--format", "csv");
    assertThat(r.status()).as(r.err()).isZero();
    assertThat(r.out()).isEqualTo(DisclosureCompany.STATEMENT_CSV);
  }

  @Test
  void jsonHasTheSameFiguresAsNumbers() throws Exception {
    Cli r = report("--format", "json");
    assertThat(r.status()).as(r.err()).isZero();
    assertThat(r.out()).contains("{\"year\": 2025, \"group\": \"all\", \"participants\": 5, \"share_of_participants\": 100.0,"
        + " \"earned_nothing\": 2, \"share_earned_nothing\": 40.0, \"mean\": 6.95, \"median\": 6.00");
  }

  @Test
  void htmlStatesTheDefinitionsAndTheShareWhoLeft() throws Exception {
    Path out = dir.resolve("statement.html");
    Cli r = report("--format", "html", "--out", out.toString());
    assertThat(r.status()).as(r.err()).isZero();
    String html = Files.readString(out);
    assertThat(html).contains("<html lang=\"en\"").contains("Income disclosure statement 2025")
        .contains("5 people took part in 2025.")
        .contains("40.0% of them earned nothing")
        // V left during the year: 1 of 5.
        .contains("20.0% of them left during the year.")
        .contains("no figure here is annualised")
        .contains("<dt>Participant</dt>").contains("<dt>Purchases</dt>").contains("<dt>Median and percentiles</dt>")
        .doesNotContain("per year");
  }

  @Test
  void pdfReadsBackWithTheFigures() throws Exception {
    Path out = dir.resolve("statement.pdf");
    Cli r = report("--format", "pdf", "--out", out.toString());
    assertThat(r.status()).as(r.err()).isZero();
    try (PDDocument doc = Loader.loadPDF(out.toFile())) {
      String text = new PDFTextStripper().getText(doc);
      assertThat(text).contains("Income disclosure statement 2025").contains("5 people took part in 2025.")
          .contains("-87.75").contains("20.0% of them left during the year.");
    }
  }

  @Test
  void refusals() throws Exception {
    Cli noOut = report("--format", "pdf");
    assertThat(noOut.status()).isEqualTo(2);
    assertThat(noOut.err()).contains("--format pdf needs --out FILE");
    Cli noPlan = Cli.run("report", "income-disclosure", "--year", "2025", "--members", "m.csv", "--orders", "o.csv");
    assertThat(noPlan.status()).isEqualTo(2);
    assertThat(noPlan.err()).contains("file mode needs --plan");
  }
}
