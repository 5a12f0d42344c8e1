package org.downline.nextstep;

import java.util.List;

/**
 * A recommendation as recorded when issued: who, which segment and step, the goals that show the
 * step taken, the day it was issued, whether the member was held out (recorded, never shown), and
 * the baseline a rank goal is measured against (see {@link Recommendation#baseline()}).
 */
public record RecommendationRecord(
    String memberId, String segment, String step, List<Goal> goals, int issuedDay, boolean holdout, int baseline) {

  public RecommendationRecord {
    goals = List.copyOf(goals);
  }

  public static RecommendationRecord of(Recommendation r, int issuedDay) {
    return new RecommendationRecord(r.memberId(), r.segment(), r.step().step(), r.step().goals(), issuedDay,
        r.holdout(), r.baseline());
  }
}
