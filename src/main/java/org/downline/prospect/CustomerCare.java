package org.downline.prospect;

import java.util.ArrayList;
import java.util.List;
import org.downline.nextstep.FrequencyBounds;
import org.downline.nextstep.Population;
import org.downline.nextstep.Segments;

/**
 * Customer care for the today list, from each customer's own order rhythm.
 * <ul>
 *   <li>Reorder: the customer's purchase-frequency segment counts their orders in the twelve months
 *       to today; their rhythm is 365 days over that count (4 orders a year: every 91 days). The
 *       reminder falls due that many days after the last order. A lapsed customer (no order in the
 *       twelve months) was due 365 days after their last order.</li>
 *   <li>Check-in: {@link #CHECK_IN_DAYS} days after the first order, while that is under
 *       {@link #SHOWN_DAYS} days ago.</li>
 *   <li>Thank-you: on the day a prospect the member referred joined, for {@link #SHOWN_DAYS} days.</li>
 * </ul>
 * Each item carries the member's segment, so the list can show the playbook's step for it.
 */
public final class CustomerCare {
  public static final int CHECK_IN_DAYS = 7;
  public static final int SHOWN_DAYS = 30;
  public static final int YEAR_DAYS = 365;

  private CustomerCare() {}

  /** A care item about one member (index into the caller's arrays), due on {@code dueDay}. */
  public record Item(TodayItem.Kind kind, int member, int dueDay, String segment) {}

  /** The segment of a member with these sale days (sorted): {@code customers/<label>}. */
  public static String segment(int[] saleDays, int today, FrequencyBounds bounds) {
    return Segments.frequency(Population.CUSTOMERS, bounds.label(bounds.segmentOf(ordersInYear(saleDays, today))));
  }

  static int ordersInYear(int[] saleDays, int today) {
    int count = 0;
    for (int d : saleDays) if (d > today - YEAR_DAYS && d <= today) count++;
    return count;
  }

  /**
   * @param saleDays per customer, their sale days in order (empty: nothing to remind)
   * @param referralMember members who referred a prospect that joined, one entry per joining
   * @param referralDay the day that prospect joined
   * @param referrerSaleDays per entry, the referrer's sale days (for their segment)
   */
  public static List<Item> items(int[][] saleDays, int[] referralMember, int[] referralDay, int[][] referrerSaleDays,
      int today, FrequencyBounds bounds) {
    List<Item> items = new ArrayList<>();
    for (int c = 0; c < saleDays.length; c++) {
      int[] days = saleDays[c];
      if (days.length == 0) continue;
      String segment = segment(days, today, bounds);
      int orders = ordersInYear(days, today);
      int rhythm = orders == 0 ? YEAR_DAYS : YEAR_DAYS / orders;
      int last = days[days.length - 1];
      if (last + rhythm <= today) items.add(new Item(TodayItem.Kind.REORDER, c, last + rhythm, segment));
      int checkIn = days[0] + CHECK_IN_DAYS;
      if (checkIn <= today && today - checkIn < SHOWN_DAYS) items.add(new Item(TodayItem.Kind.CHECK_IN, c, checkIn, segment));
    }
    for (int r = 0; r < referralMember.length; r++) {
      if (referralDay[r] <= today && today - referralDay[r] < SHOWN_DAYS) {
        items.add(new Item(TodayItem.Kind.THANK_YOU, referralMember[r], referralDay[r],
            segment(referrerSaleDays[r], today, bounds)));
      }
    }
    return items;
  }
}
