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
public record UnilevelBonus(String name, List<Rate> rates, int[] levelsByRank, boolean compression) implements BonusRule.PerOrder, BonusRule.Split {
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

  /** The lines of the period's orders {@code from..to-1} (counted from the period's first order). */
  public void compute(PeriodContext ctx, int from, int to, LineSink out) {
    PeriodOrders po = ctx.orders;
    int[] member = ctx.book.members();
    int[] up = ctx.volumes.nextActiveUp;
    byte[] rank = ctx.volumes.rank;
    int levels = rates.size();
    long[] ppm = new long[levels + 1];
    for (int k = 1; k <= levels; k++) ppm[k] = rates.get(k - 1).ppm();
    int[] day = ctx.book.days();
    boolean walk = !compression || up == null;
    // The hot loop of a period: one step per level through the nearest-Active-above pointers.
    for (int o = po.from + from; o < po.from + to; o++) {
      long cv = po.netCv[o - po.from];
      if (cv == 0 || !po.isSale(ctx.book, o)) continue;
      if (walk) {
        order(ctx, o, member[o], day[o], cv, out);
        continue;
      }
      int u = up[ctx.owner[member[o]]];
      for (int k = 1; k <= levels && u != Network.NONE; k++, u = up[u]) {
        if (k <= levelsByRank[rank[u]]) out.addDistinct(u, o, k, Math.multiplyExact(cv, ppm[k]));
      }
    }
  }

  /** One order's lines; walks the sponsor chain (used where no compression pointers are kept). */
  public void order(PeriodContext ctx, int o, int m, int day, long cv, LineSink out) {
    int[] sponsor = ctx.network.sponsors();
    boolean[] active = ctx.volumes.active;
    byte[] rank = ctx.volumes.rank;
    int levels = rates.size();
    int u = sponsor[ctx.owner[m]];
    for (int k = 1; k <= levels && u != Network.NONE; u = sponsor[u]) {
      if (active[u]) {
        if (k <= levelsByRank[rank[u]]) out.addDistinct(u, o, k, rates.get(k - 1).applyMicro(cv));
        k++;
      } else if (!compression) {
        k++;
      }
    }
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
