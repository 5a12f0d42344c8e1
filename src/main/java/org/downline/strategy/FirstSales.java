package org.downline.strategy;

import org.downline.network.OrderBook;

/**
 * Each member's first sale: their earliest sale by date, then by order id (plain string order), so
 * that two sales on one day have one first. Returns are not sales. {@link OrderBook#NONE} for a
 * member who never bought.
 */
public final class FirstSales {
  private FirstSales() {}

  public static int[] of(int members, OrderBook book) {
    int[] first = new int[members];
    java.util.Arrays.fill(first, OrderBook.NONE);
    int[] member = book.members();
    int[] day = book.days();
    String[] ids = book.ids();
    for (int o = 0; o < book.size(); o++) {
      if (book.isReturn(o)) continue;
      int m = member[o];
      int f = first[m];
      // Orders are sorted by date, so only a same-day sale with a smaller id can come first.
      if (f == OrderBook.NONE || (day[o] == day[f] && ids[o].compareTo(ids[f]) < 0)) first[m] = o;
    }
    return first;
  }
}
