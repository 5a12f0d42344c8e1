package org.downline.commission;

import org.downline.network.Network;

/** For each order placed by a customer, the order's owner (nearest distributor above) earns rate x CV. Level 0. */
public record CustomerBonus(String name, Rate rate) implements BonusRule {
  public String type() {
    return "customer";
  }

  public void compute(PeriodContext ctx, LineSink out) {
    PeriodOrders po = ctx.orders;
    int[] member = ctx.book.members();
    byte[] kinds = ctx.network.kinds();
    for (int o = po.from; o < po.to; o++) {
      long cv = po.netCv[o - po.from];
      if (cv == 0 || !po.isSale(ctx.book, o)) continue;
      int m = member[o];
      if (kinds[m] != Network.CUSTOMER) continue;
      out.add(ctx.owner[m], o, 0, rate.applyMicro(cv));
    }
  }

  public String rule(PeriodContext ctx, int earner, int level) {
    return rate + " of the CV of an order of a customer you own";
  }

  public Rate rate(PeriodContext ctx, int earner, int level) {
    return rate;
  }
}
