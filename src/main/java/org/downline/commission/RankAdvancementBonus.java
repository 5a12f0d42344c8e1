package org.downline.commission;

import org.downline.network.Network;

/**
 * A one-time amount for each rank a distributor reaches for the first time (paid-as), all ranks
 * first reached in one period paid as one line. No source order; level 0.
 *
 * @param amounts cents per rank index (0 for ranks that pay nothing)
 */
public record RankAdvancementBonus(String name, long[] amounts) implements BonusRule {
  public RankAdvancementBonus {
    amounts = amounts.clone();
  }

  public String type() {
    return "rank_advancement";
  }

  public void compute(PeriodContext ctx, LineSink out) {
    byte[] rank = ctx.volumes.rank;
    byte[] kinds = ctx.network.kinds();
    for (int m = 0; m < rank.length; m++) {
      if (kinds[m] != Network.DISTRIBUTOR) continue;
      int before = ctx.history == null ? 0 : ctx.history.highestRank(m);
      if (rank[m] <= before) continue;
      long sum = 0;
      for (int r = before + 1; r <= rank[m]; r++) sum = Math.addExact(sum, amounts[r]);
      if (sum != 0) out.add(m, LineSink.NO_SOURCE, 0, Math.multiplyExact(sum, Exact.MICRO));
    }
  }

  public String rule(PeriodContext ctx, int earner, int level) {
    return "one-time amount for each rank reached for the first time";
  }

  public Rate rate(PeriodContext ctx, int earner, int level) {
    return null;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RankAdvancementBonus r && r.name.equals(name) && java.util.Arrays.equals(r.amounts, amounts);
  }

  @Override
  public int hashCode() {
    return name.hashCode();
  }
}
