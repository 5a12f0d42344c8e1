package org.downline.app.strategy;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.downline.core.Periods;
import org.downline.network.Network;
import org.downline.network.OrderBook;
import org.downline.store.Database;
import org.downline.store.StrategyStore;
import org.downline.store.TacticStore;
import org.downline.strategy.Measure;
import org.downline.strategy.Measures;
import org.downline.strategy.Objective;
import org.downline.strategy.Problem;
import org.downline.strategy.Tactic;
import org.downline.strategy.TacticReport;
import org.downline.strategy.Verdicts;

/**
 * The strategy board (docs/strategy.md): the statement; each objective with its figure at the end
 * of each of the last 12 months against its target; the tactics grouped under the objectives they
 * serve, with their figures for the window and their verdicts; the tactics that serve none, apart
 * ("reacting, not strategic"); and the customer problem library.
 */
public final class StrategyBoard {
  public static final int TREND_MONTHS = 12;

  /** A month of an objective's trend: its last day (or the window's end) and the figure then. */
  public record Point(String month, int day, Long value) {}

  public record ObjectiveView(Objective objective, Long current, List<Point> trend) {}

  public record TacticView(TacticReport.Row figures, List<Verdicts.Verdict> verdicts) {}

  public record Group(ObjectiveView objective, List<TacticView> tactics) {}

  public record ProblemView(Problem problem, StrategyStore.ProblemFigures figures) {}

  public record Board(String statement, int from, int to, List<Group> groups, List<TacticView> unlinked,
      List<ProblemView> problems) {}

  private StrategyBoard() {}

  /** The board over the window {@code [from, to]} on the given arrays and the stored strategy. */
  public static Board build(Database db, Network network, OrderBook book, int from, int to) {
    TacticStore tacticStore = new TacticStore(db);
    StrategyStore strategy = new StrategyStore(db);
    List<Tactic> tactics = tacticStore.load();
    Set<String> educationalTypes = new HashSet<>();
    for (TacticStore.TacticType t : tacticStore.types()) if (t.educational()) educationalTypes.add(t.code());
    Set<String> educational = new HashSet<>();
    for (Tactic t : tactics) if (t.type() != null && educationalTypes.contains(t.type())) educational.add(t.code());
    Measures measures = new Measures(network, book, educational);
    Map<String, List<long[]>> entered = strategy.values();

    Map<String, Objective> objectives = new LinkedHashMap<>();
    for (Objective o : strategy.objectives()) objectives.put(o.code(), o);
    TacticReport report = TacticReport.compute(network, book, tactics, from, to);
    Map<String, TacticReport.Row> rowOf = new HashMap<>();
    for (TacticReport.Row r : report.rows()) rowOf.put(r.code(), r);
    Verdicts.Result verdicts = Verdicts.compute(measures, tactics, objectives, network.size(), book, from, to);

    List<Group> groups = new ArrayList<>();
    for (Objective o : objectives.values()) {
      List<Point> trend = trend(measures, o, entered.getOrDefault(o.code(), List.of()), to);
      ObjectiveView view = new ObjectiveView(o, trend.getLast().value(), trend);
      List<TacticView> serving = new ArrayList<>();
      for (Tactic t : tactics) {
        if (!t.objectives().contains(o.code())) continue;
        List<Verdicts.Verdict> mine = verdicts.verdicts().stream()
            .filter(v -> v.tactic().equals(t.code()) && v.objective().equals(o.code())).toList();
        serving.add(new TacticView(rowOf.get(t.code()), mine));
      }
      groups.add(new Group(view, serving));
    }
    List<TacticView> unlinked = new ArrayList<>();
    for (Tactic t : verdicts.unlinked()) unlinked.add(new TacticView(rowOf.get(t.code()), List.of()));
    Map<String, StrategyStore.ProblemFigures> figures = strategy.problemFigures();
    List<ProblemView> problems = new ArrayList<>();
    for (Problem p : strategy.problems()) problems.add(new ProblemView(p, figures.get(p.code())));
    return new Board(strategy.statement(), from, to, groups, unlinked, problems);
  }

  /**
   * The objective's company figure at the last day of each of the 12 months ending with the month
   * of {@code to} (the last point on {@code to} itself); for a hand-entered measure the latest value
   * entered on or before that day.
   */
  static List<Point> trend(Measures measures, Objective o, List<long[]> entered, int to) {
    int lastMonth = Periods.periodOfDay(to);
    List<Point> points = new ArrayList<>(TREND_MONTHS);
    for (int k = TREND_MONTHS - 1; k >= 0; k--) {
      int p = lastMonth - k;
      int day = Math.min(to, Periods.firstDay(p + 1) - 1);
      Long value;
      if (o.measure() == Measure.MANUAL) {
        value = null;
        for (long[] e : entered) if (e[0] <= day) value = e[1];
      } else {
        Measures.Value v = measures.company(o.measure(), o.days(), day);
        value = v == null ? null : v.hundredths();
      }
      YearMonth ym = Periods.yearMonth(p);
      points.add(new Point(ym.toString(), day, value));
    }
    return points;
  }
}
