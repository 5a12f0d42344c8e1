package org.downline.document;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.downline.core.Decimals;
import org.downline.disclosure.IncomeDisclosure;
import org.downline.disclosure.RetailShare;
import org.downline.disclosure.Share;

/**
 * The income disclosure statement as a standalone, printable HTML document (well-formed XHTML, so
 * that the same text lays out as PDF through openhtmltopdf). English, like the command line; the
 * console page has its own translated template.
 */
public final class StatementDocument {
  private StatementDocument() {}

  public static String html(IncomeDisclosure.Statement s, String source, String leftOutPeriods) {
    IncomeDisclosure.Row all = s.all();
    StringBuilder h = new StringBuilder(16_384);
    head(h, "Income disclosure statement " + s.year());
    h.append("<h1>Income disclosure statement ").append(s.year()).append("</h1>\n");
    h.append("<p>From: ").append(esc(source)).append(".");
    if (!leftOutPeriods.isEmpty()) {
      h.append(" Periods of ").append(s.year()).append(" not closed yet, left out of every figure: ")
          .append(esc(leftOutPeriods)).append(".");
    }
    h.append("</p>\n<h2>In short</h2>\n<ul>");
    h.append("<li>").append(all.participants()).append(" people took part in ").append(s.year()).append(".</li>");
    h.append("<li>").append(Share.format(all.shareEarnedNothing())).append("% of them earned nothing (zero or less).</li>");
    h.append("<li>Half of them earned ").append(money(all.median())).append(" or less in the whole year, ")
        .append(money(all.medianPerMonth())).append(" or less per month of taking part.</li>");
    h.append("<li>After what they bought themselves, half of them were left with ").append(money(all.medianNet()))
        .append(" or less; ").append(Share.format(all.shareNetNegative())).append("% spent more than they earned.</li>");
    h.append("<li>").append(Share.format(all.shareLeftDuringYear())).append("% of them left during the year.</li>");
    h.append("</ul>\n<p>These are the amounts actually paid for the year, not a projection: no figure here is annualised.</p>\n");
    chart(h, all);
    h.append("<h2>By rank</h2>\n<div class=\"scroll\"><table><thead><tr>");
    for (String c : List.of("Group", "Participants", "Share of participants", "Earned nothing", "Share earned nothing",
        "Mean", "Median", "10th percentile", "25th percentile", "75th percentile", "90th percentile", "Lowest", "Highest",
        "Median per month", "Median net", "Share net negative", "Left during the year")) {
      h.append("<th scope=\"col\">").append(c).append("</th>");
    }
    h.append("</tr></thead><tbody>\n");
    for (IncomeDisclosure.Row r : s.rows()) {
      h.append("<tr><th scope=\"row\">").append(esc(r.group())).append("</th>");
      cell(h, Integer.toString(r.participants()));
      cell(h, Share.format(r.shareOfParticipants()) + "%");
      cell(h, Integer.toString(r.earnedNothing()));
      cell(h, Share.format(r.shareEarnedNothing()) + "%");
      for (long v : new long[] {r.mean(), r.median(), r.p10(), r.p25(), r.p75(), r.p90(), r.min(), r.max(),
          r.medianPerMonth(), r.medianNet()}) {
        cell(h, Decimals.format(v));
      }
      cell(h, Share.format(r.shareNetNegative()) + "%");
      cell(h, Share.format(r.shareLeftDuringYear()) + "%");
      h.append("</tr>\n");
    }
    h.append("</tbody></table></div>\n");
    h.append("<h2>What the words mean</h2>\n<dl>");
    def(h, "Participant", "a distributor who had joined by 31 December " + s.year() + " and had not left before 1 January "
        + s.year() + ". Everyone counts, including those who earned nothing. A cancelled or terminated member left on the"
        + " date their status changed (on their join date when none is recorded).");
    def(h, "Months of participation", "the calendar months of the year from the later of January and the month they"
        + " joined to the earlier of December and the month they left, both counted.");
    def(h, "Gross earnings", "everything the company paid the participant for the year's periods, less anything taken"
        + " back when a sale was returned later (clawbacks), so it can be negative.");
    def(h, "Group", "the highest rank the participant was paid as in any period of the year (the first rank if none).");
    def(h, "Purchases", "what the participant paid for their own orders dated in the year, less what they got back for"
        + " returns dated in the year.");
    def(h, "Net", "gross earnings less purchases: what was left after buying.");
    def(h, "Earned nothing", "gross earnings of zero or less.");
    def(h, "Mean", "gross earnings added up and divided by the number of participants, to the cent.");
    def(h, "Median and percentiles", "the participants' gross earnings are put in order from lowest to highest; the"
        + " p-th percentile is the amount of the participant at position p x n / 100 rounded up (the median is p = 50),"
        + " so every figure is one real participant's earnings, not an average.");
    def(h, "Median per month", "the median of each participant's gross earnings divided by their months of"
        + " participation, rounded to the cent after it is chosen.");
    def(h, "Median net", "the median of net. Share net negative: participants who bought more than they earned.");
    def(h, "Shares", "in percent with one decimal, rounded half away from zero; 0.0 for a group with nobody in it,"
        + " whose amounts are all 0.00.");
    h.append("</dl>\n</body></html>\n");
    return h.toString();
  }

  /** The distribution of the year's gross earnings as bars, with the figures beside them (the table is the alternative). */
  private static void chart(StringBuilder h, IncomeDisclosure.Row all) {
    String[] labels = {"Lowest", "10th percentile", "25th percentile", "Median", "75th percentile", "90th percentile", "Highest"};
    long[] values = {all.min(), all.p10(), all.p25(), all.median(), all.p75(), all.p90(), all.max()};
    long top = 1;
    for (long v : values) top = Math.max(top, Math.abs(v));
    h.append("<h2>How earnings were spread</h2>\n<p>Gross earnings of all participants at each point of the order from")
        .append(" lowest to highest (the same figures as the all row of the table below).</p>\n")
        .append("<table class=\"chart\" role=\"img\" aria-label=\"Gross earnings by percentile\"><tbody>");
    for (int i = 0; i < values.length; i++) {
      long width = Math.max(values[i] == 0 ? 0 : 1, Math.abs(values[i]) * 100 / top);
      h.append("<tr><td>").append(labels[i]).append("</td><td style=\"width:30em\"><div class=\"bar")
          .append(values[i] < 0 ? " neg" : "").append("\" style=\"width:").append(width).append("%\"></div></td><td class=\"n\">")
          .append(Decimals.format(values[i])).append("</td></tr>");
    }
    h.append("</tbody></table>\n");
  }

  /**
   * The retail share of a year as a printable document: per month the share of sourced rewards paid
   * on customers' orders, as bars against the two-thirds line, and the table of figures.
   */
  public static String retailHtml(int year, List<RetailShare.Row> rows, String source, String leftOutPeriods) {
    StringBuilder h = new StringBuilder(8192);
    head(h, "Rewards from real customers " + year);
    h.append("<h1>Rewards from real customers ").append(year).append("</h1>\n<p>From: ").append(esc(source)).append(".");
    if (!leftOutPeriods.isEmpty()) h.append(" Periods not closed yet, left out: ").append(esc(leftOutPeriods)).append(".");
    h.append("</p>\n<p>Of the rewards paid on an order, the share paid on orders of customers who are not distributors")
        .append(" themselves. A company paying for real sales keeps it at two thirds (66.7%) or more.</p>\n");
    h.append("<table class=\"chart\" role=\"img\" aria-label=\"Share from customers per month against two thirds\"><tbody>");
    for (RetailShare.Row r : rows) {
      String label = r.month() == 0 ? Integer.toString(year) : org.downline.core.Periods.name(year * 12 + r.month() - 1);
      long width = r.hasShare() ? Math.max(0, Math.min(1000, r.share())) / 10 : 0;
      h.append("<tr><td>").append(label).append("</td><td style=\"width:30em\"><div class=\"track\"><div class=\"bar")
          .append(r.hasShare() && r.share() < RetailShare.TWO_THIRDS_TENTHS ? " neg" : "").append("\" style=\"width:")
          .append(width).append("%\"></div><div class=\"line\"></div></div></td><td class=\"n\">")
          .append(r.hasShare() ? Share.format(r.share()) + "%" : "no sourced rewards").append("</td></tr>");
    }
    h.append("</tbody></table>\n<p>The line in each bar is at two thirds.</p>\n");
    h.append("<div class=\"scroll\"><table><thead><tr>");
    for (String c : List.of("Period", "Rewards", "Rewards with a source order", "From customers' orders", "Share from customers")) {
      h.append("<th scope=\"col\">").append(c).append("</th>");
    }
    h.append("</tr></thead><tbody>\n");
    for (RetailShare.Row r : rows) {
      String label = r.month() == 0 ? Integer.toString(year) : org.downline.core.Periods.name(year * 12 + r.month() - 1);
      h.append("<tr><th scope=\"row\">").append(label).append("</th>");
      cell(h, Decimals.format(r.rewards()));
      cell(h, Decimals.format(r.sourced()));
      cell(h, Decimals.format(r.fromCustomers()));
      cell(h, r.hasShare() ? Share.format(r.share()) + "%" : "");
      h.append("</tr>\n");
    }
    h.append("</tbody></table></div>\n<h2>What the words mean</h2>\n<dl>");
    def(h, "Rewards", "every commission line of the period, clawbacks included.");
    def(h, "Rewards with a source order", "the lines paid on an order (all but rank advancement and similar awards).");
    def(h, "From customers' orders", "the lines whose order was placed by a customer, not by a distributor; a matching"
        + " or clawback line counts for the member who placed the order it goes back to.");
    def(h, "Share from customers", "from customers' orders divided by rewards with a source order, in percent with one"
        + " decimal, rounded half away from zero; none when nothing with a source order was paid.");
    h.append("</dl>\n</body></html>\n");
    return h.toString();
  }

  /**
   * The retail share of a year per earner as a printable document: each earner's share of sourced
   * rewards paid on customers' orders, and who was paid mostly on distributors' own purchases or has
   * no ordering retail customer at all.
   *
   * @param earners in the order they are listed (the command sorts them by id)
   * @param idOf an earner's member id
   */
  public static String retailByEarnerHtml(int year, List<RetailShare.Earner> earners, java.util.function.IntFunction<String> idOf,
      String source, String leftOutPeriods) {
    StringBuilder h = new StringBuilder(8192);
    head(h, "Rewards from real customers by distributor " + year);
    h.append("<h1>Rewards from real customers by distributor ").append(year).append("</h1>\n<p>From: ").append(esc(source))
        .append(".");
    if (!leftOutPeriods.isEmpty()) h.append(" Periods not closed yet, left out: ").append(esc(leftOutPeriods)).append(".");
    long flagged = earners.stream().filter(e -> e.mostlyParticipants() || e.noRetailCustomer()).count();
    h.append("</p>\n<p>").append(earners.size()).append(" distributors were paid in ").append(year).append("; ")
        .append(flagged).append(" of them were paid mostly on distributors' own purchases or have no retail customer who")
        .append(" ordered.</p>\n<div class=\"scroll\"><table><thead><tr>");
    for (String c : List.of("Distributor", "Rewards", "Rewards with a source order", "From customers' orders",
        "Share from customers", "Mostly on distributors' orders", "No retail customer")) {
      h.append("<th scope=\"col\">").append(c).append("</th>");
    }
    h.append("</tr></thead><tbody>\n");
    for (RetailShare.Earner e : earners) {
      h.append("<tr><th scope=\"row\">").append(esc(idOf.apply(e.member()))).append("</th>");
      cell(h, Decimals.format(e.rewards()));
      cell(h, Decimals.format(e.sourced()));
      cell(h, Decimals.format(e.fromCustomers()));
      cell(h, e.hasShare() ? Share.format(e.share()) + "%" : "");
      cell(h, e.mostlyParticipants() ? "yes" : "no");
      cell(h, e.noRetailCustomer() ? "yes" : "no");
      h.append("</tr>\n");
    }
    h.append("</tbody></table></div>\n<h2>What the words mean</h2>\n<dl>");
    def(h, "Share from customers", "from customers' orders divided by rewards with a source order, in percent with one"
        + " decimal, rounded half away from zero; none when nothing with a source order was paid.");
    def(h, "Mostly on distributors' orders", "more than half of the pay with a source order came from orders placed by"
        + " distributors, the earner's own included.");
    def(h, "No retail customer", "none of the customers the distributor serves (whose nearest distributor above is them)"
        + " placed a sale in the counted months.");
    h.append("</dl>\n</body></html>\n");
    return h.toString();
  }

  private static void head(StringBuilder h, String title) {
    h.append("<!DOCTYPE html>\n<html lang=\"en\" xmlns=\"http://www.w3.org/1999/xhtml\"><head><meta charset=\"utf-8\"/>")
        .append("<title>").append(esc(title)).append("</title><style>")
        .append("body{font-family:sans-serif;color:#1a1a1a;max-width:60em;margin:1em auto;padding:0 1em;line-height:1.4}")
        .append("table{border-collapse:collapse;font-size:9pt}th,td{border:1px solid #888;padding:2px 4px}")
        .append("td.n{text-align:right}.scroll{overflow-x:auto}.bar{background:#1f5fa8;height:1em}")
        .append(".bar.neg{background:#a83a1f}.chart td{border:none}")
        .append(".track{position:relative;background:#eee;height:1em}.line{position:absolute;left:66.7%;top:0;width:2px;height:1em;background:#000}")
        .append("@media print{.scroll{overflow:visible}}@page{size:A4 landscape;margin:12mm}")
        .append("</style></head><body>\n");
  }

  /** Writes the HTML laid out as a PDF. */
  public static void pdf(String html, Path out) throws IOException {
    // The renderer logs every step at INFO through java.util.logging; a command prints only its result.
    com.openhtmltopdf.util.XRLog.setLoggingEnabled(false);
    try (OutputStream os = Files.newOutputStream(out)) {
      PdfRendererBuilder b = new PdfRendererBuilder();
      b.useFastMode();
      b.withHtmlContent(html, null);
      b.toStream(os);
      b.run();
    }
  }

  private static void cell(StringBuilder h, String v) {
    h.append("<td class=\"n\">").append(v).append("</td>");
  }

  private static void def(StringBuilder h, String term, String text) {
    h.append("<dt>").append(esc(term)).append("</dt><dd>").append(esc(text)).append("</dd>");
  }

  private static String money(long cents) {
    return Decimals.format(cents);
  }

  static String esc(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
