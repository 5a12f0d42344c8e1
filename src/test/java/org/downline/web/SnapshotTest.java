package org.downline.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.util.List;
import org.downline.core.Periods;
import org.downline.network.MemberKind;
import org.downline.network.MemberRow;
import org.downline.network.Network;
import org.downline.network.NetworkBuilder;
import org.downline.network.OrderBook;
import org.downline.network.OrderBookBuilder;
import org.downline.network.OrderRow;
import org.junit.jupiter.api.Test;

/** An order written after loading counts at once, whether the period's figures were computed before or after. */
class SnapshotTest {
  static Snapshot snapshot() {
    int j = Periods.parseDay("2026-01-01");
    Network n = new NetworkBuilder("members.csv")
        .add(MemberRow.of(2, "A", null, MemberKind.DISTRIBUTOR, j))
        .add(MemberRow.of(3, "B", "A", MemberKind.DISTRIBUTOR, j))
        .add(MemberRow.of(4, "E", "B", MemberKind.CUSTOMER, j))
        .build();
    OrderBook book = new OrderBookBuilder("orders.csv", n)
        .add(OrderRow.sale(2, "o1", "B", Periods.parseDay("2026-02-01"), 5000, 4000))
        .build();
    return new Snapshot(n, book, List.of());
  }

  @Test
  void anAddedOrderCountsForItsOwnerAndUpTheChain() {
    Snapshot s = snapshot();
    int feb = Periods.index(YearMonth.of(2026, 2));
    Network n = s.network();
    assertThat(s.volumes(feb).gv()[n.indexOf("A")]).isEqualTo(5000); // computed before the new order
    s.addOrder("o2", n.indexOf("E"), Periods.parseDay("2026-02-10"), 2500, 2000, null); // E's 25.00 is B's PV
    assertThat(s.volumes(feb).pv()[n.indexOf("B")]).isEqualTo(7500); // 50.00 + 25.00
    assertThat(s.volumes(feb).gv()[n.indexOf("A")]).isEqualTo(7500);
    assertThat(s.volumes(feb).pv()[n.indexOf("A")]).isZero();
    assertThat(s.volumes(feb).active()[n.indexOf("B")]).isFalse(); // 75.00 < the demo plan's Active 100
    s.addOrder("o3", n.indexOf("B"), Periods.parseDay("2026-02-11"), 2500, 2000, null);
    assertThat(s.volumes(feb).active()[n.indexOf("B")]).isTrue(); // 75.00 + 25.00 = 100.00 >= 100
    // B's projected customer bonus: 20% of E's CV 20.00 = 4.00 (the demo plan's first bonus).
    assertThat(s.projection(feb).pay(0, n.indexOf("B"))).isEqualTo(400);
    s.addOrder("r1", n.indexOf("B"), Periods.parseDay("2026-02-12"), -2500, -2000, "o3"); // o3 returned
    assertThat(s.volumes(feb).pv()[n.indexOf("B")]).isEqualTo(7500);
    assertThat(s.volumes(feb).active()[n.indexOf("B")]).isFalse();

    int mar = Periods.index(YearMonth.of(2026, 3));
    s.addOrder("o4", n.indexOf("A"), Periods.parseDay("2026-03-01"), 1000, 800, null); // March not computed yet
    assertThat(s.volumes(mar).pv()[n.indexOf("A")]).isEqualTo(1000);
    assertThat(s.volumes(mar).gv()[n.indexOf("B")]).isZero();
  }
}
