package org.downline.commission;

import java.math.BigInteger;
import java.util.Arrays;
import org.downline.network.Network;
import org.downline.network.OrderBook;

/**
 * Computes one period of a plan: nets same-period returns, rolls volumes up, settles ranks bottom
 * up, runs the plan's bonus rules in order (each rule's lines merged and rounded to cents before
 * the next rule reads them), applies the payout cap, then claws back later returns of sales of
 * earlier periods. Plain Java over primitive arrays; no state between calls except the
 * {@link History} the caller passes.
 */
public final class CommissionEngine {
  private final Network network;
  private final OrderBook book;
  private final Plan plan;
  private final int[] owner;
  private final int threads;
  private final int minUnits;
  /** Line blocks of this engine's released results, written over by its next computes (ADR 42). */
  private final Lines.Pool blocks = new Lines.Pool();

  /** Cores a split rule may use (see {@link Cores#threads}). */
  public static int threads() {
    return Cores.threads();
  }

  public CommissionEngine(Network network, OrderBook book, Plan plan) {
    this(network, book, plan, Cores.threads(), Cores.minUnits());
  }

  /** An engine running split rules on up to {@code threads} cores, ranges of at least {@code minUnits}. */
  CommissionEngine(Network network, OrderBook book, Plan plan, int threads, int minUnits) {
    this.network = network;
    this.book = book;
    this.plan = plan;
    this.owner = network.ownerDistributors();
    this.threads = Math.max(1, threads);
    this.minUnits = Math.max(1, minUnits);
  }

  public Plan plan() {
    return plan;
  }

  /** The first and last period holding an order, or null when there is none. */
  public int[] periodSpan() {
    if (book.size() == 0) return null;
    int[] days = book.days();
    return new int[] {org.downline.core.Periods.periodOfDay(days[0]), org.downline.core.Periods.periodOfDay(days[days.length - 1])};
  }

  /** Nanoseconds spent per stage of the last {@link #compute} (for benchmarks), in stage order. */
  public final java.util.Map<String, Long> lastTimings = new java.util.LinkedHashMap<>();

  /**
   * CPU nanoseconds of the whole process per stage of the last {@link #compute}, every core and
   * the collector included, when a benchmark gave a {@link #cpuClock}; empty otherwise.
   */
  public final java.util.Map<String, Long> lastCpu = new java.util.LinkedHashMap<>();

  /** The process's CPU time in nanoseconds, set by a benchmark (the engine imports no management API). */
  public java.util.function.LongSupplier cpuClock;
  private long wallMark;
  private long cpuMark;

  public PeriodResult compute(int period, History history) {
    lastTimings.clear();
    lastCpu.clear();
    if (cpuClock != null) cpuMark = cpuClock.getAsLong();
    wallMark = System.nanoTime();
    PeriodOrders po = PeriodOrders.of(book, period);
    LegVolumes legs = plan.legs() == null ? null
        : LegVolumes.compute(network, owner, book, po, plan.legs(), history == null ? null : history.carryOut(period - 1));
    Volumes v = Volumes.compute(network, owner, book, po, plan, legs);
    lap("volumes and ranks");
    Lines lines = new Lines(blocks);
    PeriodContext ctx = new PeriodContext(network, book, plan, po, v, lines, history, owner);
    for (int k = 0; k < plan.bonuses().size(); k++) {
      lines.begin(k);
      BonusRule rule = plan.bonuses().get(k);
      if (rule instanceof BonusRule.Counted counted) {
        computeCounted(counted, ctx, lines);
      } else if (rule instanceof BonusRule.Split split && computeSplit(split, ctx, lines)) {
        // rounded and totalled on the cores
      } else {
        if (!(rule instanceof BonusRule.Split)) rule.compute(ctx, lines);
        lines.endMicro();
      }
      lap(plan.bonuses().get(k).name());
    }
    if (legs != null) legs.settleCarry();
    PeriodResult.CapOutcome cap = applyCap(po, lines);
    lap("cap");
    if (plan.clawback() != null) clawback(po, lines, history);
    // Blocks this period did not need are dropped: the result's lines reach the pool, and a result
    // kept (a run, the web's) must not keep spare blocks of released ones alive with it.
    blocks.clear();
    lap("clawback");
    return new PeriodResult(plan, po, v, lines, cap, ctx);
  }

  /**
   * A split rule over up to {@link #threads} cores: the units cut into consecutive ranges, each
   * range's lines into a {@link Lines} of its own (the first range's straight into {@code lines}),
   * rounded to cents on the core that computed them, and appended in range order, so the lines are
   * those of one thread byte for byte (ADR 23, ADR 26). A rule reading the lines reads a frozen copy
   * of them, so the first range may write while the others read. A failure in any range is thrown
   * after every range has ended, the first range's first. Returns true when split (the lines are
   * then rounded), false after computing on this thread alone (not yet rounded).
   */
  private boolean computeSplit(BonusRule.Split rule, PeriodContext ctx, Lines lines) {
    int units = rule.units(ctx);
    int parts = Cores.parts(units, threads, minUnits);
    if (parts <= 1) {
      rule.compute(ctx, 0, units, lines);
      return false;
    }
    PeriodContext read = rule.readsLines() ? ctx.withLines(lines.frozen()) : ctx;
    Lines[] out = new Lines[parts];
    long[] total = new long[parts];
    for (int i = 0; i < parts; i++) out[i] = i == 0 ? lines : new Lines(blocks);
    Cores.run("commission-" + rule.name(), parts, i -> {
      rule.compute(read, Cores.from(units, parts, i), Cores.from(units, parts, i + 1), out[i]);
      total[i] = out[i].roundCurrent();
    });
    for (int i = 1; i < parts; i++) {
      lines.appendAll(out[i]);
      out[i].release();
    }
    long sum = 0;
    for (long t : total) sum = Math.addExact(sum, t);
    lines.endCents(sum);
    return true;
  }

  /**
   * A counted split rule (ADR 31): prepared once, each range's lines counted, then every range
   * writes straight into its place in {@code lines}, on its own core, rounding as it writes; so
   * the lines are those of one thread byte for byte, with no copy and no rounding pass. With one
   * thread the same steps run as one range. A rule reading the lines reads a frozen copy.
   */
  private void computeCounted(BonusRule.Counted rule, PeriodContext ctx, Lines lines) {
    int units = rule.units(ctx);
    int parts = Cores.parts(units, threads, minUnits);
    PeriodContext read = rule.readsLines() ? ctx.withLines(lines.frozen()) : ctx;
    BonusRule.Pass pass = rule.prepare(read, Cores.parts(network.size(), threads, minUnits));
    lap(rule.name() + " (prepare)");
    String name = "commission-" + rule.name();
    long[] counts = new long[parts];
    Cores.run(name, parts, i -> counts[i] = pass.count(Cores.from(units, parts, i), Cores.from(units, parts, i + 1)));
    lap(rule.name() + " (count)");
    Lines.Writer[] writers = lines.place(counts);
    Cores.run(name, parts, i -> pass.compute(Cores.from(units, parts, i), Cores.from(units, parts, i + 1), writers[i]));
    lines.endCents(lines.placed(writers, rule.name()));
  }

  /** Line blocks released and not yet taken again (for tests). */
  int pooledBlocks() {
    return blocks.size();
  }

  /** Records the time since the last lap as {@code stage}'s. */
  private void lap(String stage) {
    long now = System.nanoTime();
    lastTimings.put(stage, now - wallMark);
    wallMark = now;
    if (cpuClock != null) {
      long c = cpuClock.getAsLong();
      lastCpu.put(stage, c - cpuMark);
      cpuMark = c;
    }
  }

  private PeriodResult.CapOutcome applyCap(PeriodOrders po, Lines lines) {
    Plan.PayoutCap cap = plan.cap();
    if (cap == null) return PeriodResult.CapOutcome.NONE;
    // Each kind's total was summed as its lines were rounded (on the cores that made them).
    long c = 0;
    for (String b : cap.fixed()) c = Math.addExact(c, lines.kindTotal(plan.bonusIndex(b)));
    long u = 0;
    for (String b : cap.scaled()) u = Math.addExact(u, lines.kindTotal(plan.bonusIndex(b)));
    // Everything in millionths of a cent so that the share of T is exact.
    BigInteger limit = BigInteger.valueOf(po.totalCv).multiply(BigInteger.valueOf(cap.share().ppm()));
    BigInteger micro = BigInteger.valueOf(Exact.MICRO);
    BigInteger cMicro = BigInteger.valueOf(c).multiply(micro);
    BigInteger uMicro = BigInteger.valueOf(u).multiply(micro);
    boolean applies = u > 0 && cMicro.add(uMicro).compareTo(limit) > 0;
    PeriodResult.CapOutcome outcome = new PeriodResult.CapOutcome(po.totalCv, c, u, limit.longValueExact(), applies);
    if (!applies) return outcome;
    BigInteger room = limit.subtract(cMicro);
    long r = room.signum() <= 0 ? 0 : room.longValueExact();
    long under = uMicro.longValueExact();
    for (String b : cap.scaled()) {
      int k = plan.bonusIndex(b);
      int from = lines.kindStart(k);
      int n = lines.kindEnd(k) - from;
      // Each line is scaled on its own: the ranges may run on any core.
      int parts = Cores.parts(n, threads, minUnits);
      Cores.run("commission-cap", parts, i -> {
        for (int j = from + Cores.from(n, parts, i), end = from + Cores.from(n, parts, i + 1); j < end; j++) {
          lines.setAmount(j, r == 0 ? 0 : Exact.mulDiv(lines.amount(j), r, under));
        }
      });
    }
    return outcome;
  }

  /**
   * For each return dated in this period whose sale is in an earlier period, the sale's lines of
   * the clawed-back kinds (as paid) yield one line per (earner, level): minus their sum times the
   * returned CV over the sale's net CV, rounded once.
   */
  private void clawback(PeriodOrders po, Lines lines, History history) {
    int k = plan.bonuses().size();
    lines.begin(k);
    long[] cv = book.cv();
    int[] returnOf = book.returnOf();
    int[] days = book.days();
    boolean[] eligible = new boolean[k + 1];
    for (String b : plan.clawback().bonuses()) eligible[plan.bonusIndex(b)] = true;
    long[] keys = new long[16];
    long[] sums = new long[16];
    for (int r : po.laterReturns) {
      int sale = returnOf[r];
      History.Past past = history == null ? null : history.past(org.downline.core.Periods.periodOfDay(days[sale]));
      if (past == null) continue;
      long saleNetCv = past.netCv()[sale - past.from()];
      if (saleNetCv == 0 || cv[r] == 0) continue;
      int a = past.first(sale);
      int e = past.end(sale);
      int groups = 0;
      if (e - a > keys.length) {
        keys = new long[e - a];
        sums = new long[e - a];
      }
      for (int j = a; j < e; j++) {
        if (!eligible[past.kind()[j]]) continue;
        long key = (long) past.earner()[j] << 8 | past.level()[j];
        int g = 0;
        while (g < groups && keys[g] != key) g++;
        if (g == groups) {
          keys[groups] = key;
          sums[groups++] = 0;
        }
        sums[g] = Math.addExact(sums[g], past.amount()[j]);
      }
      // Sorted by (earner, level) so that the lines of one return come out in a fixed order.
      long[] order = new long[groups];
      for (int g = 0; g < groups; g++) order[g] = keys[g];
      Arrays.sort(order);
      for (long key : order) {
        int g = 0;
        while (keys[g] != key) g++;
        long amount = -Exact.mulDiv(sums[g], -cv[r], saleNetCv);
        lines.addCents((int) (key >>> 8), r, (int) (key & 0xFF), amount);
      }
    }
    lines.endCents();
  }
}
