package org.downline.cli;

import java.util.concurrent.Callable;
import org.downline.core.Periods;
import org.downline.disclosure.Retention;
import org.downline.disclosure.Share;
import org.downline.network.OrderBook;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code downline report retention}: cohorts by join month, still enrolled and ordering 3, 6 and 12 months later. */
@Command(
    name = "retention",
    mixinStandardHelpOptions = true,
    description = {
      "Cohorts of distributors and of customers by month of joining (the months of --year): members, and for",
      "3, 6 and 12 months later the share still enrolled and the share who placed a sale that month; empty",
      "while not yet known on the as-of day (default: the day of the latest order)."
    })
final class RetentionCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--year", required = true, paramLabel = "YYYY", description = "The join months of this year are the cohorts.")
  int year;

  @Option(names = "--as-of", paramLabel = "YYYY-MM-DD", description = "The day the figures are known up to (default: the latest order's).")
  String asOf;

  @CommandLine.Mixin CompanySource source;

  @Override
  public Integer call() {
    FileInputs company = source.load();
    OrderBook book = company.book();
    int asOfDay = asOf != null ? Periods.parseDay(asOf) : book.size() == 0 ? 0 : book.days()[book.size() - 1];
    Table t = table(Retention.compute(company.network(), book, year * 12, year * 12 + 11, asOfDay));
    Printed.print(t, source.format, spec.commandLine().getOut());
    return 0;
  }

  static Table table(java.util.List<Retention.Cohort> cohorts) {
    Table t = new Table("population", "cohort", "members", "enrolled_3", "enrolled_6", "enrolled_12", "ordered_3", "ordered_6",
        "ordered_12").numeric("members", "enrolled_3", "enrolled_6", "enrolled_12", "ordered_3", "ordered_6", "ordered_12");
    for (Retention.Cohort c : cohorts) {
      String[] row = new String[9];
      row[0] = c.distributors() ? "distributors" : "customers";
      row[1] = Periods.name(c.period());
      row[2] = Integer.toString(c.members());
      for (int i = 0; i < Retention.AFTER.length; i++) {
        boolean shown = c.known()[i] && c.members() > 0;
        row[3 + i] = shown ? Share.format(c.enrolled()[i]) : "";
        row[6 + i] = shown ? Share.format(c.ordered()[i]) : "";
      }
      t.row(row);
    }
    return t;
  }
}
