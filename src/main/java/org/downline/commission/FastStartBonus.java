package org.downline.commission;

import org.downline.network.Network;

/**
 * For each order a distributor places within {@code days} days of joining (day 0 to days-1), the
 * distributor's sponsor earns rate x CV, if the sponsor is Active when {@code sponsorMustBeActive}.
 * Level 1.
 */
public record FastStartBonus(String name, int days, Rate rate, boolean sponsorMustBeActive) implements BonusRule {
  public FastStartBonus {
    if (days <= 0) throw new IllegalArgumentException("days must be positive");
  }

  public String type() {
    return "fast_start";
  }

  public void compute(PeriodContext ctx, LineSink out) {
    PeriodOrders po = ctx.orders;
    int[] member = ctx.book.members();
    int[] day = ctx.book.days();
    byte[] kinds = ctx.network.kinds();
    int[] joinDay = ctx.network.joinDays();
    int[] sponsor = ctx.network.sponsors();
    boolean[] active = ctx.volumes.active;
    for (int o = po.from; o < po.to; o++) {
      long cv = po.netCv[o - po.from];
      if (cv == 0 || !po.isSale(ctx.book, o)) continue;
      int d = member[o];
      if (kinds[d] != Network.DISTRIBUTOR) continue;
      int age = day[o] - joinDay[d];
      if (age < 0 || age >= days) continue;
      int s = sponsor[d];
      if (s == Network.NONE || (sponsorMustBeActive && !active[s])) continue;
      out.add(s, o, 1, rate.applyMicro(cv));
    }
  }

  public String rule(PeriodContext ctx, int earner, int level) {
    return rate + " of the CV of an order your recruit placed in their first " + days + " days"
        + (sponsorMustBeActive ? ", paid when you are Active" : "");
  }

  public Rate rate(PeriodContext ctx, int earner, int level) {
    return rate;
  }
}
