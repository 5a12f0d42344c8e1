package org.downline.commission;

import java.util.HashMap;
import java.util.Map;

/**
 * What a period needs from the periods before it: the highest paid-as rank each distributor has
 * reached (rank advancement pays once per rank), and the lines paid in earlier periods by source
 * order with each sale's net CV (clawback of later returns). Periods are recorded oldest first.
 */
public final class History {
  private final byte[] highestRank;
  private final Map<Integer, Past> past = new HashMap<>();

  /** The clawback-relevant lines of one earlier period, grouped by source order. */
  public record Past(int from, int[] start, int[] earner, byte[] kind, byte[] level, long[] amount, long[] netCv) {
    /** Line indexes of an order are start[o - from] .. start[o - from + 1] - 1. */
    public int first(int order) {
      return start[order - from];
    }

    public int end(int order) {
      return start[order - from + 1];
    }
  }

  private final boolean[] keepSource;

  /** A history that keeps every clawback-relevant line (a later return may come for any sale). */
  public History(int members) {
    this(members, null);
  }

  /**
   * A history that keeps lines only of the sales flagged in {@code keepSource} (indexed by order),
   * e.g. in file mode the sales that do have a return in a later period; null keeps all.
   */
  public History(int members, boolean[] keepSource) {
    highestRank = new byte[members];
    this.keepSource = keepSource;
  }

  /** The highest paid-as rank the member reached before this period (0 when none above the floor). */
  public int highestRank(int member) {
    return highestRank[member];
  }

  /** Sets what was reached before the first computed period (e.g. loaded from closed runs). */
  public void setHighestRank(int member, int rank) {
    highestRank[member] = (byte) rank;
  }

  private int carryPeriod = Integer.MIN_VALUE;
  private long[] carry;

  /**
   * The carry out of each leg ({@code 2 x member + side}) at the end of {@code period}, or null
   * when that period was not recorded (the next period then starts its legs at 0).
   */
  public long[] carryOut(int period) {
    return period == carryPeriod ? carry : null;
  }

  /** Sets the legs' carry out of a period, e.g. loaded from its closed run. Only the latest is kept. */
  public void recordCarry(int period, long[] carryOut) {
    if (period >= carryPeriod) {
      carryPeriod = period;
      carry = carryOut;
    }
  }

  public Past past(int period) {
    return past.get(period);
  }

  /**
   * Adds an earlier period from stored results (a closed run): each distributor's paid-as rank and
   * the paid lines whose source is an order of that period (order indexes of the book; kind is the
   * plan's line kind index).
   */
  public void recordStored(PeriodOrders po, byte[] rank, int[] source, int[] earnerOf, byte[] kindOf, byte[] levelOf,
      long[] amountOf) {
    for (int m = 0; m < rank.length; m++) if (rank[m] > highestRank[m]) highestRank[m] = rank[m];
    int len = po.to - po.from;
    int[] start = new int[len + 1];
    for (int s : source) start[s - po.from + 1]++;
    for (int i = 0; i < len; i++) start[i + 1] += start[i];
    int[] fill = java.util.Arrays.copyOf(start, len);
    int count = source.length;
    int[] earner = new int[count];
    byte[] kind = new byte[count];
    byte[] level = new byte[count];
    long[] amount = new long[count];
    for (int j = 0; j < count; j++) {
      int at = fill[source[j] - po.from]++;
      earner[at] = earnerOf[j];
      kind[at] = kindOf[j];
      level[at] = levelOf[j];
      amount[at] = amountOf[j];
    }
    past.put(po.period, new Past(po.from, start, earner, kind, level, amount, po.netCv));
  }

  /** Adds a computed period's results: ranks reached and the lines a later return may claw back. */
  public void record(PeriodResult r) {
    byte[] rank = r.volumes().rank;
    for (int m = 0; m < rank.length; m++) if (rank[m] > highestRank[m]) highestRank[m] = rank[m];
    if (r.volumes().legs != null) recordCarry(r.period(), r.volumes().legs.carryOut);
    Plan plan = r.plan();
    if (plan.clawback() == null) return;
    boolean[] eligible = new boolean[plan.bonuses().size() + 1];
    for (String b : plan.clawback().bonuses()) eligible[plan.bonusIndex(b)] = true;
    Lines lines = r.lines();
    PeriodOrders po = r.orders();
    int len = po.to - po.from;
    int[] start = new int[len + 1];
    int count = 0;
    for (int j = 0; j < lines.size(); j++) {
      if (kept(eligible, lines, j)) {
        start[lines.source(j) - po.from + 1]++;
        count++;
      }
    }
    for (int i = 0; i < len; i++) start[i + 1] += start[i];
    int[] fill = java.util.Arrays.copyOf(start, len);
    int[] earner = new int[count];
    byte[] kind = new byte[count];
    byte[] level = new byte[count];
    long[] amount = new long[count];
    for (int j = 0; j < lines.size(); j++) {
      if (kept(eligible, lines, j)) {
        int at = fill[lines.source(j) - po.from]++;
        earner[at] = lines.earner(j);
        kind[at] = (byte) lines.kind(j);
        level[at] = (byte) lines.level(j);
        amount[at] = lines.amount(j);
      }
    }
    past.put(po.period, new Past(po.from, start, earner, kind, level, amount, po.netCv));
  }

  private boolean kept(boolean[] eligible, Lines lines, int j) {
    int src = lines.source(j);
    return eligible[lines.kind(j)] && Lines.isOrder(src) && lines.amount(j) != 0
        && (keepSource == null || keepSource[src]);
  }
}
