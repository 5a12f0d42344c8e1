package org.downline.nextstep;

/**
 * A next step for one member: the segment that put them there, why (the figures), the step, whether
 * they are in the holdout (recorded but not shown, to measure lift), and the baseline a rank goal
 * is measured against (paid-as rank for rank-reached, leaders below for leader-developed, else 0).
 */
public record Recommendation(int member, String memberId, String segment, String reason, PlaybookStep step,
    boolean holdout, int baseline) {}
