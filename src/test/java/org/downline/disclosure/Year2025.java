package org.downline.disclosure;

import java.time.LocalDate;
import org.downline.core.InputErrors;
import org.downline.network.MemberKind;
import org.downline.network.MemberRow;
import org.downline.network.MemberStatus;
import org.downline.network.Network;
import org.downline.network.NetworkBuilder;
import org.downline.network.OrderBook;
import org.downline.network.OrderBookBuilder;
import org.downline.network.OrderRow;

/**
 * A hand-made company for the year 2025 (docs/honest-numbers.md, worked figures in the tests):
 * <pre>
 * R  distributor, joined 2020-01-01                         12 months
 * A  distributor under R, joined 2025-04-10                  9 months (Apr-Dec)
 * B  distributor under R, joined 2024-06-01, cancelled 2025-03-15   3 months, left in the year
 * C  distributor under A, joined 2025-12-31                  1 month
 * D  distributor under A, joined 2026-01-01                  not a participant (joined after the year)
 * E  distributor under R, joined 2023-01-01, terminated 2024-12-31  not a participant (left before it)
 * F  distributor under R, joined 2023-01-01, terminated 2025-01-01  1 month, left in the year
 * G  distributor under R, joined 2025-02-05, cancelled with no date: left on its join date, 1 month
 * K  customer under A, joined 2024-01-01                     never a participant
 * </pre>
 */
final class Year2025 {
  final Network net;
  final OrderBook book;

  Year2025() {
    NetworkBuilder nb = new NetworkBuilder("members.csv");
    member(nb, "R", null, "2020-01-01", MemberStatus.ACTIVE, null, MemberKind.DISTRIBUTOR);
    member(nb, "A", "R", "2025-04-10", MemberStatus.ACTIVE, null, MemberKind.DISTRIBUTOR);
    member(nb, "B", "R", "2024-06-01", MemberStatus.CANCELLED, "2025-03-15", MemberKind.DISTRIBUTOR);
    member(nb, "C", "A", "2025-12-31", MemberStatus.ACTIVE, null, MemberKind.DISTRIBUTOR);
    member(nb, "D", "A", "2026-01-01", MemberStatus.ACTIVE, null, MemberKind.DISTRIBUTOR);
    member(nb, "E", "R", "2023-01-01", MemberStatus.TERMINATED, "2024-12-31", MemberKind.DISTRIBUTOR);
    member(nb, "F", "R", "2023-01-01", MemberStatus.TERMINATED, "2025-01-01", MemberKind.DISTRIBUTOR);
    member(nb, "G", "R", "2025-02-05", MemberStatus.CANCELLED, null, MemberKind.DISTRIBUTOR);
    member(nb, "K", "A", "2024-01-01", MemberStatus.ACTIVE, null, MemberKind.CUSTOMER);
    InputErrors errors = new InputErrors();
    net = nb.build(errors);
    errors.throwIfAny();
    OrderBookBuilder ob = new OrderBookBuilder("orders.csv", net);
    order(ob, "r0", "R", "2024-12-31", "999.00", null); // before the year: not counted
    order(ob, "r1", "R", "2025-01-05", "100.00", null);
    order(ob, "a1", "A", "2025-05-01", "200.00", null);
    order(ob, "a1r", "A", "2025-06-01", "-50.00", "a1"); // return in the year: 50.00 taken off
    order(ob, "a1r2", "A", "2026-01-05", "-20.00", "a1"); // return after the year: not counted
    order(ob, "b1", "B", "2025-02-01", "40.00", null);
    order(ob, "b2", "B", "2025-05-01", "10.00", null); // after B left: still B's
    order(ob, "f1", "F", "2025-01-01", "5.00", null);
    order(ob, "g1", "G", "2025-02-05", "45.00", null);
    order(ob, "k1", "K", "2025-03-01", "80.00", null); // a customer's: nobody's purchases
    book = ob.build(errors);
    errors.throwIfAny();
  }

  int m(String id) {
    return net.indexOf(id);
  }

  /** A ledger of the whole year with every month included. */
  YearLedger ledger() {
    YearLedger l = new YearLedger(2025, net.kinds(), Network.CUSTOMER);
    for (int month = 1; month <= 12; month++) l.include(month);
    return l;
  }

  private static void member(NetworkBuilder nb, String id, String sponsor, String join, MemberStatus status, String statusDate,
      MemberKind kind) {
    nb.add(new MemberRow(0, id, sponsor, kind, false, day(join), status, statusDate == null ? Integer.MIN_VALUE : day(statusDate),
        null, -1));
  }

  private static void order(OrderBookBuilder ob, String id, String member, String date, String total, String returnOf) {
    long t = org.downline.core.Decimals.parseCents(total);
    ob.add(new OrderRow(0, id, member, day(date), t, t, t, returnOf, false, null));
  }

  static int day(String date) {
    return (int) LocalDate.parse(date).toEpochDay();
  }
}
