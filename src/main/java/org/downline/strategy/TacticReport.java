package org.downline.strategy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.downline.core.Decimals;
import org.downline.network.Network;
import org.downline.network.OrderBook;

/**
 * What each tactic achieved in a window of days (both included), beyond the sale of the day: its
 * sales and revenue, the customers whose first sale it brought, how many of them bought again within
 * {@value #REPEAT_DAYS} days, the members they referred, what they went on to buy under any code, and
 * the cost of each (see docs/strategy.md for every definition). One row per tactic in plain string
 * order of code, then {@link #NONE_CODE} for sales whose code is empty or names no tactic.
 */
public final class TacticReport {
  public static final int REPEAT_DAYS = 90;
  public static final String NONE_CODE = "(none)";

  /**
   * One row. {@code tactic} is null for the {@code (none)} row; the rate is in tenths of a percent
   * and the costs per customer in hundredths, each null when its divisor is 0 (or, for costs, on the
   * {@code (none)} row).
   */
  public record Row(String code, Tactic tactic, long orders, long revenue, long newCustomers, long eligibleForRepeat,
      long repeated, Long repeatRateTenths, long referrals, long firstTouchRevenue, Long costPerNewCustomer,
      Long costPerRepeatCustomer) {}

  private final List<Row> rows;
  private final int[] newCustomerRow;
  private final boolean[] repeated;
  private final boolean[] eligible;

  private TacticReport(List<Row> rows, int[] newCustomerRow, boolean[] eligible, boolean[] repeated) {
    this.rows = rows;
    this.newCustomerRow = newCustomerRow;
    this.eligible = eligible;
    this.repeated = repeated;
  }

  public List<Row> rows() {
    return rows;
  }

  /** For each member, the row index of the tactic that brought them as a new customer, or -1. */
  public int[] newCustomerRows() {
    return newCustomerRow;
  }

  /** Whether a new customer's first sale is at least 90 days before the window's end. */
  public boolean eligibleForRepeat(int member) {
    return eligible[member];
  }

  /** Whether an eligible new customer bought again within 90 days of their first sale. */
  public boolean repeated(int member) {
    return repeated[member];
  }

  public static TacticReport compute(Network network, OrderBook book, List<Tactic> tactics, int from, int to) {
    List<Tactic> sorted = new ArrayList<>(tactics);
    sorted.sort(Comparator.comparing(Tactic::code));
    int none = sorted.size();
    Map<String, Integer> rowOfCode = new HashMap<>();
    for (int t = 0; t < none; t++) rowOfCode.put(sorted.get(t).code(), t);
    int rowCount = none + 1;

    int n = network.size();
    int m = book.size();
    int[] member = book.members();
    int[] day = book.days();
    long[] total = book.totals();
    int[] returnOf = book.returnOf();
    int[] rowOfOrder = new int[m];
    for (int o = 0; o < m; o++) {
      String code = book.campaign(o);
      Integer r = code == null ? null : rowOfCode.get(code);
      rowOfOrder[o] = r == null ? none : r;
    }

    // New customers: customers whose first sale falls in the window; its code names the row.
    int[] first = FirstSales.of(n, book);
    int[] newRow = new int[n];
    Arrays.fill(newRow, -1);
    boolean[] eligible = new boolean[n];
    long[] newCustomers = new long[rowCount];
    long[] eligibleCount = new long[rowCount];
    byte[] kind = network.kinds();
    for (int i = 0; i < n; i++) {
      int f = first[i];
      if (f == OrderBook.NONE || kind[i] != Network.CUSTOMER || day[f] < from || day[f] > to) continue;
      newRow[i] = rowOfOrder[f];
      newCustomers[newRow[i]]++;
      // Eligible when the 90 days after the first sale end on or before the window's last day.
      if ((long) day[f] + REPEAT_DAYS <= to) {
        eligible[i] = true;
        eligibleCount[newRow[i]]++;
      }
    }
    boolean[] repeated = new boolean[n];
    long[] repeatedCount = new long[rowCount];
    long[] orders = new long[rowCount];
    long[] revenue = new long[rowCount];
    long[] firstTouch = new long[rowCount];
    for (int o = 0; o < m; o++) {
      int i = member[o];
      if (returnOf[o] == OrderBook.NONE) {
        // Another sale of an eligible new customer within 90 days of the first (none can be earlier).
        if (eligible[i] && !repeated[i] && o != first[i] && day[o] <= day[first[i]] + REPEAT_DAYS) {
          repeated[i] = true;
          repeatedCount[newRow[i]]++;
        }
        if (day[o] < from || day[o] > to) continue;
        orders[rowOfOrder[o]]++;
        revenue[rowOfOrder[o]] += total[o];
        if (newRow[i] >= 0) firstTouch[newRow[i]] += total[o];
      } else {
        // A return counts when it and its sale are both dated in the window.
        int s = returnOf[o];
        if (day[o] < from || day[o] > to || day[s] < from || day[s] > to) continue;
        long back = Math.abs(total[o]);
        revenue[rowOfOrder[s]] -= back;
        int buyer = member[s];
        if (newRow[buyer] >= 0) firstTouch[newRow[buyer]] -= back;
      }
    }
    long[] referrals = new long[rowCount];
    int[] joinDay = network.joinDays();
    for (int i = 0; i < n; i++) {
      int sponsor = network.sponsor(i);
      if (sponsor != Network.NONE && joinDay[i] >= from && joinDay[i] <= to && newRow[sponsor] >= 0) {
        referrals[newRow[sponsor]]++;
      }
    }

    List<Row> rows = new ArrayList<>(rowCount);
    for (int r = 0; r < rowCount; r++) {
      Tactic t = r < none ? sorted.get(r) : null;
      Long rate = eligibleCount[r] == 0 ? null
          : Decimals.divideHalfAwayFromZero(repeatedCount[r] * 1000, eligibleCount[r]);
      Long perNew = t == null || newCustomers[r] == 0 ? null : Decimals.divideHalfAwayFromZero(t.cost(), newCustomers[r]);
      Long perRepeat = t == null || repeatedCount[r] == 0 ? null
          : Decimals.divideHalfAwayFromZero(t.cost(), repeatedCount[r]);
      rows.add(new Row(t == null ? NONE_CODE : t.code(), t, orders[r], revenue[r], newCustomers[r], eligibleCount[r],
          repeatedCount[r], rate, referrals[r], firstTouch[r], perNew, perRepeat));
    }
    return new TacticReport(List.copyOf(rows), newRow, eligible, repeated);
  }

  /** Tenths of a percent as text with one decimal: {@code 667 -> "66.7"}. */
  public static String tenths(long tenths) {
    return (tenths < 0 ? "-" : "") + Math.abs(tenths) / 10 + "." + Math.abs(tenths) % 10;
  }
}
