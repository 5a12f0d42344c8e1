package org.downline.web.console;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.downline.app.strategy.StrategyBoard;
import org.downline.core.Decimals;
import org.downline.core.Periods;
import org.downline.store.Database;
import org.downline.store.StrategyStore;
import org.downline.strategy.Measure;
import org.downline.strategy.Measures;
import org.downline.strategy.TacticReport;
import org.downline.strategy.Verdicts;
import org.downline.web.StrategyData;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.json.JsonMapper;

/**
 * The strategy board (docs/strategy.md): each objective with its trend against target (a chart and
 * the same figures as a table), the tactics under it with figures and verdicts, the tactics that
 * serve no objective apart, and the customer problem library. Staff only (/console).
 */
@Controller
public class StrategyPage {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  /** Members listed per problem on the page; the count says how many there are. */
  static final int MEMBERS_SHOWN = 50;

  private final StrategyData strategy;
  private final Database db;

  public StrategyPage(StrategyData strategy, Database db) {
    this.strategy = strategy;
    this.db = db;
  }

  /** A month of the trend as text in the objective's unit ("" when it cannot be computed). */
  public record Point(String month, String value) {}

  /** A verdict as the page shows it: both figures in the per-customer unit, the tactic's base. */
  public record VerdictLine(String objective, String kind, String tacticValue, String companyValue, long base) {}

  public record TacticLine(TacticReport.Row row, String repeatRate, String costPerNew, List<VerdictLine> verdicts) {}

  public record ObjectiveLine(String code, String name, String measure, String unit, String target, String by,
      String current, List<Point> trend, List<TacticLine> tactics) {}

  public record ProblemLine(String code, String name, String description, long customers, List<String> members,
      Map<String, Long> products, Map<String, Long> tactics) {}

  @GetMapping("/console/strategy")
  String board(@RequestParam(required = false) String from, @RequestParam(required = false) String to, Model model) {
    StrategyBoard.Board b = strategy.board(from, to);
    model.addAttribute("statement", b.statement());
    model.addAttribute("from", Periods.formatDay(b.from()));
    model.addAttribute("to", Periods.formatDay(b.to()));
    List<ObjectiveLine> objectives = new ArrayList<>();
    Map<String, Object> charts = new LinkedHashMap<>();
    for (StrategyBoard.Group g : b.groups()) {
      var o = g.objective().objective();
      Measure.Unit unit = o.measure().unit();
      List<Point> trend = new ArrayList<>();
      List<String> labels = new ArrayList<>();
      List<Double> values = new ArrayList<>();
      for (StrategyBoard.Point p : g.objective().trend()) {
        trend.add(new Point(p.month(), Measure.format(unit, p.value())));
        labels.add(p.month());
        // Chart points only: the table beside the chart carries the exact figures.
        values.add(p.value() == null ? null : p.value() / 100.0);
      }
      charts.put(o.code(), Map.of("labels", labels, "values", values, "target", o.target() / 100.0));
      List<TacticLine> tactics = g.tactics().stream().map(StrategyPage::line).toList();
      objectives.add(new ObjectiveLine(o.code(), o.name(), o.measure().code(), unit.name().toLowerCase(),
          Measure.format(unit, o.target()), Periods.formatDay(o.targetDay()), Measure.format(unit, g.objective().current()),
          trend, tactics));
    }
    model.addAttribute("objectives", objectives);
    model.addAttribute("unlinked", b.unlinked().stream().map(StrategyPage::line).toList());
    StrategyStore store = new StrategyStore(db);
    List<ProblemLine> problems = new ArrayList<>();
    for (StrategyBoard.ProblemView p : b.problems()) {
      List<String> members = store.membersWith(p.problem().code());
      problems.add(new ProblemLine(p.problem().code(), p.problem().name(), p.problem().description(),
          p.figures().members(), members.subList(0, Math.min(MEMBERS_SHOWN, members.size())), products(p), tactics(p)));
    }
    model.addAttribute("problems", problems);
    model.addAttribute("chartJson", JSON.writeValueAsString(charts));
    return "console/strategy";
  }

  private static Map<String, Long> products(StrategyBoard.ProblemView p) {
    Map<String, Long> m = new LinkedHashMap<>();
    for (String sku : p.problem().products()) m.put(sku, p.figures().buyersByProduct().getOrDefault(sku, 0L));
    return m;
  }

  private static Map<String, Long> tactics(StrategyBoard.ProblemView p) {
    Map<String, Long> m = new LinkedHashMap<>();
    for (String t : p.problem().tactics()) m.put(t, p.figures().reachedByTactic().getOrDefault(t, 0L));
    return m;
  }

  static TacticLine line(StrategyBoard.TacticView v) {
    TacticReport.Row r = v.figures();
    List<VerdictLine> verdicts = new ArrayList<>();
    for (Verdicts.Verdict x : v.verdicts()) {
      Measure.Unit u = x.measure().perCustomerUnit();
      verdicts.add(new VerdictLine(x.objective(), x.kind().code(), value(u, x.tacticValue()), value(u, x.companyValue()),
          x.tacticValue() == null ? 0 : x.tacticValue().base()));
    }
    return new TacticLine(r, r.repeatRateTenths() == null ? "" : TacticReport.tenths(r.repeatRateTenths()),
        r.costPerNewCustomer() == null ? "" : Decimals.format(r.costPerNewCustomer()), verdicts);
  }

  private static String value(Measure.Unit u, Measures.Value v) {
    return v == null ? "" : Measure.format(u, v.hundredths());
  }
}
