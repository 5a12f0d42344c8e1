package org.downline.app.commission;

import java.time.YearMonth;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.downline.commission.Plan;
import org.downline.commission.compare.PlanComparison;
import org.downline.core.InvalidInputException;
import org.downline.core.Periods;
import org.downline.core.Progress;
import org.downline.network.Network;
import org.downline.network.OrderBook;
import org.downline.planfile.PlanFile;

/**
 * Plan modelling, the use case of {@code downline commissions compare} and of the console's plan
 * comparison: two plans (built-in names or plan files) over the same company, computed period
 * after period from the first order ({@link PlanComparison}), the periods asked for kept.
 */
public final class ComparePlans {
  private ComparePlans() {}

  /** The two plans as loaded, and the periods compared. */
  public record Comparison(Plan a, Plan b, List<PlanComparison.Period> periods) {}

  /**
   * @param periods the periods reported, as {@code YYYY-MM} (null: every period)
   * @param top gainers and losers listed per period
   */
  public static Comparison compare(Network net, OrderBook book, String planA, String planB, Collection<String> periods,
      int top, Progress progress) {
    if (top < 0) throw InvalidInputException.parameter("top", "must not be negative");
    Plan a = PlanFile.load(planA);
    Plan b = PlanFile.load(planB);
    Set<Integer> report = null;
    if (periods != null) {
      report = new java.util.HashSet<>();
      for (String p : periods) report.add(Periods.index(InvalidInputException.period("period", p)));
    }
    return new Comparison(a, b, PlanComparison.compare(net, book, a, b, top, report, progress));
  }

  /** The periods {@code from} to {@code to}, both included, as {@code YYYY-MM}; refused when from is after to. */
  public static Set<String> between(String from, String to) {
    YearMonth f = InvalidInputException.period("from", from);
    YearMonth t = InvalidInputException.period("to", to);
    if (f.isAfter(t)) throw InvalidInputException.parameter("from", from + " is after " + to);
    Set<String> out = new LinkedHashSet<>();
    for (YearMonth m = f; !m.isAfter(t); m = m.plusMonths(1)) out.add(Periods.name(Periods.index(m)));
    return out;
  }
}
