package org.downline.nextstep;

import java.util.List;

/**
 * The next logical step for the members of one segment: a short code, a title for people, the goals
 * that show the step was taken (any one of them), the material that helps, and the share of the
 * segment held out (in hundredths of a percent: 1000 = 10%) to measure lift.
 */
public record PlaybookStep(
    String segment, String step, String title, List<Goal> goals, List<String> materials, int holdoutBasisPoints) {

  public PlaybookStep {
    goals = List.copyOf(goals);
    materials = List.copyOf(materials);
    if (holdoutBasisPoints < 0 || holdoutBasisPoints > 10_000) {
      throw new IllegalArgumentException(segment + ": holdout must be between 0% and 100%");
    }
    if (goals.stream().filter(Goal::needsRanks).count() > 1) {
      throw new IllegalArgumentException(segment + ": at most one of rank-reached and leader-developed per step");
    }
  }
}
