package org.downline.nextstep;

import java.util.List;

/**
 * One step of the Fast Start programme: something a new distributor does within their first
 * {@code days} days (day 1 is the join date, so "within 30 days" is join date + 0..29).
 */
public record FastStartStep(Goal goal, int days) {
  /** What the new distributor does. */
  public enum Goal {
    /** Their own first sale. */
    FIRST_ORDER("first-order"),
    /** The first customer they sponsor joins. */
    FIRST_CUSTOMER("first-customer"),
    /** The first distributor they sponsor joins. */
    FIRST_RECRUIT("first-recruit");

    private final String code;

    Goal(String code) {
      this.code = code;
    }

    public String code() {
      return code;
    }

    public static Goal ofCode(String code) {
      for (Goal g : values()) if (g.code.equals(code)) return g;
      throw new IllegalArgumentException("'" + code + "' is not a Fast Start step (first-order, first-customer, first-recruit)");
    }
  }

  public FastStartStep {
    if (goal == null) throw new IllegalArgumentException("Fast Start step: goal missing");
    if (days < 1) throw new IllegalArgumentException("Fast Start step " + goal.code + ": days must be at least 1, not " + days);
  }

  /** The usual programme: first order in 30 days, first retail customer in 60, first recruit in 90. */
  public static final List<FastStartStep> DEFAULT = List.of(
      new FastStartStep(Goal.FIRST_ORDER, 30),
      new FastStartStep(Goal.FIRST_CUSTOMER, 60),
      new FastStartStep(Goal.FIRST_RECRUIT, 90));

  public String label() {
    return goal.code + "-in-" + days + "-days";
  }
}
