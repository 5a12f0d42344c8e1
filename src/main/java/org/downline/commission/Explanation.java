package org.downline.commission;

import java.util.ArrayList;
import java.util.List;
import org.downline.core.Decimals;
import org.downline.core.Periods;
import org.downline.network.Network;
import org.downline.network.OrderBook;

/**
 * Why a distributor was paid what they were in a period, as data: volumes, legs, every rank's
 * requirements with the figure that met or missed them, every line with its source and rule, and
 * what is missing for the next rank. The CLI prints it; the back office will render it.
 */
public record Explanation(
    String period,
    String memberId,
    long pv,
    long gv,
    boolean active,
    String rank,
    List<Leg> legs,
    List<RankCheck> ranks,
    List<LineDetail> lines,
    long total,
    NextRank nextRank,
    Placement placement) {

  /** Without placement-tree legs (plans that pay on the sponsor tree only). */
  public Explanation(String period, String memberId, long pv, long gv, boolean active, String rank, List<Leg> legs,
      List<RankCheck> ranks, List<LineDetail> lines, long total, NextRank nextRank) {
    this(period, memberId, pv, gv, active, rank, legs, ranks, lines, total, nextRank, null);
  }

  /**
   * A distributor's two legs in the placement tree (binary plans) and why they were or were not
   * qualified: Active, and at least {@code needPerSide} Active recruits of their own in each leg.
   */
  public record Placement(boolean placed, boolean active, boolean qualified, int needPerSide, long paired, List<Side> sides) {
    /** One sentence: qualified or not, and why. */
    public String reason() {
      if (!placed) return "not qualified: in the holding tank (not placed yet)";
      List<String> missing = new ArrayList<>();
      if (!active) missing.add("not Active");
      for (Side s : sides) {
        if (s.sponsoredActive().size() < needPerSide) missing.add(s.sponsoredActive().size() + " of " + needPerSide + " sponsored Active on the " + s.side());
      }
      StringBuilder why = new StringBuilder();
      for (Side s : sides) {
        if (why.length() > 0) why.append("; ");
        why.append(s.side()).append(": ").append(s.sponsoredActive().isEmpty() ? "none" : String.join(", ", s.sponsoredActive()));
      }
      return (qualified ? "qualified" : "not qualified: " + String.join(", ", missing)) + " (sponsored Active " + why + ")";
    }
  }

  /** One leg: its head (the member placed on that side, null when free), its figures, and the Active recruits in it. */
  public record Side(String side, String headId, long carryIn, long added, long returned, long volume, long paired,
      long carryOut, List<String> sponsoredActive) {}

  /** A leg: its head, GV, the GV as counted under each leg cap of the plan, and the highest rank in it. */
  public record Leg(String headId, long gv, List<CappedVolume> capped, String highestRank) {}

  public record CappedVolume(long legCap, long counted) {}

  public record RankCheck(String rank, boolean qualifies, List<Check> checks) {}

  /** One requirement: what it measures, the member's figure, the figure needed, met or not. */
  public record Check(String what, long figure, long needed, boolean volume, boolean met) {
    public String describe() {
      String f = volume ? Decimals.format(figure) : Long.toString(figure);
      String n = volume ? Decimals.format(needed) : Long.toString(needed);
      return what + " " + f + (met ? " >= " : " < ") + n + (met ? " met" : " missed");
    }
  }

  /** A line of pay with where it came from and how it was figured. */
  public record LineDetail(String bonus, long amount, String sourceOrderId, String sourceMemberId, int level,
      String rate, String rule) {}

  /** The rank above the paid-as rank and each unmet requirement with how much is missing. */
  public record NextRank(String rank, List<Missing> missing) {}

  public record Missing(String what, long shortBy, boolean volume) {
    /** "35.00 PV more", "1 more leg with silver". */
    public String describe() {
      if (volume) return Decimals.format(shortBy) + " " + what + " more";
      if (what.startsWith("legs with ")) return shortBy + " more leg" + (shortBy == 1 ? "" : "s") + " with " + what.substring(10);
      return shortBy + " more " + what;
    }
  }

  /** Explains member {@code m} (a distributor) in a computed period. */
  public static Explanation of(PeriodResult r, int m) {
    PeriodContext ctx = r.context();
    Network net = ctx.network;
    OrderBook book = ctx.book;
    Plan plan = r.plan();
    Volumes v = r.volumes();
    if (!net.isDistributor(m)) throw new IllegalArgumentException("'" + net.id(m) + "' is a customer; only distributors have ranks and pay");
    List<Long> caps = new ArrayList<>();
    for (Rank rank : plan.ranks()) {
      for (Requirement q : rank.requirements()) {
        if (q instanceof Requirement.MinCappedGv c && !caps.contains(c.legCap())) caps.add(c.legCap());
      }
    }
    List<Leg> legs = new ArrayList<>();
    for (int c = net.childStart(m); c < net.childEnd(m); c++) {
      if (!net.isDistributor(c)) continue;
      List<CappedVolume> cv = new ArrayList<>();
      for (long cap : caps) cv.add(new CappedVolume(cap, Math.min(v.gv[c], cap)));
      legs.add(new Leg(net.id(c), v.gv[c], cv, plan.ranks().get(v.maxRankInSubtree[c]).name()));
    }
    List<RankCheck> checks = new ArrayList<>();
    for (Rank rank : plan.ranks()) checks.add(check(plan, rank, v, m));

    List<LineDetail> details = new ArrayList<>();
    Lines lines = r.lines();
    long total = 0;
    int clawKind = plan.clawback() == null ? -1 : plan.bonuses().size();
    List<String> kinds = plan.lineKinds();
    for (int j = 0; j < lines.size(); j++) {
      if (lines.earner(j) != m || lines.amount(j) == 0) continue;
      int k = lines.kind(j);
      int src = lines.source(j);
      String rate;
      String rule;
      if (k == clawKind) {
        int sale = book.returnOf()[src];
        rate = null;
        rule = "clawback: return " + book.id(src) + " of CV " + Decimals.format(-book.cv()[src]) + " of sale "
            + book.id(sale) + " (" + Periods.name(Periods.periodOfDay(book.days()[sale])) + "); minus the sale's lines x returned CV / net CV";
      } else {
        BonusRule b = plan.bonuses().get(k);
        Rate rt = b.rate(ctx, m, lines.level(j));
        rate = rt == null ? null : rt.toString();
        rule = b.rule(ctx, m, lines.level(j));
        if (r.cap().applied() && plan.cap().scaled().contains(b.name())) {
          rule += "; scaled by the cap: x (" + Decimals.format(r.cap().limitMicro() / 1_000_000) + " cap - "
              + Decimals.format(r.cap().fixed()) + " counted) / " + Decimals.format(r.cap().scaled()) + " capped bonuses";
        }
      }
      total += lines.amount(j);
      int sourceMember = Lines.isOrder(src) ? book.members()[src] : Lines.sourceMember(src);
      details.add(new LineDetail(kinds.get(k), lines.amount(j), Lines.isOrder(src) ? book.id(src) : null,
          sourceMember < 0 ? null : net.id(sourceMember), lines.level(j), rate, rule));
    }
    details.sort(java.util.Comparator.comparing(LineDetail::bonus)
        .thenComparing(d -> d.sourceOrderId() == null ? "" : d.sourceOrderId())
        .thenComparing(d -> d.sourceMemberId() == null ? "" : d.sourceMemberId()).thenComparingInt(LineDetail::level));

    NextRank next = nextRank(plan, v, m);
    int rankNow = v.rank[m];
    return new Explanation(Periods.name(r.period()), net.id(m), v.pv[m], v.gv[m], v.active[m],
        plan.ranks().get(rankNow).name(), legs, checks, details, total, next, placement(v, net, m));
  }

  private static Placement placement(Volumes v, Network net, int m) {
    LegVolumes lv = v.legs;
    if (lv == null) return null;
    List<Side> sides = new ArrayList<>();
    for (int s = 0; s < 2; s++) {
      List<String> recruits = new ArrayList<>();
      for (int c = net.childStart(m); c < net.childEnd(m); c++) {
        if (v.active[c] && lv.tree.legOf(m, c) == s) recruits.add(net.id(c));
      }
      recruits.sort(null);
      int head = lv.tree.inTree(m) ? lv.tree.child(m, s) : Network.NONE;
      int j = 2 * m + s;
      sides.add(new Side(org.downline.network.PlacementTree.sideName(s), head == Network.NONE ? null : net.id(head), lv.carryIn[j],
          lv.added[j], lv.returned[j], lv.volume[j], lv.paired[j], lv.carryOut[j], recruits));
    }
    return new Placement(lv.tree.inTree(m), v.active[m], lv.qualified[m], lv.rules.sponsoredActivePerSide(), lv.paired[2 * m], sides);
  }

  /**
   * What distributor {@code m} misses for the rank above their paid-as rank, from volumes alone (so
   * an open period's projection can answer it order by order); null at the top rank.
   */
  public static NextRank nextRank(Plan plan, Volumes v, int m) {
    int rankNow = v.rank[m];
    if (rankNow < 0 || rankNow + 1 >= plan.ranks().size()) return null;
    RankCheck target = check(plan, plan.ranks().get(rankNow + 1), v, m);
    List<Missing> missing = new ArrayList<>();
    for (Check c : target.checks()) {
      if (!c.met()) missing.add(new Missing(c.what().replace(" (Active)", ""), c.needed() - c.figure(), c.volume()));
    }
    return new NextRank(target.rank(), missing);
  }

  private static RankCheck check(Plan plan, Rank rank, Volumes v, int m) {
    List<Check> checks = new ArrayList<>();
    boolean all = true;
    if (rank.requiresActive()) {
      boolean met = v.pv[m] >= plan.activePv();
      checks.add(new Check("PV (Active)", v.pv[m], plan.activePv(), true, met));
      all &= met;
    }
    for (Requirement q : rank.requirements()) {
      long f = q.figure(v, m);
      boolean met = f >= q.needed();
      checks.add(new Check(q.describe(plan), f, q.needed(), q.isVolume(), met));
      all &= met;
    }
    return new RankCheck(rank.name(), all, checks);
  }
}
