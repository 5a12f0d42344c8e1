package org.downline.nextstep;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import org.downline.core.Periods;
import org.downline.network.MemberKind;
import org.downline.network.MemberRow;
import org.downline.network.MemberStatus;
import org.downline.network.Network;
import org.downline.network.NetworkBuilder;
import org.downline.network.OrderBook;
import org.downline.network.OrderBookBuilder;
import org.downline.network.OrderRow;
import org.downline.playbook.PlaybookFile;
import org.downline.testing.Property;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * The per-member passes of next steps split over cores (ADR 26): the purchase history, the
 * distributor segments, the frequency report and every recommendation (all, and by segment) with
 * several threads are one thread's, member for member and element for element, over random
 * companies. Ranges of one unit (downline.threads.min=1) so that a small company is cut at every
 * edge a big one could be.
 */
@ResourceLock("downline.threads")
class ThreadedNextStepsTest {
  static final int AS_OF = Periods.parseDay("2025-06-15");

  @Test
  void severalThreadsGiveTheNextStepsOfOneThread() {
    Property.forAll(40, g -> compare(g.seed(), g.intBetween("size", 1, 120), g.intBetween("sales", 0, 600),
        g.intBetween("threads", 2, 5)));
  }

  private void compare(long seed, int size, int sales, int threads) {
    Random random = new Random(seed);
    Network network = network(random, size);
    OrderBook book = book(random, network, sales);
    Playbook playbook = PlaybookFile.defaults();
    int[] ranks = new int[size];
    for (int m = 0; m < size; m++) ranks[m] = random.nextInt(5);
    Window window = Window.endingOn(AS_OF);

    PurchaseHistory h1 = withThreads(1, () -> PurchaseHistory.of(network, book, window));
    PurchaseHistory hn = withThreads(threads, () -> PurchaseHistory.of(network, book, window));
    for (int m = 0; m < size; m++) {
      assertThat(new long[] {hn.orders(m), hn.revenue(m)}).as("history of member %d", m).containsExactly(h1.orders(m), h1.revenue(m));
    }
    assertThat(withThreads(threads, () -> FrequencyReport.compute(network, book, AS_OF, playbook.bounds())))
        .isEqualTo(withThreads(1, () -> FrequencyReport.compute(network, book, AS_OF, playbook.bounds())));

    DistributorSegments s1 = withThreads(1, () -> DistributorSegments.compute(network, book, AS_OF, playbook.distributorRules(), ranks));
    DistributorSegments sn = withThreads(threads, () -> DistributorSegments.compute(network, book, AS_OF, playbook.distributorRules(), ranks));
    for (int m = 0; m < size; m++) assertThat(sn.monthsActive(m)).as("months active of member %d", m).isEqualTo(s1.monthsActive(m));
    assertThat(sn.report(null)).isEqualTo(s1.report(null));

    Recommender r1 = withThreads(1, () -> Recommender.of(network, book, AS_OF, playbook, ranks, null));
    Recommender rn = withThreads(threads, () -> Recommender.of(network, book, AS_OF, playbook, ranks, null));
    List<Recommendation> one = withThreads(1, r1::all);
    assertThat(withThreads(threads, rn::all)).isEqualTo(one);
    assertThat(withThreads(threads, r1::all)).isEqualTo(one);
    for (PlaybookStep step : playbook.steps()) {
      assertThat(withThreads(threads, () -> rn.forSegment(step.segment()))).as(step.segment())
          .isEqualTo(withThreads(1, () -> r1.forSegment(step.segment())));
    }
  }

  /** Members over three years before the as-of date, some joining after it, some cancelled or terminated. */
  private static Network network(Random random, int size) {
    NetworkBuilder nb = new NetworkBuilder("members.csv");
    boolean[] distributor = new boolean[size];
    for (int i = 0; i < size; i++) {
      distributor[i] = i == 0 || random.nextInt(100) < 55;
      String sponsor = null;
      if (i > 0) {
        int s = random.nextInt(i);
        // Mostly distributors sponsor; now and then a customer refers another customer.
        if (!distributor[s] && (distributor[i] || random.nextInt(3) > 0)) s = 0;
        sponsor = "M" + s;
      }
      int join = AS_OF - 1100 + random.nextInt(1160);
      int pick = random.nextInt(10);
      MemberStatus status = pick == 0 ? MemberStatus.CANCELLED : pick == 1 ? MemberStatus.TERMINATED : MemberStatus.ACTIVE;
      int statusDay = status == MemberStatus.ACTIVE ? Integer.MIN_VALUE : join + random.nextInt(400);
      nb.add(new MemberRow(i + 2, "M" + i, sponsor, distributor[i] ? MemberKind.DISTRIBUTOR : MemberKind.CUSTOMER,
          random.nextBoolean(), join, status, statusDay, null, -1));
    }
    return nb.build();
  }

  /** Sales over the fifteen months to the as-of date and a little after, one in five returned in part. */
  private static OrderBook book(Random random, Network network, int sales) {
    OrderBookBuilder ob = new OrderBookBuilder("orders.csv", network);
    List<OrderRow> rows = new ArrayList<>();
    for (int k = 0; k < sales; k++) {
      int m = random.nextInt(network.size());
      int first = Math.max(network.joinDay(network.indexOf("M" + m)), AS_OF - 450);
      if (first > AS_OF + 30) continue;
      int day = first + random.nextInt(AS_OF + 31 - first);
      long pv = random.nextInt(12_000);
      long total = random.nextInt(20_000);
      rows.add(new OrderRow(0, "S" + k, "M" + m, day, pv, pv * 8 / 10, total, null, random.nextInt(4) == 0, null));
      if (random.nextInt(5) == 0) {
        rows.add(new OrderRow(0, "R" + k, "M" + m, day + random.nextInt(60), -random.nextInt((int) pv + 1), 0,
            -random.nextInt((int) total + 1), "S" + k, false, null));
      }
    }
    rows.forEach(ob::add);
    return ob.build();
  }

  private static <T> T withThreads(int threads, Supplier<T> work) {
    System.setProperty("downline.threads", Integer.toString(threads));
    System.setProperty("downline.threads.min", "1");
    try {
      return work.get();
    } finally {
      System.clearProperty("downline.threads");
      System.clearProperty("downline.threads.min");
    }
  }
}
