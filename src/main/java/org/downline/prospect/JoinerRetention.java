package org.downline.prospect;

import java.util.ArrayList;
import java.util.List;

/**
 * The win-win check: of the people who joined, the share still enrolled and ordering 90 days and 12
 * months (365 days) after joining, in three groups: joined through the pipeline with options weighed
 * in stage 2, through the pipeline with stage 2 skipped, and without the pipeline.
 *
 * <p>Retained at D days: not left on or before join + D, and at least one sale in the 90 days up to
 * and including join + D (days join + D - 89 .. join + D). Only members whose join + D is on or
 * before the as-of day count (eligible); the others are not known yet.
 */
public final class JoinerRetention {
  public static final int[] AFTER_DAYS = {90, 365};
  public static final int ORDERING_DAYS = 90;
  public static final int STAGE2_RECORDED = 0;
  public static final int STAGE2_SKIPPED = 1;
  public static final int WITHOUT_PIPELINE = 2;
  public static final String[] GROUPS = {"stage-2-recorded", "stage-2-skipped", "without-pipeline"};
  /** A member who has not left. */
  public static final int NOT_LEFT = Integer.MAX_VALUE;

  private JoinerRetention() {}

  public record Row(String group, int afterDays, int eligible, int retained, long shareBasisPoints) {}

  /**
   * @param group per member, one of the group constants
   * @param leftDay per member, the day they left (cancelled or terminated), or {@link #NOT_LEFT}
   * @param saleDays per member, the days of their sales (any order)
   */
  public static List<Row> of(int[] group, int[] joinDay, int[] leftDay, int[][] saleDays, int asOfDay) {
    int[][] eligible = new int[GROUPS.length][AFTER_DAYS.length];
    int[][] retained = new int[GROUPS.length][AFTER_DAYS.length];
    for (int m = 0; m < group.length; m++) {
      for (int a = 0; a < AFTER_DAYS.length; a++) {
        int at = joinDay[m] + AFTER_DAYS[a];
        if (at > asOfDay) continue;
        eligible[group[m]][a]++;
        if (leftDay[m] <= at) continue;
        for (int d : saleDays[m]) {
          if (d > at - ORDERING_DAYS && d <= at) {
            retained[group[m]][a]++;
            break;
          }
        }
      }
    }
    List<Row> rows = new ArrayList<>();
    for (int g = 0; g < GROUPS.length; g++) {
      for (int a = 0; a < AFTER_DAYS.length; a++) {
        rows.add(new Row(GROUPS[g], AFTER_DAYS[a], eligible[g][a], retained[g][a],
            StageFlow.basisPoints(retained[g][a], eligible[g][a])));
      }
    }
    return rows;
  }
}
