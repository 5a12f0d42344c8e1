package org.downline.prospect;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Conversion and time per stage. A prospect who entered a stage moved on when they later entered a
 * later stage or reached a joined outcome; conversion is moved-on over entered. Time in a stage is
 * the days from entering it to the next stage entered or the outcome, whichever comes first;
 * prospects still in the stage are left out of the time. The figure is the median (nearest rank).
 */
public final class StageFlow {
  private StageFlow() {}

  /** Conversion in hundredths of a percent (basis points); medianDays -1 when nobody left the stage. */
  public record Row(Stage stage, int entered, int movedOn, long conversionBasisPoints, int left, int medianDays) {}

  /**
   * @param entryProspect per stage entry, the prospect's index; entries of one prospect by day
   * @param entryStage per entry, the stage's index in {@code stages}
   * @param entryDay per entry, the epoch day it was entered
   * @param outcome per prospect, its outcome or null
   * @param outcomeDay per prospect, the day of its outcome (ignored without one)
   */
  public static List<Row> of(Stages stages, int[] entryProspect, int[] entryStage, int[] entryDay,
      Outcome[] outcome, int[] outcomeDay) {
    int s = stages.list().size();
    int p = outcome.length;
    // Per prospect and stage: first day entered (or MIN), and the day they left it (or MIN).
    int[][] entered = new int[p][s];
    for (int[] row : entered) Arrays.fill(row, Integer.MIN_VALUE);
    int[][] next = new int[p][s];
    for (int[] row : next) Arrays.fill(row, Integer.MIN_VALUE);
    int[] furthest = new int[p];
    Arrays.fill(furthest, -1);
    for (int e = 0; e < entryProspect.length; e++) {
      int pr = entryProspect[e];
      int st = entryStage[e];
      if (entered[pr][st] == Integer.MIN_VALUE) entered[pr][st] = entryDay[e];
      furthest[pr] = Math.max(furthest[pr], st);
      // The next entry of the same prospect (entries are by day) ends this stage.
      if (e + 1 < entryProspect.length && entryProspect[e + 1] == pr && next[pr][st] == Integer.MIN_VALUE) {
        next[pr][st] = entryDay[e + 1];
      }
    }
    List<Row> rows = new ArrayList<>();
    for (int st = 0; st < s; st++) {
      int in = 0;
      int on = 0;
      int[] days = new int[p];
      int left = 0;
      for (int pr = 0; pr < p; pr++) {
        if (entered[pr][st] == Integer.MIN_VALUE) continue;
        in++;
        boolean joined = outcome[pr] != null && outcome[pr].joined();
        if (furthest[pr] > st || joined) on++;
        int end = next[pr][st];
        if (end == Integer.MIN_VALUE && outcome[pr] != null) end = outcomeDay[pr];
        if (end != Integer.MIN_VALUE) days[left++] = end - entered[pr][st];
      }
      int median = -1;
      if (left > 0) {
        int[] d = Arrays.copyOf(days, left);
        Arrays.sort(d);
        median = d[(left + 1) / 2 - 1]; // nearest rank: the ceil(n/2)-th smallest
      }
      rows.add(new Row(stages.list().get(st), in, on, basisPoints(on, in), left, median));
    }
    return rows;
  }

  static long basisPoints(long part, long whole) {
    // Half up, in integers: the figures are exact and worked by hand in the tests.
    return whole == 0 ? 0 : (part * 10_000 + whole / 2) / whole;
  }
}
