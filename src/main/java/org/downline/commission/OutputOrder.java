package org.downline.commission;

import java.util.Arrays;
import java.util.Comparator;

/**
 * The spec's output order, "plain string order as String.compareTo", without comparing strings
 * per line: member ids and order ids are sorted once to ranks, then lines are grouped by earner
 * rank with a counting sort and ordered inside each earner by a packed key (kind name rank, source
 * order rank, level-as-text rank). Keys are unique within an earner because equal keys were merged.
 * Build once per run (the id sorts are the costly part) and use for every period.
 */
public final class OutputOrder {
  /** memberRank[i] = position of member i's id in string order. */
  public final int[] memberRank;
  /** membersByRank[r] = member index at rank r. */
  public final int[] membersByRank;
  /** orderRank[o] = position of order o's id in string order. */
  public final int[] orderRank;
  private final int[] ordersByRank;
  private final int[] kindRank;
  private final int[] kindByRank;
  private static final int[] LEVEL_RANK = levelRanks();
  private static final int[] LEVEL_BY_RANK = inverse(LEVEL_RANK);

  public OutputOrder(String[] memberIds, String[] orderIds, Plan plan) {
    membersByRank = sortedIndexes(memberIds);
    memberRank = inverse(membersByRank);
    ordersByRank = sortedIndexes(orderIds);
    orderRank = inverse(ordersByRank);
    java.util.List<String> kinds = plan.lineKinds();
    kindByRank = sortedIndexes(kinds.toArray(String[]::new));
    kindRank = inverse(kindByRank);
  }

  static int[] sortedIndexes(String[] ids) {
    Integer[] idx = new Integer[ids.length];
    for (int i = 0; i < idx.length; i++) idx[i] = i;
    Arrays.parallelSort(idx, Comparator.comparing(i -> ids[i]));
    int[] out = new int[idx.length];
    for (int i = 0; i < idx.length; i++) out[i] = idx[i];
    return out;
  }

  static int[] inverse(int[] perm) {
    int[] inv = new int[perm.length];
    for (int i = 0; i < perm.length; i++) inv[perm[i]] = i;
    return inv;
  }

  /** Levels compared as text: "10" sorts before "2". */
  private static int[] levelRanks() {
    String[] texts = new String[128];
    for (int l = 0; l < 128; l++) texts[l] = Integer.toString(l);
    return inverse(sortedIndexes(texts));
  }

  /** Receives lines in output order. {@code source} is an OrderBook index or {@link Lines#NO_SOURCE}. */
  public interface Visitor {
    void line(int earner, int kind, int source, int level, long amount) throws java.io.IOException;
  }

  /**
   * Visits a period's lines in output order: earner id, kind name, source order id (none first),
   * level as text. Lines are grouped by earner with a counting sort, then each earner's lines are
   * sorted by a packed key with their amounts alongside; kind, source and level are decoded from
   * the key, so the sort touches two primitive arrays per earner and nothing else.
   */
  public void forEach(Lines lines, Visitor visitor) throws java.io.IOException {
    int size = lines.size();
    int members = memberRank.length;
    int[] start = new int[members + 1];
    for (int j = 0; j < size; j++) start[memberRank[lines.earner(j)] + 1]++;
    int maxGroup = 0;
    for (int r = 0; r < members; r++) {
      maxGroup = Math.max(maxGroup, start[r + 1]);
      start[r + 1] += start[r];
    }
    int[] perm = new int[size];
    int[] fill = Arrays.copyOf(start, members);
    for (int j = 0; j < size; j++) perm[fill[memberRank[lines.earner(j)]]++] = j;
    fill = null;
    long[] keys = new long[maxGroup];
    long[] amounts = new long[maxGroup];
    for (int r = 0; r < members; r++) {
      int from = start[r];
      int g = start[r + 1] - from;
      if (g == 0) continue;
      for (int i = 0; i < g; i++) {
        int j = perm[from + i];
        keys[i] = key(lines, j);
        amounts[i] = lines.amount(j);
      }
      sortPairs(keys, amounts, 0, g);
      int earner = membersByRank[r];
      for (int i = 0; i < g; i++) {
        if (i > 0 && keys[i] == keys[i - 1]) throw new IllegalStateException("two lines with the same earner, kind, source and level");
        long k = keys[i];
        long srcRank = (k >>> 8) & ((1L << 40) - 1);
        visitor.line(earner, kindByRank[(int) (k >>> 48)], srcRank == 0 ? Lines.NO_SOURCE : ordersByRank[(int) (srcRank - 1)],
            LEVEL_BY_RANK[(int) (k & 0xFF)], amounts[i]);
      }
    }
  }

  private long key(Lines lines, int j) {
    int src = lines.source(j);
    long srcRank = src == Lines.NO_SOURCE ? 0 : orderRank[src] + 1L;
    return (long) kindRank[lines.kind(j)] << 48 | srcRank << 8 | LEVEL_RANK[lines.level(j)];
  }

  /** Sorts keys ascending, moving values with them (quicksort, insertion sort for short runs). */
  static void sortPairs(long[] k, long[] v, int from, int to) {
    while (to - from > 24) {
      int mid = (from + to) >>> 1;
      long a = k[from];
      long b = k[mid];
      long c = k[to - 1];
      long pivot = a < b ? (b < c ? b : Math.max(a, c)) : (a < c ? a : Math.max(b, c));
      int i = from;
      int j = to - 1;
      while (i <= j) {
        while (k[i] < pivot) i++;
        while (k[j] > pivot) j--;
        if (i <= j) {
          long t = k[i];
          k[i] = k[j];
          k[j] = t;
          t = v[i];
          v[i] = v[j];
          v[j] = t;
          i++;
          j--;
        }
      }
      // Recurse into the smaller side, loop on the larger: stack depth stays logarithmic.
      if (j - from < to - i) {
        sortPairs(k, v, from, j + 1);
        from = i;
      } else {
        sortPairs(k, v, i, to);
        to = j + 1;
      }
    }
    for (int i = from + 1; i < to; i++) {
      long kk = k[i];
      long vv = v[i];
      int j = i - 1;
      while (j >= from && k[j] > kk) {
        k[j + 1] = k[j];
        v[j + 1] = v[j];
        j--;
      }
      k[j + 1] = kk;
      v[j + 1] = vv;
    }
  }
}
