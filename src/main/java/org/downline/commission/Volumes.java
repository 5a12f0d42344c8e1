package org.downline.commission;

import org.downline.network.Network;
import org.downline.network.OrderBook;

/**
 * One period's volumes and ranks per member as primitive arrays indexed like the {@link Network}:
 * PV, GV, Active, paid-as rank, the highest paid-as rank anywhere in the member's subtree (for
 * "legs containing a rank") and the nearest Active distributor above (for compressed walks).
 * Customers have PV and GV 0 and rank -1.
 */
public final class Volumes {
  public final Network network;
  public final long[] pv;
  public final long[] gv;
  public final boolean[] active;
  /** Paid-as rank index, -1 for customers. */
  public final byte[] rank;
  /** Highest paid-as rank of the member and every distributor below, -1 when there is none. */
  public final byte[] maxRankInSubtree;
  /** Nearest Active distributor strictly above on the sponsor chain, or {@link Network#NONE}. */
  public final int[] nextActiveUp;

  Volumes(Network network, long[] pv, long[] gv, boolean[] active, byte[] rank, byte[] maxRankInSubtree, int[] nextActiveUp) {
    this.network = network;
    this.pv = pv;
    this.gv = gv;
    this.active = active;
    this.rank = rank;
    this.maxRankInSubtree = maxRankInSubtree;
    this.nextActiveUp = nextActiveUp;
  }

  /**
   * Rolls the period's net PV up to owners and sponsors, marks Active, then settles ranks bottom
   * up (children have larger indexes than their sponsor, so one reverse pass sees every leg's
   * ranks before its head).
   */
  public static Volumes compute(Network net, int[] owner, OrderBook book, PeriodOrders po, Plan plan) {
    long[] pv = new long[net.size()];
    addPersonalPv(book, owner, po.from, po.to, pv);
    return fromPv(net, pv, plan);
  }

  /**
   * The one definition of PV (ADR 9): adds the PV of the orders {@code [from, to)} of one period to
   * each order's owner distributor (their own orders and those of the customers they own). A sale
   * counts less its returns dated in the same period; a return of an earlier period's sale changes
   * no volume (it is clawed back instead). {@code from} must be the period's first order index;
   * {@code to} may stop early (the period up to a date). GV, Active and rank follow from it
   * ({@link #fromPv}). Commissions, next steps, the back office, the dashboard and the API all
   * count PV through here.
   */
  public static void addPersonalPv(OrderBook book, int[] owner, int from, int to, long[] into) {
    int[] member = book.members();
    int[] returnOf = book.returnOf();
    long[] pv = book.pv();
    for (int o = from; o < to; o++) {
      int sale = returnOf[o];
      if (sale != OrderBook.NONE && sale < from) continue;
      int d = owner[member[o]];
      if (d != Network.NONE) into[d] += pv[o];
    }
  }

  /** Everything that follows from the PV per member. {@code pv} is kept, not copied. */
  public static Volumes fromPv(Network net, long[] pv, Plan plan) {
    int n = net.size();
    int[] sponsor = net.sponsors();
    byte[] kinds = net.kinds();
    long[] gv = pv.clone();
    for (int i = n - 1; i >= 0; i--) {
      int s = sponsor[i];
      if (s != Network.NONE) gv[s] += gv[i];
    }
    boolean[] active = new boolean[n];
    for (int i = 0; i < n; i++) active[i] = kinds[i] == Network.DISTRIBUTOR && pv[i] >= plan.activePv();
    byte[] rank = new byte[n];
    byte[] maxSub = new byte[n];
    java.util.Arrays.fill(rank, (byte) -1);
    java.util.Arrays.fill(maxSub, (byte) -1);
    int[] nextActiveUp = new int[n];
    Volumes v = new Volumes(net, pv, gv, active, rank, maxSub, nextActiveUp);
    int top = plan.ranks().size() - 1;
    for (int i = n - 1; i >= 0; i--) {
      if (kinds[i] != Network.DISTRIBUTOR) continue;
      int r = top;
      while (r > 0 && !plan.ranks().get(r).qualifies(v, i)) r--;
      rank[i] = (byte) r;
      if (r > maxSub[i]) maxSub[i] = (byte) r;
      int s = sponsor[i];
      if (s != Network.NONE && maxSub[i] > maxSub[s]) maxSub[s] = maxSub[i];
    }
    for (int i = 0; i < n; i++) {
      int s = sponsor[i];
      nextActiveUp[i] = s == Network.NONE ? Network.NONE : active[s] ? s : nextActiveUp[s];
    }
    return v;
  }

  // Optional per-member aggregates kept by ProjectedPeriod so that requirements are O(1).
  long[] aggregateCaps;
  long[][] cappedLegSums;
  int[][] legsAtLeast;

  /** PV in full plus each leg's GV counting at most {@code legCap}. */
  public long cappedGv(int m, long legCap) {
    if (cappedLegSums != null) {
      for (int c = 0; c < aggregateCaps.length; c++) if (aggregateCaps[c] == legCap) return pv[m] + cappedLegSums[c][m];
    }
    long sum = pv[m];
    byte[] kinds = network.kinds();
    for (int c = network.childStart(m), e = network.childEnd(m); c < e; c++) {
      if (kinds[c] == Network.DISTRIBUTOR) sum += Math.min(gv[c], legCap);
    }
    return sum;
  }

  /** Legs (distributors sponsored by m, with everyone below) containing a paid-as rank >= minRank. */
  public int legsWithRank(int m, int minRank) {
    if (legsAtLeast != null) return minRank <= 0 ? countDistributorChildren(m) : legsAtLeast[minRank][m];
    int count = 0;
    byte[] kinds = network.kinds();
    for (int c = network.childStart(m), e = network.childEnd(m); c < e; c++) {
      if (kinds[c] == Network.DISTRIBUTOR && maxRankInSubtree[c] >= minRank) count++;
    }
    return count;
  }

  private int countDistributorChildren(int m) {
    int count = 0;
    for (int c = network.childStart(m), e = network.childEnd(m); c < e; c++) if (network.isDistributor(c)) count++;
    return count;
  }
}
