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

/**
 * {@code report retail-share} in file mode on {@link DisclosureCompany}: matching lines (P's on S's
 * unilevel) and clawbacks (of K's returned order) count for the member who placed the source order.
 */
class RetailShareCommandTest {
  @TempDir Path dir;

  private Cli report(String... more) throws Exception {
    DisclosureCompany.write(dir);
    String[] base = {"report", "retail-share", "--year", "2025", "--plan", dir.resolve("plan.yaml").toString(),
      "--members", dir.resolve("members.csv").toString(), "--orders", dir.resolve("orders.csv").toString()};
    String[] args = java.util.Arrays.copyOf(base, base.length + more.length);
    System.arraycopy(more, 0, args, base.length, more.length);
    return Cli.run(args);
  }

  @Test
  void csvPerPeriodThenTheYear() throws Exception {
    Cli r = report("--format", "csv");
    assertThat(r.status()).as(r.err()).isZero();
    assertThat(r.out()).isEqualTo(DisclosureCompany.RETAIL_CSV);
  }

  @Test
  void byDistributor() throws Exception {
    Cli r = report("--format", "csv", "--by", "distributor");
    assertThat(r.status()).as(r.err()).isZero();
    // P: 12.25; sourced 10.00 (S) + 1.00 (T) + 0.50 (K) - 0.25 (K) = 11.25, from K 0.25: 2.22 -> 2.2;
    //    from distributors 11.00 > half: mostly participants; P owns no customer.
    // S: 16.50; sourced 3 (V) + 10 (T) + 5 (K) - 2.50 (K) = 15.50, from K 2.50: 16.13 -> 16.1; mostly participants;
    //    owns no customer (K is T's).
    // T: 6.00; sourced 10.00 - 5.00 = 5.00, all from K: 100.0; K ordered in March.
    assertThat(r.out()).isEqualTo("""
        year,distributor_id,rewards,rewards_sourced,from_customer_orders,share_from_customers,mostly_participants,no_retail_customer
        2025,P,12.25,11.25,0.25,2.2,true,true
        2025,S,16.50,15.50,2.50,16.1,true,true
        2025,T,6.00,5.00,5.00,100.0,false,false
        """);
  }

  @Test
  void jsonLeavesAnEmptyShareAsText() throws Exception {
    Cli r = report("--format", "json");
    assertThat(r.status()).as(r.err()).isZero();
    assertThat(r.out()).contains("{\"period\": \"2025-04\", \"rewards\": -7.75, \"rewards_sourced\": -7.75,"
        + " \"from_customer_orders\": -7.75, \"share_from_customers\": \"\"}")
        .contains("{\"period\": \"2025\", \"rewards\": 34.75, \"rewards_sourced\": 31.75, \"from_customer_orders\": 7.75,"
            + " \"share_from_customers\": 24.4}");
  }

  @Test
  void pdfWithTheTwoThirdsLine() throws Exception {
    Path out = dir.resolve("retail.pdf");
    Cli r = report("--format", "pdf", "--out", out.toString());
    assertThat(r.status()).as(r.err()).isZero();
    try (PDDocument doc = Loader.loadPDF(out.toFile())) {
      String text = new PDFTextStripper().getText(doc);
      assertThat(text).contains("Rewards from real customers 2025").contains("42.5%").contains("24.4%").contains("two thirds");
    }
    Path html = dir.resolve("retail.html");
    assertThat(report("--format", "html", "--out", html.toString()).status()).isZero();
    assertThat(Files.readString(html)).contains("class=\"line\"").contains("<th scope=\"row\">2025-03</th>");
  }

  @Test
  void byDistributorAsPdfAndHtml() throws Exception {
    Path out = dir.resolve("earners.pdf");
    Cli r = report("--by", "distributor", "--format", "pdf", "--out", out.toString());
    assertThat(r.status()).as(r.err()).isZero();
    // As the CSV above: P 2.2% and S 16.1% (both flagged), T 100.0% (not): 3 paid, 2 flagged.
    try (PDDocument doc = Loader.loadPDF(out.toFile())) {
      String text = new PDFTextStripper().getText(doc);
      assertThat(text).contains("Rewards from real customers by distributor 2025").contains("3 distributors were paid in 2025; 2 of")
          .contains("16.1%").contains("100.0%");
    }
    Path html = dir.resolve("earners.html");
    assertThat(report("--by", "distributor", "--format", "html", "--out", html.toString()).status()).isZero();
    assertThat(Files.readString(html)).contains("<tr><th scope=\"row\">P</th><td class=\"n\">12.25</td><td class=\"n\">11.25</td>"
        + "<td class=\"n\">0.25</td><td class=\"n\">2.2%</td><td class=\"n\">yes</td><td class=\"n\">yes</td></tr>")
        .contains("<tr><th scope=\"row\">T</th><td class=\"n\">6.00</td><td class=\"n\">5.00</td><td class=\"n\">5.00</td>"
            + "<td class=\"n\">100.0%</td><td class=\"n\">no</td><td class=\"n\">no</td></tr>");
  }
}
