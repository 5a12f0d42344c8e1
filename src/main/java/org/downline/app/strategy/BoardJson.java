package org.downline.app.strategy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.downline.core.Decimals;
import org.downline.core.Periods;
import org.downline.strategy.Measure;
import org.downline.strategy.Measures;
import org.downline.strategy.Objective;
import org.downline.strategy.Tactic;
import org.downline.strategy.TacticReport;
import org.downline.strategy.Verdicts;

/**
 * The board as plain records for JSON (the API and {@code downline strategy show --format json}):
 * money and figures as decimals in their unit (percent for shares), rates with one decimal, dates
 * YYYY-MM-DD, null for what cannot be computed.
 */
public final class BoardJson {
  private BoardJson() {}

  public record Point(String month, String date, BigDecimal value) {}

  public record ObjectiveJson(String code, String name, String measure, String unit, int days, BigDecimal target,
      String targetDate, BigDecimal current, List<Point> trend) {}

  public record Figures(long orders, BigDecimal revenue, long newCustomers, long eligibleForRepeat, long repeated90d,
      BigDecimal repeatRate, long referrals, BigDecimal firstTouchRevenue, BigDecimal cost,
      BigDecimal costPerNewCustomer, BigDecimal costPerRepeatCustomer) {}

  public record VerdictJson(String objective, String measure, BigDecimal tacticValue, long tacticBase,
      BigDecimal companyValue, long companyBase, String verdict, String reason) {}

  public record TacticJson(String code, String name, String type, String channel, String start, String end,
      String owner, List<String> objectives, List<String> problems, Figures figures, List<VerdictJson> verdicts) {}

  public record GroupJson(ObjectiveJson objective, List<TacticJson> tactics) {}

  public record ProblemJson(String code, String name, String description, List<String> products, List<String> tactics,
      long customers, Map<String, Long> buyersByProduct, Map<String, Long> reachedByTactic) {}

  public record Json(String statement, String from, String to, List<GroupJson> objectives, List<TacticJson> unlinked,
      List<ProblemJson> problems) {}

  public static Json of(StrategyBoard.Board b) {
    List<GroupJson> groups = new ArrayList<>();
    for (StrategyBoard.Group g : b.groups()) {
      Objective o = g.objective().objective();
      List<Point> trend = new ArrayList<>();
      for (StrategyBoard.Point p : g.objective().trend()) {
        trend.add(new Point(p.month(), Periods.formatDay(p.day()), value(o.measure().unit(), p.value())));
      }
      ObjectiveJson oj = new ObjectiveJson(o.code(), o.name(), o.measure().code(), o.measure().unit().name().toLowerCase(),
          o.days(), value(o.measure().unit(), o.target()), Periods.formatDay(o.targetDay()),
          value(o.measure().unit(), g.objective().current()), trend);
      groups.add(new GroupJson(oj, g.tactics().stream().map(BoardJson::tactic).toList()));
    }
    List<ProblemJson> problems = new ArrayList<>();
    for (StrategyBoard.ProblemView p : b.problems()) {
      problems.add(new ProblemJson(p.problem().code(), p.problem().name(), p.problem().description(),
          p.problem().products(), p.problem().tactics(), p.figures().members(), p.figures().buyersByProduct(),
          p.figures().reachedByTactic()));
    }
    return new Json(b.statement(), Periods.formatDay(b.from()), Periods.formatDay(b.to()), groups,
        b.unlinked().stream().map(BoardJson::tactic).toList(), problems);
  }

  static TacticJson tactic(StrategyBoard.TacticView v) {
    TacticReport.Row r = v.figures();
    Tactic t = r.tactic();
    Figures f = new Figures(r.orders(), money(r.revenue()), r.newCustomers(), r.eligibleForRepeat(), r.repeated(),
        r.repeatRateTenths() == null ? null : BigDecimal.valueOf(r.repeatRateTenths(), 1), r.referrals(),
        money(r.firstTouchRevenue()), money(t.cost()), money(r.costPerNewCustomer()), money(r.costPerRepeatCustomer()));
    List<VerdictJson> verdicts = new ArrayList<>();
    for (Verdicts.Verdict x : v.verdicts()) {
      Measure.Unit u = x.measure().perCustomerUnit();
      verdicts.add(new VerdictJson(x.objective(), x.measure().code(), value(u, x.tacticValue()), base(x.tacticValue()),
          value(u, x.companyValue()), base(x.companyValue()), x.kind().code(), x.reason()));
    }
    return new TacticJson(t.code(), t.name(), t.type(), t.channel(), day(t.start()), day(t.end()), t.owner(),
        t.objectives(), t.problems(), f, verdicts);
  }

  /** A value in its unit: counts whole, the rest with two decimals. */
  public static BigDecimal value(Measure.Unit unit, Long hundredths) {
    if (hundredths == null) return null;
    return unit == Measure.Unit.COUNT ? BigDecimal.valueOf(hundredths / 100) : Decimals.toBigDecimal(hundredths);
  }

  private static BigDecimal value(Measure.Unit unit, Measures.Value v) {
    return v == null ? null : value(unit, v.hundredths());
  }

  private static long base(Measures.Value v) {
    return v == null ? 0 : v.base();
  }

  private static BigDecimal money(Long cents) {
    return cents == null ? null : Decimals.toBigDecimal(cents);
  }

  private static String day(int d) {
    return d == Tactic.NO_DAY ? null : Periods.formatDay(d);
  }
}
