package org.downline.nextstep;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.downline.commission.Cores;
import org.downline.core.Periods;
import org.downline.network.Network;
import org.downline.network.OrderBook;

/**
 * Where each distributor stands on an as-of date: months active in the last twelve, Fast Start
 * progress while new, no first sale yet, sponsored nobody, wide but not deep, and leaders with the
 * leaders they developed. Only distributors in good standing on the as-of date (joined by then, not
 * cancelled or terminated by then) are placed; only data dated on or before the as-of date is used.
 *
 * <p>Definitions (see docs/next-steps.md):
 * <ul>
 *   <li>months active: of the twelve calendar months ending with the as-of date's month (that month
 *       up to the as-of date), those in which the distributor's PV reached {@link DistributorRules#activePv()}.
 *       PV is the demo plan's: the distributor's own and their customers' sales, less returns dated in
 *       the same month as their sale;
 *   <li>first sale: the first sale placed by one of the distributor's customers (a customer whose
 *       nearest distributor up the sponsor chain is this distributor); their own orders are not sales;
 *   <li>sponsored nobody: no distributor they sponsored has joined (customers are not a team);
 *   <li>wide but not deep: at least {@code wideMinFrontline} frontline distributors and the
 *       distributors below the frontline number at most {@code wideMaxBelowPercent}% of it;
 *   <li>leader: paid-as rank at least {@code leaderRank}; leaders developed = leaders anywhere below;
 *       first-generation leaders = those with no other leader between them and this leader.
 * </ul>
 * Ranks are an input (one paid-as rank per member, e.g. from the commission run of the as-of
 * month) so the segments stay independent of the plan.
 */
public final class DistributorSegments {
  /** A day that never comes: the step was not taken by the as-of date. */
  public static final int NEVER = Integer.MAX_VALUE;

  public enum Progress { DONE, PENDING, MISSED }

  private final Network network;
  private final DistributorRules rules;
  private final int asOf;
  private final boolean[] placed;
  private final byte[] monthsActive;
  private final int[] firstOrderDay;
  private final int[] firstCustomerDay;
  private final int[] firstRecruitDay;
  private final int[] firstSaleDay;
  private final int[] frontline;
  private final int[] below;
  private final int[] rank;
  private final int[] leadersBelow;
  private final int[] firstGenerationLeaders;

  private DistributorSegments(Network network, DistributorRules rules, int asOf, boolean[] placed, byte[] monthsActive,
      int[] firstOrderDay, int[] firstCustomerDay, int[] firstRecruitDay, int[] firstSaleDay, int[] frontline,
      int[] below, int[] rank, int[] leadersBelow, int[] firstGenerationLeaders) {
    this.network = network;
    this.rules = rules;
    this.asOf = asOf;
    this.placed = placed;
    this.monthsActive = monthsActive;
    this.firstOrderDay = firstOrderDay;
    this.firstCustomerDay = firstCustomerDay;
    this.firstRecruitDay = firstRecruitDay;
    this.firstSaleDay = firstSaleDay;
    this.frontline = frontline;
    this.below = below;
    this.rank = rank;
    this.leadersBelow = leadersBelow;
    this.firstGenerationLeaders = firstGenerationLeaders;
  }

  /**
   * @param paidAsRank paid-as rank per network index (0 = no rank), or null when ranks are not
   *     known (then nobody is a leader)
   */
  public static DistributorSegments compute(Network network, OrderBook book, int asOf, DistributorRules rules,
      int[] paidAsRank) {
    int n = network.size();
    if (paidAsRank != null && paidAsRank.length != n) {
      throw new IllegalArgumentException("ranks: " + paidAsRank.length + " given for " + n + " members");
    }
    byte[] kind = network.kinds();
    int[] sponsor = network.sponsors();
    int[] joinDay = network.joinDays();
    boolean[] placed = new boolean[n];
    for (int m = 0; m < n; m++) placed[m] = kind[m] == Network.DISTRIBUTOR && Membership.inGoodStanding(network, m, asOf);

    int[] owner = network.ownerDistributors();
    int[] orderMember = book.members();
    int[] orderDay = book.days();
    int[] returnOf = book.returnOf();

    // First own order and first customer sale, in one pass over the orders up to the as-of date.
    int[] firstOrderDay = new int[n];
    int[] firstSaleDay = new int[n];
    Arrays.fill(firstOrderDay, NEVER);
    Arrays.fill(firstSaleDay, NEVER);
    int end = book.firstOnOrAfter(asOf + 1);
    for (int o = 0; o < end; o++) {
      if (returnOf[o] != OrderBook.NONE) continue;
      int m = orderMember[o];
      if (kind[m] == Network.DISTRIBUTOR) {
        if (firstOrderDay[m] == NEVER) firstOrderDay[m] = orderDay[o];
      } else {
        int d = owner[m];
        if (d != Network.NONE && firstSaleDay[d] == NEVER) firstSaleDay[d] = orderDay[o];
      }
    }

    // Months active: one pass over each of the twelve months, PV rolled to the owner distributor.
    // The months are independent: cut into ranges of months on the available cores, each range
    // counting into its own array, the counts added (a sum, so the same for any number of threads).
    byte[] monthsActive = new byte[n];
    int firstPeriod = Periods.periodOfDay(asOf) - 11;
    int orders = end - book.firstOnOrAfter(Periods.firstDay(firstPeriod));
    int parts = Math.min(12, Cores.parts(orders, Cores.threads(), Cores.minUnits()));
    byte[][] counted = new byte[parts][];
    Cores.run("segments-months", parts, i -> {
      byte[] count = i == 0 ? monthsActive : new byte[n];
      counted[i] = count;
      long[] monthPv = new long[n];
      for (int p = firstPeriod + Cores.from(12, parts, i); p < firstPeriod + Cores.from(12, parts, i + 1); p++) {
        int from = book.firstOnOrAfter(Periods.firstDay(p));
        int to = Math.min(book.firstOnOrAfter(Periods.firstDay(p + 1)), end);
        if (from >= to) continue;
        Arrays.fill(monthPv, 0);
        org.downline.commission.Volumes.addPersonalPv(book, owner, from, to, monthPv);
        for (int m = 0; m < n; m++) if (placed[m] && monthPv[m] >= rules.activePv()) count[m]++;
      }
    });
    for (int i = 1; i < parts; i++) for (int m = 0; m < n; m++) monthsActive[m] += counted[i][m];

    // Sponsoring: first customer and first recruit, frontline and the distributors below them.
    int[] firstCustomerDay = new int[n];
    int[] firstRecruitDay = new int[n];
    Arrays.fill(firstCustomerDay, NEVER);
    Arrays.fill(firstRecruitDay, NEVER);
    int[] frontline = new int[n];
    int[] organisation = new int[n]; // distributors in the subtree, the member included
    for (int m = 0; m < n; m++) {
      if (joinDay[m] > asOf) continue;
      int s = sponsor[m];
      if (kind[m] == Network.DISTRIBUTOR) organisation[m] = 1;
      if (s == Network.NONE) continue;
      if (kind[m] == Network.DISTRIBUTOR) {
        frontline[s]++;
        firstRecruitDay[s] = Math.min(firstRecruitDay[s], joinDay[m]);
      } else {
        firstCustomerDay[s] = Math.min(firstCustomerDay[s], joinDay[m]);
      }
    }
    for (int m = n - 1; m > 0; m--) if (sponsor[m] != Network.NONE) organisation[sponsor[m]] += organisation[m];
    int[] below = new int[n];
    for (int m = 0; m < n; m++) if (kind[m] == Network.DISTRIBUTOR) below[m] = organisation[m] - 1 - frontline[m];

    // Leaders: any depth (reverse roll-up) and first generation (nearest leader above, forward pass).
    int[] rank = paidAsRank == null ? new int[n] : paidAsRank;
    int[] leadersBelow = new int[n];
    int[] firstGeneration = new int[n];
    int[] leaderAbove = new int[n];
    boolean[] leader = new boolean[n];
    for (int m = 0; m < n; m++) leader[m] = placed[m] && rank[m] >= rules.leaderRank();
    for (int m = 0; m < n; m++) {
      int s = sponsor[m];
      leaderAbove[m] = s == Network.NONE ? Network.NONE : leader[s] ? s : leaderAbove[s];
      if (leader[m] && leaderAbove[m] != Network.NONE) firstGeneration[leaderAbove[m]]++;
    }
    int[] leadersAtOrBelow = new int[n];
    for (int m = n - 1; m >= 0; m--) {
      if (leader[m]) leadersAtOrBelow[m]++;
      leadersBelow[m] = leadersAtOrBelow[m] - (leader[m] ? 1 : 0);
      if (sponsor[m] != Network.NONE) leadersAtOrBelow[sponsor[m]] += leadersAtOrBelow[m];
    }
    return new DistributorSegments(network, rules, asOf, placed, monthsActive, firstOrderDay, firstCustomerDay,
        firstRecruitDay, firstSaleDay, frontline, below, rank, leadersBelow, firstGeneration);
  }

  public int asOf() {
    return asOf;
  }

  public DistributorRules rules() {
    return rules;
  }

  /** Whether the member is a distributor in good standing on the as-of date (all others are in no segment). */
  public boolean placed(int m) {
    return placed[m];
  }

  public int monthsActive(int m) {
    return monthsActive[m];
  }

  /** New while the longest Fast Start step still runs: joined fewer than that many days ago (day 1 = join date). */
  public boolean isNew(int m) {
    return placed[m] && asOf - network.joinDay(m) < rules.newForDays();
  }

  /** Day the Fast Start goal was first reached, or {@link #NEVER} if not by the as-of date. */
  public int dayReached(int m, FastStartStep.Goal goal) {
    return switch (goal) {
      case FIRST_ORDER -> firstOrderDay[m];
      case FIRST_CUSTOMER -> firstCustomerDay[m];
      case FIRST_RECRUIT -> firstRecruitDay[m];
    };
  }

  /**
   * DONE when reached within the step's days, MISSED when its last day has passed without it (a late
   * success is still a missed step), PENDING while its days still run.
   */
  public Progress fastStart(int m, FastStartStep step) {
    int lastDay = network.joinDay(m) + step.days() - 1;
    int reached = dayReached(m, step.goal());
    if (reached <= lastDay) return Progress.DONE;
    return asOf > lastDay ? Progress.MISSED : Progress.PENDING;
  }

  public int firstSaleDay(int m) {
    return firstSaleDay[m];
  }

  public boolean noFirstSale(int m) {
    return placed[m] && firstSaleDay[m] == NEVER;
  }

  public boolean sponsoredNobody(int m) {
    return placed[m] && frontline[m] == 0;
  }

  /** Frontline distributors (joined by the as-of date). */
  public int frontline(int m) {
    return frontline[m];
  }

  /** Distributors below the frontline, at any depth. */
  public int belowFrontline(int m) {
    return below[m];
  }

  public boolean wideNotDeep(int m) {
    return placed[m] && frontline[m] >= rules.wideMinFrontline()
        && (long) below[m] * 100 <= (long) frontline[m] * rules.wideMaxBelowPercent();
  }

  public int rank(int m) {
    return rank[m];
  }

  public boolean leader(int m) {
    return placed[m] && rank[m] >= rules.leaderRank();
  }

  /** Leaders anywhere below the member. */
  public int leadersBelow(int m) {
    return leadersBelow[m];
  }

  /** Leaders below with no other leader between them and the member. */
  public int firstGenerationLeaders(int m) {
    return firstGenerationLeaders[m];
  }

  /** One line of the distributor report; {@code leadersDeveloped} is only filled for leader rows. */
  public record Row(String group, String segment, long members, long leadersDeveloped) {}

  /**
   * The company-wide counts: months active 0..12, Fast Start per step (new distributors only), no
   * first sale, sponsored nobody, wide but not deep, and leaders per rank with the leaders they
   * developed (anywhere below).
   *
   * @param rankNames names of ranks by number, or null to show numbers
   */
  public List<Row> report(String[] rankNames) {
    int n = network.size();
    long[] months = new long[13];
    List<FastStartStep> steps = rules.fastStart();
    long[][] fast = new long[steps.size()][3];
    long fresh = 0;
    long noSale = 0;
    long nobody = 0;
    long wide = 0;
    int maxRank = 0;
    for (int m = 0; m < n; m++) if (leader(m)) maxRank = Math.max(maxRank, rank[m]);
    long[] leaders = new long[maxRank + 1];
    long[] developed = new long[maxRank + 1];
    for (int m = 0; m < n; m++) {
      if (!placed[m]) continue;
      months[monthsActive[m]]++;
      if (isNew(m)) {
        fresh++;
        for (int k = 0; k < steps.size(); k++) fast[k][fastStart(m, steps.get(k)).ordinal()]++;
      }
      if (noFirstSale(m)) noSale++;
      if (sponsoredNobody(m)) nobody++;
      if (wideNotDeep(m)) wide++;
      if (leader(m)) {
        leaders[rank[m]]++;
        developed[rank[m]] += leadersBelow[m];
      }
    }
    List<Row> rows = new ArrayList<>();
    for (int k = 0; k <= 12; k++) rows.add(new Row("months-active", Integer.toString(k), months[k], 0));
    rows.add(new Row("fast-start", "new", fresh, 0));
    for (int k = 0; k < steps.size(); k++) {
      for (Progress p : Progress.values()) {
        rows.add(new Row("fast-start", steps.get(k).label() + ":" + p.name().toLowerCase(java.util.Locale.ROOT),
            fast[k][p.ordinal()], 0));
      }
    }
    rows.add(new Row("no-first-sale", "no-first-sale", noSale, 0));
    rows.add(new Row("sponsored-nobody", "sponsored-nobody", nobody, 0));
    rows.add(new Row("wide-not-deep", "wide-not-deep", wide, 0));
    for (int r = rules.leaderRank(); r <= maxRank; r++) {
      String name = rankNames != null && r < rankNames.length ? rankNames[r] : "rank-" + r;
      rows.add(new Row("leaders", name, leaders[r], developed[r]));
    }
    return rows;
  }
}
