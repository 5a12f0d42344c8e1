package org.downline.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.downline.app.strategy.TacticReports;
import org.downline.core.Decimals;
import org.downline.core.InputErrors;
import org.downline.core.InvalidInputException;
import org.downline.core.Periods;
import org.downline.csv.TacticCsv;
import org.downline.store.Database;
import org.downline.strategy.Tactic;
import org.downline.strategy.TacticReport;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code downline report tactics}: what each tactic achieved in a window (see docs/strategy.md). */
@Command(
    name = "tactics",
    mixinStandardHelpOptions = true,
    description =
        "Per tactic, for the sales dated from --from to --to (both included): orders, revenue, new customers "
        + "(first sale with its code), their 90-day repeat rate, referrals, first-touch revenue and cost per "
        + "customer; then (none) for sales with no tactic's code.")
final class TacticsReportCommand implements Callable<Integer> {
  static final String[] HEADER = {"code", "name", "type", "orders", "revenue", "new_customers", "eligible_for_repeat",
    "repeated_90d", "repeat_rate", "referrals", "first_touch_revenue", "cost", "cost_per_new_customer",
    "cost_per_repeat_customer"};

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--from", required = true, paramLabel = "DATE", description = "First day of the window, YYYY-MM-DD.")
  String from;

  @Option(names = "--to", required = true, paramLabel = "DATE", description = "Last day of the window, YYYY-MM-DD.")
  String to;

  @Option(names = "--tactics", paramLabel = "FILE",
      description = "Tactics CSV (file mode, with --members and --orders): code and at least name, type, cost.")
  Path tactics;

  @CommandLine.Mixin CompanySource source;

  @Override
  public Integer call() {
    int fromDay = day("--from", from);
    int toDay = day("--to", to);
    if (toDay < fromDay) throw InvalidInputException.parameter("--to", "is before --from");
    boolean fileMode = source.members != null || source.orders != null;
    if (fileMode != (tactics != null)) {
      throw InvalidInputException.parameter("--tactics", "file mode needs --members, --orders and --tactics together");
    }
    FileInputs company = source.load();
    List<Tactic> list;
    if (fileMode) {
      InputErrors errors = new InputErrors();
      list = TacticCsv.read(tactics, errors, ConsoleProgress.forConsole()).tactics();
      errors.throwIfAny();
    } else {
      try (Database db = source.db.open()) {
        list = TacticReports.tactics(db);
      }
    }
    TacticReport report = TacticReport.compute(company.network(), company.book(), list, fromDay, toDay);
    PrintWriter out = spec.commandLine().getOut();
    if (source.format == OutputFormat.table) out.println("Tactics, " + from + " to " + to);
    Printed.print(table(report), source.format, out);
    return 0;
  }

  private static int day(String option, String text) {
    return InvalidInputException.day(option, text);
  }

  static Table table(TacticReport report) {
    Table t = new Table(HEADER).numeric("orders", "revenue", "new_customers", "eligible_for_repeat", "repeated_90d",
        "repeat_rate", "referrals", "first_touch_revenue", "cost", "cost_per_new_customer", "cost_per_repeat_customer");
    for (TacticReport.Row r : report.rows()) {
      Tactic tactic = r.tactic();
      t.row(r.code(), tactic == null || tactic.name() == null ? "" : tactic.name(),
          tactic == null || tactic.type() == null ? "" : tactic.type(), Long.toString(r.orders()),
          Decimals.format(r.revenue()), Long.toString(r.newCustomers()), Long.toString(r.eligibleForRepeat()),
          Long.toString(r.repeated()), r.repeatRateTenths() == null ? "" : TacticReport.tenths(r.repeatRateTenths()),
          Long.toString(r.referrals()), Decimals.format(r.firstTouchRevenue()),
          tactic == null ? "" : Decimals.format(tactic.cost()), cents(r.costPerNewCustomer()),
          cents(r.costPerRepeatCustomer()));
    }
    return t;
  }

  private static String cents(Long cents) {
    return cents == null ? "" : Decimals.format(cents);
  }
}
