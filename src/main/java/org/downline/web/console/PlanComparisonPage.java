package org.downline.web.console;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.downline.app.commission.ComparePlans;
import org.downline.commission.compare.PlanComparison;
import org.downline.core.Decimals;
import org.downline.core.InvalidInputException;
import org.downline.core.Periods;
import org.downline.core.Progress;
import org.downline.planfile.PlanFile;
import org.downline.web.CompanyData;
import org.downline.web.Snapshot;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.json.JsonMapper;

/**
 * Plan modelling in the console ({@code /console/plans/compare}): two built-in plans over the
 * stored company for a range of periods, what {@code downline commissions compare} shows (the
 * same use case, {@link ComparePlans}): per period the total paid and its share of CV and the
 * share of distributors earning, as a chart and as a table; for one period of the range the lines
 * and pay by bonus, the pay by rank and the biggest gainers and losers. Nothing is computed until
 * the form is sent; a result is kept while the company's data is unchanged.
 */
@Controller
public class PlanComparisonPage {
  static final int TOP = 10;
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final CompanyData data;
  /** The last comparison, for the snapshot and plans it was computed on (flipping periods costs nothing). */
  private volatile Kept kept;

  private record Kept(Snapshot snapshot, long version, String a, String b, ComparePlans.Comparison comparison) {}

  public PlanComparisonPage(CompanyData data) {
    this.data = data;
  }

  /** A bonus or rank row: A's figure and B's, null where the plan has no such bonus or rank. */
  public record Row(String name, Long a, Long b, Long linesA, Long linesB) {
    public long change() {
      return (b == null ? 0 : b) - (a == null ? 0 : a);
    }
  }

  @GetMapping("/console/plans/compare")
  String compare(@RequestParam(required = false) String a, @RequestParam(required = false) String b,
      @RequestParam(required = false) String from, @RequestParam(required = false) String to,
      @RequestParam(required = false) String period, Model model) {
    Snapshot s = data.current();
    String last = Periods.name(s.defaultPeriod());
    String first = Periods.name(Periods.index(Periods.parse(last).minusMonths(11)));
    model.addAttribute("plans", PlanFile.BUILT_IN);
    model.addAttribute("a", a == null ? data.plan().name() : a);
    model.addAttribute("b", b == null ? (data.plan().name().equals("binary") ? "demo" : "binary") : b);
    model.addAttribute("from", from == null ? first : from);
    model.addAttribute("to", to == null ? last : to);
    if (a == null || b == null) return "console/plan-compare";
    for (String[] p : new String[][] {{"a", a}, {"b", b}}) {
      if (!PlanFile.BUILT_IN.contains(p[1])) throw InvalidInputException.parameter(p[0], "give a built-in plan: " + PlanFile.BUILT_IN);
    }
    Set<String> range = ComparePlans.between(from == null ? first : from, to == null ? last : to);
    ComparePlans.Comparison all = comparison(s, a, b);
    List<PlanComparison.Period> shown = all.periods().stream().filter(p -> range.contains(p.period())).toList();
    model.addAttribute("planA", all.a().name());
    model.addAttribute("planB", all.b().name());
    model.addAttribute("periods", shown);
    PlanComparison.Period detail = shown.isEmpty() ? null : shown.getLast();
    if (period != null) {
      detail = shown.stream().filter(p -> p.period().equals(period)).findFirst()
          .orElseThrow(() -> InvalidInputException.parameter("period", period + " is not in the periods compared"));
    }
    model.addAttribute("detail", detail);
    if (detail != null) {
      model.addAttribute("bonuses", rows(detail.a().byBonus(), detail.b().byBonus(), true));
      model.addAttribute("ranks", rows(detail.a().byRank(), detail.b().byRank(), false));
    }
    model.addAttribute("chartJson", chart(shown));
    return "console/plan-compare";
  }

  private ComparePlans.Comparison comparison(Snapshot s, String a, String b) {
    Kept k = kept;
    if (k != null && k.snapshot() == s && k.version() == s.version() && k.a().equals(a) && k.b().equals(b)) return k.comparison();
    // Every period of the stored orders: a period's figures depend on the carry and history before it.
    ComparePlans.Comparison c = ComparePlans.compare(s.network(), s.book(), a, b, null, TOP, Progress.NONE);
    kept = new Kept(s, s.version(), a, b, c);
    return c;
  }

  /** A's names in A's order, then B's not in A. */
  static List<Row> rows(Map<String, ?> a, Map<String, ?> b, boolean bonus) {
    Set<String> names = new LinkedHashSet<>(a.keySet());
    names.addAll(b.keySet());
    List<Row> out = new ArrayList<>();
    for (String n : names) {
      Object x = a.get(n);
      Object y = b.get(n);
      if (bonus) {
        PlanComparison.Bonus bx = (PlanComparison.Bonus) x;
        PlanComparison.Bonus by = (PlanComparison.Bonus) y;
        out.add(new Row(n, bx == null ? null : bx.paid(), by == null ? null : by.paid(), bx == null ? null : bx.lines(),
            by == null ? null : by.lines()));
      } else {
        PlanComparison.RankPay rx = (PlanComparison.RankPay) x;
        PlanComparison.RankPay ry = (PlanComparison.RankPay) y;
        out.add(new Row(n, rx == null ? null : rx.paid(), ry == null ? null : ry.paid(), rx == null ? null : rx.distributors(),
            ry == null ? null : ry.distributors()));
      }
    }
    return out;
  }

  private static String chart(List<PlanComparison.Period> periods) {
    List<String> labels = new ArrayList<>();
    List<Object> a = new ArrayList<>();
    List<Object> b = new ArrayList<>();
    for (PlanComparison.Period p : periods) {
      labels.add(p.period());
      a.add(Decimals.toBigDecimal(p.a().paid()));
      b.add(Decimals.toBigDecimal(p.b().paid()));
    }
    Map<String, Object> chart = new LinkedHashMap<>();
    chart.put("labels", labels);
    chart.put("a", a);
    chart.put("b", b);
    return JSON.writeValueAsString(chart);
  }
}
