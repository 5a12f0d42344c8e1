package org.downline.cli;

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
import java.util.ArrayList;
import java.util.List;
import org.downline.app.network.ImportFile;
import org.downline.app.prospect.ProspectingImport;
import org.downline.csv.ProspectingCsvWriter;
import org.downline.generate.DistributorIds;
import org.downline.generate.ProspectingGenerator;
import org.downline.generate.TeeSink;
import org.downline.store.Database;
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

  @Option(names = "--contacts-per-distributor", paramLabel = "N", defaultValue = "0",
      description = "Give every distributor N contacts with channels, consent, communities, links, prospects at"
          + " every stage and outcome, touches and follow-ups (the ten prospecting files, docs/generate.md;"
          + " default: ${DEFAULT-VALUE}, none).")
  int contactsPerDistributor;

  @CommandLine.Mixin DatabaseOption database;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    // Everything is checked before anything is written.
    YearMonth endMonth = end == null ? YearMonth.now(ZoneOffset.UTC) : InvalidInputException.period("--end", end);
    CompanyGenerator generator = InvalidInputException.parsing("--members, --months",
        () -> new CompanyGenerator(members, months, seed, CompanyGenerator.startBefore(endMonth, months)));
    if (contactsPerDistributor < 0) throw InvalidInputException.parameter("--contacts-per-distributor", "must be 0 or more");
    if (out == null) return intoDatabase(generator);
    Generated g = generate(generator, contactsPerDistributor, out);
    print(g.company(), g.prospecting(), String.join(", ", files(g.prospecting())) + " in " + out, spec.commandLine().getOut());
    return 0;
  }

  /** What one run made: the company, and its prospecting (null when none was asked for). */
  record Generated(CompanyGenerator.Summary company, Prospecting prospecting) {}

  /** The prospecting made for every distributor. */
  record Prospecting(int distributors, long contacts, long prospects, long touches, long joined) {}

  private static List<String> files(Prospecting p) {
    List<String> files = new ArrayList<>(CompanyCsvWriter.FILES);
    if (p != null) files.addAll(ProspectingCsvWriter.FILES);
    return files;
  }

  /**
   * The company's files in {@code dir}; with contacts per distributor above 0 also the prospecting
   * files, each distributor's made as of the last day of orders. With 0 nothing else is made or
   * drawn, so the company files are the same as without the option.
   */
  static Generated generate(CompanyGenerator generator, int contactsPerDistributor, Path dir) throws IOException {
    List<String> distributors = new ArrayList<>();
    CompanyGenerator.Summary s;
    try (CompanyCsvWriter csv = new CompanyCsvWriter(dir)) {
      CompanySink sink = contactsPerDistributor == 0 ? csv : new TeeSink(csv, new DistributorIds(distributors));
      s = generate(generator, sink, ConsoleProgress.forConsole());
    }
    if (contactsPerDistributor == 0) return new Generated(s, null);
    ProspectingGenerator prospecting = new ProspectingGenerator(generator.seed(), java.time.LocalDate.ofEpochDay(s.endDay() - 1));
    long contacts = 0;
    long prospects = 0;
    long touches = 0;
    long joined = 0;
    Progress progress = ConsoleProgress.forConsole();
    progress.start("generating prospecting", distributors.size(), "distributors");
    try (ProspectingCsvWriter files = new ProspectingCsvWriter(dir)) {
      int done = 0;
      for (String d : distributors) {
        ProspectingGenerator.Made m = prospecting.forDistributor(d, contactsPerDistributor, files);
        contacts += m.contacts();
        prospects += m.prospects();
        touches += m.touches();
        joined += m.joined();
        if ((++done & 0x3FF) == 0) progress.update(done);
      }
    }
    progress.update(distributors.size());
    progress.finish();
    return new Generated(s, new Prospecting(distributors.size(), contacts, prospects, touches, joined));
  }

  private int intoDatabase(CompanyGenerator generator) throws IOException {
    try (Database db = database.open()) {
      Generated g = intoDatabase(generator, contactsPerDistributor, db, spec.commandLine().getErr());
      print(g.company(), g.prospecting(), "them into " + database.url(), spec.commandLine().getOut());
    }
    return 0;
  }

  /**
   * Generates into a database through the files and the importer, so a generated company passes
   * exactly the checks a real one does.
   */
  static CompanyGenerator.Summary intoDatabase(CompanyGenerator generator, Database db, PrintWriter log)
      throws IOException {
    return intoDatabase(generator, 0, db, log).company();
  }

  /** As above, with the prospecting files too (contacts per distributor above 0), imported in bulk after the company. */
  static Generated intoDatabase(CompanyGenerator generator, int contactsPerDistributor, Database db, PrintWriter log)
      throws IOException {
    Path dir = Files.createTempDirectory("downline-generate");
    try {
      Generated g = generate(generator, contactsPerDistributor, dir);
      new ImportFile(db, ConsoleProgress.forConsole()).importDirectory(dir).forEach(log::println);
      if (ProspectingImport.present(dir)) log.println(new ProspectingImport(db, ConsoleProgress.forConsole()).importDirectory(dir));
      log.flush();
      return g;
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

  static void print(CompanyGenerator.Summary s, String where, PrintWriter w) {
    print(s, null, where, w);
  }

  /** The summary; a prospecting line only when prospecting was made, so the output without it is as before. */
  static void print(CompanyGenerator.Summary s, Prospecting p, String where, PrintWriter w) {
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
    if (p != null) {
      w.println(String.format(Locale.ROOT, "Prospecting for %,d distributors: %,d contacts, %,d prospects (%,d joined), %,d touches.",
          p.distributors(), p.contacts(), p.prospects(), p.joined(), p.touches()));
    }
    w.println("Wrote " + where + ".");
    w.flush();
  }
}
