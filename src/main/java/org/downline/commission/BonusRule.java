package org.downline.commission;

/**
 * One bonus of a plan. A rule reads the period (orders, volumes, ranks, lines of earlier rules,
 * history) and adds its lines to a sink in exact millionths of a cent; the engine then merges and
 * rounds them. Contract: all lines a rule adds for one source order are added one after another
 * (lines without a source: those of one earner one after another), so the sink merges equal keys
 * without sorting.
 */
public interface BonusRule {
  /** The line kind written in the output, e.g. {@code unilevel}. */
  String name();

  /** The rule's type as written in the plan file, e.g. {@code unilevel}. */
  String type();

  void compute(PeriodContext ctx, LineSink out);

  /**
   * How a line of this bonus at this level was figured, for explain: the rate and the rule in a
   * few words, e.g. "5% of CV, level 1 of 3 paid to silver".
   */
  String rule(PeriodContext ctx, int earner, int level);

  /** The rate that applied to a line at this level, or null when it was a fixed amount. */
  Rate rate(PeriodContext ctx, int earner, int level);

  /** Where lines go. {@code sourceOrder} is an OrderBook index or {@link #NO_SOURCE}. */
  interface LineSink {
    int NO_SOURCE = -1;

    void add(int earner, int sourceOrder, int level, long microCents);
  }
}
