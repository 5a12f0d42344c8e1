package org.downline.nextstep;

import java.util.List;

/**
 * The thresholds of the distributor segments, all configurable.
 *
 * @param activePv a month counts as active when the distributor's PV in it (own and their
 *     customers' sales, returns of the same month netted) is at least this, in hundredths; the demo
 *     plan's Active is PV >= 100
 * @param fastStart the Fast Start steps; a distributor is new while the longest step's days run
 * @param wideMinFrontline wide: at least this many frontline distributors
 * @param wideMaxBelowPercent not deep: the distributors below the frontline number at most this
 *     percentage of the frontline (50: six frontline with three or fewer below them)
 * @param leaderRank a leader's paid-as rank is at least this (2 = silver in the demo plan)
 */
public record DistributorRules(
    long activePv, List<FastStartStep> fastStart, int wideMinFrontline, int wideMaxBelowPercent, int leaderRank) {

  public static final DistributorRules DEFAULT = new DistributorRules(100_00, FastStartStep.DEFAULT, 5, 50, 2);

  public DistributorRules {
    if (activePv < 0) throw new IllegalArgumentException("active PV must not be negative");
    fastStart = List.copyOf(fastStart);
    if (wideMinFrontline < 1) throw new IllegalArgumentException("wide: the frontline minimum must be at least 1");
    if (wideMaxBelowPercent < 0) throw new IllegalArgumentException("not deep: the percentage must not be negative");
    if (leaderRank < 1) throw new IllegalArgumentException("leader rank must be at least 1");
  }

  /** Days a distributor counts as new: the longest Fast Start step. */
  public int newForDays() {
    int d = 0;
    for (FastStartStep s : fastStart) d = Math.max(d, s.days());
    return d;
  }

  public DistributorRules withWide(int minFrontline, int maxBelowPercent) {
    return new DistributorRules(activePv, fastStart, minFrontline, maxBelowPercent, leaderRank);
  }

  public DistributorRules withFastStart(List<FastStartStep> steps) {
    return new DistributorRules(activePv, steps, wideMinFrontline, wideMaxBelowPercent, leaderRank);
  }

  public DistributorRules withLeaderRank(int rank) {
    return new DistributorRules(activePv, fastStart, wideMinFrontline, wideMaxBelowPercent, rank);
  }

  public DistributorRules withActivePv(long pv) {
    return new DistributorRules(pv, fastStart, wideMinFrontline, wideMaxBelowPercent, leaderRank);
  }
}
