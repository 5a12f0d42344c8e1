package org.downline.strategy;

import java.time.LocalDate;
import java.util.Set;
import org.downline.core.Decimals;
import org.downline.network.Network;
import org.downline.network.OrderBook;

/**
 * Computes the built-in measures (docs/strategy.md has each definition): the company's figure as of
 * a day, for the board and the objectives' trend, and the figure over a group of members in a
 * window, for the verdicts. Sales and returns count as in the tactic report: a return is subtracted
 * when it and its sale are both dated in the window.
 */
public final class Measures {
  /** Days in the window of a company figure: the 12 months (365 days) ending on the as-of day. */
  public static final int YEAR_DAYS = 365;

  /** A figure in hundredths of its unit, over {@code base} members (or sales, for autoship share). */
  public record Value(long hundredths, long base) {}

  private final Network network;
  private final OrderBook book;
  private final int[] first;
  private final boolean[] educational;

  /** {@code educationalCodes}: the codes of the tactics whose type is educational. */
  public Measures(Network network, OrderBook book, Set<String> educationalCodes) {
    this.network = network;
    this.book = book;
    this.first = FirstSales.of(network.size(), book);
    this.educational = new boolean[book.size()];
    for (int o = 0; o < book.size(); o++) {
      String code = book.campaign(o);
      educational[o] = code != null && educationalCodes.contains(code);
    }
  }

  /** Each member's first sale (see {@link FirstSales}). */
  public int[] firstSales() {
    return first;
  }

  /**
   * The company's figure as of {@code asOf}: flows over the 365 days ending that day; cohort
   * measures over the members whose cohort day (first sale, or joining) falls in the 365 days ending
   * N days earlier, so every one of them has had their N days. Null for {@link Measure#MANUAL} and
   * when there is no one to measure.
   */
  public Value company(Measure m, int days, int asOf) {
    int from = asOf - YEAR_DAYS + 1;
    return switch (m) {
      case REVENUE -> {
        long[] r = revenue(null, from, asOf);
        yield new Value(r[0], r[2]);
      }
      case REPEAT_RATE -> repeat(null, from - days, asOf - days, days, asOf);
      case AUTOSHIP_SHARE -> autoshipShare(null, from, asOf);
      case REFERRALS_PER_CUSTOMER -> {
        // Customers with a sale in the window; referrals: members joined in it sponsored by a customer.
        boolean[] buyers = new boolean[network.size()];
        long customers = 0;
        for (int o = book.firstOnOrAfter(from); o < book.firstOnOrAfter(asOf + 1); o++) {
          int i = book.members()[o];
          if (!book.isReturn(o) && !network.isDistributor(i) && !buyers[i]) {
            buyers[i] = true;
            customers++;
          }
        }
        long referrals = 0;
        for (int i = 0; i < network.size(); i++) {
          int s = network.sponsor(i);
          if (s != Network.NONE && !network.isDistributor(s) && inside(network.joinDay(i), from, asOf)) referrals++;
        }
        yield ratio(referrals, customers);
      }
      case NEW_DISTRIBUTORS -> {
        long n = 0;
        for (int i = 0; i < network.size(); i++) {
          if (network.isDistributor(i) && inside(network.joinDay(i), from, asOf)) n++;
        }
        yield new Value(n * 100, n);
      }
      case DISTRIBUTOR_RETENTION_90 -> retention(null, true, from - 90, asOf - 90, asOf);
      case CUSTOMER_RETENTION_12M -> {
        // Customers who joined in the 365 days ending one year before the as-of day.
        int yearAgo = (int) LocalDate.ofEpochDay(asOf).minusYears(1).toEpochDay();
        yield retention(null, false, yearAgo - YEAR_DAYS + 1, yearAgo, asOf);
      }
      case EDUCATIONAL_REACH -> {
        long reached = reached(null, from, asOf);
        yield new Value(reached * 100, reached);
      }
      case MANUAL -> null;
    };
  }

  /**
   * The figure over a group of members (a tactic's new customers, or every new customer) in the
   * window {@code [from, to]}; null for {@link Measure#MANUAL} and when the group is empty for it.
   */
  public Value over(Measure m, int days, boolean[] group, int from, int to) {
    return switch (m) {
      case REVENUE -> {
        long[] r = revenue(group, from, to);
        long members = count(group, -1);
        yield members == 0 ? null : new Value(Decimals.divideHalfAwayFromZero(r[0], members), members);
      }
      case REPEAT_RATE -> repeat(group, Integer.MIN_VALUE / 2, to, days, to);
      case AUTOSHIP_SHARE -> autoshipShare(group, from, to);
      case REFERRALS_PER_CUSTOMER -> {
        long referrals = 0;
        for (int i = 0; i < network.size(); i++) {
          int s = network.sponsor(i);
          if (s != Network.NONE && group[s] && !network.isDistributor(s) && inside(network.joinDay(i), from, to)) {
            referrals++;
          }
        }
        yield ratio(referrals, count(group, Network.CUSTOMER));
      }
      case NEW_DISTRIBUTORS -> share(count(group, Network.DISTRIBUTOR), count(group, -1));
      case DISTRIBUTOR_RETENTION_90 -> retention(group, true, Integer.MIN_VALUE / 2, to, to);
      case CUSTOMER_RETENTION_12M -> retention(group, false, Integer.MIN_VALUE / 2, to, to);
      case EDUCATIONAL_REACH -> share(reached(group, from, to), count(group, -1));
      case MANUAL -> null;
    };
  }

  // ---------------------------------------------------------------- the parts

  /** {revenue, autoship revenue, sales} of the group's sales in the window (cents). */
  private long[] revenue(boolean[] group, int from, int to) {
    long revenue = 0;
    long autoship = 0;
    long sales = 0;
    int[] member = book.members();
    int[] day = book.days();
    long[] total = book.totals();
    int[] returnOf = book.returnOf();
    for (int o = book.firstOnOrAfter(from); o < book.firstOnOrAfter(to + 1); o++) {
      int s = returnOf[o] == OrderBook.NONE ? o : returnOf[o];
      if (group != null && !group[member[s]]) continue;
      if (s == o) {
        revenue += total[o];
        if (book.isAutoship(o)) autoship += total[o];
        sales++;
      } else if (inside(day[s], from, to)) {
        revenue -= Math.abs(total[o]);
        if (book.isAutoship(s)) autoship -= Math.abs(total[o]);
      }
    }
    return new long[] {revenue, autoship, sales};
  }

  private Value autoshipShare(boolean[] group, int from, int to) {
    long[] r = revenue(group, from, to);
    if (r[2] == 0 || r[0] <= 0) return null;
    return new Value(Decimals.divideHalfAwayFromZero(r[1] * 10_000, r[0]), r[2]);
  }

  /**
   * Customers (of the group) whose first sale is dated in {@code [cohortFrom, cohortTo]} and at
   * least {@code days} before {@code to}: the share with another sale no later than {@code days}
   * after the first.
   */
  private Value repeat(boolean[] group, int cohortFrom, int cohortTo, int days, int to) {
    int n = network.size();
    boolean[] inCohort = new boolean[n];
    long cohort = 0;
    int[] day = book.days();
    for (int i = 0; i < n; i++) {
      int f = first[i];
      if (f == OrderBook.NONE || network.isDistributor(i) || (group != null && !group[i])) continue;
      if (inside(day[f], cohortFrom, cohortTo) && (long) day[f] + days <= to) {
        inCohort[i] = true;
        cohort++;
      }
    }
    boolean[] again = new boolean[n];
    long repeated = 0;
    for (int o = 0; o < book.size(); o++) {
      int i = book.members()[o];
      if (!inCohort[i] || again[i] || book.isReturn(o) || o == first[i]) continue;
      if (day[o] <= day[first[i]] + days) {
        again[i] = true;
        repeated++;
      }
    }
    return share(repeated, cohort);
  }

  /**
   * Distributors (or customers) of the group who joined in {@code [cohortFrom, cohortTo]} and at
   * least the span (90 days, or one year) before {@code to}: the share with a sale of their own dated
   * the span or more after joining, and no later than {@code to}.
   */
  private Value retention(boolean[] group, boolean distributors, int cohortFrom, int cohortTo, int to) {
    int n = network.size();
    boolean[] inCohort = new boolean[n];
    int[] retainedFrom = new int[n];
    long cohort = 0;
    for (int i = 0; i < n; i++) {
      if (network.isDistributor(i) != distributors || (group != null && !group[i])) continue;
      int join = network.joinDay(i);
      int span = distributors ? 90 : (int) (LocalDate.ofEpochDay(join).plusYears(1).toEpochDay() - join);
      if (inside(join, cohortFrom, cohortTo) && (long) join + span <= to) {
        inCohort[i] = true;
        retainedFrom[i] = join + span;
        cohort++;
      }
    }
    boolean[] kept = new boolean[n];
    long retained = 0;
    int[] day = book.days();
    for (int o = 0; o < book.firstOnOrAfter(to + 1); o++) {
      int i = book.members()[o];
      if (inCohort[i] && !kept[i] && !book.isReturn(o) && day[o] >= retainedFrom[i]) {
        kept[i] = true;
        retained++;
      }
    }
    return share(retained, cohort);
  }

  /** Members (of the group) with a sale in the window carrying an educational tactic's code. */
  private long reached(boolean[] group, int from, int to) {
    boolean[] seen = new boolean[network.size()];
    long reached = 0;
    for (int o = book.firstOnOrAfter(from); o < book.firstOnOrAfter(to + 1); o++) {
      int i = book.members()[o];
      if (educational[o] && !book.isReturn(o) && !seen[i] && (group == null || group[i])) {
        seen[i] = true;
        reached++;
      }
    }
    return reached;
  }

  /** Members of the group of a kind ({@code -1}: any). */
  private long count(boolean[] group, int kind) {
    long n = 0;
    byte[] kinds = network.kinds();
    for (int i = 0; i < group.length; i++) if (group[i] && (kind < 0 || kinds[i] == kind)) n++;
    return n;
  }

  /** part / whole as hundredths of a percent, half away from zero; null when whole is 0. */
  static Value share(long part, long whole) {
    return whole == 0 ? null : new Value(Decimals.divideHalfAwayFromZero(part * 10_000, whole), whole);
  }

  /** part / whole as hundredths, half away from zero; null when whole is 0. */
  static Value ratio(long part, long whole) {
    return whole == 0 ? null : new Value(Decimals.divideHalfAwayFromZero(part * 100, whole), whole);
  }

  private static boolean inside(int day, int from, int to) {
    return day >= from && day <= to;
  }
}
