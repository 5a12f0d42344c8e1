package org.downline.network;

/**
 * Sponsor-subtree questions answered on the breadth-first arrays of a {@link Network}: sizes by one
 * reverse loop, membership by a walk up the sponsor chain (at most the tree's depth), one level of
 * children by their contiguous range. Nothing here visits a whole subtree to answer for one member.
 */
public final class Subtrees {
  private Subtrees() {}

  /** Members in each member's subtree, the member included (so a leaf has 1). */
  public static int[] sizes(Network network) {
    int n = network.size();
    int[] sponsor = network.sponsors();
    int[] size = new int[n];
    for (int i = n - 1; i >= 0; i--) {
      size[i]++;
      if (sponsor[i] != Network.NONE) size[sponsor[i]] += size[i];
    }
    return size;
  }

  /** Distributors in each member's subtree, the member included when a distributor. */
  public static int[] distributorCounts(Network network) {
    int n = network.size();
    int[] sponsor = network.sponsors();
    byte[] kind = network.kinds();
    int[] count = new int[n];
    for (int i = n - 1; i >= 0; i--) {
      if (kind[i] == Network.DISTRIBUTOR) count[i]++;
      if (sponsor[i] != Network.NONE) count[sponsor[i]] += count[i];
    }
    return count;
  }

  /**
   * Sums a per-member amount over each member's subtree, the member included: e.g. GV from PV.
   * One reverse loop, because every sponsor has a smaller index than its recruits.
   */
  public static long[] rollUp(Network network, long[] own) {
    long[] sum = own.clone();
    int[] sponsor = network.sponsors();
    for (int i = sum.length - 1; i > 0; i--) {
      if (sponsor[i] != Network.NONE) sum[sponsor[i]] += sum[i];
    }
    return sum;
  }

  /** Whether {@code member} is {@code root} or below it on the sponsor tree. */
  public static boolean contains(Network network, int root, int member) {
    if (root == Network.NONE || member == Network.NONE) return false;
    int[] depth = network.depths();
    int m = member;
    while (m != Network.NONE && depth[m] > depth[root]) m = network.sponsor(m);
    return m == root;
  }

  /** The sponsor chain from a root down to {@code member}: index 0 is the top, the last is the member. */
  public static int[] pathFromTop(Network network, int member) {
    int d = network.depths()[member];
    int[] path = new int[d + 1];
    int m = member;
    for (int k = d; k >= 0; k--) {
      path[k] = m;
      m = network.sponsor(m);
    }
    return path;
  }

  /**
   * A page of a subtree in breadth-first order (the root first): skips {@code offset} members and
   * returns up to {@code limit}. Visits only the members before the page's end, never the rest.
   */
  public static int[] page(Network network, int root, int offset, int limit) {
    int[] out = new int[Math.max(0, limit)];
    int found = 0;
    long seen = 0;
    // Breadth-first by levels: a level is a list of contiguous child ranges of the level above.
    int[] level = {root};
    int levelSize = 1;
    while (levelSize > 0 && found < limit) {
      for (int k = 0; k < levelSize && found < limit; k++) {
        if (seen++ >= offset) out[found++] = level[k];
      }
      if (found >= limit) break;
      int next = 0;
      for (int k = 0; k < levelSize; k++) next += network.childEnd(level[k]) - network.childStart(level[k]);
      int[] nextLevel = new int[next];
      int p = 0;
      for (int k = 0; k < levelSize; k++) {
        for (int c = network.childStart(level[k]); c < network.childEnd(level[k]); c++) nextLevel[p++] = c;
      }
      level = nextLevel;
      levelSize = next;
    }
    return java.util.Arrays.copyOf(out, found);
  }
}
