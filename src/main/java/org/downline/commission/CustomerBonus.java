package org.downline.commission;

import org.downline.network.Network;

/** For each order placed by a customer, the order's owner (nearest distributor above) earns rate x CV. Level 0. */
public record CustomerBonus(String name, Rate rate) implements BonusRule.PerOrder {
  public String type() {
    return "customer";
  }

  public void compute(PeriodContext ctx, LineSink out) {
    PerOrder.forEachSale(this, ctx, out);
  }

  public void order(PeriodContext ctx, int o, int m, int day, long cv, LineSink out) {
    if (ctx.network.kinds()[m] == Network.CUSTOMER) out.add(ctx.owner[m], o, 0, rate.applyMicro(cv));
  }

  public String rule(PeriodContext ctx, int earner, int level) {
    return rate + " of the CV of an order of a customer you own";
  }

  public Rate rate(PeriodContext ctx, int earner, int level) {
    return rate;
  }
}
