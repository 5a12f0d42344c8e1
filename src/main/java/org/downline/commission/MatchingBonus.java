package org.downline.commission;

import java.util.List;
import org.downline.network.Network;

/**
 * A match on another bonus's lines (rounded, before the cap): for each line L of {@code source}
 * earned by e, the g-th sponsor above e on the plain sponsor chain (no compression) earns
 * {@code generations[g-1].rate} x L's amount when paid-as at least that generation's rank. Level
 * g; the source order is L's; when L has none (e.g. a binary line), the source member is e.
 */
public record MatchingBonus(String name, String source, List<Generation> generations) implements BonusRule.Split {
  public record Generation(Rate rate, int minRank) {}

  public MatchingBonus {
    generations = List.copyOf(generations);
    if (generations.isEmpty() || generations.size() > 127) throw new IllegalArgumentException("1 to 127 generations");
  }

  public String type() {
    return "matching";
  }

  /** The source bonus's lines: each is matched on its own. */
  public int units(PeriodContext ctx) {
    int k = ctx.kindOf(source);
    return ctx.lines.kindEnd(k) - ctx.lines.kindStart(k);
  }

  @Override
  public boolean readsLines() {
    return true;
  }

  @Override
  public void compute(PeriodContext ctx, LineSink out) {
    compute(ctx, 0, units(ctx), out);
  }

  /** The matches on the source bonus's lines {@code from..to-1} (counted from its first line). */
  public void compute(PeriodContext ctx, int from, int to, LineSink out) {
    int k = ctx.kindOf(source);
    Lines lines = ctx.lines;
    int[] sponsor = ctx.network.sponsors();
    byte[] rank = ctx.volumes.rank;
    int gens = generations.size();
    long[] ppm = new long[gens + 1];
    int[] minRank = new int[gens + 1];
    for (int g = 1; g <= gens; g++) {
      ppm[g] = generations.get(g - 1).rate().ppm();
      minRank[g] = generations.get(g - 1).minRank();
    }
    int start = lines.kindStart(k);
    for (int j = start + from; j < start + to; j++) {
      long amount = lines.amount(j);
      if (amount == 0) continue;
      int e = lines.earner(j);
      int src = lines.source(j) == Lines.NO_SOURCE ? Lines.memberSource(e) : lines.source(j);
      int m = sponsor[e];
      for (int g = 1; g <= gens && m != Network.NONE; g++, m = sponsor[m]) {
        // Distinct: the g-th sponsor of different earners of one order's walk are different members.
        if (rank[m] >= minRank[g]) out.addDistinct(m, src, g, Math.multiplyExact(amount, ppm[g]));
      }
    }
  }

  /** The match on one line of the source bonus (rounded cents). */
  public void onLine(PeriodContext ctx, int earner, int source, long amount, LineSink out) {
    if (amount == 0) return;
    int[] sponsor = ctx.network.sponsors();
    byte[] rank = ctx.volumes.rank;
    int m = sponsor[earner];
    for (int g = 1; g <= generations.size() && m != Network.NONE; g++, m = sponsor[m]) {
      Generation gen = generations.get(g - 1);
      if (rank[m] >= gen.minRank()) out.addDistinct(m, source, g, gen.rate().applyMicro(amount));
    }
  }

  public String rule(PeriodContext ctx, int earner, int level) {
    Generation g = generations.get(level - 1);
    return g.rate() + " of your generation-" + level + " downline's " + source + " line, paid to "
        + ctx.plan.ranks().get(g.minRank()).name() + " or higher";
  }

  public Rate rate(PeriodContext ctx, int earner, int level) {
    return generations.get(level - 1).rate();
  }
}
