package org.downline.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.downline.commission.CommissionEngine;
import org.downline.commission.History;
import org.downline.commission.PeriodResult;
import org.downline.commission.Plan;
import org.downline.network.MemberKind;
import org.downline.network.MemberStatus;
import org.downline.network.Network;
import org.downline.network.NetworkBuilder;
import org.downline.network.OrderBook;
import org.downline.network.OrderBookBuilder;
import org.downline.network.OrderRow;
import org.downline.planfile.PlanFile;

/**
 * One period of the {@code binary} plan, compute only, on {@link SyntheticPeriod}'s company with a
 * placement tree added from a random stream of its own: each distributor with a sponsor goes to
 * the first free position of a random walk down from the sponsor (spillover), one in a hundred
 * waits in the holding tank (and so do their recruits).
 *
 * <pre>bench/run org.downline.bench.BinaryBench [members] [orders] [reps]</pre>
 */
public final class BinaryBench {
  public static void main(String[] args) {
    int members = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    int orders = args.length > 1 ? Integer.parseInt(args[1]) : 3_000_000;
    int reps = args.length > 2 ? Integer.parseInt(args[2]) : 5;
    System.out.printf("binary bench: %,d members, %,d orders, %d reps, %d cores, max heap %d MB%n", members, orders, reps,
        Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
    SyntheticPeriod company = new SyntheticPeriod(members, orders, 42);
    long t0 = System.nanoTime();
    NetworkBuilder nb = new NetworkBuilder("synthetic", members);
    int[] join = new int[members];
    String[] ids = new String[members];
    int[] child = new int[2 * members];
    Arrays.fill(child, -1);
    boolean[] placed = new boolean[members];
    SplittableRandom tree = new SplittableRandom(4242);
    int[] maxDepth = new int[1];
    company.members((i, sponsor, dist, day) -> {
      join[i] = day;
      ids[i] = company.memberId(i);
      String parent = null;
      int side = -1;
      if (dist && sponsor < 0) {
        placed[i] = true;
      } else if (dist && placed[sponsor] && tree.nextInt(100) != 0) {
        int node = sponsor;
        int s = tree.nextInt(2);
        int depth = 0;
        while (child[2 * node + s] >= 0) {
          node = child[2 * node + s];
          s = tree.nextInt(2);
          depth++;
        }
        maxDepth[0] = Math.max(maxDepth[0], depth);
        child[2 * node + s] = i;
        placed[i] = true;
        parent = ids[node];
        side = s;
      }
      nb.add(0, ids[i], sponsor < 0 ? null : ids[sponsor], dist ? MemberKind.DISTRIBUTOR : MemberKind.CUSTOMER, false, day,
          MemberStatus.ACTIVE, Integer.MIN_VALUE, parent, side);
    });
    Network net = nb.build();
    OrderBookBuilder ob = new OrderBookBuilder("synthetic", net, orders);
    company.orders(join, (o, m, day, pv, cv, ret) -> {
      String id = SyntheticPeriod.orderId(o);
      ob.add(ret < 0 ? OrderRow.sale(0, id, ids[m], day, pv, cv)
          : OrderRow.returnOf(0, id, ids[m], day, pv, cv, SyntheticPeriod.orderId(ret)));
    });
    OrderBook book = ob.build();
    System.out.printf("built and checked in %.1f s; deepest spillover walk %d%n", (System.nanoTime() - t0) / 1e9, maxDepth[0]);
    Plan plan = PlanFile.builtIn("binary");
    CommissionEngine engine = new CommissionEngine(net, book, plan);
    List<Long> times = new ArrayList<>();
    PeriodResult result = null;
    for (int i = 0; i <= reps; i++) {
      long s = System.nanoTime();
      result = engine.compute(SyntheticPeriod.PERIOD, new History(net.size()));
      if (i > 0 || reps == 0) times.add(System.nanoTime() - s);
      System.out.printf("  round %d: %.0f ms%n", i, (System.nanoTime() - s) / 1e6);
    }
    StringBuilder stages = new StringBuilder();
    engine.lastTimings.forEach((k, v) -> stages.append(' ').append(k).append('=').append(v / 1_000_000).append("ms"));
    System.out.println("last run by stage:" + stages);
    System.gc();
    long paid = 0;
    for (int j = 0; j < result.lines().size(); j++) paid += result.lines().amount(j);
    times.sort(null);
    System.out.printf("compute one period: median %.0f ms -> %,d lines, paid %s; heap in use after GC %d MB%n",
        times.get(times.size() / 2) / 1e6, result.lines().size(), org.downline.core.Decimals.format(paid),
        (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) >> 20);
  }
}
