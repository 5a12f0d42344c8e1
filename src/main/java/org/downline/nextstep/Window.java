package org.downline.nextstep;

import java.time.LocalDate;
import org.downline.core.Periods;
import org.downline.network.OrderBook;

/**
 * The twelve months ending on an as-of date: days after as-of minus one year, up to and including
 * the as-of date ({@code 2025-06-30} gives {@code 2024-07-01..2025-06-30}). Days are epoch days.
 */
public record Window(int firstDay, int asOf) {
  public static Window endingOn(int asOf) {
    int yearBefore = (int) LocalDate.ofEpochDay(asOf).minusYears(1).toEpochDay();
    return new Window(yearBefore + 1, asOf);
  }

  public boolean contains(int day) {
    return day >= firstDay && day <= asOf;
  }

  /** Order index range {@code [from, to)} of the window in a day-sorted order book. */
  public int fromIndex(OrderBook book) {
    return book.firstOnOrAfter(firstDay);
  }

  public int toIndex(OrderBook book) {
    return book.firstOnOrAfter(asOf + 1);
  }

  @Override
  public String toString() {
    return Periods.formatDay(firstDay) + ".." + Periods.formatDay(asOf);
  }
}
