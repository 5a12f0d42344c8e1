package org.downline.commission;

import java.util.List;
import org.downline.network.Network;

/**
 * A match on another bonus's lines (rounded, before the cap): for each line L of {@code source}
 * earned by e, the g-th sponsor above e on the plain sponsor chain (no compression) earns
 * {@code generations[g-1].rate} x L's amount when paid-as at least that generation's rank. Level
 * g; the source order is L's; when L has none (e.g. a binary line), the source member is e.
 */
public record MatchingBonus(String name, String source, List<Generation> generations) implements BonusRule.Counted {
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

  /**
   * Each member's paid generations above, walked once (a match depends only on the matched line's
   * earner), then the source bonus's lines as ranges: a line of earner e with an amount has as many
   * matches as e's chain is long.
   */
  public BonusRule.Pass prepare(PeriodContext ctx, int parts) {
    int k = ctx.kindOf(source);
    Lines lines = ctx.lines;
    int first = lines.kindStart(k);
    Chains chains = Chains.build("matching", ctx.network.size(), parts, (e, up, g, at) -> walk(ctx, e, up, g, at));
    int[] start = chains.start;
    long[] ppm = new long[generations.size() + 1];
    for (int g = 1; g <= generations.size(); g++) ppm[g] = generations.get(g - 1).rate().ppm();
    return new BonusRule.Pass() {
      public long count(int from, int to) {
        long n = 0;
        for (int j = first + from; j < first + to; j++) {
          if (lines.amount(j) == 0) continue;
          int e = lines.earner(j);
          n += start[e + 1] - start[e];
        }
        return n;
      }

      public void compute(int from, int to, LineSink out) {
        // Distinct: the g-th sponsor of different earners of one order's walk are different members.
        Chains.Batch batch = chains.batch(ppm, out);
        for (int j = first + from; j < first + to; j++) {
          long amount = lines.amount(j);
          if (amount == 0) continue;
          int e = lines.earner(j);
          batch.add(e, amount, lines.source(j) == Lines.NO_SOURCE ? Lines.memberSource(e) : lines.source(j));
        }
        batch.flush();
      }
    };
  }

  /** Member e's paid generations: the g-th sponsor above when paid-as at least generation g's rank. */
  private int walk(PeriodContext ctx, int e, int[] up, byte[] g, int at) {
    int[] sponsor = ctx.network.sponsors();
    byte[] rank = ctx.volumes.rank;
    int n = 0;
    int m = sponsor[e];
    for (int gen = 1; gen <= generations.size() && m != Network.NONE; gen++, m = sponsor[m]) {
      if (rank[m] >= generations.get(gen - 1).minRank()) {
        if (up != null) {
          up[at + n] = m;
          g[at + n] = (byte) gen;
        }
        n++;
      }
    }
    return n;
  }

  /** The match on one line of the source bonus (rounded cents). */
  public void onLine(PeriodContext ctx, int earner, int source, long amount, LineSink out) {
    if (amount == 0) return;
    int[] up = new int[generations.size()];
    byte[] g = new byte[generations.size()];
    int n = walk(ctx, earner, up, g, 0);
    for (int t = 0; t < n; t++) out.addDistinct(up[t], source, g[t], generations.get(g[t] - 1).rate().applyMicro(amount));
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
