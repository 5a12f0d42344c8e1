package org.downline.commission;

import java.util.List;
import org.downline.network.Network;

/**
 * A generation (breakaway) bonus: distributors paid-as {@code leaderRank} or higher are leaders.
 * A leader's group is the leader and everyone below them on the sponsor chain down to, not
 * including, the next leaders below (the breakaway: a new leader's volume leaves the group above
 * and starts a group of their own). For each order, the leader of the group its owner is in earns
 * {@code ownGroup} x CV (level 0, when the plan pays one), and walking up the leaders from there,
 * the g-th leader above earns {@code rates[g-1]} x CV as generation g when their paid-as rank opens
 * at least g generations. Non-leaders between leaders are not levels (the walk compresses to
 * leaders).
 *
 * @param ownGroup rate on the leader's own group, null for none
 * @param generationsByRank generations opened per rank index
 */
public record GenerationBonus(String name, int leaderRank, Rate ownGroup, List<Rate> rates, int[] generationsByRank)
    implements BonusRule.PerOrder {
  public GenerationBonus {
    rates = List.copyOf(rates);
    if (rates.isEmpty() || rates.size() > 127) throw new IllegalArgumentException("1 to 127 generations");
    generationsByRank = generationsByRank.clone();
  }

  public String type() {
    return "generation";
  }

  public void compute(PeriodContext ctx, LineSink out) {
    PerOrder.forEachSale(this, ctx, out);
  }

  public void order(PeriodContext ctx, int o, int m, int day, long cv, LineSink out) {
    int[] sponsor = ctx.network.sponsors();
    byte[] rank = ctx.volumes.rank;
    int leader = leaderAtOrAbove(ctx.owner[m], sponsor, rank);
    if (leader == Network.NONE) return;
    if (ownGroup != null) out.addDistinct(leader, o, 0, ownGroup.applyMicro(cv));
    int u = leader;
    for (int g = 1; g <= rates.size(); g++) {
      u = sponsor[u] == Network.NONE ? Network.NONE : leaderAtOrAbove(sponsor[u], sponsor, rank);
      if (u == Network.NONE) break;
      if (g <= generationsByRank[rank[u]]) out.addDistinct(u, o, g, rates.get(g - 1).applyMicro(cv));
    }
  }

  /** The nearest leader at or above m on the sponsor chain, or NONE. */
  private int leaderAtOrAbove(int m, int[] sponsor, byte[] rank) {
    int u = m;
    while (u != Network.NONE && rank[u] < leaderRank) u = sponsor[u];
    return u;
  }

  public String rule(PeriodContext ctx, int earner, int level) {
    String leader = ctx.plan.ranks().get(leaderRank).name();
    if (level == 0) return ownGroup + " of CV in your own group (down to the next " + leader + " or higher below you)";
    int r = ctx.volumes.rank[earner];
    return rates.get(level - 1) + " of CV in the group of a generation-" + level + " " + leader + " below you; paid-as "
        + ctx.plan.ranks().get(r).name() + " opens " + generationsByRank[r] + " generations";
  }

  public Rate rate(PeriodContext ctx, int earner, int level) {
    return level == 0 ? ownGroup : rates.get(level - 1);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof GenerationBonus g && g.name.equals(name) && g.leaderRank == leaderRank
        && java.util.Objects.equals(g.ownGroup, ownGroup) && g.rates.equals(rates)
        && java.util.Arrays.equals(g.generationsByRank, generationsByRank);
  }

  @Override
  public int hashCode() {
    return name.hashCode() * 31 + rates.hashCode();
  }
}
