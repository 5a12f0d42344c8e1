package org.downline.disclosure;

import java.util.ArrayList;
import java.util.List;
import org.downline.commission.PeriodOrders;
import org.downline.commission.Plan;
import org.downline.commission.Volumes;
import org.downline.core.Decimals;
import org.downline.core.Periods;
import org.downline.network.Network;
import org.downline.network.OrderBook;

/**
 * Loading and stacking alerts of one period (docs/honest-numbers.md): each names the distributor,
 * the figures that raised it and the orders (or members) behind it, so a person can look closer.
 * An alert is a reason to look, not a finding.
 */
public final class Alerts {
  private Alerts() {}

  public enum Kind {
    LOADING("loading"), JUST_ENOUGH("just_enough"), FIRST_ORDER("first_order"), BUYING_FOR_OTHERS("buying_for_others"),
    STACKING("stacking");

    private final String code;

    Kind(String code) {
      this.code = code;
    }

    public String code() {
      return code;
    }
  }

  /** One alert: whom it is about, the figures as text, and the order and member indexes behind it. */
  public record Alert(Kind kind, int member, String figures, int[] orders, int[] members) {}

  public static List<Alert> compute(Network net, OrderBook book, Plan plan, int period, AlertRules rules) {
    List<Alert> out = new ArrayList<>();
    PeriodOrders po = PeriodOrders.of(book, period);
    Volumes v = Volumes.compute(net, net.ownerDistributors(), book, po, plan);
    loading(net, book, plan, period, rules, v, out);
    firstOrders(net, book, po, rules, out);
    buyingForOthers(net, book, period, rules, out);
    stacking(net, rules, v, out);
    out.sort(java.util.Comparator.comparing((Alert a) -> a.kind().ordinal()).thenComparing(a -> net.id(a.member())));
    return out;
  }

  /**
   * Loading: own PV placed in the last days of the period at least {@code loadingFactor} times the
   * usual monthly own PV (average of the months before); just enough: the late purchases lifted the
   * period's PV from below the Active threshold to at most the margin above it, or lifted the paid-as
   * rank to one that the margin less PV would lose.
   */
  static void loading(Network net, OrderBook book, Plan plan, int period, AlertRules rules, Volumes v, List<Alert> out) {
    int n = net.size();
    int end = Periods.firstDay(period + 1);
    int lateFrom = end - rules.lastDays();
    long[] late = new long[n];
    List<List<Integer>> lateOrders = new ArrayList<>();
    for (int i = 0; i < n; i++) lateOrders.add(null);
    int[] placer = book.members();
    long[] pv = book.pv();
    for (int o = book.firstOnOrAfter(lateFrom), to = book.firstOnOrAfter(end); o < to; o++) {
      int m = placer[o];
      if (!net.isDistributor(m) || book.isReturn(o)) continue;
      late[m] += pv[o];
      if (lateOrders.get(m) == null) lateOrders.set(m, new ArrayList<>());
      lateOrders.get(m).add(o);
    }
    long[] before = new long[n];
    for (int o = book.firstOnOrAfter(Periods.firstDay(period - rules.usualMonths())), to = book.firstOnOrAfter(
        Periods.firstDay(period)); o < to; o++) {
      if (net.isDistributor(placer[o])) before[placer[o]] += pv[o];
    }
    long activePv = plan.activePv();
    for (int m = 0; m < n; m++) {
      if (late[m] <= 0) continue;
      int[] orders = lateOrders.get(m).stream().mapToInt(Integer::intValue).toArray();
      long usual = Decimals.divideHalfAwayFromZero(before[m], rules.usualMonths());
      if (late[m] >= rules.loadingMinPv() && late[m] >= Math.multiplyExact(usual, rules.loadingFactor())) {
        out.add(new Alert(Kind.LOADING, m, "late_pv=" + Decimals.format(late[m]) + " usual_pv=" + Decimals.format(usual)
            + " factor=" + rules.loadingFactor() + " last_days=" + rules.lastDays(), orders, new int[0]));
      }
      long total = v.pv[m];
      long ceiling = activePv + activePv * rules.justEnoughMarginPercent() / 100;
      if (activePv > 0 && total >= activePv && total - late[m] < activePv && total <= ceiling) {
        out.add(new Alert(Kind.JUST_ENOUGH, m, "pv=" + Decimals.format(total) + " late_pv=" + Decimals.format(late[m])
            + " active_pv=" + Decimals.format(activePv) + " margin=" + rules.justEnoughMarginPercent() + "%", orders, new int[0]));
      } else if (v.rank[m] > 0) {
        // A rank: without the late purchases it is lost, and it is lost too with the period's PV
        // divided by 1 + margin (what the rank needed was at most the margin below what was bought).
        int rank = v.rank[m];
        long shortBy = total - total * 100 / (100 + rules.justEnoughMarginPercent());
        if (rankWithLess(v, plan, m, late[m]) < rank && rankWithLess(v, plan, m, shortBy) < rank) {
          out.add(new Alert(Kind.JUST_ENOUGH, m, "pv=" + Decimals.format(total) + " late_pv=" + Decimals.format(late[m])
              + " rank=" + plan.ranks().get(rank).name() + " without_late=" + plan.ranks().get(rankWithLess(v, plan, m, late[m])).name()
              + " margin=" + rules.justEnoughMarginPercent() + "%", orders, new int[0]));
        }
      }
    }
  }

  /**
   * The paid-as rank {@code m} would hold with {@code less} PV of their own (their PV and GV lower by
   * it, Active again decided), everyone below unchanged: their own purchases change no leg of theirs.
   * The figures are changed in place and put back.
   */
  static int rankWithLess(Volumes v, Plan plan, int m, long less) {
    long pv = v.pv[m];
    long gv = v.gv[m];
    boolean active = v.active[m];
    try {
      v.pv[m] = pv - less;
      v.gv[m] = gv - less;
      v.active[m] = v.pv[m] >= plan.activePv();
      int r = plan.ranks().size() - 1;
      while (r > 0 && !plan.ranks().get(r).qualifies(v, m)) r--;
      return r;
    } finally {
      v.pv[m] = pv;
      v.gv[m] = gv;
      v.active[m] = active;
    }
  }

  /** A new distributor's first sale, dated in the period within the first days after joining, with a large total. */
  static void firstOrders(Network net, OrderBook book, PeriodOrders po, AlertRules rules, List<Alert> out) {
    boolean[] seen = new boolean[net.size()];
    int[] placer = book.members();
    int[] days = book.days();
    long[] totals = book.totals();
    for (int o = 0; o < po.to; o++) {
      int m = placer[o];
      if (book.isReturn(o) || seen[m]) continue;
      seen[m] = true;
      if (o < po.from || !net.isDistributor(m)) continue;
      int age = days[o] - net.joinDay(m);
      if (age < rules.firstOrderDays() && totals[o] >= rules.firstOrderTotal()) {
        out.add(new Alert(Kind.FIRST_ORDER, m, "total=" + Decimals.format(totals[o]) + " days_after_joining=" + age
            + " threshold=" + Decimals.format(rules.firstOrderTotal()), new int[] {o}, new int[0]));
      }
    }
  }

  /**
   * Buying for others: the PV of the period's orders of members a distributor sponsored who never
   * ordered on a day of their own: every order they ever placed (up to the period's end) falls on a
   * day their sponsor ordered too. The data cannot say who paid; this is the pattern to look at.
   */
  static void buyingForOthers(Network net, OrderBook book, int period, AlertRules rules, List<Alert> out) {
    int n = net.size();
    int end = book.firstOnOrAfter(Periods.firstDay(period + 1));
    int[] placer = book.members();
    int[] days = book.days();
    // Orders are sorted by day: walk day by day, marking who ordered that day.
    boolean[] ordered = new boolean[n];
    boolean[] own = new boolean[n]; // ordered at least once on a day their sponsor did not
    boolean[] any = new boolean[n];
    int o = 0;
    while (o < end) {
      int day = days[o];
      int first = o;
      while (o < end && days[o] == day) ordered[placer[o++]] = true;
      for (int k = first; k < o; k++) {
        int m = placer[k];
        if (book.isReturn(k)) continue;
        any[m] = true;
        int s = net.sponsor(m);
        if (s == Network.NONE || !ordered[s]) own[m] = true;
      }
      for (int k = first; k < o; k++) ordered[placer[k]] = false;
    }
    int from = book.firstOnOrAfter(Periods.firstDay(period));
    long[] pv = book.pv();
    long[] volume = new long[n];
    List<List<Integer>> orders = new ArrayList<>();
    List<java.util.Set<Integer>> members = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      orders.add(null);
      members.add(null);
    }
    for (int k = from; k < end; k++) {
      int m = placer[k];
      int s = net.sponsor(m);
      if (book.isReturn(k) || s == Network.NONE || !net.isDistributor(s) || !any[m] || own[m]) continue;
      volume[s] += pv[k];
      if (orders.get(s) == null) {
        orders.set(s, new ArrayList<>());
        members.set(s, new java.util.TreeSet<>());
      }
      orders.get(s).add(k);
      members.get(s).add(m);
    }
    for (int s = 0; s < n; s++) {
      if (orders.get(s) == null) continue;
      int count = members.get(s).size();
      if (volume[s] >= rules.buyingForOthersPv() && count >= rules.buyingForOthersMembers()) {
        out.add(new Alert(Kind.BUYING_FOR_OTHERS, s, "pv=" + Decimals.format(volume[s]) + " members=" + count
            + " threshold_pv=" + Decimals.format(rules.buyingForOthersPv()),
            orders.get(s).stream().mapToInt(Integer::intValue).toArray(),
            members.get(s).stream().mapToInt(Integer::intValue).toArray()));
      }
    }
  }

  /**
   * Stacking: at least {@code stackingDepth} consecutive non-Active distributors on a sponsor line
   * with an Active distributor right above them and one right below; the alert is on the one above,
   * who gains the levels, and lists the chain.
   */
  static void stacking(Network net, AlertRules rules, Volumes v, List<Alert> out) {
    int n = net.size();
    boolean[] reported = new boolean[n];
    for (int b = 0; b < n; b++) {
      if (!net.isDistributor(b) || !v.active[b]) continue;
      List<Integer> chain = new ArrayList<>();
      int m = net.sponsor(b);
      while (m != Network.NONE && net.isDistributor(m) && !v.active[m]) {
        chain.add(m);
        m = net.sponsor(m);
      }
      if (m == Network.NONE || !net.isDistributor(m) || chain.size() < rules.stackingDepth()) continue;
      int lowest = chain.get(0);
      if (reported[lowest]) continue;
      reported[lowest] = true;
      int[] members = new int[chain.size() + 1];
      for (int i = 0; i < chain.size(); i++) members[i] = chain.get(chain.size() - 1 - i);
      members[chain.size()] = b;
      out.add(new Alert(Kind.STACKING, m, "inactive_between=" + chain.size() + " pv_between="
          + Decimals.format(sumPv(v, chain)) + " below=" + net.id(b), new int[0], members));
    }
  }

  private static long sumPv(Volumes v, List<Integer> chain) {
    long s = 0;
    for (int m : chain) s += v.pv[m];
    return s;
  }
}
