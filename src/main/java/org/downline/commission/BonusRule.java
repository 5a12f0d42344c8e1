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

  /**
   * A rule whose lines follow from each order alone (given volumes and ranks), so that an open
   * period can be projected order by order (see {@link ProjectedPeriod}).
   */
  interface PerOrder extends BonusRule {
    /** The lines of one sale with net CV {@code cv} (non-zero) placed by member {@code m} on {@code day}. */
    void order(PeriodContext ctx, int order, int m, int day, long cv, LineSink out);

    /** Runs {@link #order} for every sale of the period with a non-zero net CV. */
    static void forEachSale(PerOrder rule, PeriodContext ctx, LineSink out) {
      forEachSale(rule, ctx, 0, ctx.orders.to - ctx.orders.from, out);
    }

    /** Runs {@link #order} for the sales with a non-zero net CV among the period's orders {@code from..to-1}. */
    static void forEachSale(PerOrder rule, PeriodContext ctx, int from, int to, LineSink out) {
      PeriodOrders po = ctx.orders;
      int[] member = ctx.book.members();
      int[] day = ctx.book.days();
      for (int o = po.from + from; o < po.from + to; o++) {
        long cv = po.netCv[o - po.from];
        if (cv != 0 && po.isSale(ctx.book, o)) rule.order(ctx, o, member[o], day[o], cv, out);
      }
    }
  }

  /**
   * A rule whose work splits into independent ranges of units (a period's orders, another rule's
   * lines) whose lines, appended range after range, are exactly the lines of the whole: the engine
   * may run the ranges on several cores and the output is byte-identical to one thread (ADR 23).
   * Its lines must be added with {@link LineSink#addDistinct} (nothing merges across a range's edge).
   */
  interface Split extends BonusRule {
    /** How many units the period has (ranges are taken from {@code 0..units}). */
    int units(PeriodContext ctx);

    /** The lines of units {@code from..to-1}, in the order a whole run adds them. */
    void compute(PeriodContext ctx, int from, int to, LineSink out);

    /** True when the rule reads {@link PeriodContext#lines} (then no range may write there while others read). */
    default boolean readsLines() {
      return false;
    }

    @Override
    default void compute(PeriodContext ctx, LineSink out) {
      compute(ctx, 0, units(ctx), out);
    }
  }

  /**
   * A split rule that tells, before writing them, exactly how many lines each range adds, so that
   * every range writes straight into its place in the period's lines, on its own core, rounded as
   * written: no range's lines are copied afterwards and no pass rounds them (ADR 31). What does not
   * depend on the range (e.g. each distributor's paid upline) is worked out once, in {@link #prepare}.
   */
  interface Counted extends Split {
    /** The period's work for this rule, shared by all ranges; {@code parts}: how many cores it may use. */
    Pass prepare(PeriodContext ctx, int parts);

    @Override
    default void compute(PeriodContext ctx, int from, int to, LineSink out) {
      prepare(ctx, 1).compute(from, to, out);
    }
  }

  /** A {@link Counted} rule prepared for one period; called from several threads at once, on disjoint ranges. */
  interface Pass {
    /** Exactly how many lines {@link #compute} adds for units {@code from..to-1}. */
    long count(int from, int to);

    /** The lines of units {@code from..to-1}, in the order a whole run adds them, with {@link LineSink#addDistinct}. */
    void compute(int from, int to, LineSink out);
  }

  /** Where lines go. {@code sourceOrder} is an OrderBook index or {@link #NO_SOURCE}. */
  interface LineSink {
    int NO_SOURCE = -1;

    void add(int earner, int sourceOrder, int level, long microCents);

    /**
     * Like {@link #add} for a rule that knows no other line of this source has the same earner and
     * level (e.g. one unilevel walk meets each distributor once): skips the search for a line to merge.
     */
    default void addDistinct(int earner, int sourceOrder, int level, long microCents) {
      add(earner, sourceOrder, level, microCents);
    }
  }
}
