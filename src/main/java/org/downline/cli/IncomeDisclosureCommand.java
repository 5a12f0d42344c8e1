package org.downline.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.downline.app.disclosure.DisclosureYear;
import org.downline.core.Decimals;
import org.downline.core.InvalidInputException;
import org.downline.disclosure.IncomeDisclosure;
import org.downline.disclosure.Share;
import org.downline.document.StatementDocument;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code downline report income-disclosure}: the income disclosure statement of a year (docs/honest-numbers.md). */
@Command(
    name = "income-disclosure",
    mixinStandardHelpOptions = true,
    description = {
      "The income disclosure statement of a calendar year: every participant (distributors who had joined by",
      "its end and not left before its start) counted, per paid-as rank and all: earned nothing, mean, nearest-rank",
      "median and percentiles, median per month, median net of own purchases. Stored data: the closed runs of the",
      "year's periods (periods not closed are named and left out). Files: the plan computed over every period."
    })
final class IncomeDisclosureCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @CommandLine.Mixin YearSource source;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
      description = "table, csv or json to standard output; html or pdf to --out (default: ${DEFAULT-VALUE}).")
  DocumentFormat format;

  @Option(names = "--out", paramLabel = "FILE", description = "The file an html or pdf statement is written to.")
  Path out;

  @Override
  public Integer call() throws IOException {
    if (format.isDocument() && out == null) throw InvalidInputException.parameter("--out", "--format " + format + " needs --out FILE");
    DisclosureYear year = source.load();
    IncomeDisclosure.Statement s = year.statement();
    PrintWriter err = spec.commandLine().getErr();
    if (!year.leftOutPeriods().isEmpty()) {
      err.println("periods of " + s.year() + " not closed, left out: " + year.leftOutPeriods());
      err.flush();
    }
    if (format.isDocument()) {
      Documents.write(StatementDocument.html(s, year.source(), year.leftOutPeriods()), format, out, err);
      return 0;
    }
    Printed.print(table(s), format.printed(), spec.commandLine().getOut());
    return 0;
  }

  static final String[] COLUMNS = {"year", "group", "participants", "share_of_participants", "earned_nothing",
    "share_earned_nothing", "mean", "median", "p10", "p25", "p75", "p90", "min", "max", "median_per_month", "median_net",
    "share_net_negative"};

  static Table table(IncomeDisclosure.Statement s) {
    Table t = new Table(COLUMNS);
    t.numeric("year").numeric(java.util.Arrays.copyOfRange(COLUMNS, 2, COLUMNS.length));
    for (IncomeDisclosure.Row r : s.rows()) t.row(cells(s.year(), r));
    return t;
  }

  static String[] cells(int year, IncomeDisclosure.Row r) {
    return new String[] {Integer.toString(year), r.group(), Integer.toString(r.participants()),
      Share.format(r.shareOfParticipants()), Integer.toString(r.earnedNothing()), Share.format(r.shareEarnedNothing()),
      Decimals.format(r.mean()), Decimals.format(r.median()), Decimals.format(r.p10()), Decimals.format(r.p25()),
      Decimals.format(r.p75()), Decimals.format(r.p90()), Decimals.format(r.min()), Decimals.format(r.max()),
      Decimals.format(r.medianPerMonth()), Decimals.format(r.medianNet()), Share.format(r.shareNetNegative())};
  }
}
