package org.downline.disclosure;

import java.util.ArrayList;
import java.util.List;
import org.downline.network.Network;
import org.downline.network.OrderBook;

/**
 * How much of the year's rewards came from orders of real customers (members who are not
 * distributors) rather than from participants' own purchases (docs/honest-numbers.md).
 */
public final class RetailShare {
  private RetailShare() {}

  /** The settlement benchmark: at least two thirds of the sourced rewards on customers' orders. */
  public static final long TWO_THIRDS_TENTHS = 667;

  /**
   * One row: a month 1..12 (0 for the whole year), amounts in cents; {@code share} in tenths of a
   * percent, absent ({@code hasShare} false) when nothing sourced was paid.
   */
  public record Row(int month, long rewards, long sourced, long fromCustomers, boolean hasShare, long share) {}

  /** One earner of the year: what they were paid and where it came from. */
  public record Earner(int member, long rewards, long sourced, long fromCustomers, boolean hasShare, long share,
      boolean mostlyParticipants, boolean noRetailCustomer) {}

  /** Twelve months, then the year. */
  public static List<Row> byMonth(YearLedger ledger) {
    List<Row> rows = new ArrayList<>();
    long r = 0;
    long s = 0;
    long c = 0;
    for (int m = 0; m < 12; m++) {
      rows.add(row(m + 1, ledger.monthRewards[m], ledger.monthSourced[m], ledger.monthFromCustomers[m]));
      r += ledger.monthRewards[m];
      s += ledger.monthSourced[m];
      c += ledger.monthFromCustomers[m];
    }
    rows.add(row(0, r, s, c));
    return rows;
  }

  private static Row row(int month, long rewards, long sourced, long fromCustomers) {
    boolean has = sourced > 0;
    return new Row(month, rewards, sourced, fromCustomers, has, has ? Share.tenths(fromCustomers, sourced) : 0);
  }

  /**
   * Every member paid anything in the year, in member order. {@code mostlyParticipants}: more than
   * half of the sourced rewards came from distributors' orders; {@code noRetailCustomer}: none of the
   * customers the earner owns (customers whose nearest distributor above is the earner) placed an
   * order in the included months of the year.
   */
  public static List<Earner> byEarner(Network net, OrderBook book, YearLedger ledger) {
    boolean[] hasCustomerOrder = new boolean[net.size()];
    int[] owner = net.ownerDistributors();
    int[] placer = book.members();
    int first = org.downline.core.Periods.firstDay(ledger.year * 12);
    int end = org.downline.core.Periods.firstDay(ledger.year * 12 + 12);
    for (int o = book.firstOnOrAfter(first), to = book.firstOnOrAfter(end); o < to; o++) {
      int m = placer[o];
      if (net.isDistributor(m) || book.isReturn(o) || owner[m] == Network.NONE) continue;
      if (!ledger.included(org.downline.core.Periods.periodOfDay(book.days()[o]) - ledger.year * 12 + 1)) continue;
      hasCustomerOrder[owner[m]] = true;
    }
    List<Earner> out = new ArrayList<>();
    for (int m = 0; m < net.size(); m++) {
      if (ledger.gross[m] == 0 && ledger.earnerSourced[m] == 0) continue;
      long s = ledger.earnerSourced[m];
      long c = ledger.earnerFromCustomers[m];
      boolean has = s > 0;
      // Mostly participants: what came from distributors' orders is more than half of the sourced pay.
      boolean mostly = has && (s - c) * 2 > s;
      out.add(new Earner(m, ledger.gross[m], s, c, has, has ? Share.tenths(c, s) : 0, mostly, !hasCustomerOrder[m]));
    }
    return out;
  }
}
