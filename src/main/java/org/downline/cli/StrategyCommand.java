package org.downline.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.downline.app.strategy.BoardJson;
import org.downline.app.strategy.StrategyBoard;
import org.downline.core.Decimals;
import org.downline.core.InvalidInputException;
import org.downline.core.Periods;
import org.downline.network.Network;
import org.downline.network.OrderBook;
import org.downline.store.CompanyStore;
import org.downline.store.Database;
import org.downline.store.ImportResult;
import org.downline.store.StrategyStore;
import org.downline.strategy.Measure;
import org.downline.strategy.Verdicts;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** {@code downline strategy ...}: write the strategy down and see what each tactic achieved (docs/strategy.md). */
@Command(name = "strategy", mixinStandardHelpOptions = true,
    description = "The strategy: statement, objectives, hand-entered values, customer problems, and the board.",
    subcommands = {StrategyCommand.Statement.class, StrategyCommand.Objectives.class, StrategyCommand.Problems.class,
      StrategyCommand.Tags.class, StrategyCommand.Value.class, StrategyCommand.Show.class})
final class StrategyCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  @Command(name = "statement", mixinStandardHelpOptions = true, description = "Writes down the strategy statement.")
  static final class Statement implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "TEXT") String text;
    @Mixin DatabaseOption database;

    @Override
    public Integer call() {
      if (text.isBlank()) throw InvalidInputException.parameter("TEXT", "is empty");
      try (Database db = database.open()) {
        new StrategyStore(db).saveStatement(text.strip());
      }
      System.out.println("strategy statement saved");
      return 0;
    }
  }

  /** One strategy file imported in one transaction; prints what changed. */
  abstract static class FileImport implements Callable<Integer> {
    private final java.util.function.BiFunction<org.downline.app.strategy.StrategyImports, Path, ImportResult> importer;

    @Parameters(index = "0", paramLabel = "FILE") Path file;
    @Mixin DatabaseOption database;

    FileImport(Import importer) {
      this.importer = (store, f) -> importer.apply(store, f, ConsoleProgress.forConsole());
    }

    @Override
    public Integer call() {
      try (Database db = database.open()) {
        System.out.println(importer.apply(new org.downline.app.strategy.StrategyImports(db), file));
      }
      return 0;
    }
  }

  @FunctionalInterface
  interface Import {
    ImportResult apply(org.downline.app.strategy.StrategyImports imports, Path file, org.downline.core.Progress progress);
  }

  @Command(name = "objectives", mixinStandardHelpOptions = true,
      description = "Imports objectives: code,name,measure,days,target,by (measures: revenue, repeat-rate, autoship-share,"
          + " referrals-per-customer, new-distributors, distributor-retention-90, customer-retention-12m,"
          + " educational-reach, manual).")
  static final class Objectives extends FileImport {
    Objectives() {
      super(org.downline.app.strategy.StrategyImports::objectives);
    }
  }

  @Command(name = "problems", mixinStandardHelpOptions = true,
      description = "Imports customer problems: code,name,description,products,tactics (codes separated by ;).")
  static final class Problems extends FileImport {
    Problems() {
      super(org.downline.app.strategy.StrategyImports::problems);
    }
  }

  @Command(name = "tags", mixinStandardHelpOptions = true,
      description = "Tags members with problems: member_id,problems (codes separated by ;; a row replaces the member's tags).")
  static final class Tags extends FileImport {
    Tags() {
      super(org.downline.app.strategy.StrategyImports::tags);
    }
  }

  @Command(name = "value", mixinStandardHelpOptions = true,
      description = "Enters a value of a hand-entered (manual) measure, e.g. a survey score, on a date.")
  static final class Value implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "OBJECTIVE") String objective;
    @Option(names = "--date", required = true, paramLabel = "DATE") String date;
    @Option(names = "--value", required = true, paramLabel = "NUMBER") String value;
    @Mixin DatabaseOption database;

    @Override
    public Integer call() {
      int day = InvalidInputException.day("--date", date);
      long v = InvalidInputException.parsing("--value", () -> Decimals.parseCents(value));
      try (Database db = database.open()) {
        new StrategyStore(db).saveValue(objective, day, v);
      }
      System.out.println("value saved");
      return 0;
    }
  }

  @Command(name = "show", mixinStandardHelpOptions = true,
      description = "The strategy board: objectives with their trend, tactics under them with figures and verdicts,"
          + " the tactics that serve no objective, and the problems.")
  static final class Show implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;
    @Option(names = "--from", paramLabel = "DATE", description = "First day of the window (default: 364 days before --to).")
    String from;
    @Option(names = "--to", paramLabel = "DATE", description = "Last day of the window (default: today, UTC).")
    String to;
    @Option(names = "--format", defaultValue = "table", description = "table or json (default: ${DEFAULT-VALUE}).")
    OutputFormat format;
    @Mixin DatabaseOption database;

    @Override
    public Integer call() {
      AsOfOption asOf = new AsOfOption();
      asOf.asOf = to;
      int toDay = asOf.day();
      int fromDay = from == null ? toDay - 364 : InvalidInputException.day("--from", from);
      if (toDay < fromDay) throw InvalidInputException.parameter("--to", "is before --from");
      StrategyBoard.Board board;
      try (Database db = database.open()) {
        CompanyStore store = new CompanyStore(db);
        Network network = store.loadNetwork(ConsoleProgress.forConsole());
        OrderBook book = store.loadOrders(network, ConsoleProgress.forConsole());
        board = StrategyBoard.build(db, network, book, fromDay, toDay);
      }
      PrintWriter out = spec.commandLine().getOut();
      if (format == OutputFormat.json) {
        out.println(JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build()
            .writeValueAsString(BoardJson.of(board)));
        return 0;
      }
      print(board, out);
      return 0;
    }

    private static void print(StrategyBoard.Board b, PrintWriter out) {
      out.println("Strategy: " + (b.statement() == null ? "(not written down)" : b.statement()));
      out.println("Window " + Periods.formatDay(b.from()) + " to " + Periods.formatDay(b.to()));
      for (StrategyBoard.Group g : b.groups()) {
        var o = g.objective().objective();
        out.println();
        out.println("Objective " + o.code() + ": " + o.name() + " (" + o.measure().code() + ") now "
            + orDash(Measure.format(o.measure().unit(), g.objective().current())) + ", target "
            + Measure.format(o.measure().unit(), o.target()) + " by " + Periods.formatDay(o.targetDay()));
        Table t = new Table("tactic", "type", "new_customers", "repeat_rate", "first_touch_revenue", "tactic_value",
            "company_value", "verdict").numeric("new_customers", "first_touch_revenue");
        for (StrategyBoard.TacticView v : g.tactics()) {
          for (Verdicts.Verdict x : v.verdicts()) {
            Measure.Unit u = x.measure().perCustomerUnit();
            t.row(v.figures().code(), orEmpty(v.figures().tactic().type()), Long.toString(v.figures().newCustomers()),
                v.figures().repeatRateTenths() == null ? "" : org.downline.strategy.TacticReport.tenths(
                    v.figures().repeatRateTenths()), Decimals.format(v.figures().firstTouchRevenue()),
                x.tacticValue() == null ? "" : Measure.format(u, x.tacticValue().hundredths()),
                x.companyValue() == null ? "" : Measure.format(u, x.companyValue().hundredths()), x.kind().code());
          }
        }
        Printed.print(t, OutputFormat.table, out);
      }
      out.println();
      out.println("Reacting, not strategic (tactics that serve no objective):");
      Table u = new Table("tactic", "type", "orders", "revenue", "new_customers").numeric("orders", "revenue", "new_customers");
      for (StrategyBoard.TacticView v : b.unlinked()) {
        u.row(v.figures().code(), orEmpty(v.figures().tactic().type()), Long.toString(v.figures().orders()),
            Decimals.format(v.figures().revenue()), Long.toString(v.figures().newCustomers()));
      }
      Printed.print(u, OutputFormat.table, out);
      out.println();
      out.println("Customer problems:");
      Table p = new Table("problem", "name", "customers", "products", "tactics").numeric("customers");
      for (StrategyBoard.ProblemView v : b.problems()) {
        p.row(v.problem().code(), v.problem().name(), Long.toString(v.figures().members()),
            String.join(";", v.problem().products()), String.join(";", v.problem().tactics()));
      }
      Printed.print(p, OutputFormat.table, out);
    }

    private static String orDash(String s) {
      return s.isEmpty() ? "-" : s;
    }

    private static String orEmpty(String s) {
      return s == null ? "" : s;
    }
  }
}
