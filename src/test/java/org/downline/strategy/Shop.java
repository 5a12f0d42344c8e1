package org.downline.strategy;

import java.util.ArrayList;
import java.util.List;
import org.downline.core.Decimals;
import org.downline.core.Periods;
import org.downline.network.MemberKind;
import org.downline.network.MemberRow;
import org.downline.network.Network;
import org.downline.network.NetworkBuilder;
import org.downline.network.OrderBook;
import org.downline.network.OrderBookBuilder;
import org.downline.network.OrderRow;

/** Members and coded orders for the strategy tests, each written as one line of text. */
final class Shop {
  private final List<MemberRow> members = new ArrayList<>();
  private final List<OrderRow> orders = new ArrayList<>();
  private Network network;
  private OrderBook book;

  /** {@code "id kind sponsor joined"}, kind d or c, sponsor - for none. */
  Shop member(String line) {
    String[] f = line.split(" ");
    members.add(MemberRow.of(members.size() + 2, f[0], f[2].equals("-") ? null : f[2],
        f[1].equals("d") ? MemberKind.DISTRIBUTOR : MemberKind.CUSTOMER, Periods.parseDay(f[3])));
    return this;
  }

  /**
   * {@code "id member date total [code] [auto] [of=SALE]"}: a sale (an autoship shipment with auto);
   * with of=SALE a return of that sale, the total given as a positive amount taken back.
   */
  Shop order(String line) {
    String[] f = line.split(" ");
    String code = null;
    String returnOf = null;
    boolean auto = false;
    for (int k = 4; k < f.length; k++) {
      if (f[k].equals("auto")) auto = true;
      else if (f[k].startsWith("of=")) returnOf = f[k].substring(3);
      else code = f[k];
    }
    long total = Decimals.parseCents(f[3]) * (returnOf == null ? 1 : -1);
    orders.add(new OrderRow(orders.size() + 2, f[0], f[1], Periods.parseDay(f[2]), total, total, total, returnOf, auto,
        code));
    return this;
  }

  Network network() {
    if (network == null) {
      NetworkBuilder b = new NetworkBuilder("members.csv");
      members.forEach(b::add);
      network = b.build();
    }
    return network;
  }

  OrderBook book() {
    if (book == null) {
      OrderBookBuilder b = new OrderBookBuilder("orders.csv", network());
      orders.forEach(b::add);
      book = b.build();
    }
    return book;
  }

  boolean[] group(String... ids) {
    boolean[] g = new boolean[network().size()];
    for (String id : ids) g[network().indexOf(id)] = true;
    return g;
  }

  static int day(String date) {
    return Periods.parseDay(date);
  }
}
