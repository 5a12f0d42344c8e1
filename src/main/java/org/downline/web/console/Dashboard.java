package org.downline.web.console;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.downline.core.Decimals;
import org.downline.core.Periods;
import org.downline.network.MonthFigures;
import org.downline.web.CommissionViews;
import org.downline.web.CompanyData;
import org.downline.web.Snapshot;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.json.JsonMapper;

/** The month at a glance, with the last twelve months charted. Figures come from the arrays. */
@Controller
public class Dashboard {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final CompanyData data;
  private final ObjectProvider<CommissionViews> commissions;

  public Dashboard(CompanyData data, ObjectProvider<CommissionViews> commissions) {
    this.data = data;
    this.commissions = commissions;
  }

  @GetMapping("/console")
  String dashboard(@RequestParam(required = false) String period, Model model) {
    Snapshot s = data.current();
    int p = s.period(period);
    MonthFigures[] months = s.months(p - 11, p);
    MonthFigures month = months[months.length - 1];
    model.addAttribute("period", Periods.name(p));
    model.addAttribute("previous", Periods.name(p - 1));
    model.addAttribute("next", Periods.name(p + 1));
    model.addAttribute("month", month);
    model.addAttribute("members", s.network().size());
    // Payout share of CV: filled by the commission engine's adapter when one is registered.
    CommissionViews views = commissions.getIfAvailable();
    OptionalLong payout = views == null ? OptionalLong.empty() : views.payout(p);
    model.addAttribute("payout", payout.isPresent() ? payout.getAsLong() : null);

    List<String> labels = new ArrayList<>();
    List<Object> revenue = new ArrayList<>();
    List<Object> orders = new ArrayList<>();
    List<Object> active = new ArrayList<>();
    List<Object> recruits = new ArrayList<>();
    for (MonthFigures f : months) {
      labels.add(Periods.name(f.period()));
      revenue.add(Decimals.toBigDecimal(f.revenue()));
      orders.add(f.sales());
      active.add(f.activeDistributors());
      recruits.add(f.newDistributors());
    }
    Map<String, Object> chart = new LinkedHashMap<>();
    chart.put("labels", labels);
    chart.put("revenue", revenue);
    chart.put("orders", orders);
    chart.put("active", active);
    chart.put("recruits", recruits);
    model.addAttribute("chartJson", JSON.writeValueAsString(chart));
    model.addAttribute("months", months);
    return "console/dashboard";
  }
}
