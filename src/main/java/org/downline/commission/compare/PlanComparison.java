package org.downline.commission.compare;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.downline.commission.CommissionEngine;
import org.downline.commission.CommissionRun;
import org.downline.commission.History;
import org.downline.commission.Lines;
import org.downline.commission.PeriodResult;
import org.downline.commission.Plan;
import org.downline.core.Decimals;
import org.downline.core.Periods;
import org.downline.core.Progress;
import org.downline.network.Network;
import org.downline.network.OrderBook;

/**
 * Plan modelling: two plans computed side by side over the same company, period after period
 * (each with its own history, as file mode computes one plan), and per period what each pays:
 * in total and as a share of the period's CV, lines and pay by bonus, pay by paid-as rank, the
 * share of distributors earning anything, and the distributors who gain or lose the most going
 * from plan A to plan B.
 */
public final class PlanComparison {
  private PlanComparison() {}

  /** A bonus's lines (non-zero) and their sum. */
  public record Bonus(long lines, long paid) {}

  /** Distributors at a paid-as rank and what they were paid in all. */
  public record RankPay(long distributors, long paid) {}

  /**
   * One plan's figures in one period. {@code shareOfCv} and {@code earningShare} are hundredths
   * of a percent (12.34% = 1234), rounded half away from zero; -1 when there is no CV.
   */
  public record Figures(long paid, long cv, long shareOfCv, long distributors, long earning, long earningShare,
      Map<String, Bonus> byBonus, Map<String, RankPay> byRank) {}

  /** A distributor's pay under plan A and plan B. */
  public record Change(String memberId, long a, long b) {
    public long change() {
      return b - a;
    }
  }

  public record Period(String period, Figures a, Figures b, List<Change> gainers, List<Change> losers) {}

  /**
   * Every period from the first holding an order to the last, both plans; {@code top} gainers and
   * losers per period; only the periods in {@code report} are kept (null: all).
   */
  public static List<Period> compare(Network net, OrderBook book, Plan a, Plan b, int top, java.util.Set<Integer> report,
      Progress progress) {
    CommissionEngine ea = new CommissionEngine(net, book, a);
    CommissionEngine eb = new CommissionEngine(net, book, b);
    boolean[] keep = CommissionRun.salesReturnedLater(book);
    History ha = new History(net.size(), keep);
    History hb = new History(net.size(), keep);
    List<Period> out = new ArrayList<>();
    int[] span = ea.periodSpan();
    if (span == null) return out;
    progress.start("periods", span[1] - span[0] + 1, "periods");
    for (int p = span[0]; p <= span[1]; p++) {
      PeriodResult ra = ea.compute(p, ha);
      PeriodResult rb = eb.compute(p, hb);
      if (report == null || report.contains(p)) out.add(period(net, ra, rb, top));
      ha.record(ra);
      hb.record(rb);
      ra.release();
      rb.release();
      progress.update(p - span[0] + 1);
    }
    progress.finish();
    return out;
  }

  /** One period of both plans. */
  public static Period period(Network net, PeriodResult ra, PeriodResult rb, int top) {
    long[] pa = paidPerMember(net, ra);
    long[] pb = paidPerMember(net, rb);
    List<Change> gainers = new ArrayList<>();
    List<Change> losers = new ArrayList<>();
    for (int m = 0; m < net.size(); m++) {
      if (pa[m] == pb[m]) continue;
      Change c = new Change(net.id(m), pa[m], pb[m]);
      (c.change() > 0 ? gainers : losers).add(c);
    }
    // Largest change first, ties by member id, so the list never depends on the tree's order.
    gainers.sort(Comparator.comparingLong(Change::change).reversed().thenComparing(Change::memberId));
    losers.sort(Comparator.comparingLong(Change::change).thenComparing(Change::memberId));
    return new Period(Periods.name(ra.period()), figures(net, ra, pa), figures(net, rb, pb),
        List.copyOf(gainers.subList(0, Math.min(top, gainers.size()))), List.copyOf(losers.subList(0, Math.min(top, losers.size()))));
  }

  private static long[] paidPerMember(Network net, PeriodResult r) {
    long[] paid = new long[net.size()];
    Lines lines = r.lines();
    for (int j = 0; j < lines.size(); j++) paid[lines.earner(j)] += lines.amount(j);
    return paid;
  }

  static Figures figures(Network net, PeriodResult r, long[] paidPerMember) {
    Plan plan = r.plan();
    List<String> kinds = plan.lineKinds();
    long[] count = new long[kinds.size()];
    long[] sum = new long[kinds.size()];
    Lines lines = r.lines();
    long paid = 0;
    for (int j = 0; j < lines.size(); j++) {
      long amount = lines.amount(j);
      if (amount == 0) continue;
      count[lines.kind(j)]++;
      sum[lines.kind(j)] += amount;
      paid += amount;
    }
    Map<String, Bonus> byBonus = new LinkedHashMap<>();
    for (int k = 0; k < kinds.size(); k++) byBonus.put(kinds.get(k), new Bonus(count[k], sum[k]));
    long[] atRank = new long[plan.ranks().size()];
    long[] rankPaid = new long[plan.ranks().size()];
    long distributors = 0;
    long earning = 0;
    byte[] rank = r.volumes().rank;
    for (int m = 0; m < net.size(); m++) {
      if (!net.isDistributor(m)) continue;
      distributors++;
      if (paidPerMember[m] > 0) earning++;
      atRank[rank[m]]++;
      rankPaid[rank[m]] += paidPerMember[m];
    }
    Map<String, RankPay> byRank = new LinkedHashMap<>();
    for (int k = 0; k < atRank.length; k++) byRank.put(plan.ranks().get(k).name(), new RankPay(atRank[k], rankPaid[k]));
    long cv = r.orders().totalCv;
    return new Figures(paid, cv, percent(paid, cv), distributors, earning, percent(earning, distributors), byBonus, byRank);
  }

  /** part / whole in hundredths of a percent, half away from zero; -1 when whole is 0. */
  static long percent(long part, long whole) {
    if (whole == 0) return -1;
    return Decimals.divideHalfAwayFromZero(Math.multiplyExact(part, 10_000L), whole);
  }
}
