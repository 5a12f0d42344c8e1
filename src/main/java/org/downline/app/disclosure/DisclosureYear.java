package org.downline.app.disclosure;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.downline.commission.CommissionRun;
import org.downline.commission.Lines;
import org.downline.commission.PeriodOrders;
import org.downline.commission.PeriodResult;
import org.downline.commission.Plan;
import org.downline.commission.Rank;
import org.downline.core.InvalidInputException;
import org.downline.core.Periods;
import org.downline.core.Progress;
import org.downline.disclosure.IncomeDisclosure;
import org.downline.disclosure.PayoutHealth;
import org.downline.disclosure.YearLedger;
import org.downline.network.Network;
import org.downline.network.OrderBook;
import org.downline.planfile.PlanFile;
import org.downline.store.Database;
import org.downline.store.PeriodStore;
import org.downline.store.RunStore;

/**
 * A calendar year's company and what its commission periods paid, gathered either from the
 * closed runs of the stored data or by computing every period of files: the input of the income
 * disclosure statement, the retail share and the year's other honest numbers.
 */
public record DisclosureYear(Network network, OrderBook book, Plan plan, YearLedger ledger, String source,
    List<PayoutHealth.Row> health) {

  /**
   * The statement's default year: the latest whose twelve periods are all closed, else the latest
   * with a closed period, 0 when none is closed. {@code states}: period name to state.
   */
  public static int latestFullYear(Map<String, String> states) {
    int latest = 0;
    for (Map.Entry<String, String> e : states.entrySet()) {
      if (PeriodStore.CLOSED.equals(e.getValue())) latest = Math.max(latest, Periods.parse(e.getKey()).getYear());
    }
    for (int y = latest; y > 0 && y > latest - 50; y--) {
      boolean all = true;
      for (int m = 1; m <= 12 && all; m++) all = PeriodStore.CLOSED.equals(states.get(Periods.name(y * 12 + m - 1)));
      if (all) return y;
    }
    return latest;
  }

  /** A calendar year as asked for (an option or a request parameter), refused unless 1..9999. */
  public static int checkYear(String parameter, int year) {
    if (year < 1 || year > 9999) throw InvalidInputException.parameter(parameter, year + " is not a year");
    return year;
  }

  public List<String> rankNames() {
    List<String> names = new ArrayList<>();
    for (Rank r : plan.ranks()) names.add(r.name());
    return names;
  }

  public IncomeDisclosure.Statement statement() {
    return IncomeDisclosure.compute(network, book, ledger, rankNames());
  }

  /** Months 1..12 of the year left out (not closed); none in file mode. */
  public int[] leftOut() {
    int[] out = new int[12];
    int k = 0;
    for (int m = 1; m <= 12; m++) if (!ledger.included(m)) out[k++] = m;
    return java.util.Arrays.copyOf(out, k);
  }

  /** The left-out months as period names, e.g. "2026-11, 2026-12" (empty when none). */
  public String leftOutPeriods() {
    StringBuilder sb = new StringBuilder();
    for (int m : leftOut()) sb.append(sb.isEmpty() ? "" : ", ").append(Periods.name(ledger.year() * 12 + m - 1));
    return sb.toString();
  }

  /** File mode: the plan computed over every period of the orders, as {@code commissions compute} does; Y's periods kept. */
  public static DisclosureYear fromFiles(Network net, OrderBook book, Plan plan, int year, Progress progress) {
    YearLedger ledger = new YearLedger(year, net.kinds(), Network.CUSTOMER);
    for (int m = 1; m <= 12; m++) ledger.include(m);
    int[] placer = book.members();
    List<PayoutHealth.Row> health = new ArrayList<>();
    long[] totals = new long[net.size()];
    CommissionRun.computeAll(net, book, plan, progress, r -> {
      int month = r.period() - year * 12 + 1;
      if (month >= 1 && month <= 12) {
        java.util.Arrays.fill(totals, 0);
        addPeriod(ledger, month, r, placer, totals);
        health.add(PayoutHealth.of(r.period(), r.orders().totalCv, totals, plan));
      }
      r.release();
    });
    return new DisclosureYear(net, book, plan, ledger, "files, plan " + plan.name() + " computed over every period",
        List.copyOf(health));
  }

  private static void addPeriod(YearLedger ledger, int month, PeriodResult r, int[] placer, long[] totals) {
    Lines ls = r.lines();
    for (int j = 0; j < ls.size(); j++) {
      long a = ls.amount(j);
      if (a == 0) continue;
      int src = ls.source(j);
      ledger.line(month, ls.earner(j), src == Lines.NO_SOURCE ? YearLedger.NO_SOURCE : placer[src], a);
      totals[ls.earner(j)] += a;
    }
    byte[] rank = r.volumes().rank;
    for (int m = 0; m < rank.length; m++) if (rank[m] >= 0) ledger.rank(m, rank[m]);
  }

  /**
   * Stored data: the closed run of each closed period of Y; periods not closed are left out. The
   * plan is {@code planName} when given, else the one the closed runs were computed with.
   */
  public static DisclosureYear fromStore(Database db, Network net, OrderBook book, String planName, int year) {
    RunStore runs = new RunStore(db);
    Map<String, String> states = new PeriodStore(db).states();
    String latestClosed = null;
    for (Map.Entry<String, String> e : states.entrySet()) if (PeriodStore.CLOSED.equals(e.getValue())) latestClosed = e.getKey();
    List<RunStore.RunInfo> closed = new ArrayList<>();
    boolean[] include = new boolean[13];
    for (int m = 1; m <= 12; m++) {
      String period = Periods.name(year * 12 + m - 1);
      String state = states.get(period);
      // A month no order was ever dated in has no period; it paid nothing, and counts once a later period is closed.
      if (state == null) {
        include[m] = latestClosed != null && period.compareTo(latestClosed) < 0;
        continue;
      }
      if (!PeriodStore.CLOSED.equals(state)) continue;
      Optional<RunStore.RunInfo> run = runs.current(period);
      if (run.isEmpty() || !run.get().closed()) continue;
      closed.add(run.get());
      include[m] = true;
    }
    String name = planName != null ? planName : closed.isEmpty() ? "demo" : closed.get(0).planName();
    Plan plan = loadPlan(name, planName == null);
    YearLedger ledger = new YearLedger(year, net.kinds(), Network.CUSTOMER);
    for (int m = 1; m <= 12; m++) if (include[m]) ledger.include(m);
    List<PayoutHealth.Row> health = new ArrayList<>();
    long[] totals = new long[net.size()];
    for (int i = 0; i < closed.size(); i++) {
      int periodIndex = Periods.index(Periods.parse(closed.get(i).period()));
      int month = Periods.yearMonth(periodIndex).getMonthValue();
      java.util.Arrays.fill(totals, 0);
      long runId = closed.get(i).id();
      String period = closed.get(i).period();
      runs.forEachLine(runId, (earner, sourceMember, amount) -> {
        int e = net.indexOf(earner);
        if (e < 0) throw new IllegalStateException("run " + runId + " pays " + earner + ", who is not stored");
        int s = sourceMember == null ? YearLedger.NO_SOURCE : net.indexOf(sourceMember);
        if (sourceMember != null && s < 0) throw new IllegalStateException("run " + runId + " names " + sourceMember);
        ledger.line(month, e, s, amount);
        totals[e] += amount;
      });
      health.add(PayoutHealth.of(periodIndex, PeriodOrders.of(book, periodIndex).totalCv, totals, plan));
      runs.forEachRank(runId, (member, rankName) -> {
        int m = net.indexOf(member);
        int r = plan.rankIndex(rankName);
        if (r < 0) {
          throw InvalidInputException.parameter("--plan", "the run of " + period + " has rank '" + rankName
              + "', which plan " + plan.name() + " does not have; name the plan the runs used with --plan");
        }
        if (m >= 0) ledger.rank(m, r);
      });
    }
    return new DisclosureYear(net, book, plan, ledger, "closed runs of " + year, List.copyOf(health));
  }

  private static Plan loadPlan(String name, boolean fromRuns) {
    if (fromRuns && !PlanFile.BUILT_IN.contains(name)) {
      throw InvalidInputException.parameter("--plan", "the closed runs used plan '" + name
          + "', which is not built in; name its file with --plan");
    }
    return PlanFile.load(name);
  }
}
