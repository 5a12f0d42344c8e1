package org.downline.payfile;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.downline.core.Decimals;
import org.downline.csv.CsvOutput;
import org.downline.store.PayoutStore;

/**
 * A payout batch as files for the bank: CSV (one row per payee) and the ISO 20022 credit transfer
 * initiation, pain.001.001.03, written with the JDK's StAX (ADR 17). Failed lines are left out;
 * each currency is its own payment information block (amounts are never added across currencies).
 */
public final class BankFiles {
  public static final String PAIN_001 = "urn:iso:std:iso:20022:tech:xsd:pain.001.001.03";

  /** The paying company's account, from the payout settings. */
  public record Debtor(String name, String iban, String bic) {}

  private BankFiles() {}

  public static final String[] CSV_HEADER = {"batch_id", "member_id", "account_holder", "iban", "bic", "amount", "currency", "reference"};

  public static void csv(PayoutStore.Batch batch, List<PayoutStore.Line> lines, OutputStream out) throws IOException {
    try (CsvOutput csv = new CsvOutput(out)) {
      csv.header(CSV_HEADER);
      for (PayoutStore.Line l : paid(lines)) {
        csv.whole(batch.id()).text(l.memberId()).text(l.accountHolder()).text(l.iban()).text(l.bic()).cents(l.paidAmount())
            .text(l.paidCurrency()).text(reference(batch, l)).endRow();
      }
    }
  }

  /** The batch as pain.001.001.03, dated by its approval (the same batch always gives the same file). */
  public static void pain001(PayoutStore.Batch batch, List<PayoutStore.Line> lines, Debtor debtor, OutputStream out) throws IOException {
    Instant at = (batch.approvedAt() == null ? batch.createdAt() : batch.approvedAt()).truncatedTo(ChronoUnit.SECONDS);
    List<PayoutStore.Line> paid = paid(lines);
    Map<String, List<PayoutStore.Line>> byCurrency = new TreeMap<>();
    for (PayoutStore.Line l : paid) byCurrency.computeIfAbsent(l.paidCurrency(), k -> new ArrayList<>()).add(l);
    try {
      XMLStreamWriter x = XMLOutputFactory.newInstance().createXMLStreamWriter(out, "UTF-8");
      x.writeStartDocument("UTF-8", "1.0");
      x.writeStartElement("Document");
      x.writeDefaultNamespace(PAIN_001);
      x.writeStartElement("CstmrCdtTrfInitn");
      x.writeStartElement("GrpHdr");
      text(x, "MsgId", "DOWNLINE-BATCH-" + batch.id());
      text(x, "CreDtTm", DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(at.atOffset(ZoneOffset.UTC).toLocalDateTime()));
      text(x, "NbOfTxs", Integer.toString(paid.size()));
      // A control sum only when the batch pays in one currency: sums across currencies mean nothing.
      if (byCurrency.size() == 1) text(x, "CtrlSum", Decimals.format(sum(paid)));
      x.writeStartElement("InitgPty");
      text(x, "Nm", max(debtor.name(), 70));
      x.writeEndElement();
      x.writeEndElement();
      for (Map.Entry<String, List<PayoutStore.Line>> e : byCurrency.entrySet()) {
        List<PayoutStore.Line> ls = e.getValue();
        x.writeStartElement("PmtInf");
        text(x, "PmtInfId", "BATCH-" + batch.id() + "-" + e.getKey());
        text(x, "PmtMtd", "TRF");
        text(x, "NbOfTxs", Integer.toString(ls.size()));
        text(x, "CtrlSum", Decimals.format(sum(ls)));
        if ("EUR".equals(e.getKey())) {
          x.writeStartElement("PmtTpInf");
          x.writeStartElement("SvcLvl");
          text(x, "Cd", "SEPA");
          x.writeEndElement();
          x.writeEndElement();
        }
        text(x, "ReqdExctnDt", at.atOffset(ZoneOffset.UTC).toLocalDate().toString());
        x.writeStartElement("Dbtr");
        text(x, "Nm", max(debtor.name(), 70));
        x.writeEndElement();
        account(x, "DbtrAcct", debtor.iban());
        agent(x, "DbtrAgt", debtor.bic());
        text(x, "ChrgBr", "SLEV");
        for (PayoutStore.Line l : ls) {
          x.writeStartElement("CdtTrfTxInf");
          x.writeStartElement("PmtId");
          text(x, "EndToEndId", max(reference(batch, l), 35));
          x.writeEndElement();
          x.writeStartElement("Amt");
          x.writeStartElement("InstdAmt");
          x.writeAttribute("Ccy", l.paidCurrency());
          x.writeCharacters(Decimals.format(l.paidAmount()));
          x.writeEndElement();
          x.writeEndElement();
          if (l.bic() != null) agent(x, "CdtrAgt", l.bic());
          x.writeStartElement("Cdtr");
          text(x, "Nm", max(l.accountHolder(), 70));
          x.writeEndElement();
          account(x, "CdtrAcct", l.iban());
          x.writeStartElement("RmtInf");
          text(x, "Ustrd", max("Commissions through " + batch.throughPeriod() + ", member " + l.memberId(), 140));
          x.writeEndElement();
          x.writeEndElement();
        }
        x.writeEndElement();
      }
      x.writeEndElement();
      x.writeEndElement();
      x.writeEndDocument();
      x.flush();
      x.close();
    } catch (XMLStreamException e) {
      throw new IOException(e);
    }
  }

  static String reference(PayoutStore.Batch batch, PayoutStore.Line l) {
    return "B" + batch.id() + "-" + l.memberId();
  }

  private static List<PayoutStore.Line> paid(List<PayoutStore.Line> lines) {
    return lines.stream().filter(l -> !"failed".equals(l.state())).toList();
  }

  private static long sum(List<PayoutStore.Line> lines) {
    long s = 0;
    for (PayoutStore.Line l : lines) s = Math.addExact(s, l.paidAmount());
    return s;
  }

  private static String max(String s, int n) {
    return s.length() <= n ? s : s.substring(0, n);
  }

  private static void text(XMLStreamWriter x, String name, String value) throws XMLStreamException {
    x.writeStartElement(name);
    x.writeCharacters(value);
    x.writeEndElement();
  }

  private static void account(XMLStreamWriter x, String name, String iban) throws XMLStreamException {
    x.writeStartElement(name);
    x.writeStartElement("Id");
    text(x, "IBAN", iban);
    x.writeEndElement();
    x.writeEndElement();
  }

  private static void agent(XMLStreamWriter x, String name, String bic) throws XMLStreamException {
    x.writeStartElement(name);
    x.writeStartElement("FinInstnId");
    text(x, "BIC", bic);
    x.writeEndElement();
    x.writeEndElement();
  }
}
