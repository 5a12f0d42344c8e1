package org.downline.commission;

/**
 * Per member, the (earner, level) pairs that one unit owned by the member yields, in the order a
 * rule adds them: for unilevel the paid levels above an order's owner, for matching the paid
 * generations above a line's earner. Both follow from the member alone, so they are walked once
 * per member, not once per order or line (ADR 31); and a range's line count is then a sum of
 * chain lengths. Built on several cores: each member's chain is counted, then written at its place.
 */
final class Chains {
  /** Member m's pairs are {@code earner[t], level[t]} for t in {@code start[m]..start[m+1]-1}. */
  final int[] start;
  final int[] earner;
  final byte[] level;

  private Chains(int[] start, int[] earner, byte[] level) {
    this.start = start;
    this.earner = earner;
    this.level = level;
  }

  /** One member's walk: writes its pairs from {@code at} (when {@code earner} is not null) and returns how many. */
  interface Walk {
    int walk(int m, int[] earner, byte[] level, int at);
  }

  static Chains build(String name, int members, int parts, Walk walk) {
    int[] start = new int[members + 1];
    Cores.run(name + "-count", parts, p -> {
      for (int m = Cores.from(members, parts, p), to = Cores.from(members, parts, p + 1); m < to; m++) {
        start[m + 1] = walk.walk(m, null, null, 0);
      }
    });
    for (int m = 0; m < members; m++) start[m + 1] = Math.addExact(start[m + 1], start[m]);
    int[] earner = new int[start[members]];
    byte[] level = new byte[start[members]];
    Cores.run(name + "-walk", parts, p -> {
      for (int m = Cores.from(members, parts, p), to = Cores.from(members, parts, p + 1); m < to; m++) {
        if (start[m + 1] > start[m]) walk.walk(m, earner, level, start[m]);
      }
    });
    return new Chains(start, earner, level);
  }

  int length(int m) {
    return start[m + 1] - start[m];
  }

  /** A range's writer of lines from chains, {@link Batch#SIZE} units at a time; one per range (not shared between threads). */
  Batch batch(long[] ppmByLevel, BonusRule.LineSink out) {
    return new Batch(ppmByLevel, out);
  }

  /**
   * Units (orders, lines) whose lines are a member's chain times a value, written as lines of the
   * level's rate: unit by unit, each unit's three dependent reads (its member's chain start, end,
   * first pair) were waited for in turn, the branch ending the previous chain keeping the core from
   * starting the next unit's; gathered for a batch of units first, with no branch between them, the
   * core has the reads of many units in flight at once (measured: a third of unilevel's time).
   */
  final class Batch {
    static final int SIZE = 64;
    private final int[] member = new int[SIZE];
    private final long[] value = new long[SIZE];
    private final int[] source = new int[SIZE];
    private final int[] first = new int[SIZE];
    private final int[] end = new int[SIZE];
    private final long[] ppm;
    private final BonusRule.LineSink out;
    private int n;
    /** Sum of the pairs read ahead; kept so that the compiler cannot drop those reads. */
    long readAhead;

    private Batch(long[] ppm, BonusRule.LineSink out) {
      this.ppm = ppm;
      this.out = out;
    }

    /** Adds member m's chain times {@code v} with source {@code src}, in the order of the calls. */
    void add(int m, long v, int src) {
      member[n] = m;
      value[n] = v;
      source[n] = src;
      if (++n == SIZE) flush();
    }

    /** Writes the lines of the units added since the last flush; call once more after the last unit. */
    void flush() {
      int last = earner.length - 1;
      if (last >= 0) {
        long ahead = 0;
        for (int i = 0; i < n; i++) {
          int m = member[i];
          int t = start[m];
          first[i] = t;
          end[i] = start[m + 1];
          int u = Math.min(t, last);
          ahead += earner[u] + level[u];
        }
        readAhead += ahead;
        for (int i = 0; i < n; i++) {
          long v = value[i];
          int src = source[i];
          for (int t = first[i], e = end[i]; t < e; t++) {
            out.addDistinct(earner[t], src, level[t], Math.multiplyExact(v, ppm[level[t]]));
          }
        }
      }
      n = 0;
    }
  }
}
