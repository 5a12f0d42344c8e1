package org.downline.nextstep;

import java.time.LocalDate;
import java.util.Arrays;
import org.downline.core.Periods;
import org.downline.network.Network;
import org.downline.network.OrderBook;

/**
 * Network health per distributor and for the company on an as-of date. Only distributors who joined
 * on or before it count, and only orders dated on or before it.
 *
 * <ul>
 *   <li>frontline: distributors they sponsored; legs: one per frontline distributor (the demo plan's legs);
 *   <li>depth: levels of distributors below them (1 = frontline only, 0 = none);
 *   <li>largest leg share: the largest leg's GV over all legs' GV in the as-of month (GV = PV of the
 *       leg's head and every distributor below, PV as the demo plan counts it);
 *   <li>duplication: the share of their frontline who sponsored a distributor themselves;
 *   <li>retention at N days (90 and 365): of their recruits who joined at least N days before the
 *       as-of date, the share who still bought: a sale of their own dated N or more days after joining.
 * </ul>
 * Shares are basis points (hundredths of a percent), rounded half up; -1 when there is no base.
 */
public final class NetworkHealth {
  public static final int UNKNOWN = -1;

  private final int[] frontline;
  private final int[] depth;
  private final long[] gv;
  private final long[] largestLeg;
  private final long[] legsGv;
  private final int[] duplicating;
  private final int[][] recruitsOld; // [0] 90 days, [1] 365 days
  private final int[][] recruitsRetained;
  private final boolean[] counted;
  private final int[] sponsor;

  private NetworkHealth(int[] frontline, int[] depth, long[] gv, long[] largestLeg, long[] legsGv, int[] duplicating,
      int[][] recruitsOld, int[][] recruitsRetained, boolean[] counted, int[] sponsor) {
    this.frontline = frontline;
    this.depth = depth;
    this.gv = gv;
    this.largestLeg = largestLeg;
    this.legsGv = legsGv;
    this.duplicating = duplicating;
    this.recruitsOld = recruitsOld;
    this.recruitsRetained = recruitsRetained;
    this.counted = counted;
    this.sponsor = sponsor;
  }

  public static NetworkHealth compute(Network network, OrderBook book, int asOf) {
    int n = network.size();
    byte[] kind = network.kinds();
    int[] sponsor = network.sponsors();
    int[] joinDay = network.joinDays();
    int[] levels = network.depths();
    boolean[] counted = new boolean[n];
    for (int m = 0; m < n; m++) counted[m] = kind[m] == Network.DISTRIBUTOR && joinDay[m] <= asOf;

    // PV of the as-of month (up to the as-of date) by owner, then GV by one reverse roll-up.
    int period = Periods.periodOfDay(asOf);
    int from = book.firstOnOrAfter(Periods.firstDay(period));
    int end = book.firstOnOrAfter(asOf + 1);
    long[] gv = new long[n];
    org.downline.commission.Volumes.addPersonalPv(book, network.ownerDistributors(), from, end, gv);

    // Last own sale per member, for retention.
    int[] lastSale = new int[n];
    Arrays.fill(lastSale, Integer.MIN_VALUE);
    int[] member = book.members();
    int[] day = book.days();
    int[] returnOf = book.returnOf();
    for (int o = 0; o < end; o++) if (returnOf[o] == OrderBook.NONE) lastSale[member[o]] = day[o];

    int[] frontline = new int[n];
    int[] deepest = new int[n];
    long[] largestLeg = new long[n];
    long[] legsGv = new long[n];
    int[] duplicating = new int[n];
    int[][] old = new int[2][n];
    int[][] retained = new int[2][n];
    for (int m = 0; m < n; m++) deepest[m] = counted[m] ? levels[m] : Integer.MIN_VALUE;
    for (int m = n - 1; m >= 0; m--) {
      if (!counted[m]) continue;
      int s = sponsor[m];
      if (s == Network.NONE) continue;
      gv[s] += gv[m];
      deepest[s] = Math.max(deepest[s], deepest[m]);
      frontline[s]++;
      legsGv[s] += gv[m];
      largestLeg[s] = Math.max(largestLeg[s], gv[m]);
      for (int k = 0; k < 2; k++) {
        // Retention spans are days after joining: 90, and one year (365 or 366 days).
        int span = k == 0 ? 90 : (int) (LocalDate.ofEpochDay(joinDay[m]).plusYears(1).toEpochDay() - joinDay[m]);
        if (joinDay[m] + span <= asOf) {
          old[k][s]++;
          if (lastSale[m] >= joinDay[m] + span) retained[k][s]++;
        }
      }
    }
    // A frontline distributor duplicates when they have a frontline of their own.
    for (int m = 0; m < n; m++) {
      if (counted[m] && sponsor[m] != Network.NONE && frontline[m] > 0) duplicating[sponsor[m]]++;
    }
    int[] depth = new int[n];
    for (int m = 0; m < n; m++) depth[m] = counted[m] ? deepest[m] - levels[m] : 0;
    return new NetworkHealth(frontline, depth, gv, largestLeg, legsGv, duplicating, old, retained, counted, sponsor);
  }

  public int frontline(int m) {
    return frontline[m];
  }

  public int legs(int m) {
    return frontline[m];
  }

  public int depth(int m) {
    return depth[m];
  }

  /** GV of the as-of month, in hundredths. */
  public long gv(int m) {
    return gv[m];
  }

  public long largestLegGv(int m) {
    return largestLeg[m];
  }

  /** Largest leg's GV over all legs' GV, basis points; {@link #UNKNOWN} without leg volume. */
  public long largestLegShare(int m) {
    return share(largestLeg[m], legsGv[m]);
  }

  /** Share of the frontline who sponsored a distributor, basis points. */
  public long duplication(int m) {
    return share(duplicating[m], frontline[m]);
  }

  /** Retention of the member's recruits at 90 days, basis points. */
  public long retention90(int m) {
    return share(recruitsRetained[0][m], recruitsOld[0][m]);
  }

  /** Retention of the member's recruits at 12 months, basis points. */
  public long retention12Months(int m) {
    return share(recruitsRetained[1][m], recruitsOld[1][m]);
  }

  /** The company as a whole. */
  public record Company(long distributors, int depth, long duplication, long retention90, long retention12Months) {}

  /**
   * Company figures over every distributor counted: depth of the tree (levels below the roots),
   * duplication (share of distributors with a sponsor who sponsored someone), retention of all
   * sponsored distributors at 90 days and 12 months.
   */
  public Company company() {
    long distributors = 0;
    long withSponsor = 0;
    long dup = 0;
    long[] old = new long[2];
    long[] kept = new long[2];
    int deepest = 0;
    for (int m = 0; m < counted.length; m++) {
      if (!counted[m]) continue;
      distributors++;
      if (sponsor[m] == Network.NONE) deepest = Math.max(deepest, depth[m]);
      else {
        withSponsor++;
        if (frontline[m] > 0) dup++;
      }
      for (int k = 0; k < 2; k++) {
        old[k] += recruitsOld[k][m];
        kept[k] += recruitsRetained[k][m];
      }
    }
    return new Company(distributors, deepest, share(dup, withSponsor), share(kept[0], old[0]), share(kept[1], old[1]));
  }

  static long share(long part, long whole) {
    return whole <= 0 ? UNKNOWN : org.downline.core.Decimals.divideHalfAwayFromZero(part * 10_000, whole);
  }
}
