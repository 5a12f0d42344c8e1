package org.downline.nextstep;

/** What a member does when they take a step; detected from data dated after the recommendation. */
public enum Goal {
  /** Another sale by the member (for one-time buyers: the second order). */
  NEXT_ORDER("next-order"),
  /** An autoship sale by a member who had none in the year up to the recommendation. */
  AUTOSHIP("autoship"),
  /** A customer sponsored (referred) by the member joins. */
  REFERRAL("referral"),
  /** The member, a customer when recommended, is a distributor in the later data. */
  ENROLMENT("enrolment"),
  /** A sale by one of the distributor's customers. */
  FIRST_SALE("first-sale"),
  /** A distributor sponsored by the member joins. */
  FIRST_RECRUIT("first-recruit"),
  /** A distributor sponsored by one of the member's frontline distributors joins (duplication). */
  FRONTLINE_RECRUIT("frontline-recruit"),
  /** The member's paid-as rank is above the rank they had when recommended. */
  RANK_REACHED("rank-reached"),
  /** More leaders below the member than when recommended. */
  LEADER_DEVELOPED("leader-developed");

  private final String code;

  Goal(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }

  /** Whether detecting it needs paid-as ranks (and a baseline figure kept with the recommendation). */
  public boolean needsRanks() {
    return this == RANK_REACHED || this == LEADER_DEVELOPED;
  }

  public static Goal ofCode(String code) {
    for (Goal g : values()) if (g.code.equals(code)) return g;
    StringBuilder known = new StringBuilder();
    for (Goal g : values()) known.append(known.isEmpty() ? "" : ", ").append(g.code);
    throw new IllegalArgumentException("'" + code + "' is not a goal (" + known + ")");
  }
}
