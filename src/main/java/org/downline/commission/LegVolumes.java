package org.downline.commission;

import org.downline.network.Network;
import org.downline.network.OrderBook;
import org.downline.network.PlacementTree;

/**
 * One period's two legs per distributor in the placement tree (binary plans), indexed
 * {@code 2 x member + side}: carry in (the carry out of the period before), new (net CV of the
 * period's orders owned in the leg), returned (|CV| of the period's returns of earlier sales owned
 * in the leg), volume = max(0, carry in + new - returned), paired (set by {@link BinaryBonus} for a
 * qualified distributor) and carry out = min(limit, volume - paired). Also who is qualified: Active
 * and sponsoring enough Active distributors in each leg. Members outside the tree have all zeros.
 */
public final class LegVolumes {
  public final PlacementTree tree;
  public final Plan.Legs rules;
  public final long[] carryIn;
  public final long[] added;
  public final long[] returned;
  public final long[] volume;
  public final long[] paired;
  public final long[] carryOut;
  /** Active distributors sponsored by the member in each leg ({@code 2 x member + side}). */
  public final int[] sponsoredActive;
  public final boolean[] qualified;

  private LegVolumes(PlacementTree tree, Plan.Legs rules, long[] carryIn, long[] added, long[] returned, long[] volume) {
    this.tree = tree;
    this.rules = rules;
    this.carryIn = carryIn;
    this.added = added;
    this.returned = returned;
    this.volume = volume;
    this.paired = new long[volume.length];
    this.carryOut = new long[volume.length];
    this.sponsoredActive = new int[volume.length];
    this.qualified = new boolean[volume.length / 2];
  }

  /**
   * The legs' volumes of a period: the period's orders and later returns summed per owner, then
   * per leg through the tree's prefix sums. {@code carryIn} (2 per member) is the carry out of the
   * period before, null in the first period computed.
   */
  static LegVolumes compute(Network net, int[] owner, OrderBook book, PeriodOrders po, Plan.Legs rules, long[] carryIn) {
    PlacementTree tree = net.placementTree();
    int n = net.size();
    int[] member = book.members();
    long[] own = new long[n];
    for (int o = po.from; o < po.to; o++) {
      long cv = po.netCv[o - po.from];
      if (cv != 0 && po.isSale(book, o)) own[owner[member[o]]] += cv;
    }
    long[] cv = book.cv();
    long[] ownReturned = new long[n];
    for (int r : po.laterReturns) ownReturned[owner[member[r]]] -= cv[r];
    // Members outside the tree are in no leg: the prefix sums only run over the tree's preorder.
    long[] added = tree.legSums(own);
    long[] returned = tree.legSums(ownReturned);
    long[] in = carryIn == null ? new long[2 * n] : carryIn;
    long[] volume = new long[2 * n];
    for (int j = 0; j < 2 * n; j++) volume[j] = Math.max(0, in[j] + added[j] - returned[j]);
    return new LegVolumes(tree, rules, in, added, returned, volume);
  }

  /** Counts each distributor's Active recruits per leg and marks who is qualified (before ranks). */
  void qualify(Network net, boolean[] active) {
    int[] sponsor = net.sponsors();
    for (int c = 0; c < sponsor.length; c++) {
      int d = sponsor[c];
      if (d == Network.NONE || !active[c]) continue;
      int side = tree.legOf(d, c);
      if (side != PlacementTree.NONE) sponsoredActive[2 * d + side]++;
    }
    int need = rules.sponsoredActivePerSide();
    for (int d = 0; d < qualified.length; d++) {
      qualified[d] = active[d] && tree.inTree(d) && sponsoredActive[2 * d] >= need && sponsoredActive[2 * d + 1] >= need;
    }
  }

  /** min(volume left, volume right). */
  public long lesser(int m) {
    return Math.min(volume[2 * m], volume[2 * m + 1]);
  }

  /** Pairs the lesser leg of a qualified distributor in full (even where a cap cuts the pay). */
  void pair(int m) {
    long p = lesser(m);
    paired[2 * m] = p;
    paired[2 * m + 1] = p;
  }

  /** After the bonuses: what is not paired carries forward, each leg up to the limit. */
  void settleCarry() {
    long limit = rules.carryLimit();
    for (int j = 0; j < volume.length; j++) carryOut[j] = Math.min(limit, volume[j] - paired[j]);
  }

  /** True when any figure of either leg of m is non-zero. */
  public boolean any(int m) {
    return any(m, 0) || any(m, 1);
  }

  /** True when any figure of m's leg on {@code side} is non-zero (a row of legs.csv). */
  public boolean any(int m, int side) {
    int j = 2 * m + side;
    return carryIn[j] != 0 || added[j] != 0 || returned[j] != 0 || volume[j] != 0 || paired[j] != 0 || carryOut[j] != 0;
  }
}
