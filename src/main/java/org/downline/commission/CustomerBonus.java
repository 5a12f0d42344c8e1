package org.downline.commission;

import org.downline.network.Network;

/** For each order placed by a customer, the order's owner (nearest distributor above) earns rate x CV. Level 0. */
public record CustomerBonus(String name, Rate rate) implements BonusRule.PerOrder, BonusRule.Split {
  public String type() {
    return "customer";
  }

  @Override
  public void compute(PeriodContext ctx, LineSink out) {
    PerOrder.forEachSale(this, ctx, out);
  }

  /** The period's orders, split: one line at most per order, so no line merges across a range's edge. */
  public int units(PeriodContext ctx) {
    return ctx.orders.to - ctx.orders.from;
  }

  public void compute(PeriodContext ctx, int from, int to, LineSink out) {
    PerOrder.forEachSale(this, ctx, from, to, out);
  }

  public void order(PeriodContext ctx, int o, int m, int day, long cv, LineSink out) {
    if (ctx.network.kinds()[m] == Network.CUSTOMER) out.addDistinct(ctx.owner[m], o, 0, rate.applyMicro(cv));
  }

  public String rule(PeriodContext ctx, int earner, int level) {
    return rate + " of the CV of an order of a customer you own";
  }

  public Rate rate(PeriodContext ctx, int earner, int level) {
    return rate;
  }
}
