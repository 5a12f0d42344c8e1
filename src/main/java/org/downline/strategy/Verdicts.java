package org.downline.strategy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.downline.network.OrderBook;

/**
 * For each tactic and each objective it serves: the objective's measure over the tactic's customers
 * (the members whose first sale is dated in the window and carries its code) against the same
 * measure over every member whose first sale is in the window, and a verdict. Measurable means at
 * least {@value #MIN_BASE} of the tactic's members count for the measure; a difference under
 * {@value #MARGIN_PERCENT}% of the company's figure is no measurable effect. Every measure is
 * higher-is-better, so a higher figure moves toward the target.
 */
public final class Verdicts {
  public static final int MIN_BASE = 30;
  public static final int MARGIN_PERCENT = 5;

  public enum Kind {
    TOWARD("toward"), AWAY("away"), NONE("no-measurable-effect");

    private final String code;

    Kind(String code) {
      this.code = code;
    }

    public String code() {
      return code;
    }
  }

  /** One verdict; the values are null when there was no one to measure (or the measure is manual). */
  public record Verdict(String tactic, String objective, Measure measure, Measures.Value tacticValue,
      Measures.Value companyValue, Kind kind, String reason) {}

  public record Result(List<Verdict> verdicts, List<Tactic> unlinked) {}

  private Verdicts() {}

  public static Result compute(Measures measures, List<Tactic> tactics, Map<String, Objective> objectives,
      int members, OrderBook book, int from, int to) {
    int[] first = measures.firstSales();
    int[] day = book.days();
    // Every new member of the window, and the code of their first sale.
    boolean[] all = new boolean[members];
    String[] code = new String[members];
    for (int i = 0; i < members; i++) {
      int f = first[i];
      if (f != OrderBook.NONE && day[f] >= from && day[f] <= to) {
        all[i] = true;
        code[i] = book.campaign(f);
      }
    }
    List<Verdict> verdicts = new ArrayList<>();
    List<Tactic> unlinked = new ArrayList<>();
    for (Tactic t : tactics) {
      if (t.objectives().isEmpty()) {
        unlinked.add(t);
        continue;
      }
      boolean[] group = new boolean[members];
      for (int i = 0; i < members; i++) group[i] = all[i] && t.code().equals(code[i]);
      for (String oc : t.objectives()) {
        Objective o = objectives.get(oc);
        if (o == null) continue;
        Measures.Value tv = measures.over(o.measure(), o.days(), group, from, to);
        Measures.Value cv = measures.over(o.measure(), o.days(), all, from, to);
        verdicts.add(judge(t.code(), o, tv, cv));
      }
    }
    return new Result(List.copyOf(verdicts), List.copyOf(unlinked));
  }

  /** The rule: enough members, then higher / lower by at least the margin, else no measurable effect. */
  static Verdict judge(String tactic, Objective o, Measures.Value tv, Measures.Value cv) {
    if (o.measure() == Measure.MANUAL) {
      return new Verdict(tactic, o.code(), o.measure(), null, null, Kind.NONE, "entered by hand: not measured per tactic");
    }
    long base = tv == null ? 0 : tv.base();
    if (base < MIN_BASE || cv == null) {
      return new Verdict(tactic, o.code(), o.measure(), tv, cv, Kind.NONE,
          "too few customers: " + base + " (at least " + MIN_BASE + ")");
    }
    long diff = tv.hundredths() - cv.hundredths();
    if (Math.abs(diff) * 100 < (long) MARGIN_PERCENT * Math.abs(cv.hundredths()) || diff == 0) {
      return new Verdict(tactic, o.code(), o.measure(), tv, cv, Kind.NONE,
          "within " + MARGIN_PERCENT + "% of the company's figure");
    }
    return new Verdict(tactic, o.code(), o.measure(), tv, cv, diff > 0 ? Kind.TOWARD : Kind.AWAY,
        diff > 0 ? "its customers score higher than the company's" : "its customers score lower than the company's");
  }
}
