package org.downline.cli;

import org.downline.core.InvalidInputException;
import org.downline.core.InvalidInputException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.downline.core.Decimals;
import org.downline.core.Periods;
import org.downline.core.Progress;
import org.downline.csv.CompanyCsvWriter;
import org.downline.generate.CompanyGenerator;
import org.downline.generate.CompanySink;
import org.downline.store.Database;
import org.downline.app.network.ImportFile;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code downline generate}: a synthetic company, the same for the same seed. */
@Command(
    name = "generate",
    mixinStandardHelpOptions = true,
    description = {
      "Generates a synthetic direct-selling company: members and their sponsor tree,",
      "products, campaigns, orders with their lines (sales, autoship shipments,",
      "returns) and autoships. The same options give the same company, byte for byte.",
      "Members join over 24 months of history plus the order window; orders fall in",
      "the --months months that end just before --end. See docs/generate.md.",
    })
public final class GenerateCommand implements Callable<Integer> {
  @Option(names = "--members", paramLabel = "N", defaultValue = "20000",
      description = "Members in all, distributors and customers (default: ${DEFAULT-VALUE}).")
  int members;

  @Option(names = "--months", paramLabel = "M", defaultValue = "12",
      description = "Months of orders (default: ${DEFAULT-VALUE}).")
  int months;

  @Option(names = "--seed", paramLabel = "S", defaultValue = "1",
      description = "Random seed; the same seed gives the same company (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--end", paramLabel = "YYYY-MM",
      description = "The month after the last month of orders (default: the current month, UTC).")
  String end;

  @Option(names = "--out", paramLabel = "DIR",
      description = "Write members.csv, orders.csv, order_lines.csv, products.csv, autoships.csv and"
          + " campaigns.csv here; without it the company goes into the database (--db).")
  Path out;

  @CommandLine.Mixin DatabaseOption database;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    // Everything is checked before anything is written.
    YearMonth endMonth = end == null ? YearMonth.now(ZoneOffset.UTC) : InvalidInputException.parsing("--end", () -> Periods.parse(end));
    CompanyGenerator generator = InvalidInputException.parsing("--members, --months",
        () -> new CompanyGenerator(members, months, seed, CompanyGenerator.startBefore(endMonth, months)));
    if (out == null) return intoDatabase(generator);
    CompanyGenerator.Summary s;
    try (CompanyCsvWriter csv = new CompanyCsvWriter(out)) {
      s = generate(generator, csv, ConsoleProgress.forConsole());
    }
    print(s, String.join(", ", CompanyCsvWriter.FILES) + " in " + out);
    return 0;
  }

  private int intoDatabase(CompanyGenerator generator) throws IOException {
    try (Database db = database.open()) {
      CompanyGenerator.Summary s = intoDatabase(generator, db, spec.commandLine().getErr());
      print(s, "them into " + database.url());
    }
    return 0;
  }

  /**
   * Generates into a database through the files and the importer, so a generated company passes
   * exactly the checks a real one does.
   */
  static CompanyGenerator.Summary intoDatabase(CompanyGenerator generator, Database db, PrintWriter log)
      throws IOException {
    Path dir = Files.createTempDirectory("downline-generate");
    try {
      CompanyGenerator.Summary s;
      try (CompanyCsvWriter csv = new CompanyCsvWriter(dir)) {
        s = generate(generator, csv, ConsoleProgress.forConsole());
      }
      new ImportFile(db, ConsoleProgress.forConsole()).importDirectory(dir).forEach(log::println);
      log.flush();
      return s;
    } finally {
      try (var files = Files.walk(dir)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  /** The one place rows flow; a database target is another {@link CompanySink} passed here. */
  static CompanyGenerator.Summary generate(CompanyGenerator generator, CompanySink sink, Progress progress) {
    return generator.generate(sink, progress);
  }

  private void print(CompanyGenerator.Summary s, String where) {
    print(s, where, spec.commandLine().getOut());
  }

  static void print(CompanyGenerator.Summary s, String where, PrintWriter w) {
    w.println(String.format(Locale.ROOT,
        "Generated %,d members: %,d distributors, %,d customers (%,d preferred); %,d cancelled or terminated.",
        s.members(), s.distributors(), s.customers(), s.preferredCustomers(), s.gone()));
    w.println(String.format(Locale.ROOT, "Joined %s to %s; deepest sponsor line %d levels.",
        Periods.formatDay(s.firstJoinDay()), Periods.formatDay(s.endDay() - 1), s.maxDepth()));
    w.println(String.format(Locale.ROOT,
        "Orders %s to %s: %,d sales (%,d autoship shipments), %,d returns; PV %s, sales total %s.",
        Periods.name(Periods.periodOfDay(s.startDay())), Periods.name(Periods.periodOfDay(s.endDay() - 1)),
        s.sales(), s.autoshipOrders(), s.returns(), Decimals.format(s.salesPv()), Decimals.format(s.salesTotal())));
    w.println(String.format(Locale.ROOT, "%,d autoship subscriptions, %d products, %d campaigns.",
        s.autoships(), s.products(), s.campaigns()));
    w.println("Wrote " + where + ".");
    w.flush();
  }
}
