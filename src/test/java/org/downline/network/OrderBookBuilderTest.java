package org.downline.network;

import static org.assertj.core.api.Assertions.assertThat;

import org.downline.core.Periods;
import org.junit.jupiter.api.Test;

class OrderBookBuilderTest {
  static Network network() {
    return new NetworkBuilder("members.csv")
        .add(MemberRow.of(2, "D1", null, MemberKind.DISTRIBUTOR, Periods.parseDay("2026-01-01")))
        .add(MemberRow.of(3, "C1", "D1", MemberKind.CUSTOMER, Periods.parseDay("2026-01-01")))
        .build();
  }

  @Test
  void sortsByDaySoThatAPeriodIsOneRange() {
    Network n = network();
    OrderBook book = new OrderBookBuilder("orders.csv", n)
        .add(OrderRow.sale(2, "B", "D1", Periods.parseDay("2026-02-03"), 100, 100))
        .add(OrderRow.returnOf(3, "R", "C1", Periods.parseDay("2026-02-01"), -50, -50, "A"))
        .add(OrderRow.sale(4, "A", "C1", Periods.parseDay("2026-01-31"), 100, 100))
        .add(OrderRow.sale(5, "C", "D1", Periods.parseDay("2026-03-01"), 100, 100))
        .build();
    assertThat(book.ids()).containsExactly("A", "R", "B", "C");
    assertThat(book.returnOf()[1]).isEqualTo(0);
    int[] feb = book.periodRange(Periods.index(java.time.YearMonth.of(2026, 2)));
    assertThat(feb).containsExactly(1, 3);
    int[] jan = book.periodRange(Periods.index(java.time.YearMonth.of(2026, 1)));
    assertThat(jan).containsExactly(0, 1);
  }
}
