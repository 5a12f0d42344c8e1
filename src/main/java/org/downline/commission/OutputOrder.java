package org.downline.commission;

import java.util.Arrays;
import java.util.Comparator;

/**
 * The spec's output order, "plain string order as String.compareTo", without comparing strings
 * per line: member ids and order ids are sorted once to ranks, then lines are grouped by earner
 * rank with a counting sort and ordered inside each earner by a packed key (kind name rank, source
 * order rank, level-as-text rank). Keys are unique within an earner because equal keys were merged.
 */
public final class OutputOrder {
  /** memberRank[i] = position of member i's id in string order. */
  public final int[] memberRank;
  /** membersByRank[r] = member index at rank r. */
  public final int[] membersByRank;
  /** orderRank[o] = position of order o's id in string order. */
  public final int[] orderRank;
  private final int[] kindRank;
  private static final int[] LEVEL_RANK = levelRanks();

  public OutputOrder(String[] memberIds, String[] orderIds, Plan plan) {
    membersByRank = sortedIndexes(memberIds);
    memberRank = inverse(membersByRank);
    orderRank = inverse(sortedIndexes(orderIds));
    java.util.List<String> kinds = plan.lineKinds();
    int[] byName = sortedIndexes(kinds.toArray(String[]::new));
    kindRank = inverse(byName);
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

  /** Line indexes of a period in output order: earner id, kind name, source order id (none first), level. */
  public int[] sort(Lines lines) {
    int size = lines.size();
    int members = memberRank.length;
    int[] start = new int[members + 1];
    for (int j = 0; j < size; j++) start[memberRank[lines.earner(j)] + 1]++;
    for (int r = 0; r < members; r++) start[r + 1] += start[r];
    long[] keys = new long[size];
    int[] fill = Arrays.copyOf(start, members);
    for (int j = 0; j < size; j++) keys[fill[memberRank[lines.earner(j)]]++] = key(lines, j);
    long[] sorted = keys.clone();
    for (int r = 0; r < members; r++) if (start[r + 1] - start[r] > 1) Arrays.sort(sorted, start[r], start[r + 1]);
    int[] perm = new int[size];
    Arrays.fill(perm, -1);
    System.arraycopy(start, 0, fill, 0, members);
    for (int j = 0; j < size; j++) {
      int r = memberRank[lines.earner(j)];
      int pos = Arrays.binarySearch(sorted, start[r], start[r + 1], keys[fill[r]++]);
      if (perm[pos] != -1) throw new IllegalStateException("two lines with the same earner, kind, source and level");
      perm[pos] = j;
    }
    return perm;
  }

  private long key(Lines lines, int j) {
    int src = lines.source(j);
    long srcRank = src == Lines.NO_SOURCE ? 0 : orderRank[src] + 1L;
    return (long) kindRank[lines.kind(j)] << 48 | srcRank << 8 | LEVEL_RANK[lines.level(j)];
  }
}
