package org.downline.commission;

import org.downline.core.Decimals;

/**
 * Pays the lesser leg of the placement tree (binary plans): each qualified distributor d pairs
 * min(volume left, volume right) and earns min(rate x paired, the pair cap of d's paid-as rank)
 * as one line, level 0, with no source. The paired volume is used up in full even where the cap
 * cut the pay (the flush); what is left carries forward (see {@link LegVolumes}).
 *
 * @param capByRank pair cap in cents per rank index
 */
public record BinaryBonus(String name, Rate rate, long[] capByRank) implements BonusRule {
  public BinaryBonus {
    capByRank = capByRank.clone();
  }

  public String type() {
    return "binary";
  }

  public void compute(PeriodContext ctx, LineSink out) {
    LegVolumes legs = ctx.volumes.legs;
    if (legs == null) throw new IllegalStateException("a binary bonus needs the plan's legs");
    byte[] rank = ctx.volumes.rank;
    for (int d = 0; d < legs.qualified.length; d++) {
      if (!legs.qualified[d]) continue;
      legs.pair(d);
      long micro = Math.min(rate.applyMicro(legs.paired[2 * d]), Math.multiplyExact(capByRank[rank[d]], Exact.MICRO));
      out.add(d, LineSink.NO_SOURCE, 0, micro);
    }
  }

  public String rule(PeriodContext ctx, int earner, int level) {
    String r = ctx.plan.ranks().get(ctx.volumes.rank[earner]).name();
    return rate + " of the paired (lesser) leg volume, at most " + Decimals.format(capByRank[ctx.volumes.rank[earner]])
        + " for paid-as " + r;
  }

  public Rate rate(PeriodContext ctx, int earner, int level) {
    return rate;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof BinaryBonus b && b.name.equals(name) && b.rate.equals(rate) && java.util.Arrays.equals(b.capByRank, capByRank);
  }

  @Override
  public int hashCode() {
    return name.hashCode() * 31 + rate.hashCode();
  }
}
