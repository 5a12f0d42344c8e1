package org.downline.web.disclosure;

import java.util.List;
import org.downline.app.disclosure.DisclosureYear;
import org.downline.disclosure.IncomeDisclosure;
import org.springframework.ui.Model;

/** The model of the statement fragment ({@code disclosure/statement.html}), shared by the console and the public page. */
public final class StatementModel {
  private StatementModel() {}

  /** Adds what every statement view shows (the console's and the public page's). */
  public static void add(Model model, DisclosureYear y) {
    IncomeDisclosure.Statement s = y.statement();
    model.addAttribute("year", Integer.toString(s.year())); // text: a message would group 2025 as 2,025
    model.addAttribute("statement", s);
    model.addAttribute("all", s.all());
    model.addAttribute("leftOut", y.leftOutPeriods());
    IncomeDisclosure.Row a = s.all();
    long[] values = {a.min(), a.p10(), a.p25(), a.median(), a.p75(), a.p90(), a.max()};
    long top = 1;
    for (long v : values) top = Math.max(top, Math.abs(v));
    model.addAttribute("points", List.of("min", "p10", "p25", "median", "p75", "p90", "max"));
    model.addAttribute("values", values);
    model.addAttribute("top", top);
  }

}
