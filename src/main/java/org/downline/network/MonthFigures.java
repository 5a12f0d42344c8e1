package org.downline.network;

/**
 * A company's figures for one period, from the arrays: revenue (order totals, returns negative),
 * CV and PV of the orders dated in the period (a return counts in the month it is dated in: these
 * are the month's order totals, not the commission volumes), sales and returns counted, Active
 * distributors as the commission engine counts them (given by the caller) and new members by kind
 * (joined in the period). Amounts are hundredths.
 */
public record MonthFigures(
    int period,
    long revenue,
    long cv,
    long pv,
    int sales,
    int returns,
    int activeDistributors,
    int newDistributors,
    int newCustomers) {

  /**
   * Figures for each period {@code first..last} (inclusive) in one pass over members and one over
   * the orders; {@code activeInPeriod} gives each period's Active flags per member (the commission
   * engine's, so the dashboard counts what a run counts).
   */
  public static MonthFigures[] of(Network network, OrderBook book, int first, int last,
      java.util.function.IntFunction<boolean[]> activeInPeriod) {
    int months = last - first + 1;
    long[] revenue = new long[months];
    long[] cv = new long[months];
    long[] pv = new long[months];
    int[] sales = new int[months];
    int[] returns = new int[months];
    int[] active = new int[months];
    int[] newDistributors = new int[months];
    int[] newCustomers = new int[months];

    int firstDay = org.downline.core.Periods.firstDay(first);
    int endDay = org.downline.core.Periods.firstDay(last + 1);
    int[] joinDay = network.joinDays();
    byte[] kind = network.kinds();
    for (int i = 0; i < network.size(); i++) {
      if (joinDay[i] < firstDay || joinDay[i] >= endDay) continue;
      int m = org.downline.core.Periods.periodOfDay(joinDay[i]) - first;
      if (kind[i] == Network.DISTRIBUTOR) newDistributors[m]++;
      else newCustomers[m]++;
    }

    for (int m = 0; m < months; m++) {
      int[] range = book.periodRange(first + m);
      for (int o = range[0]; o < range[1]; o++) {
        revenue[m] += book.totals()[o];
        cv[m] += book.cv()[o];
        pv[m] += book.pv()[o];
        if (book.isReturn(o)) returns[m]++;
        else sales[m]++;
      }
      for (boolean a : activeInPeriod.apply(first + m)) active[m] += a ? 1 : 0;
    }
    MonthFigures[] out = new MonthFigures[months];
    for (int m = 0; m < months; m++) {
      out[m] = new MonthFigures(first + m, revenue[m], cv[m], pv[m], sales[m], returns[m], active[m],
          newDistributors[m], newCustomers[m]);
    }
    return out;
  }
}
