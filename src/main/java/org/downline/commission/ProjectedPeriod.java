package org.downline.commission;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.downline.core.Periods;
import org.downline.network.Network;
import org.downline.network.OrderBook;

/**
 * An open period kept current order by order: when a sale (or a same-period return) arrives, the
 * PV, GV, Active flag and paid-as rank of the owner and every ancestor are updated in one walk up
 * the sponsor chain, each step O(number of leg caps + ranks) thanks to per-member aggregates (sum
 * of capped leg volumes, number of legs holding each rank). Projected pay (the per-order bonuses
 * before the period's cap: customer, fast start, unilevel, matching, i.e. every
 * {@link BonusRule.PerOrder} rule and matching on them) is kept per member: the new order's lines
 * are added, and when a member's Active flag or rank changes, the orders placed in that member's
 * subtree (the only ones whose lines can depend on it) are re-figured. Results equal a full
 * recompute of the same orders (see the property test); the cap, rank advancement and clawback
 * are left to the period's run.
 */
public final class ProjectedPeriod {
  private final Network net;
  private final Plan plan;
  private final int period;
  private final int[] owner;
  private final int[] sponsor;
  private final Volumes v;
  private final PeriodContext ctx;
  private final long[] caps;
  private final int ranks;
  /** Projected pay in cents per line kind (plan order) and member. */
  private final long[][] pay;

  // Orders of the open period, in arrival order.
  private int orders;
  private int[] member = new int[1024];
  private int[] day = new int[1024];
  private long[] netPv = new long[1024];
  private long[] netCv = new long[1024];
  private int[] nextOfOwner = new int[1024];
  private final int[] firstOfOwner;
  // Each order's current lines (earner, kind, amount), to take them back when re-figured.
  private final List<int[]> lineEarners = new ArrayList<>();
  private final List<byte[]> lineKinds = new ArrayList<>();
  private final List<long[]> lineAmounts = new ArrayList<>();
  private int[] stamp;
  private int stampValue;
  private long refigured;

  /**
   * True when every bonus of the plan can be re-figured order by order (per-order, matching and rank
   * advancement bonuses); a binary plan's legs and a generation bonus need the whole period.
   */
  public static boolean supports(Plan plan) {
    for (BonusRule b : plan.bonuses()) {
      if (!(b instanceof BonusRule.PerOrder) && !(b instanceof MatchingBonus) && !(b instanceof RankAdvancementBonus)) return false;
    }
    return true;
  }

  public ProjectedPeriod(Network net, Plan plan, int period) {
    for (BonusRule b : plan.bonuses()) {
      if (!(b instanceof BonusRule.PerOrder) && !(b instanceof MatchingBonus) && !(b instanceof RankAdvancementBonus)) {
        throw new IllegalArgumentException("bonus '" + b.name() + "' (" + b.type() + ") cannot be projected order by order");
      }
    }
    this.net = net;
    this.plan = plan;
    this.period = period;
    this.owner = net.ownerDistributors();
    this.sponsor = net.sponsors();
    int n = net.size();
    this.v = Volumes.fromPv(net, new long[n], plan);
    List<Long> capList = new ArrayList<>();
    for (Rank r : plan.ranks()) {
      for (Requirement q : r.requirements()) {
        if (q instanceof Requirement.MinCappedGv c && !capList.contains(c.legCap())) capList.add(c.legCap());
      }
    }
    caps = capList.stream().mapToLong(Long::longValue).toArray();
    ranks = plan.ranks().size();
    v.aggregateCaps = caps;
    v.cappedLegSums = new long[caps.length][n];
    v.legsAtLeast = new int[ranks][n];
    // With no volume every distributor is rank 0, so every distributor child is a leg "at least rank 0".
    byte[] kinds = net.kinds();
    for (int i = 0; i < n; i++) {
      if (kinds[i] == Network.DISTRIBUTOR && sponsor[i] != Network.NONE) v.legsAtLeast[0][sponsor[i]]++;
    }
    this.ctx = new PeriodContext(net, null, plan, null, v, null, null, owner);
    this.pay = new long[plan.lineKinds().size()][n];
    this.firstOfOwner = new int[n];
    Arrays.fill(firstOfOwner, -1);
    this.stamp = new int[1024];
  }

  /**
   * Starts from the orders already in a book for the period (one full computation, without the
   * cap), so that further orders are then applied one by one. Sale handles are {@code order - from}
   * of the book's period range.
   */
  public static ProjectedPeriod start(Network net, OrderBook book, Plan plan, int period) {
    ProjectedPeriod p = new ProjectedPeriod(net, plan, period);
    Plan uncapped = new Plan(plan.name(), plan.version(), plan.activePv(), plan.ranks(), plan.bonuses(), null, null);
    PeriodResult full = new CommissionEngine(net, book, uncapped).compute(period, new History(net.size()));
    Volumes f = full.volumes();
    int n = net.size();
    System.arraycopy(f.pv, 0, p.v.pv, 0, n);
    System.arraycopy(f.gv, 0, p.v.gv, 0, n);
    System.arraycopy(f.active, 0, p.v.active, 0, n);
    System.arraycopy(f.rank, 0, p.v.rank, 0, n);
    System.arraycopy(f.maxRankInSubtree, 0, p.v.maxRankInSubtree, 0, n);
    for (int[] row : p.v.legsAtLeast) Arrays.fill(row, 0);
    byte[] kinds = net.kinds();
    for (int c = 0; c < n; c++) {
      int s = p.sponsor[c];
      if (kinds[c] != Network.DISTRIBUTOR || s == Network.NONE) continue;
      for (int k = 0; k < p.caps.length; k++) p.v.cappedLegSums[k][s] += Math.min(f.gv[c], p.caps[k]);
      for (int q = 0; q <= f.maxRankInSubtree[c]; q++) p.v.legsAtLeast[q][s]++;
    }
    PeriodOrders po = full.orders();
    int[] count = new int[po.to - po.from];
    Lines lines = full.lines();
    for (int j = 0; j < lines.size(); j++) {
      if (Lines.isOrder(lines.source(j)) && lines.amount(j) != 0) count[lines.source(j) - po.from]++;
    }
    for (int o = po.from; o < po.to; o++) {
      int h = p.orders++;
      if (h == p.member.length) p.grow();
      p.member[h] = book.members()[o];
      p.day[h] = book.days()[o];
      boolean sale = po.isSale(book, o);
      p.netPv[h] = sale ? po.netPv[o - po.from] : 0;
      p.netCv[h] = sale ? po.netCv[o - po.from] : 0;
      int d = p.owner[p.member[h]];
      if (sale) {
        p.nextOfOwner[h] = p.firstOfOwner[d];
        p.firstOfOwner[d] = h;
      }
      p.lineEarners.add(new int[count[h]]);
      p.lineKinds.add(new byte[count[h]]);
      p.lineAmounts.add(new long[count[h]]);
    }
    Arrays.fill(count, 0);
    for (int j = 0; j < lines.size(); j++) {
      if (!Lines.isOrder(lines.source(j)) || lines.amount(j) == 0) continue;
      int h = lines.source(j) - po.from;
      int at = count[h]++;
      p.lineEarners.get(h)[at] = lines.earner(j);
      p.lineKinds.get(h)[at] = (byte) lines.kind(j);
      p.lineAmounts.get(h)[at] = lines.amount(j);
      p.pay[lines.kind(j)][lines.earner(j)] += lines.amount(j);
    }
    return p;
  }

  public Volumes volumes() {
    return v;
  }

  /** Projected pay (before the cap) of a member for one line kind (plan order). */
  public long pay(int kind, int m) {
    return pay[kind][m];
  }

  /** Orders whose lines were re-figured because a status changed, so far. */
  public long refigured() {
    return refigured;
  }

  /**
   * A sale placed by member {@code m} on epoch day {@code day} (in the period). Returns its handle
   * for later returns.
   */
  public int addSale(int m, int saleDay, long pv, long cv) {
    if (Periods.periodOfDay(saleDay) != period) {
      throw new IllegalArgumentException("order dated " + Periods.formatDay(saleDay) + " is not in " + Periods.name(period));
    }
    if (pv < 0 || cv < 0) throw new IllegalArgumentException("a sale's pv and cv must not be negative");
    int o = orders++;
    if (o == member.length) grow();
    member[o] = m;
    day[o] = saleDay;
    netPv[o] = 0;
    netCv[o] = cv;
    int d = owner[m];
    nextOfOwner[o] = firstOfOwner[d];
    firstOfOwner[d] = o;
    lineEarners.add(new int[0]);
    lineKinds.add(new byte[0]);
    lineAmounts.add(new long[0]);
    change(o, pv);
    return o;
  }

  /** A return of an earlier sale of this period (pv and cv not positive). */
  public void addReturn(int sale, long pv, long cv) {
    if (pv > 0 || cv > 0) throw new IllegalArgumentException("a return's pv and cv must not be positive");
    if (-pv > netPv[sale] || -cv > netCv[sale]) throw new IllegalArgumentException("returns exceed the sale");
    netCv[sale] += cv;
    change(sale, pv);
  }

  private void grow() {
    int c = member.length * 2;
    member = Arrays.copyOf(member, c);
    day = Arrays.copyOf(day, c);
    netPv = Arrays.copyOf(netPv, c);
    netCv = Arrays.copyOf(netCv, c);
    nextOfOwner = Arrays.copyOf(nextOfOwner, c);
    stamp = Arrays.copyOf(stamp, c);
  }

  /** Applies a PV change of order o, then re-figures the lines that may depend on what changed. */
  private void change(int o, long pvDelta) {
    netPv[o] += pvDelta;
    List<Integer> changed = new ArrayList<>();
    if (pvDelta != 0) walkUp(owner[member[o]], pvDelta, changed);
    stampValue++;
    if (stampValue == Integer.MAX_VALUE) {
      Arrays.fill(stamp, 0);
      stampValue = 1;
    }
    for (int a : changed) refigureSubtree(a);
    if (stamp[o] != stampValue) refigure(o);
  }

  private void walkUp(int d, long delta, List<Integer> changed) {
    v.pv[d] += delta;
    boolean[] active = v.active;
    byte[] rank = v.rank;
    byte[] maxSub = v.maxRankInSubtree;
    int a = d;
    while (a != Network.NONE) {
      long oldGv = v.gv[a];
      v.gv[a] = oldGv + delta;
      int p = sponsor[a];
      if (p != Network.NONE) {
        for (int c = 0; c < caps.length; c++) {
          v.cappedLegSums[c][p] += Math.min(v.gv[a], caps[c]) - Math.min(oldGv, caps[c]);
        }
      }
      boolean wasActive = active[a];
      active[a] = v.pv[a] >= plan.activePv();
      int oldRank = rank[a];
      int r = ranks - 1;
      while (r > 0 && !plan.ranks().get(r).qualifies(v, a)) r--;
      rank[a] = (byte) r;
      int oldMax = maxSub[a];
      int newMax = r;
      for (int q = ranks - 1; q > newMax; q--) {
        if (v.legsAtLeast[q][a] > 0) {
          newMax = q;
          break;
        }
      }
      maxSub[a] = (byte) newMax;
      if (p != Network.NONE && newMax != oldMax) {
        for (int q = 0; q < ranks; q++) v.legsAtLeast[q][p] += (newMax >= q ? 1 : 0) - (oldMax >= q ? 1 : 0);
      }
      if (wasActive != active[a] || oldRank != r) changed.add(a);
      a = p;
    }
  }

  /** Re-figures every order owned by a distributor in a's subtree (a included). */
  private void refigureSubtree(int a) {
    int[] stack = new int[64];
    int top = 0;
    stack[top++] = a;
    while (top > 0) {
      int x = stack[--top];
      for (int o = firstOfOwner[x]; o != -1; o = nextOfOwner[o]) {
        if (stamp[o] != stampValue) {
          refigure(o);
          refigured++;
        }
      }
      for (int c = net.childStart(x), e = net.childEnd(x); c < e; c++) {
        if (!net.isDistributor(c)) continue;
        if (top == stack.length) stack = Arrays.copyOf(stack, top * 2);
        stack[top++] = c;
      }
    }
  }

  /** Takes back order o's lines and figures them again under the current volumes and ranks. */
  private void refigure(int o) {
    stamp[o] = stampValue;
    int[] oldE = lineEarners.get(o);
    byte[] oldK = lineKinds.get(o);
    long[] oldA = lineAmounts.get(o);
    for (int i = 0; i < oldE.length; i++) pay[oldK[i]][oldE[i]] -= oldA[i];
    OrderLines lines = new OrderLines();
    if (netCv[o] != 0) {
      for (int k = 0; k < plan.bonuses().size(); k++) {
        BonusRule b = plan.bonuses().get(k);
        lines.begin(k);
        if (b instanceof BonusRule.PerOrder rule) {
          rule.order(ctx, o, member[o], day[o], netCv[o], lines);
        } else if (b instanceof MatchingBonus m) {
          int src = plan.bonusIndex(m.source());
          for (int i = 0, end = lines.size; i < end; i++) {
            if (lines.kind[i] == src) m.onLine(ctx, lines.earner[i], o, lines.amount[i], lines);
          }
        }
        lines.round();
      }
    }
    int[] e = Arrays.copyOf(lines.earner, lines.size);
    byte[] k = Arrays.copyOf(lines.kind, lines.size);
    long[] amt = Arrays.copyOf(lines.amount, lines.size);
    for (int i = 0; i < e.length; i++) pay[k[i]][e[i]] += amt[i];
    lineEarners.set(o, e);
    lineKinds.set(o, k);
    lineAmounts.set(o, amt);
  }

  /** One order's lines: merged per (kind, earner, level) and rounded per kind like {@link Lines}. */
  private static final class OrderLines implements BonusRule.LineSink {
    int size;
    int[] earner = new int[16];
    byte[] kind = new byte[16];
    byte[] level = new byte[16];
    long[] amount = new long[16];
    int currentKind;
    int kindStart;

    void begin(int k) {
      currentKind = k;
      kindStart = size;
    }

    @Override
    public void add(int e, int src, int lvl, long micro) {
      for (int i = kindStart; i < size; i++) {
        if (earner[i] == e && level[i] == lvl) {
          amount[i] = Math.addExact(amount[i], micro);
          return;
        }
      }
      if (size == earner.length) {
        earner = Arrays.copyOf(earner, size * 2);
        kind = Arrays.copyOf(kind, size * 2);
        level = Arrays.copyOf(level, size * 2);
        amount = Arrays.copyOf(amount, size * 2);
      }
      earner[size] = e;
      kind[size] = (byte) currentKind;
      level[size] = (byte) lvl;
      amount[size] = micro;
      size++;
    }

    void round() {
      for (int i = kindStart; i < size; i++) amount[i] = Exact.microToCents(amount[i]);
    }
  }
}
