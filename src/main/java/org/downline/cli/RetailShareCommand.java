package org.downline.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import org.downline.app.disclosure.DisclosureYear;
import org.downline.core.Decimals;
import org.downline.core.InvalidInputException;
import org.downline.core.Periods;
import org.downline.disclosure.RetailShare;
import org.downline.disclosure.Share;
import org.downline.document.StatementDocument;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code downline report retail-share}: how much of a year's rewards came from real customers (docs/honest-numbers.md). */
@Command(
    name = "retail-share",
    mixinStandardHelpOptions = true,
    description = {
      "Per period of a year and for the year: every reward paid, those with a source order, those whose source",
      "order a customer (not a distributor) placed, and that share. --by distributor: per earner, with who was",
      "paid mostly on distributors' own purchases and who has no ordering retail customer at all."
    })
final class RetailShareCommand implements Callable<Integer> {
  enum By { period, distributor }

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @CommandLine.Mixin YearSource source;

  @Option(names = "--by", paramLabel = "WHAT", defaultValue = "period", description = "period or distributor (default: ${DEFAULT-VALUE}).")
  By by;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
      description = "table, csv or json to standard output; html or pdf to --out (default: ${DEFAULT-VALUE}).")
  DocumentFormat format;

  @Option(names = "--out", paramLabel = "FILE", description = "The file an html or pdf report is written to.")
  Path out;

  @Override
  public Integer call() throws IOException {
    if (format.isDocument() && out == null) throw InvalidInputException.parameter("--out", "--format " + format + " needs --out FILE");
    DisclosureYear year = source.load();
    PrintWriter err = spec.commandLine().getErr();
    if (!year.leftOutPeriods().isEmpty()) {
      err.println("periods of " + year.ledger().year() + " not closed, left out: " + year.leftOutPeriods());
      err.flush();
    }
    if (by == By.distributor && format.isDocument()) {
      String html = StatementDocument.retailByEarnerHtml(year.ledger().year(), earners(year), year.network()::id, year.source(),
          year.leftOutPeriods());
      Documents.write(html, format, out, err);
      return 0;
    }
    if (by == By.distributor) {
      Printed.print(byDistributor(year), format.printed(), spec.commandLine().getOut());
      return 0;
    }
    List<RetailShare.Row> rows = RetailShare.byMonth(year.ledger());
    if (format.isDocument()) {
      String html = StatementDocument.retailHtml(year.ledger().year(), rows, year.source(), year.leftOutPeriods());
      Documents.write(html, format, out, err);
      return 0;
    }
    Printed.print(byPeriod(year.ledger().year(), rows), format.printed(), spec.commandLine().getOut());
    return 0;
  }

  static Table byPeriod(int year, List<RetailShare.Row> rows) {
    Table t = new Table("period", "rewards", "rewards_sourced", "from_customer_orders", "share_from_customers")
        .numeric("rewards", "rewards_sourced", "from_customer_orders", "share_from_customers");
    for (RetailShare.Row r : rows) {
      t.row(r.month() == 0 ? Integer.toString(year) : Periods.name(year * 12 + r.month() - 1), Decimals.format(r.rewards()),
          Decimals.format(r.sourced()), Decimals.format(r.fromCustomers()), r.hasShare() ? Share.format(r.share()) : "");
    }
    return t;
  }

  static Table byDistributor(DisclosureYear year) {
    Table t = new Table("year", "distributor_id", "rewards", "rewards_sourced", "from_customer_orders", "share_from_customers",
        "mostly_participants", "no_retail_customer")
        .numeric("year", "rewards", "rewards_sourced", "from_customer_orders", "share_from_customers", "mostly_participants",
            "no_retail_customer");
    List<RetailShare.Earner> earners = earners(year);
    String y = Integer.toString(year.ledger().year());
    for (RetailShare.Earner e : earners) {
      t.row(y, year.network().id(e.member()), Decimals.format(e.rewards()), Decimals.format(e.sourced()),
          Decimals.format(e.fromCustomers()), e.hasShare() ? Share.format(e.share()) : "",
          Boolean.toString(e.mostlyParticipants()), Boolean.toString(e.noRetailCustomer()));
    }
    return t;
  }

  /** Every member paid anything in the year, by id. */
  static List<RetailShare.Earner> earners(DisclosureYear year) {
    return RetailShare.byEarner(year.network(), year.book(), year.ledger()).stream()
        .sorted(Comparator.comparing(e -> year.network().id(e.member()))).toList();
  }
}
