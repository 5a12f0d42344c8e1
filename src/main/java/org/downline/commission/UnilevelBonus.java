package org.downline.commission;

import java.util.List;
import org.downline.network.Network;

/**
 * For each order, walk up the sponsor chain from the owner's sponsor; with dynamic compression
 * only Active distributors count as levels (the others are skipped). The k-th distributor met
 * earns {@code rates[k-1]} x CV when k is within the levels their paid-as rank opens. The walk
 * stops after the last rate or at a root.
 *
 * @param levelsByRank levels opened per rank index (lowest rank first)
 * @param compression true: dynamic compression (skip non-Active); false: every distributor is a
 *     level and a non-Active one earns nothing
 */
public record UnilevelBonus(String name, List<Rate> rates, int[] levelsByRank, boolean compression) implements BonusRule.PerOrder, BonusRule.Counted {
  public UnilevelBonus {
    rates = List.copyOf(rates);
    if (rates.isEmpty() || rates.size() > 127) throw new IllegalArgumentException("1 to 127 levels");
    levelsByRank = levelsByRank.clone();
  }

  public String type() {
    return "unilevel";
  }

  public int units(PeriodContext ctx) {
    return ctx.orders.to - ctx.orders.from;
  }

  @Override
  public void compute(PeriodContext ctx, LineSink out) {
    compute(ctx, 0, units(ctx), out);
  }

  /**
   * Each distributor's paid levels, walked once (an order's lines depend only on its owner), then
   * the period's orders as ranges: an order owned by d has as many lines as d's chain is long.
   */
  public BonusRule.Pass prepare(PeriodContext ctx, int parts) {
    PeriodOrders po = ctx.orders;
    int[] member = ctx.book.members();
    int[] returnOf = ctx.book.returnOf();
    int[] owner = ctx.owner;
    boolean pointers = compression && ctx.volumes.nextActiveUp != null;
    Chains chains = Chains.build("unilevel", ctx.network.size(), parts, (d, e, l, at) -> walk(ctx, d, pointers, e, l, at));
    int[] start = chains.start;
    long[] ppm = new long[rates.size() + 1];
    for (int k = 1; k <= rates.size(); k++) ppm[k] = rates.get(k - 1).ppm();
    return new BonusRule.Pass() {
      public long count(int from, int to) {
        long n = 0;
        for (int o = po.from + from; o < po.from + to; o++) {
          if (po.netCv[o - po.from] == 0 || returnOf[o] != org.downline.network.OrderBook.NONE) continue;
          int d = owner[member[o]];
          n += start[d + 1] - start[d];
        }
        return n;
      }

      // The hot loop of a period: an order's lines are its owner's chain times the order's CV.
      public void compute(int from, int to, LineSink out) {
        Chains.Batch batch = chains.batch(ppm, out);
        for (int o = po.from + from; o < po.from + to; o++) {
          long cv = po.netCv[o - po.from];
          if (cv == 0 || returnOf[o] != org.downline.network.OrderBook.NONE) continue;
          batch.add(owner[member[o]], cv, o);
        }
        batch.flush();
      }
    };
  }

  /**
   * Distributor d's paid levels for an order it owns: with dynamic compression through the
   * nearest-Active-above pointers when {@code pointers}; else up the sponsor chain, where only Active distributors earn
   * (and, without compression, every distributor is a level). Writes from {@code at} when
   * {@code earner} is not null; returns how many.
   */
  private int walk(PeriodContext ctx, int d, boolean pointers, int[] earner, byte[] level, int at) {
    if (d == Network.NONE || !ctx.network.isDistributor(d)) return 0;
    int[] up = ctx.volumes.nextActiveUp;
    byte[] rank = ctx.volumes.rank;
    int levels = rates.size();
    int n = 0;
    if (pointers) {
      int u = up[d];
      for (int k = 1; k <= levels && u != Network.NONE; k++, u = up[u]) {
        if (k <= levelsByRank[rank[u]]) n = put(earner, level, at, n, u, k);
      }
      return n;
    }
    int[] sponsor = ctx.network.sponsors();
    boolean[] active = ctx.volumes.active;
    int u = sponsor[d];
    for (int k = 1; k <= levels && u != Network.NONE; u = sponsor[u]) {
      if (active[u]) {
        if (k <= levelsByRank[rank[u]]) n = put(earner, level, at, n, u, k);
        k++;
      } else if (!compression) {
        k++;
      }
    }
    return n;
  }

  private static int put(int[] earner, byte[] level, int at, int n, int u, int k) {
    if (earner != null) {
      earner[at + n] = u;
      level[at + n] = (byte) k;
    }
    return n + 1;
  }

  /** One order's lines (projections); walks the sponsor chain, as where no compression pointers are kept. */
  public void order(PeriodContext ctx, int o, int m, int day, long cv, LineSink out) {
    int[] earner = new int[rates.size()];
    byte[] level = new byte[rates.size()];
    int n = walk(ctx, ctx.owner[m], false, earner, level, 0);
    for (int t = 0; t < n; t++) out.addDistinct(earner[t], o, level[t], rates.get(level[t] - 1).applyMicro(cv));
  }

  public String rule(PeriodContext ctx, int earner, int level) {
    int r = ctx.volumes.rank[earner];
    return rates.get(level - 1) + " of CV at level " + level + (compression ? " (compressed: only Active distributors count)" : "")
        + "; paid-as " + ctx.plan.ranks().get(r).name() + " opens " + levelsByRank[r] + " levels";
  }

  public Rate rate(PeriodContext ctx, int earner, int level) {
    return rates.get(level - 1);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof UnilevelBonus u && u.name.equals(name) && u.rates.equals(rates)
        && java.util.Arrays.equals(u.levelsByRank, levelsByRank) && u.compression == compression;
  }

  @Override
  public int hashCode() {
    return name.hashCode() * 31 + rates.hashCode();
  }
}
