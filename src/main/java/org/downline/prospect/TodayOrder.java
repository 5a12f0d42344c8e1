package org.downline.prospect;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The today list: what is due on or before today, without anyone marked do-not-contact, ordered by
 * what matters first: the kind ({@link TodayItem.Kind}'s order: follow-ups promised, reconnect dates
 * the prospect set, customer care, stay-in-touch cadences), then the longest overdue, then the
 * oldest record.
 */
public final class TodayOrder {
  private TodayOrder() {}

  static final Comparator<TodayItem> ORDER = Comparator.comparing(TodayItem::kind)
      .thenComparingInt(TodayItem::dueDay)
      .thenComparingLong(TodayItem::ref)
      .thenComparingLong(TodayItem::contactId);

  public static List<TodayItem> of(List<TodayItem> candidates, int today) {
    List<TodayItem> due = new ArrayList<>();
    for (TodayItem i : candidates) if (!i.doNotContact() && i.dueDay() <= today) due.add(i);
    due.sort(ORDER);
    return due;
  }
}
