package org.downline.cli;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.downline.app.commission.ComparePlans;
import org.downline.commission.compare.PlanComparison;
import org.downline.core.Decimals;
import org.downline.core.Progress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code downline commissions compare --plan A --plan B}: two plans side by side on the same
 * company, per period, as rows {@code period,section,item,a,b,change} (change = b - a; a figure a
 * plan does not have, e.g. another plan's rank, is blank).
 */
@Command(
    name = "compare",
    mixinStandardHelpOptions = true,
    description = {"Plan modelling: two plans side by side on the same company, per period: total paid, payout as a share",
        "of CV, lines and pay by bonus, pay by rank, share of distributors earning, top gainers and losers.",
        "From files with --members and --orders, else from the stored data."})
final class CompareCommand implements Callable<Integer> {
  @Option(names = "--plan", required = true, arity = "1", description = "plan A, then plan B: built-in (demo, ladder, binary) or a plan file")
  List<String> plans;

  @Option(names = "--period", paramLabel = "YYYY-MM", description = "report only these periods (repeatable; default: every period)")
  List<String> periods;

  @Option(names = "--top", defaultValue = "10", description = "gainers and losers listed per period (default: ${DEFAULT-VALUE})")
  int top;

  @Mixin CompanySource source;

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    if (plans.size() != 2) throw new IllegalArgumentException("give --plan twice: plan A, then plan B");
    if (top < 0) throw new IllegalArgumentException("--top must not be negative");
    FileInputs in = source.load();
    ComparePlans.Comparison c = ComparePlans.compare(in.network(), in.book(), plans.get(0), plans.get(1), periods, top, Progress.NONE);
    List<PlanComparison.Period> result = c.periods();
    if (source.format == OutputFormat.table) spec.commandLine().getOut().println("a: " + c.a().name() + "    b: " + c.b().name());
    Printed.print(table(result), source.format, spec.commandLine().getOut());
    return 0;
  }

  static Table table(List<PlanComparison.Period> periods) {
    Table t = new Table("period", "section", "item", "a", "b", "change").numeric("a", "b", "change");
    for (PlanComparison.Period p : periods) {
      PlanComparison.Figures fa = p.a();
      PlanComparison.Figures fb = p.b();
      String n = p.period();
      t.row(n, "total", "paid", money(fa.paid()), money(fb.paid()), money(fb.paid() - fa.paid()));
      t.row(n, "total", "cv", money(fa.cv()), money(fb.cv()), money(fb.cv() - fa.cv()));
      t.row(n, "total", "share_of_cv_percent", percent(fa.shareOfCv()), percent(fb.shareOfCv()), percentChange(fa.shareOfCv(), fb.shareOfCv()));
      t.row(n, "total", "distributors", count(fa.distributors()), count(fb.distributors()), count(fb.distributors() - fa.distributors()));
      t.row(n, "total", "earning", count(fa.earning()), count(fb.earning()), count(fb.earning() - fa.earning()));
      t.row(n, "total", "earning_percent", percent(fa.earningShare()), percent(fb.earningShare()),
          percentChange(fa.earningShare(), fb.earningShare()));
      // Bonuses and ranks by name: A's in A's order, then B's not in A; a name only one plan has is blank in the other.
      for (String k : union(fa.byBonus(), fb.byBonus())) {
        PlanComparison.Bonus x = fa.byBonus().get(k);
        PlanComparison.Bonus y = fb.byBonus().get(k);
        t.row(n, "bonus_lines", k, x == null ? "" : count(x.lines()), y == null ? "" : count(y.lines()),
            count((y == null ? 0 : y.lines()) - (x == null ? 0 : x.lines())));
      }
      for (String k : union(fa.byBonus(), fb.byBonus())) {
        PlanComparison.Bonus x = fa.byBonus().get(k);
        PlanComparison.Bonus y = fb.byBonus().get(k);
        t.row(n, "bonus_paid", k, x == null ? "" : money(x.paid()), y == null ? "" : money(y.paid()),
            money((y == null ? 0 : y.paid()) - (x == null ? 0 : x.paid())));
      }
      for (String k : union(fa.byRank(), fb.byRank())) {
        PlanComparison.RankPay x = fa.byRank().get(k);
        PlanComparison.RankPay y = fb.byRank().get(k);
        t.row(n, "rank_distributors", k, x == null ? "" : count(x.distributors()), y == null ? "" : count(y.distributors()),
            count((y == null ? 0 : y.distributors()) - (x == null ? 0 : x.distributors())));
        t.row(n, "rank_paid", k, x == null ? "" : money(x.paid()), y == null ? "" : money(y.paid()),
            money((y == null ? 0 : y.paid()) - (x == null ? 0 : x.paid())));
      }
      for (PlanComparison.Change c : p.gainers()) t.row(n, "gainer", c.memberId(), money(c.a()), money(c.b()), money(c.change()));
      for (PlanComparison.Change c : p.losers()) t.row(n, "loser", c.memberId(), money(c.a()), money(c.b()), money(c.change()));
    }
    return t;
  }

  private static Set<String> union(Map<String, ?> a, Map<String, ?> b) {
    Set<String> keys = new LinkedHashSet<>(a.keySet());
    keys.addAll(b.keySet());
    return keys;
  }

  private static String money(long cents) {
    return Decimals.format(cents);
  }

  private static String count(long n) {
    return Long.toString(n);
  }

  /** Hundredths of a percent as "12.34"; blank when there was nothing to divide by. */
  private static String percent(long hundredths) {
    return hundredths < 0 ? "" : Decimals.format(hundredths);
  }

  private static String percentChange(long a, long b) {
    return a < 0 || b < 0 ? "" : Decimals.format(b - a);
  }
}
