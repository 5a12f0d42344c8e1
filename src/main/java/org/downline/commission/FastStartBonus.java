package org.downline.commission;

import org.downline.network.Network;

/**
 * For each order a distributor places within {@code days} days of joining (day 0 to days-1), the
 * distributor's sponsor earns rate x CV, if the sponsor is Active when {@code sponsorMustBeActive}.
 * Level 1.
 */
public record FastStartBonus(String name, int days, Rate rate, boolean sponsorMustBeActive) implements BonusRule.PerOrder, BonusRule.Split {
  public FastStartBonus {
    if (days <= 0) throw new IllegalArgumentException("days must be positive");
  }

  public String type() {
    return "fast_start";
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

  public void order(PeriodContext ctx, int o, int d, int day, long cv, LineSink out) {
    if (ctx.network.kinds()[d] != Network.DISTRIBUTOR) return;
    int age = day - ctx.network.joinDays()[d];
    if (age < 0 || age >= days) return;
    int s = ctx.network.sponsors()[d];
    if (s == Network.NONE || (sponsorMustBeActive && !ctx.volumes.active[s])) return;
    out.addDistinct(s, o, 1, rate.applyMicro(cv));
  }

  public String rule(PeriodContext ctx, int earner, int level) {
    return rate + " of the CV of an order your recruit placed in their first " + days + " days"
        + (sponsorMustBeActive ? ", paid when you are Active" : "");
  }

  public Rate rate(PeriodContext ctx, int earner, int level) {
    return rate;
  }
}
