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
}
