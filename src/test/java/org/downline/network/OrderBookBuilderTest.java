package org.downline.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

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

  private static List<OrderRow> rows() {
    int d = Periods.parseDay("2026-02-01");
    return List.of(
        new OrderRow(1, "B", "D1", d, 100, 90, 1000, null, false, "spring"),
        new OrderRow(2, "R", "C1", d, -50, -45, -500, "A", false, null),
        new OrderRow(3, "A", "C1", d - 1, 100, 90, 1000, null, true, "autumn"),
        new OrderRow(4, "C", "D1", d, 100, 90, 1000, null, false, "spring"),
        new OrderRow(5, "E", "D1", d, 7, 7, 70, null, true, "winter"),
        new OrderRow(6, "F", "C1", d, 1, 1, 10, null, false, "autumn"));
  }

  /** Everything a book holds, in its order. */
  private static List<Object> contents(OrderBook b) {
    List<Object> all = new java.util.ArrayList<>(List.of(List.of(b.ids()), java.util.Arrays.toString(b.members()),
        java.util.Arrays.toString(b.days()), java.util.Arrays.toString(b.pv()), java.util.Arrays.toString(b.cv()),
        java.util.Arrays.toString(b.totals()), java.util.Arrays.toString(b.returnOf())));
    for (int o = 0; o < b.size(); o++) all.add(b.isAutoship(o) + " " + b.campaign(o) + " " + b.indexOf(b.id(o)));
    return all;
  }

  /** Rows added before the members are known, looked up after: the book of a builder over the network. */
  @Test
  void membersLookedUpLaterBuildTheSameBook() {
    Network n = network();
    OrderBookBuilder now = new OrderBookBuilder("orders.csv", n);
    rows().forEach(now::add);
    OrderBookBuilder later = OrderBookBuilder.withMembersLater("orders.csv", 1);
    rows().forEach(later::add);
    assertThatThrownBy(later::build).isInstanceOf(IllegalStateException.class);
    OrderBook book = later.members(n).build();
    assertThat(contents(book)).isEqualTo(contents(now.build()));
    assertThat(book.members()).containsExactly(n.indexOf("C1"), n.indexOf("D1"), n.indexOf("C1"), n.indexOf("D1"), n.indexOf("D1"), n.indexOf("C1"));
  }

  /** An unknown member id (one not ASCII too) is named on its row's line, as when looked up as added. */
  @Test
  void unknownMembersLookedUpLaterAreNamedOnTheirLines() {
    Network n = network();
    int d = Periods.parseDay("2026-02-01");
    OrderBookBuilder later = OrderBookBuilder.withMembersLater("orders.csv", 1);
    later.add(OrderRow.sale(2, "A", "D1", d, 100, 100));
    later.add(OrderRow.sale(3, "B", "Żx", d, 100, 100));
    later.add(OrderRow.sale(4, "C", "Q9", d, 100, 100));
    org.downline.core.InputErrors errors = new org.downline.core.InputErrors();
    assertThat(later.members(n).build(errors)).isNull();
    assertThat(errors.kept()).extracting(e -> e.line() + " " + e.column() + " " + e.reason())
        .containsExactly("3 member_id unknown member 'Żx'", "4 member_id unknown member 'Q9'");
  }

  @Test
  void partsAppendedInOrderBuildTheBookOneBuilderBuilds() {
    Network n = network();
    OrderBookBuilder one = new OrderBookBuilder("orders.csv", n);
    rows().forEach(one::add);
    List<Object> expected = contents(one.build());
    for (int[] cuts : new int[][] {{0, 6}, {2, 2, 2}, {1, 0, 5}, {3, 3, 0}, {5, 1}, {0, 0, 6, 0}}) {
      OrderBookBuilder all = new OrderBookBuilder("orders.csv", n, 1);
      int at = 0;
      for (int size : cuts) {
        OrderBookBuilder part = new OrderBookBuilder("orders.csv", n, 1);
        rows().subList(at, at + size).forEach(part::add);
        at += size;
        all.append(part);
      }
      assertThat(contents(all.build())).as("parts %s", java.util.Arrays.toString(cuts)).isEqualTo(expected);
    }
  }

  @Test
  void anAppendedPartKeepsItsProblemsAndTheirLines() {
    Network n = network();
    OrderBookBuilder first = new OrderBookBuilder("orders.csv", n).add(OrderRow.sale(2, "A", "D1", Periods.parseDay("2026-02-03"), 1, 1));
    OrderBookBuilder second = new OrderBookBuilder("orders.csv", n)
        .add(OrderRow.sale(7, "B", "NOBODY", Periods.parseDay("2026-02-03"), 1, 1))
        .add(OrderRow.sale(8, "A", "D1", Periods.parseDay("2026-02-03"), 1, 1));
    assertThatThrownBy(() -> first.append(second).build())
        .hasMessageContaining("NOBODY").hasMessageContaining("duplicate order id 'A' (first seen on line 2)");
    OrderBookBuilder other = new OrderBookBuilder("orders.csv", network());
    assertThatThrownBy(() -> first.append(other)).isInstanceOf(IllegalArgumentException.class);
  }

  /**
   * Stable by day (ties keep the rows' order) both ways the builder sorts: by counting over a
   * company's span of days, and by comparison when the days lie further apart than a counting table.
   */
  @Test
  void sortsByDayStablyOverANarrowAndAWideSpanOfDays() {
    Network n = network();
    int d = Periods.parseDay("2026-02-01");
    for (int far : new int[] {40, 5_000_000}) {
      OrderBook book = new OrderBookBuilder("orders.csv", n)
          .add(OrderRow.sale(1, "late", "D1", d + far, 1, 1))
          .add(OrderRow.sale(2, "b1", "D1", d + 1, 1, 1))
          .add(OrderRow.sale(3, "a1", "C1", d, 1, 1))
          .add(OrderRow.sale(4, "b2", "C1", d + 1, 1, 1))
          .add(OrderRow.returnOf(5, "r", "C1", d + far, -1, -1, "a1"))
          .add(OrderRow.sale(6, "a2", "D1", d, 1, 1))
          .build();
      assertThat(book.ids()).as("%d days", far).containsExactly("a1", "a2", "b1", "b2", "late", "r");
      assertThat(book.returnOf()[5]).isEqualTo(0);
      assertThat(book.indexOf("late")).isEqualTo(4);
      assertThat(book.id(3)).isEqualTo("b2");
    }
  }

  /** A book copied into a builder over the same or a new network keeps every order as it was. */
  @Test
  void addAllCopiesABookOverTheSameAndANewNetwork() {
    Network n = network();
    OrderBookBuilder one = new OrderBookBuilder("orders.csv", n);
    rows().forEach(one::add);
    OrderBook book = one.build();
    Network bigger = new NetworkBuilder("members.csv")
        .add(MemberRow.of(1, "X1", null, MemberKind.DISTRIBUTOR, Periods.parseDay("2025-01-01")))
        .add(MemberRow.of(2, "D1", "X1", MemberKind.DISTRIBUTOR, Periods.parseDay("2026-01-01")))
        .add(MemberRow.of(3, "C1", "D1", MemberKind.CUSTOMER, Periods.parseDay("2026-01-01")))
        .build();
    assertThat(contents(new OrderBookBuilder("orders.csv", n).addAll(book, n).build())).isEqualTo(contents(book));
    OrderBook moved = new OrderBookBuilder("orders.csv", bigger).addAll(book, n).build();
    assertThat(moved.ids()).containsExactly(book.ids());
    for (int o = 0; o < book.size(); o++) assertThat(bigger.id(moved.members()[o])).isEqualTo(n.id(book.members()[o]));
  }

  /** Rows that fail their own checks (no id twice) are all named, in the rows' order, with their lines. */
  @Test
  void rowsFailingTheirOwnChecksAreAllNamedInOrder() {
    int d = Periods.parseDay("2026-02-03");
    OrderBookBuilder b = new OrderBookBuilder("orders.csv", network())
        .add(OrderRow.sale(2, "A", "D1", d, 1, 1))
        .add(OrderRow.sale(3, "B", "NOBODY", d, 1, 1))
        .add(OrderRow.sale(4, "C", "D1", d, -5, 1))
        .add(OrderRow.sale(5, "D", "C1", Periods.parseDay("2025-12-31"), 1, 1));
    org.downline.core.InputErrors errors = new org.downline.core.InputErrors();
    assertThat(b.build(errors)).isNull();
    assertThatThrownBy(errors::throwIfAny).hasMessageContaining("NOBODY").hasMessageContaining("orders.csv:3:")
        .hasMessageContaining("orders.csv:4: column pv").hasMessageContaining("orders.csv:5: column date");
    String message = org.assertj.core.api.Assertions.catchThrowable(errors::throwIfAny).getMessage();
    assertThat(message.indexOf("orders.csv:3:")).isLessThan(message.indexOf("orders.csv:4:"));
    assertThat(message.indexOf("orders.csv:4:")).isLessThan(message.indexOf("orders.csv:5:"));
  }
}
