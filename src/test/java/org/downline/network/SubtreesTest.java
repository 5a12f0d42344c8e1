package org.downline.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import org.downline.core.Periods;
import org.junit.jupiter.api.Test;

/**
 * Subtree sizes, membership, pages and PV/GV on a small tree, worked by hand:
 *
 * <pre>
 *   A ── B ── D
 *   │    └─ E (customer)
 *   └─ C ── G
 *   H ── I
 * </pre>
 */
class SubtreesTest {
  static int day(String d) {
    return Periods.parseDay(d);
  }

  static Network network() {
    int j = day("2026-01-01");
    return new NetworkBuilder("members.csv")
        .add(MemberRow.of(2, "A", null, MemberKind.DISTRIBUTOR, j))
        .add(MemberRow.of(3, "B", "A", MemberKind.DISTRIBUTOR, j))
        .add(MemberRow.of(4, "C", "A", MemberKind.DISTRIBUTOR, j))
        .add(MemberRow.of(5, "D", "B", MemberKind.DISTRIBUTOR, j))
        .add(MemberRow.of(6, "E", "B", MemberKind.CUSTOMER, j))
        .add(MemberRow.of(7, "G", "C", MemberKind.DISTRIBUTOR, j))
        .add(MemberRow.of(8, "H", null, MemberKind.DISTRIBUTOR, j))
        .add(MemberRow.of(9, "I", "H", MemberKind.DISTRIBUTOR, j))
        .build();
  }

  @Test
  void sizesCountTheMemberAndEveryoneBelow() {
    Network n = network();
    int[] size = Subtrees.sizes(n);
    assertThat(size[n.indexOf("A")]).isEqualTo(6); // A B C D E G
    assertThat(size[n.indexOf("B")]).isEqualTo(3); // B D E
    assertThat(size[n.indexOf("H")]).isEqualTo(2);
    assertThat(size[n.indexOf("E")]).isEqualTo(1);
    int[] distributors = Subtrees.distributorCounts(n);
    assertThat(distributors[n.indexOf("A")]).isEqualTo(5); // all but customer E
    assertThat(distributors[n.indexOf("B")]).isEqualTo(2);
  }

  @Test
  void containsWalksUpOnlyAsFarAsTheRootsDepth() {
    Network n = network();
    int b = n.indexOf("B");
    assertThat(Subtrees.contains(n, b, n.indexOf("D"))).isTrue();
    assertThat(Subtrees.contains(n, b, n.indexOf("E"))).isTrue();
    assertThat(Subtrees.contains(n, b, b)).isTrue();
    assertThat(Subtrees.contains(n, b, n.indexOf("A"))).isFalse();
    assertThat(Subtrees.contains(n, b, n.indexOf("G"))).isFalse();
    assertThat(Subtrees.contains(n, b, n.indexOf("I"))).isFalse();
    assertThat(Subtrees.contains(n, b, Network.NONE)).isFalse();
  }

  @Test
  void aPageOfASubtreeIsBreadthFirst() {
    Network n = network();
    int a = n.indexOf("A");
    assertThat(ids(n, Subtrees.page(n, a, 0, 3))).containsExactly("A", "B", "C");
    assertThat(ids(n, Subtrees.page(n, a, 3, 3))).containsExactly("D", "E", "G");
    assertThat(ids(n, Subtrees.page(n, a, 6, 3))).isEmpty();
    assertThat(ids(n, Subtrees.pathFromTop(n, n.indexOf("D")))).containsExactly("A", "B", "D");
  }

  @Test
  void pvCountsCustomersForTheirDistributorAndGvRollsUp() {
    Network n = network();
    OrderBook book = new OrderBookBuilder("orders.csv", n)
        .add(OrderRow.sale(2, "o1", "A", day("2026-02-01"), 10000, 8000))
        .add(OrderRow.sale(3, "o2", "E", day("2026-02-02"), 3000, 2500))
        .add(OrderRow.returnOf(4, "r1", "E", day("2026-02-03"), -1000, -500, "o2"))
        .add(OrderRow.sale(5, "o3", "D", day("2026-02-04"), 4000, 3000))
        .add(OrderRow.sale(6, "o4", "G", day("2026-03-01"), 9900, 9900)) // March: not in February
        .build();
    int feb = Periods.index(YearMonth.of(2026, 2));
    long[] pv = pvOf(n, book, feb);
    assertThat(pv[n.indexOf("B")]).isEqualTo(2000); // E's 30.00 - 10.00 returned, B has no orders of their own
    assertThat(pv[n.indexOf("E")]).isZero(); // a customer's volume is their distributor's
    long[] gv = Subtrees.rollUp(n, pv);
    assertThat(gv[n.indexOf("B")]).isEqualTo(6000); // 20.00 + D's 40.00
    assertThat(gv[n.indexOf("A")]).isEqualTo(16000); // 100.00 + 60.00 + C's 0 + G's 0 (G's order is March)
    assertThat(gv[n.indexOf("H")]).isZero();

    // Active here: any positive PV (the engine's PV; the plan's Active threshold is the caller's to apply).
    MonthFigures[] f = MonthFigures.of(n, book, feb, Periods.index(YearMonth.of(2026, 3)), p -> {
      long[] v = pvOf(n, book, p);
      boolean[] active = new boolean[v.length];
      for (int i = 0; i < v.length; i++) active[i] = v[i] > 0;
      return active;
    });
    assertThat(f[0].pv()).isEqualTo(16000); // 100 + 30 - 10 + 40
    assertThat(f[0].sales()).isEqualTo(3);
    assertThat(f[0].returns()).isEqualTo(1);
    assertThat(f[0].activeDistributors()).isEqualTo(3); // A, B (through E), D
    assertThat(f[1].activeDistributors()).isEqualTo(1); // G
    assertThat(f[0].newDistributors()).isZero(); // everyone joined in January
  }

  static String[] ids(Network n, int[] members) {
    String[] out = new String[members.length];
    for (int k = 0; k < members.length; k++) out[k] = n.id(members[k]);
    return out;
  }

  /** PV per member of one period, by the commission engine's one definition. */
  private static long[] pvOf(Network n, OrderBook book, int period) {
    long[] pv = new long[n.size()];
    int[] range = book.periodRange(period);
    org.downline.commission.Volumes.addPersonalPv(book, n.ownerDistributors(), range[0], range[1], pv);
    return pv;
  }
}
