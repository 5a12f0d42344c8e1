package org.downline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.downline.payfile.BankFiles;
import org.downline.payout.PayoutsTest;
import org.downline.store.Database;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * {@code downline payouts ...} end to end on the worked example (PayoutsTest: October closed, A5
 * 604.32, A4 105.64, C 29.70, S2 100.00, A3 5.64, B 4.70), with A5 paid in EUR at 0.9215 (604.32
 * x 0.9215 = 556.88088 -> 556.88), and the bank files it writes.
 */
class PayoutsCommandTest {
  @TempDir Path dir;

  @Test
  void runApproveExportFailAndPay() throws Exception {
    String url = "jdbc:h2:file:" + dir.resolve("db").toAbsolutePath();
    try (Database db = Database.open(url)) {
      PayoutsTest.company(db, dir);
      PayoutsTest.close(db, "2026-10");
      try (var c = db.connection(); var s = c.createStatement()) {
        s.executeUpdate("INSERT INTO member_profile (member_id, country) VALUES ('A5', 'DE')");
      }
    }
    assertThat(run(url, "payouts", "market", "--country", "DE", "--currency", "EUR").out()).isEqualTo("members in DE are paid in EUR\n");
    for (String m : List.of("A5", "A4", "C")) {
      assertThat(run(url, "payouts", "details", "--member", m, "--name", "Holder " + m, "--iban", "DE89 3704 0044 0532 0130 00",
          "--bic", "COBADEFFXXX").status()).isZero();
    }
    Cli bad = run(url, "payouts", "details", "--member", "B", "--name", "B", "--iban", "DE00370400440532013000");
    assertThat(bad.status()).isEqualTo(Downline.EXIT_INPUT);
    assertThat(bad.err()).contains("not a valid IBAN");
    assertThat(run(url, "payouts", "hold", "--member", "A4", "--reason", "tax form missing").out()).isEqualTo("member A4 on hold (hold 1)\n");

    Cli noRate = run(url, "payouts", "run", "--through", "2026-10");
    assertThat(noRate.status()).isEqualTo(Downline.EXIT_INPUT);
    assertThat(noRate.err()).contains("no rate from USD to EUR");

    // Paid: A5 556.88 EUR and C 29.70 USD, never summed together; carried: A4 on hold, S2 without
    // details, and so are A3 and B (5.64 and 4.70, below 25.00 too).
    assertThat(run(url, "payouts", "run", "--through", "2026-10", "--rate", "EUR=0.9215").out())
        .isEqualTo("batch 1 through 2026-10: 2 payees, 556.88 EUR; 29.70 USD; carried: 3 no details, 1 on hold\n");
    assertThat(run(url, "payouts", "run", "--through", "2026-10", "--rate", "EUR=0.9215").out())
        .isEqualTo("nothing to pay through 2026-10; carried: 3 no details, 1 on hold\n");

    Cli early = run(url, "payouts", "export", "--batch", "1", "--out", dir.resolve("b.csv").toString());
    assertThat(early.status()).isEqualTo(Downline.EXIT_INPUT);
    assertThat(early.err()).contains("not approved yet");
    assertThat(run(url, "payouts", "approve", "--batch", "1", "--by", "alice").out())
        .isEqualTo("batch 1 approved by alice: 2 payees, 556.88 EUR; 29.70 USD\n");

    assertThat(run(url, "payouts", "export", "--batch", "1", "--out", dir.resolve("b.csv").toString()).status()).isZero();
    assertThat(Files.readString(dir.resolve("b.csv"))).isEqualTo("""
        batch_id,member_id,account_holder,iban,bic,amount,currency,reference
        1,A5,Holder A5,DE89370400440532013000,COBADEFFXXX,556.88,EUR,B1-A5
        1,C,Holder C,DE89370400440532013000,COBADEFFXXX,29.70,USD,B1-C
        """);

    assertThat(run(url, "payouts", "export", "--batch", "1", "--format", "pain001", "--out", dir.resolve("b.xml").toString()).status())
        .isZero();
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    Document doc = f.newDocumentBuilder().parse(dir.resolve("b.xml").toFile());
    Element root = doc.getDocumentElement();
    assertThat(root.getLocalName()).isEqualTo("Document");
    assertThat(root.getNamespaceURI()).isEqualTo(BankFiles.PAIN_001);
    Element grp = only(root, "GrpHdr");
    assertThat(text(grp, "MsgId")).isEqualTo("DOWNLINE-BATCH-1");
    assertThat(text(grp, "NbOfTxs")).isEqualTo("2");
    assertThat(grp.getElementsByTagNameNS(BankFiles.PAIN_001, "CtrlSum").getLength()).as("no sum across currencies").isZero();
    NodeList blocks = root.getElementsByTagNameNS(BankFiles.PAIN_001, "PmtInf");
    assertThat(blocks.getLength()).isEqualTo(2);
    Element eur = (Element) blocks.item(0);
    assertThat(text(eur, "PmtInfId")).isEqualTo("BATCH-1-EUR");
    assertThat(text(eur, "PmtMtd")).isEqualTo("TRF");
    assertThat(text(eur, "NbOfTxs")).isEqualTo("1");
    assertThat(text(eur, "CtrlSum")).isEqualTo("556.88");
    assertThat(text(only(eur, "SvcLvl"), "Cd")).isEqualTo("SEPA");
    assertThat(text(only(eur, "DbtrAcct"), "IBAN")).isEqualTo("DE89370400440532013000");
    Element tx = only(eur, "CdtTrfTxInf");
    assertThat(text(tx, "EndToEndId")).isEqualTo("B1-A5");
    Element amt = only(tx, "InstdAmt");
    assertThat(amt.getAttribute("Ccy")).isEqualTo("EUR");
    assertThat(amt.getTextContent()).isEqualTo("556.88");
    assertThat(text(only(tx, "Cdtr"), "Nm")).isEqualTo("Holder A5");
    assertThat(text(only(tx, "CdtrAcct"), "IBAN")).isEqualTo("DE89370400440532013000");
    // The children of a credit transfer appear in the schema's order.
    assertThat(childNames(tx)).containsExactly("PmtId", "Amt", "CdtrAgt", "Cdtr", "CdtrAcct", "RmtInf");
    assertThat(childNames(eur)).containsExactly("PmtInfId", "PmtMtd", "NbOfTxs", "CtrlSum", "PmtTpInf", "ReqdExctnDt", "Dbtr",
        "DbtrAcct", "DbtrAgt", "ChrgBr", "CdtTrfTxInf");
    Element usd = (Element) blocks.item(1);
    assertThat(text(usd, "CtrlSum")).isEqualTo("29.70");
    assertThat(usd.getElementsByTagNameNS(BankFiles.PAIN_001, "PmtTpInf").getLength()).as("SEPA service level for EUR only").isZero();

    assertThat(run(url, "payouts", "failed", "--batch", "1", "--member", "C", "--reason", "account closed").out())
        .isEqualTo("batch 1: 1 lines failed, returned to the balance; batch approved\n");
    assertThat(run(url, "payouts", "paid", "--batch", "1").out()).isEqualTo("batch 1: closed\n");
    assertThat(run(url, "payouts", "list", "--format", "csv").out()).isEqualTo("""
        batch,through,state,payees,paid,rates,created_by,approved_by
        1,2026-10,closed,1,556.88 EUR,EUR=0.9215,cli:%s,alice
        """.formatted(System.getProperty("user.name")));
    assertThat(run(url, "payouts", "list", "--batch", "1", "--format", "csv").out()).isEqualTo("""
        member,amount,currency,paid_amount,paid_currency,rate,state
        A5,604.32,USD,556.88,EUR,0.9215,paid
        C,29.70,USD,29.70,USD,1,failed
        """);
    // postings: 1 the close, 2 the payout, 3 the failed line, 4 this adjustment
    assertThat(run(url, "payouts", "adjust", "--member", "B", "--amount", "20.30", "--period", "2026-10", "--reason", "late order")
        .out()).isEqualTo("adjustment 20.30 to B for 2026-10 posted (posting 4)\n");
    assertThat(run(url, "payouts", "release", "--member", "A4").out()).isEqualTo("member A4 released\n");
  }

  static Cli run(String url, String... args) {
    String[] all = new String[args.length + 2];
    System.arraycopy(args, 0, all, 0, args.length);
    all[args.length] = "--db";
    all[args.length + 1] = url;
    return Cli.run(all);
  }

  static Element only(Element parent, String name) {
    NodeList l = parent.getElementsByTagNameNS(BankFiles.PAIN_001, name);
    assertThat(l.getLength()).as(name).isEqualTo(1);
    return (Element) l.item(0);
  }

  static String text(Element parent, String name) {
    return only(parent, name).getTextContent();
  }

  static List<String> childNames(Element e) {
    List<String> out = new java.util.ArrayList<>();
    for (var n = e.getFirstChild(); n != null; n = n.getNextSibling()) if (n instanceof Element c) out.add(c.getLocalName());
    return out;
  }
}
