package org.downline.nextstep;

import java.util.ArrayList;
import java.util.List;
import org.downline.core.Decimals;
import org.downline.core.Periods;
import org.downline.network.MemberKind;
import org.downline.network.MemberRow;
import org.downline.network.MemberStatus;
import org.downline.network.Network;
import org.downline.network.NetworkBuilder;
import org.downline.network.OrderBook;
import org.downline.network.OrderBookBuilder;
import org.downline.network.OrderRow;

/** A small hand-made company for tests: members and orders written as text, built on demand. */
final class Company {
  private final List<MemberRow> members = new ArrayList<>();
  private final List<OrderRow> orders = new ArrayList<>();
  private Network network;
  private int nextOrder = 1;

  Company distributor(String id, String sponsor, String joined) {
    return member(id, sponsor, MemberKind.DISTRIBUTOR, false, joined);
  }

  Company customer(String id, String sponsor, String joined) {
    return member(id, sponsor, MemberKind.CUSTOMER, false, joined);
  }

  Company preferred(String id, String sponsor, String joined) {
    return member(id, sponsor, MemberKind.CUSTOMER, true, joined);
  }

  /** A distributor terminated on a date. */
  Company terminated(String id, String sponsor, String joined, String on) {
    members.add(new MemberRow(members.size() + 2, id, sponsor, MemberKind.DISTRIBUTOR, false, Periods.parseDay(joined),
        MemberStatus.TERMINATED, Periods.parseDay(on), null, -1));
    network = null;
    return this;
  }

  private Company member(String id, String sponsor, MemberKind kind, boolean preferred, String joined) {
    members.add(new MemberRow(members.size() + 2, id, sponsor, kind, preferred, Periods.parseDay(joined),
        MemberStatus.ACTIVE, Integer.MIN_VALUE, null, -1));
    network = null;
    return this;
  }

  /** A sale with its money total; pv = total for simplicity unless set with {@link #sale(String, String, String, String, String)}. */
  Company sale(String id, String member, String date, String total) {
    return sale(id, member, date, total, total);
  }

  Company sale(String id, String member, String date, String total, String pv) {
    orders.add(new OrderRow(orders.size() + 2, id, member, Periods.parseDay(date), Decimals.parseCents(pv),
        Decimals.parseCents(pv), Decimals.parseCents(total), null, false, null));
    return this;
  }

  Company autoship(String id, String member, String date, String total) {
    long t = Decimals.parseCents(total);
    orders.add(new OrderRow(orders.size() + 2, id, member, Periods.parseDay(date), t, t, t, null, true, null));
    return this;
  }

  /** A return of a sale: the total (and pv) given as a positive amount taken back. */
  Company refund(String id, String sale, String member, String date, String total) {
    long t = -Decimals.parseCents(total);
    orders.add(new OrderRow(orders.size() + 2, id, member, Periods.parseDay(date), t, t, t, sale, false, null));
    return this;
  }

  /** Sales of one amount on the 15th of consecutive months starting at {@code firstMonth}. */
  Company monthlySales(String member, String firstMonth, int months, String total) {
    int p = Periods.index(Periods.parse(firstMonth));
    for (int k = 0; k < months; k++) {
      sale("auto-" + nextOrder++, member, Periods.name(p + k) + "-15", total);
    }
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
    OrderBookBuilder b = new OrderBookBuilder("orders.csv", network());
    orders.forEach(b::add);
    return b.build();
  }

  /** A per-member array (e.g. paid-as ranks) from id=value pairs; everyone else 0. */
  int[] perMember(Object... idValue) {
    int[] a = new int[network().size()];
    for (int k = 0; k < idValue.length; k += 2) a[index((String) idValue[k])] = (Integer) idValue[k + 1];
    return a;
  }

  int index(String id) {
    return network().indexOf(id);
  }

  static int day(String date) {
    return Periods.parseDay(date);
  }
}
