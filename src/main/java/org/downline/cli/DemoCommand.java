package org.downline.cli;

import org.downline.core.InvalidInputException;
import java.io.IOException;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.downline.app.strategy.DemoStrategy;
import org.downline.app.commission.ClosePeriod;
import org.downline.app.commission.RunPeriod;
import org.downline.commission.Plan;
import org.downline.core.Decimals;
import org.downline.core.Progress;
import org.downline.generate.CompanyGenerator;
import org.downline.nextstep.FrequencyBounds;
import org.downline.nextstep.FrequencyReport;
import org.downline.network.Network;
import org.downline.network.OrderBook;
import org.downline.planfile.PlanFile;
import org.downline.store.CommissionStore;
import org.downline.store.CompanyStore;
import org.downline.store.Database;
import org.downline.store.StoreException;
import org.downline.web.security.Account;
import org.downline.web.security.UserStore;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code downline demo}: the whole product from one command on a fresh embedded database: a
 * generated company, its commission runs (every month closed but the last), the purchase-frequency
 * segments, logins, and the web app.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
    description = {
      "Creates a fresh embedded database (DIR/demo, default ./data/demo), generates a demo company into it,",
      "runs the demo plan's commissions for every month (closing all but the last), prints the payout and",
      "the purchase-frequency segments, creates an admin and a distributor login, and starts the web app.",
      "Anything from an earlier demo is replaced; ./data/downline is never touched."
    })
public final class DemoCommand implements Callable<Integer> {
  @Option(names = "--members", defaultValue = "20000", description = "Members to generate (default: ${DEFAULT-VALUE}).")
  int members;

  @Option(names = "--months", defaultValue = "12", description = "Months of orders (default: ${DEFAULT-VALUE}).")
  int months;

  @Option(names = "--seed", defaultValue = "1", description = "Random seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--data", defaultValue = "data", paramLabel = "DIR",
      description = "Directory of the demo database (default: ${DEFAULT-VALUE}).")
  Path data;

  @Option(names = "--port", defaultValue = "8080", description = "Web app port (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(names = "--no-serve", description = "Stop after preparing the data instead of starting the web app.")
  boolean noServe;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  String url() {
    // H2 wants an explicit ./ for a path relative to the working directory.
    Path file = data.resolve("demo");
    return "jdbc:h2:file:" + (file.isAbsolute() ? file.toString() : "./" + file) + ";AUTO_SERVER=TRUE";
  }

  @Override
  public Integer call() throws IOException, InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    for (String suffix : new String[] {".mv.db", ".trace.db", ".lock.db"}) {
      Files.deleteIfExists(data.resolve("demo" + suffix));
    }
    String url = url();
    YearMonth end = YearMonth.now(ZoneOffset.UTC);
    out.println("Downline demo: a fresh embedded database at " + data.resolve("demo"));
    out.println();
    out.printf(Locale.ROOT, "1. A company of %,d members with %d months of orders up to %s (seed %d), generated and imported%n",
        members, months, end.minusMonths(1), seed);
    out.flush();
    String[] admin;
    String[] distributor;
    try (Database db = Database.open(url)) {
      CompanyGenerator generator = InvalidInputException.parsing("--members, --months",
          () -> new CompanyGenerator(members, months, seed, CompanyGenerator.startBefore(end, months)));
      CompanyGenerator.Summary s = GenerateCommand.intoDatabase(generator, db, new PrintWriter(System.err, true));
      GenerateCommand.print(s, "them into the demo database", indent(out));
      // After generation, with a stream of its own: only campaign codes change (docs/strategy.md).
      int lastDay = (int) end.minusMonths(1).atEndOfMonth().toEpochDay();
      long recoded = DemoStrategy.apply(db, seed, lastDay);

      out.println();
      out.println("2. Commissions of the demo plan (docs/plans.md), one run per month; every month but the last closed");
      out.flush();
      String topEarner = commissions(db, out);

      out.println();
      out.println("2b. Payouts (docs/payouts.md): every closed month paid out in a batch, minimum 25.00");
      out.flush();
      String clawedBack = payouts(db, out, topEarner);

      out.println();
      out.println("3. Purchase-frequency segments over the 12 months ending " + end.minusMonths(1).atEndOfMonth()
          + " (docs/next-steps.md)");
      CompanyStore company = new CompanyStore(db);
      Network network = company.loadNetwork();
      OrderBook book = company.loadOrders(network);
      FrequencyReport report = FrequencyReport.compute(network, book,
          (int) end.minusMonths(1).atEndOfMonth().toEpochDay(), FrequencyBounds.DEFAULT);
      Printed.print(SegmentsCommand.table(report), OutputFormat.table, indent(out));

      out.println();
      planModelling(network, book, out);

      out.println();
      incomeDisclosure(db, network, book, data, out);

      out.println();
      out.println("4. A strategy, 7 objectives and 12 tactics (docs/strategy.md); " + recoded
          + " orders carry the new tactics' codes. The board: /console/strategy, or");
      out.println("   ./downline strategy show --db '" + url + "' --to " + end.minusMonths(1).atEndOfMonth());

      out.println();
      out.println("5. Logins for the web app");
      UserStore users = new UserStore(db);
      admin = new String[] {"admin", UserStore.randomSecret(16)};
      users.add(admin[0], admin[1], Account.Role.ADMIN, null);
      distributor = new String[] {topEarner.toLowerCase(Locale.ROOT), UserStore.randomSecret(16)};
      users.add(distributor[0], distributor[1], Account.Role.DISTRIBUTOR, topEarner);
      List<String[]> distributorLogins = new ArrayList<>();
      distributorLogins.add(new String[] {distributor[0], topEarner});
      out.printf("   company console:     %s / %s%n", admin[0], admin[1]);
      out.printf("   distributor %s: %s / %s  (the top earner of the last month; an adjustment at /office/earnings)%n",
          topEarner, distributor[0], distributor[1]);
      if (clawedBack != null && !clawedBack.equals(topEarner)) {
        String[] second = {clawedBack.toLowerCase(Locale.ROOT), UserStore.randomSecret(16)};
        users.add(second[0], second[1], Account.Role.DISTRIBUTOR, clawedBack);
        distributorLogins.add(new String[] {second[0], clawedBack});
        out.printf("   distributor %s: %s / %s  (a clawback from a downline return at /office/earnings)%n", clawedBack, second[0],
            second[1]);
      }
      // Members carry the locale of their market (pl-PL in Poland): a Polish distributor's back office opens in Polish.
      String polish = firstDistributorWithLocale(db, "pl-PL");
      if (polish != null && !polish.equals(topEarner) && !polish.equals(clawedBack)) {
        String[] login = {polish.toLowerCase(Locale.ROOT), UserStore.randomSecret(16)};
        users.add(login[0], login[1], Account.Role.DISTRIBUTOR, polish);
        distributorLogins.add(new String[] {login[0], polish});
        out.printf("   distributor %s: %s / %s  (in Poland: the back office opens in Polish)%n", polish, login[0], login[1]);
      }
      // Prospecting for every distributor login above (docs/prospects.md), as of today: the pages' day.
      out.println("   Prospecting (docs/prospects.md) for each distributor login: /office/today, /office/contacts, /office/pipeline");
      for (String[] login : distributorLogins) {
        org.downline.generate.ProspectingGenerator.Made made = DemoProspects.forDistributor(db, login[0], login[1], seed, java.time.LocalDate.now(ZoneOffset.UTC));
        out.printf(Locale.ROOT, "     %s: %d contacts in %d communities, %d prospects (%d joined), %d touches%n", login[1],
            made.contacts(), made.communities(), made.prospects(), made.joined(), made.touches());
      }
      out.println("   Languages: English, Romanian, Polish. Each login opens in its member's language (member_profile.locale),");
      out.println("   else the browser's; the links at the top of every page switch it, remembered for the login.");
      out.println("   In Romanian: sign in, then open /office?lang=ro (or /console?lang=ro); in Polish: ?lang=pl.");
    }
    out.println();
    if (noServe) {
      out.println("Start the web app with: ./downline serve --db '" + url + "'");
      out.flush();
      return 0;
    }
    out.println("6. The web app: open http://127.0.0.1:" + port + "/ and sign in with a login above.");
    out.flush();
    ServeCommand.serve(url, port, "127.0.0.1");
    return 0;
  }

  /**
   * The binary plan and plan modelling on the demo company: its placement tree and holding tank,
   * and the demo plan against binary for the last three months (docs/plans.md, docs/commissions.md).
   */
  private static void planModelling(Network network, OrderBook book, PrintWriter out) {
    int waiting = org.downline.network.PlacementRules.holdingTank(network, Network.NONE).size();
    out.printf(Locale.ROOT, "3a. The binary plan: %,d distributors in the placement tree, %,d in the holding tank%n",
        network.placementTree().preorder().length, waiting);
    out.println("   (/console/binary, /console/holding-tank). Plan modelling, demo against binary (docs/commissions.md):");
    out.flush();
    var c = org.downline.app.commission.ComparePlans.compare(network, book, "demo", "binary", null, 0, Progress.NONE);
    Table t = new Table("period", "demo_paid", "binary_paid", "change").numeric("demo_paid", "binary_paid", "change");
    for (var p : c.periods().subList(Math.max(0, c.periods().size() - 3), c.periods().size())) {
      t.row(p.period(), Decimals.format(p.a().paid()), Decimals.format(p.b().paid()), Decimals.format(p.b().paid() - p.a().paid()));
    }
    Printed.print(t, OutputFormat.table, indent(out));
    out.println("   Every figure, every period: ./downline commissions compare --plan demo --plan binary --db ...;");
    out.println("   in the console: /console/plans/compare");
  }

  /**
   * The income disclosure statement of the last full year (every period closed; else the latest year
   * with closed periods, those not closed left out), written as HTML beside the database; prints its all row.
   */
  private static void incomeDisclosure(Database db, Network network, OrderBook book, Path data, PrintWriter out)
      throws IOException {
    int year = org.downline.app.disclosure.DisclosureYear.latestFullYear(new org.downline.store.PeriodStore(db).states());
    if (year == 0) return;
    org.downline.app.disclosure.DisclosureYear y =
        org.downline.app.disclosure.DisclosureYear.fromStore(db, network, book, "demo", year);
    org.downline.disclosure.IncomeDisclosure.Statement s = y.statement();
    Path file = data.resolve("demo-income-disclosure-" + year + ".html");
    Files.writeString(file, org.downline.document.StatementDocument.html(s, y.source(), y.leftOutPeriods()));
    out.println("3b. Income disclosure statement " + year + " (docs/honest-numbers.md), written to " + file
        + (y.leftOutPeriods().isEmpty() ? "" : "; periods not closed, left out: " + y.leftOutPeriods()));
    Table all = new Table(IncomeDisclosureCommand.COLUMNS);
    all.row(IncomeDisclosureCommand.cells(year, s.all()));
    Printed.print(all, OutputFormat.csv, indent(out));
    out.println("   In the console: /console/disclosure?year=" + year + "; for anyone: /disclosure");
  }

  /** Runs every period in order, closes all but the last, prints the payout; returns the last period's top earner. */
  private static String commissions(Database db, PrintWriter out) {
    Plan plan = PlanFile.load("demo");
    String planText = PlanFile.source("demo");
    RunPeriod runs = new RunPeriod(db);
    ClosePeriod closing = new ClosePeriod(db);
    Map<String, Long> cv = netCvByPeriod(db);
    List<String> periods = new ArrayList<>(cv.keySet());
    Table table = new Table("period", "state", "run", "lines", "paid", "net_cv", "paid_share_of_cv")
        .numeric("run", "lines", "paid", "net_cv", "paid_share_of_cv");
    for (int i = 0; i < periods.size(); i++) {
      String period = periods.get(i);
      CommissionStore.Run run = runs.run(period, plan, planText, Progress.NONE);
      boolean close = i < periods.size() - 1;
      if (close) closing.close(period, run.id());
      long netCv = cv.get(period);
      String share = netCv == 0 ? "" : new BigDecimal(run.total()).multiply(BigDecimal.valueOf(100))
          .divide(BigDecimal.valueOf(netCv), 1, java.math.RoundingMode.HALF_UP) + "%";
      table.row(period, close ? "closed" : "calculated", Long.toString(run.id()), Integer.toString(run.lines()),
          Decimals.format(run.total()), Decimals.format(netCv), share);
    }
    Printed.print(table, OutputFormat.table, indent(out));
    return topEarner(db, periods.get(periods.size() - 1));
  }

  /**
   * Bank accounts for every earner, then one batch per closed month (approved and paid), and a staff
   * adjustment for the top earner; returns a member with a clawback entry (null when none).
   */
  private static String payouts(Database db, PrintWriter out, String topEarner) {
    org.downline.app.payout.Payouts payouts = new org.downline.app.payout.Payouts(db);
    List<org.downline.store.PayoutStore.Details> details = new ArrayList<>();
    String clawedBack = null;
    List<String> closed = new ArrayList<>();
    try (Connection c = db.connection()) {
      try (PreparedStatement ps = c.prepareStatement("SELECT DISTINCT member_id FROM ledger_entry WHERE account = 'member' ORDER BY member_id");
          ResultSet rs = ps.executeQuery()) {
        int n = 0;
        while (rs.next()) {
          String bban = String.format(Locale.ROOT, "37040044%010d", ++n);
          details.add(new org.downline.store.PayoutStore.Details(rs.getString(1), "Demo account " + rs.getString(1),
              org.downline.payout.Iban.of("DE", bban), "COBADEFFXXX"));
        }
      }
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT member_id FROM ledger_entry WHERE kind = 'clawback' GROUP BY member_id ORDER BY SUM(amount), member_id");
          ResultSet rs = ps.executeQuery()) {
        if (rs.next()) clawedBack = rs.getString(1);
      }
      try (PreparedStatement ps = c.prepareStatement("SELECT name FROM period WHERE state = 'closed' ORDER BY name");
          ResultSet rs = ps.executeQuery()) {
        while (rs.next()) closed.add(rs.getString(1));
      }
    } catch (SQLException e) {
      throw new StoreException(e);
    }
    payouts.details(details, "demo");
    if (!closed.isEmpty()) {
      payouts.adjust(topEarner, 1000, closed.getLast(), "demo: a late order credited by staff", null, "demo");
    }
    Table table = new Table("batch", "through", "payees", "paid", "carried").numeric("batch", "payees");
    for (String period : closed) {
      org.downline.app.payout.Payouts.RunResult r = payouts.run(period, 2500, Map.of(), "demo");
      List<String> carried = new ArrayList<>();
      r.carried().forEach((reason, n) -> carried.add(n + " " + reason.replace('_', ' ')));
      if (r.batch().isEmpty()) {
        table.row("", period, "0", "0.00", String.join(", ", carried));
        continue;
      }
      org.downline.store.PayoutStore.Batch b = r.batch().get();
      payouts.approve(b.id(), "demo");
      payouts.markPaid(b.id(), List.of(), "demo");
      table.row(Long.toString(b.id()), period, Integer.toString(b.lines()), PayoutsCommand.totals(b.paidTotals()), String.join(", ", carried));
    }
    Printed.print(table, OutputFormat.table, indent(out));
    return clawedBack;
  }

  /** Net CV of each period's sales (returns of the same period netted), the base of the payout cap. */
  static Map<String, Long> netCvByPeriod(Database db) {
    Map<String, Long> cv = new LinkedHashMap<>();
    try (Connection c = db.connection();
        PreparedStatement ps = c.prepareStatement(
            "SELECT o.period, SUM(o.cv) FROM orders o LEFT JOIN orders s ON o.return_of = s.id"
                + " WHERE o.return_of IS NULL OR s.period = o.period GROUP BY o.period ORDER BY o.period");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) cv.put(rs.getString(1), Decimals.fromBigDecimal(rs.getBigDecimal(2)));
      return cv;
    } catch (SQLException e) {
      throw new StoreException(e);
    }
  }

  /** The first active distributor (by id) whose profile has the locale, or null. */
  static String firstDistributorWithLocale(Database db, String locale) {
    try (Connection c = db.connection();
        PreparedStatement ps = c.prepareStatement("SELECT m.id FROM member m JOIN member_profile p ON p.member_id = m.id"
            + " WHERE m.kind = 'distributor' AND m.status = 'active' AND p.locale = ? ORDER BY m.id")) {
      ps.setString(1, locale);
      ps.setMaxRows(1);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getString(1) : null;
      }
    } catch (SQLException e) {
      throw new StoreException(e);
    }
  }

  private static String topEarner(Database db, String period) {
    try (Connection c = db.connection();
        PreparedStatement ps = c.prepareStatement(
            "SELECT l.earner_id, SUM(l.amount) AS paid FROM commission_line l JOIN commission_run r ON r.id = l.run_id"
                + " WHERE r.period = ? GROUP BY l.earner_id ORDER BY paid DESC, l.earner_id")) {
      ps.setString(1, period);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) throw new IllegalStateException("no commission lines in " + period);
        return rs.getString(1);
      }
    } catch (SQLException e) {
      throw new StoreException(e);
    }
  }

  private static PrintWriter indent(PrintWriter out) {
    return new PrintWriter(new java.io.Writer() {
      boolean lineStart = true;

      @Override
      public void write(char[] buf, int off, int len) {
        for (int i = off; i < off + len; i++) {
          if (lineStart) out.write("   ");
          out.write(buf[i]);
          lineStart = buf[i] == '\n';
        }
      }

      @Override
      public void flush() {
        out.flush();
      }

      @Override
      public void close() {
        out.flush();
      }
    }, true);
  }
}
