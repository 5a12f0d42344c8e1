package org.downline.payout;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.time.Year;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.downline.app.payout.Payouts;
import org.downline.app.payout.Statements;
import org.downline.payfile.YearEndFiles;
import org.downline.store.BothDatabases;
import org.downline.store.CommissionStore;
import org.downline.store.Database;
import org.junit.jupiter.api.io.TempDir;

/**
 * Statements on PayoutsTest's example: October and November closed, A5 and C paid through October
 * (604.32 and 29.70), B on hold, an adjustment of -5.00 to C. Earnings count in their period's
 * year (2026); payouts in the year they were made (this year).
 */
class StatementsTest {
  @TempDir Path dir;

  @BothDatabases
  void statementPendingYearEndAndReportingThreshold(Database db) throws Exception {
    CommissionStore store = PayoutsTest.company(db, dir);
    PayoutsTest.close(db, "2026-10");
    Payouts payouts = new Payouts(db);
    for (String m : List.of("A5", "C", "B")) payouts.details(m, "Holder " + m, PayoutsTest.IBAN, null, "staff");
    payouts.hold("B", "identity documents missing", "staff");
    payouts.run("2026-10", PayoutsTest.c("25.00"), Map.of(), "staff");
    PayoutsTest.close(db, "2026-11");
    payouts.adjust("C", PayoutsTest.c("-5.00"), "2026-11", "sample kit charged", null, "staff");
    try (var c = db.connection(); var s = c.createStatement()) {
      s.executeUpdate("INSERT INTO member_profile (member_id, tax_id) VALUES ('A5', '123-45-6789')");
    }
    Statements statements = new Statements(db);

    // C: 29.70 earned, 29.70 paid, -11.88 clawed back (return r1 by D), -5.00 adjusted: -16.88, negative.
    Statements.Statement c = statements.statement("C");
    assertThat(c.balance()).containsExactly(Map.entry("USD", PayoutsTest.c("-16.88")));
    assertThat(c.pending()).containsExactly(new Statements.Pending("USD", PayoutsTest.c("-16.88"), "negative"));
    assertThat(c.entries()).extracting(e -> e.kind(), e -> e.amount(), e -> e.sourceOrderId(), e -> e.sourceMemberId())
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("earning", 2500L, "oD", "D"),
            org.assertj.core.groups.Tuple.tuple("earning", 470L, "oD", "D"),
            org.assertj.core.groups.Tuple.tuple("payout", -2970L, null, null),
            org.assertj.core.groups.Tuple.tuple("clawback", -1188L, "r1", "D"),
            org.assertj.core.groups.Tuple.tuple("adjustment", -500L, null, null));
    assertThat(c.entries().getLast().memo()).isEqualTo("sample kit charged");
    // B: 4.70 - 1.88 = 2.82, on hold (the hold comes before the minimum).
    assertThat(statements.statement("B").pending()).containsExactly(new Statements.Pending("USD", PayoutsTest.c("2.82"), "on_hold"));
    // S2: 100.00, no payout details.
    assertThat(statements.statement("S2").pending()).containsExactly(new Statements.Pending("USD", PayoutsTest.c("100.00"), "no_details"));
    // A3: 5.64 - 2.26 = 3.38, no details either (details are checked before the minimum).
    assertThat(statements.statement("A3").pending()).extracting(Statements.Pending::reason).containsExactly("no_details");

    int now = Year.now(ZoneOffset.UTC).getValue();
    // C's 2026: gross 25.00 + 4.70 = 29.70, clawbacks -11.88, adjustments -5.00; paid 29.70 this year.
    Statements.EarnerYear c2026 = statements.yearEnd("C", 2026).getFirst();
    assertThat(c2026.figures().gross()).isEqualTo(2970);
    assertThat(c2026.figures().clawbacks()).isEqualTo(-1188);
    assertThat(c2026.figures().adjustments()).isEqualTo(-500);
    assertThat(c2026.figures().net()).isEqualTo(2970 - 1188 - 500);
    assertThat(statements.yearEnd("C", now).getFirst().figures().paid()).isEqualTo(2970);

    // Paid this year at or above 600.00: only A5 (604.32; C's 29.70 is below), whose tax id is on file.
    List<Statements.EarnerYear> reportable = statements.reportable(now, PayoutsTest.c("600.00"));
    assertThat(reportable).extracting(Statements.EarnerYear::memberId, Statements.EarnerYear::taxIdPresent)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("A5", true));
    assertThat(statements.reportable(now, PayoutsTest.c("25.00"))).extracting(Statements.EarnerYear::memberId,
        Statements.EarnerYear::taxIdPresent).containsExactly(org.assertj.core.groups.Tuple.tuple("A5", true),
            org.assertj.core.groups.Tuple.tuple("C", false));

    ByteArrayOutputStream csv = new ByteArrayOutputStream();
    YearEndFiles.csv(statements.yearEnd("C", 2026), csv);
    String paid2026 = now == 2026 ? "29.70" : "0.00";
    String net = "12.82"; // 29.70 - 11.88 - 5.00
    assertThat(csv.toString()).isEqualTo("year,member_id,currency,gross,clawbacks,adjustments,paid,net,tax_id_on_file\n"
        + "2026,C,USD,29.70,-11.88,-5.00," + paid2026 + "," + net + ",no\n");

    ResourceBundle ro = ResourceBundle.getBundle("i18n/payouts", java.util.Locale.forLanguageTag("ro"));
    byte[] pdf = YearEndFiles.pdf("C", 2026, statements.yearEnd("C", 2026), "Downline Company", ro::getString);
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      String text = new PDFTextStripper().getText(doc);
      assertThat(text).contains("Situația câștigurilor 2026", "Câștiguri brute", "29.70", "-11.88", "-5.00", "12.82");
    }
  }
}
