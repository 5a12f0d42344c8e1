package org.downline.payfile;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.function.Function;
import org.downline.app.payout.Statements;
import org.downline.core.Decimals;
import org.downline.csv.CsvOutput;

/**
 * Year-end earnings statements: CSV (one row per earner and currency) and a one-page PDF per earner
 * rendered from XHTML by openhtmltopdf. Labels come from the payouts message bundle through
 * {@code text}, so the PDF reads in the earner's language.
 */
public final class YearEndFiles {
  private YearEndFiles() {}

  /** Debian's fonts-dejavu-core; without it the PDF falls back to Helvetica (Latin-1 only). */
  static final String FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";

  public static final String[] CSV_HEADER = {"year", "member_id", "currency", "gross", "clawbacks", "adjustments", "paid", "net",
      "tax_id_on_file"};

  public static void csv(List<Statements.EarnerYear> rows, OutputStream out) throws IOException {
    try (CsvOutput csv = new CsvOutput(out)) {
      csv.header(CSV_HEADER);
      for (Statements.EarnerYear y : rows) {
        csv.whole(y.year()).text(y.memberId()).text(y.currency()).cents(y.figures().gross()).cents(y.figures().clawbacks())
            .cents(y.figures().adjustments()).cents(y.figures().paid()).cents(y.figures().net()).text(y.taxIdPresent() ? "yes" : "no")
            .endRow();
      }
    }
  }

  /** One earner's year as PDF; {@code text} resolves {@code payouts.yearend.*} keys (arguments: year, member). */
  public static byte[] pdf(String memberId, int year, List<Statements.EarnerYear> rows, String company, Function<String, String> text)
      throws IOException {
    StringBuilder h = new StringBuilder();
    h.append("<html lang=\"").append(esc(text.apply("payouts.yearend.lang"))).append("\"><head><meta charset=\"utf-8\"/><title>")
        .append(esc(text.apply("payouts.yearend.title"))).append("</title><style>body{font-family:'DejaVu Sans',sans-serif;font-size:11pt}")
        .append("table{border-collapse:collapse;width:100%}th,td{border:1px solid #555;padding:4pt;text-align:left}")
        .append("td.num{text-align:right}</style></head><body>");
    h.append("<h1>").append(esc(text.apply("payouts.yearend.title"))).append(' ').append(year).append("</h1>");
    h.append("<p>").append(esc(company)).append("</p><p>").append(esc(text.apply("payouts.yearend.member"))).append(": ")
        .append(esc(memberId)).append("</p>");
    if (rows.isEmpty()) {
      h.append("<p>").append(esc(text.apply("payouts.yearend.none"))).append("</p>");
    }
    for (Statements.EarnerYear y : rows) {
      h.append("<h2>").append(esc(y.currency())).append("</h2><table>");
      row(h, text.apply("payouts.yearend.gross"), y.figures().gross());
      row(h, text.apply("payouts.yearend.clawbacks"), y.figures().clawbacks());
      row(h, text.apply("payouts.yearend.adjustments"), y.figures().adjustments());
      row(h, text.apply("payouts.yearend.net"), y.figures().net());
      row(h, text.apply("payouts.yearend.paid"), y.figures().paid());
      h.append("</table>");
    }
    h.append("</body></html>");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PdfRendererBuilder b = new PdfRendererBuilder();
    b.useFastMode();
    // Romanian and Polish letters need a font that has them; the PDF standard fonts do not.
    java.io.File font = new java.io.File(FONT);
    if (font.isFile()) b.useFont(font, "DejaVu Sans");
    b.withHtmlContent(h.toString(), null);
    b.toStream(out);
    b.run();
    return out.toByteArray();
  }

  private static void row(StringBuilder h, String label, long cents) {
    h.append("<tr><th>").append(esc(label)).append("</th><td class=\"num\">").append(Decimals.format(cents)).append("</td></tr>");
  }

  static String esc(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
