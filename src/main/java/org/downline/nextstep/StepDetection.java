package org.downline.nextstep;

import java.time.LocalDate;
import java.util.List;
import org.downline.network.Network;
import org.downline.network.OrderBook;

/**
 * Detects from later data whether each recorded recommendation was taken: the first day after the
 * issue day, up to and including {@code untilDay}, on which one of the step's goals was met.
 *
 * <ul>
 *   <li>next-order: a sale by the member;
 *   <li>autoship: an autoship sale by a member who had none in the year up to the issue day (one
 *       already on autoship cannot start it, so it is never taken);
 *   <li>referral / first-recruit: a customer / distributor sponsored by the member joins;
 *   <li>frontline-recruit: a distributor sponsored by one of the member's frontline distributors joins;
 *   <li>first-sale: a sale by one of the distributor's customers (referred customers included);
 *   <li>enrolment: the member, recommended as a customer, is a distributor in the later data;
 *   <li>rank-reached / leader-developed: the later paid-as rank / leaders below exceed the baseline.
 * </ul>
 * The last three are seen only as states of the later data, not as dated events, so they count as
 * taken on {@code untilDay}.
 */
public final class StepDetection {
  private final Network network;
  private final OrderBook book;
  private final int untilDay;
  private final DistributorSegments later;
  private final int[] memberStart;
  private final int[] memberOrders;

  /**
   * @param later distributor segments of the later data as of {@code untilDay} (with the paid-as
   *     ranks then), or null when ranks are not known: rank goals are then never taken
   */
  public StepDetection(Network network, OrderBook book, int untilDay, DistributorSegments later) {
    this.network = network;
    this.book = book;
    this.untilDay = untilDay;
    this.later = later;
    // Each member's orders up to untilDay, by day: a counting sort of the day-sorted book keeps the order.
    int n = network.size();
    int end = book.firstOnOrAfter(untilDay + 1);
    int[] member = book.members();
    memberStart = new int[n + 1];
    for (int o = 0; o < end; o++) memberStart[member[o] + 1]++;
    for (int m = 0; m < n; m++) memberStart[m + 1] += memberStart[m];
    memberOrders = new int[end];
    int[] fill = java.util.Arrays.copyOf(memberStart, n);
    for (int o = 0; o < end; o++) memberOrders[fill[member[o]]++] = o;
  }

  /** The day each record's step was taken, or {@link DistributorSegments#NEVER}. */
  public int[] takenDays(List<RecommendationRecord> records) {
    int[] taken = new int[records.size()];
    for (int k = 0; k < taken.length; k++) taken[k] = takenDay(records.get(k));
    return taken;
  }

  public int takenDay(RecommendationRecord r) {
    int m = network.indexOf(r.memberId());
    if (m == Network.NONE) return DistributorSegments.NEVER;
    int best = DistributorSegments.NEVER;
    for (Goal g : r.goals()) best = Math.min(best, dayOf(g, m, r));
    return best;
  }

  private int dayOf(Goal goal, int m, RecommendationRecord r) {
    int issued = r.issuedDay();
    return switch (goal) {
      case NEXT_ORDER -> firstSaleAfter(m, issued, false);
      case AUTOSHIP -> {
        int yearBefore = (int) LocalDate.ofEpochDay(issued).minusYears(1).toEpochDay();
        int earlier = firstSaleAfter(m, yearBefore, true);
        yield earlier <= issued ? DistributorSegments.NEVER : earlier;
      }
      case REFERRAL -> firstJoinBelow(m, issued, false);
      case FIRST_RECRUIT -> firstJoinBelow(m, issued, true);
      case FRONTLINE_RECRUIT -> {
        int best = DistributorSegments.NEVER;
        for (int c = network.childStart(m); c < network.childEnd(m); c++) {
          if (network.isDistributor(c)) best = Math.min(best, firstJoinBelow(c, issued, true));
        }
        yield best;
      }
      case FIRST_SALE -> network.isDistributor(m) ? firstCustomerSale(m, issued) : DistributorSegments.NEVER;
      case ENROLMENT -> Segments.population(r.segment()) == Population.CUSTOMERS && network.isDistributor(m)
          ? untilDay : DistributorSegments.NEVER;
      case RANK_REACHED -> later != null && later.rank(m) > r.baseline() ? untilDay : DistributorSegments.NEVER;
      case LEADER_DEVELOPED -> later != null && later.leadersBelow(m) > r.baseline() ? untilDay : DistributorSegments.NEVER;
    };
  }

  /** First sale (or autoship sale) of the member dated after {@code day}. */
  private int firstSaleAfter(int m, int day, boolean autoshipOnly) {
    int[] days = book.days();
    int[] returnOf = book.returnOf();
    int lo = memberStart[m];
    int hi = memberStart[m + 1];
    while (lo < hi) { // first of the member's orders dated after day
      int mid = (lo + hi) >>> 1;
      if (days[memberOrders[mid]] <= day) lo = mid + 1;
      else hi = mid;
    }
    for (int k = lo; k < memberStart[m + 1]; k++) {
      int o = memberOrders[k];
      if (returnOf[o] != OrderBook.NONE) continue;
      if (autoshipOnly && !book.isAutoship(o)) continue;
      return days[o];
    }
    return DistributorSegments.NEVER;
  }

  /** First join after {@code day} (up to untilDay) of a member sponsored by m, of the given kind. */
  private int firstJoinBelow(int m, int day, boolean distributor) {
    int best = DistributorSegments.NEVER;
    for (int c = network.childStart(m); c < network.childEnd(m); c++) {
      int j = network.joinDay(c);
      if (network.isDistributor(c) == distributor && j > day && j <= untilDay) best = Math.min(best, j);
    }
    return best;
  }

  /** First sale after {@code day} by a customer of the distributor (customers referred by customers included). */
  private int firstCustomerSale(int parent, int day) {
    int best = DistributorSegments.NEVER;
    for (int c = network.childStart(parent); c < network.childEnd(parent); c++) {
      if (network.isDistributor(c)) continue;
      best = Math.min(best, firstSaleAfter(c, day, false));
      best = Math.min(best, firstCustomerSale(c, day));
    }
    return best;
  }
}
