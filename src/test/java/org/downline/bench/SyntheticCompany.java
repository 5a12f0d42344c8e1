package org.downline.bench;

import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.downline.core.Periods;
import org.downline.network.MemberKind;
import org.downline.network.MemberRow;
import org.downline.network.MemberStatus;
import org.downline.network.Network;
import org.downline.network.NetworkBuilder;
import org.downline.network.OrderBook;
import org.downline.network.OrderBookBuilder;
import org.downline.network.OrderRow;

/**
 * A deterministic synthetic company sized for the segment benchmark: {@code members} members (40%
 * distributors), joined 2023-01-01..2025-12-31, and about {@code ordersPerMember} orders per member
 * over the 13 months 2024-12..2025-12 (one month before the 12-month window, so the window filter
 * has work to do). A fifth of members never order; order counts are skewed (many light buyers, a
 * few heavy ones); 3% of sales are returned 0..20 days later. The real generator
 * ({@code org.downline.generate}) shapes a company more faithfully but makes far fewer orders per
 * member; this one exists to reach the issue's ~30 million orders for a million members.
 */
final class SyntheticCompany {
  static final int AS_OF = Periods.parseDay("2025-12-31");
  static final int FIRST_ORDER_DAY = Periods.parseDay("2024-12-01");
  static final int FIRST_JOIN_DAY = Periods.parseDay("2023-01-01");

  final Network network;
  final OrderBook book;

  private SyntheticCompany(Network network, OrderBook book) {
    this.network = network;
    this.book = book;
  }

  static SyntheticCompany make(int members, int ordersPerMember, long seed) {
    NetworkBuilder nb = new NetworkBuilder("synthetic", members);
    // Members first (the tree must exist before orders name their members), then the orders.
    emit(members, ordersPerMember, seed, nb::add, null);
    Network network = nb.build();
    long expected = (long) members * ordersPerMember;
    OrderBookBuilder ob = new OrderBookBuilder("synthetic", network, (int) Math.min(Integer.MAX_VALUE - 16, expected * 105 / 100));
    emit(members, ordersPerMember, seed, null, ob::add);
    return new SyntheticCompany(network, ob.build());
  }

  /**
   * The company as rows, without building anything: members in creation order (sponsors first),
   * then orders member by member. Either consumer may be null; the rows are the same either way.
   */
  static void emit(int members, int ordersPerMember, long seed, Consumer<MemberRow> onMember, Consumer<OrderRow> onOrder) {
    SplittableRandom random = new SplittableRandom(seed);
    int[] distributors = new int[members];
    int distributorCount = 0;
    int[] joinDay = new int[members];
    boolean[] distributor = new boolean[members];
    int span = AS_OF - FIRST_JOIN_DAY;
    for (int i = 0; i < members; i++) {
      boolean isDistributor = i == 0 || random.nextInt(100) < 40;
      // Joins spread evenly in creation order, so sponsors (earlier members) joined earlier.
      joinDay[i] = FIRST_JOIN_DAY + (int) ((long) span * i / members);
      String sponsor = null;
      if (i > 0) {
        // Recent distributors sponsor more: pick among the latest half of distributors 70% of the time.
        int pool = distributorCount;
        int pick = random.nextInt(100) < 70 ? pool / 2 + random.nextInt(pool - pool / 2) : random.nextInt(pool);
        sponsor = "M" + distributors[pick];
        if (!isDistributor && random.nextInt(100) < 15 && i > 1) {
          int earlier = random.nextInt(i); // a customer referred by an earlier customer, if it is one
          if (!distributor[earlier]) sponsor = "M" + earlier;
        }
      }
      distributor[i] = isDistributor;
      if (isDistributor) distributors[distributorCount++] = i;
      boolean preferred = !isDistributor && random.nextInt(100) < 30;
      if (onMember != null) {
        onMember.accept(new MemberRow(0, "M" + i, sponsor, isDistributor ? MemberKind.DISTRIBUTOR : MemberKind.CUSTOMER,
            preferred, joinDay[i], MemberStatus.ACTIVE, Integer.MIN_VALUE, null, -1));
      }
    }
    if (onOrder == null) return;
    long next = 0;
    for (int i = 0; i < members; i++) {
      if (random.nextInt(100) < 20) continue; // never orders
      // Skewed counts with mean ordersPerMember / 0.8 among buyers: exponential, capped.
      double u = random.nextDouble();
      int count = (int) Math.min(ordersPerMember * 8L, Math.round(-Math.log(1 - u) * ordersPerMember / 0.8));
      int first = Math.max(joinDay[i], FIRST_ORDER_DAY);
      int days = AS_OF - first + 1;
      if (days <= 0) continue;
      for (int k = 0; k < count; k++) {
        int day = first + random.nextInt(days);
        long total = 1_000 + random.nextInt(19_000); // 10.00 .. 199.99
        long pv = total / 2;
        String id = Long.toString(next++, 36);
        onOrder.accept(new OrderRow(0, id, "M" + i, day, pv, pv, total, null, random.nextInt(100) < 25, null));
        if (random.nextInt(100) < 3) {
          long back = total * (1 + random.nextInt(2)) / 2; // half or all of it
          onOrder.accept(new OrderRow(0, Long.toString(next++, 36), "M" + i, day + random.nextInt(21), -back / 2, -back / 2,
              -back, id, false, null));
        }
      }
    }
  }
}
