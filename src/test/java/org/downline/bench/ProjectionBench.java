package org.downline.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.downline.commission.Plan;
import org.downline.commission.ProjectedPeriod;
import org.downline.network.MemberKind;
import org.downline.network.MemberRow;
import org.downline.network.Network;
import org.downline.network.NetworkBuilder;
import org.downline.network.OrderBook;
import org.downline.planfile.PlanFile;

/**
 * The cost of one incoming order's projected update (volumes, ranks, projected pay): on the
 * synthetic company by the depth of the ordering member, and on single chains as deep as 1M.
 *
 * <pre>bench/run org.downline.bench.ProjectionBench [members] [orders]</pre>
 */
public final class ProjectionBench {
  public static void main(String[] args) {
    int members = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    int orders = args.length > 1 ? Integer.parseInt(args[1]) : 3_000_000;
    Plan plan = PlanFile.builtIn("demo");
    SyntheticPeriod company = new SyntheticPeriod(members, orders, 42);
    Object[] built = company.build();
    Network net = (Network) built[0];
    OrderBook book = (OrderBook) built[1];
    long t = System.nanoTime();
    ProjectedPeriod proj = ProjectedPeriod.start(net, book, plan, SyntheticPeriod.PERIOD);
    System.out.printf("projection started from %,d orders of %,d members in %.1f s%n", orders, members, (System.nanoTime() - t) / 1e9);
    int[] depth = net.depths();
    int maxDepth = Arrays.stream(depth).max().orElse(0);
    SplittableRandom r = new SplittableRandom(7);
    int day = SyntheticPeriod.MONTH_START + 29;
    for (int pass = 0; pass < 2; pass++) for (int d = 0; d <= maxDepth; d += Math.max(1, maxDepth / 6)) {
      List<Integer> at = new ArrayList<>();
      for (int i = 0; i < net.size() && at.size() < 5000; i++) if (depth[i] == d) at.add(i);
      if (at.isEmpty()) continue;
      long[] ns = new long[Math.min(400, at.size() * 4)];
      long before = proj.refigured();
      for (int k = 0; k < ns.length; k++) {
        int m = at.get(r.nextInt(at.size()));
        long s = System.nanoTime();
        proj.addSale(m, day, 1000 + r.nextInt(5000), 800 + r.nextInt(4000));
        ns[k] = System.nanoTime() - s;
      }
      Arrays.sort(ns);
      if (pass == 0) continue; // the first pass warms the JIT up
      System.out.printf("depth %2d: one order's update median %.1f us, p90 %.1f us, max %.1f ms (%d orders re-figured after status changes)%n",
          d, ns[ns.length / 2] / 1e3, ns[ns.length * 9 / 10] / 1e3, ns[ns.length - 1] / 1e6, proj.refigured() - before);
    }
    for (int chain : new int[] {1_000, 10_000, 100_000, 1_000_000}) {
      NetworkBuilder nb = new NetworkBuilder("chain", chain);
      for (int i = 0; i < chain; i++) {
        nb.add(MemberRow.of(0, "C" + i, i == 0 ? null : "C" + (i - 1), MemberKind.DISTRIBUTOR, SyntheticPeriod.MONTH_START - 400));
      }
      Network line = nb.build();
      ProjectedPeriod p = new ProjectedPeriod(line, plan, SyntheticPeriod.PERIOD);
      long[] ns = new long[21];
      for (int k = 0; k < ns.length; k++) {
        long s = System.nanoTime();
        p.addSale(chain - 1, day, 10, 10); // PV 0.10: nobody's status changes
        ns[k] = System.nanoTime() - s;
      }
      Arrays.sort(ns);
      System.out.printf("chain of %,9d: one order at the bottom, median %.2f ms%n", chain, ns[ns.length / 2] / 1e6);
    }
  }
}
