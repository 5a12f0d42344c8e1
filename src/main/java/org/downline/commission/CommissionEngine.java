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

  public PeriodResult compute(int period, History history) {
    lastTimings.clear();
    long t = System.nanoTime();
    PeriodOrders po = PeriodOrders.of(book, period);
    LegVolumes legs = plan.legs() == null ? null
        : LegVolumes.compute(network, owner, book, po, plan.legs(), history == null ? null : history.carryOut(period - 1));
    Volumes v = Volumes.compute(network, owner, book, po, plan, legs);
    t = lap("volumes and ranks", t);
    Lines lines = new Lines();
    PeriodContext ctx = new PeriodContext(network, book, plan, po, v, lines, history, owner);
    for (int k = 0; k < plan.bonuses().size(); k++) {
      lines.begin(k);
      BonusRule rule = plan.bonuses().get(k);
      if (rule instanceof BonusRule.Split split && computeSplit(split, ctx, lines)) {
        lines.endCents();
      } else {
        if (!(rule instanceof BonusRule.Split)) rule.compute(ctx, lines);
        lines.endMicro();
      }
      t = lap(plan.bonuses().get(k).name(), t);
    }
    if (legs != null) legs.settleCarry();
    PeriodResult.CapOutcome cap = applyCap(po, lines);
    t = lap("cap", t);
    if (plan.clawback() != null) clawback(po, lines, history);
    lap("clawback", t);
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
    for (int i = 0; i < parts; i++) out[i] = i == 0 ? lines : new Lines();
    Cores.run("commission-" + rule.name(), parts, i -> {
      rule.compute(read, Cores.from(units, parts, i), Cores.from(units, parts, i + 1), out[i]);
      out[i].roundCurrent();
    });
    for (int i = 1; i < parts; i++) lines.appendAll(out[i]);
    return true;
  }

  private long lap(String stage, long since) {
    long now = System.nanoTime();
    lastTimings.put(stage, now - since);
    return now;
  }

  private PeriodResult.CapOutcome applyCap(PeriodOrders po, Lines lines) {
    Plan.PayoutCap cap = plan.cap();
    if (cap == null) return PeriodResult.CapOutcome.NONE;
    long c = 0;
    for (String b : cap.fixed()) {
      int k = plan.bonusIndex(b);
      for (int j = lines.kindStart(k); j < lines.kindEnd(k); j++) c = Math.addExact(c, lines.amount(j));
    }
    long u = 0;
    for (String b : cap.scaled()) {
      int k = plan.bonusIndex(b);
      for (int j = lines.kindStart(k); j < lines.kindEnd(k); j++) u = Math.addExact(u, lines.amount(j));
    }
    // Everything in millionths of a cent so that the share of T is exact.
    BigInteger limit = BigInteger.valueOf(po.totalCv).multiply(BigInteger.valueOf(cap.share().ppm()));
    BigInteger micro = BigInteger.valueOf(Exact.MICRO);
    BigInteger cMicro = BigInteger.valueOf(c).multiply(micro);
    BigInteger uMicro = BigInteger.valueOf(u).multiply(micro);
    boolean applies = u > 0 && cMicro.add(uMicro).compareTo(limit) > 0;
    PeriodResult.CapOutcome outcome = new PeriodResult.CapOutcome(po.totalCv, c, u, limit.longValueExact(), applies);
    if (!applies) return outcome;
    BigInteger room = limit.subtract(cMicro);
    for (String b : cap.scaled()) {
      int k = plan.bonusIndex(b);
      for (int j = lines.kindStart(k); j < lines.kindEnd(k); j++) {
        lines.setAmount(j, room.signum() <= 0 ? 0 : Exact.mulDiv(lines.amount(j), room.longValueExact(), uMicro.longValueExact()));
      }
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
