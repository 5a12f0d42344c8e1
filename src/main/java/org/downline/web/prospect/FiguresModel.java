package org.downline.web.prospect;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.downline.app.prospect.ProspectFigures;
import org.downline.prospect.JoinerRetention;
import org.downline.prospect.Outcome;
import org.downline.prospect.StageFlow;
import org.springframework.ui.Model;

/**
 * The figures pages' model, the same for a distributor's own figures and the company's aggregate:
 * the use case's figures as they are, the stages with their names in the reader's language, the
 * outcomes in their order, and the retention rows side by side per group (90 days, 12 months).
 */
public final class FiguresModel {
  private FiguresModel() {}

  public record StageLine(String label, StageFlow.Row row) {}

  public record OutcomeLine(String code, int count) {}

  /** One group of joiners: after 90 days and after 12 months (null when the use case has no such row). */
  public record RetentionLine(String group, JoinerRetention.Row after90, JoinerRetention.Row after365) {}

  public static void add(Model model, ProspectFigures.Figures f, ProspectServices app, Locale locale) {
    List<StageLine> stages = new ArrayList<>();
    for (StageFlow.Row r : f.stages()) stages.add(new StageLine(app.label(r.stage(), locale), r));
    List<OutcomeLine> outcomes = new ArrayList<>();
    for (Outcome o : Outcome.values()) outcomes.add(new OutcomeLine(o.code(), f.outcomes().getOrDefault(o, 0)));
    List<RetentionLine> retention = new ArrayList<>();
    for (String g : JoinerRetention.GROUPS) {
      JoinerRetention.Row at90 = null;
      JoinerRetention.Row at365 = null;
      for (JoinerRetention.Row r : f.retention()) {
        if (!r.group().equals(g)) continue;
        if (r.afterDays() == JoinerRetention.AFTER_DAYS[0]) at90 = r;
        if (r.afterDays() == JoinerRetention.AFTER_DAYS[1]) at365 = r;
      }
      retention.add(new RetentionLine(g, at90, at365));
    }
    model.addAttribute("figures", f);
    model.addAttribute("stageLines", stages);
    model.addAttribute("outcomeLines", outcomes);
    model.addAttribute("retention", retention);
  }
}
