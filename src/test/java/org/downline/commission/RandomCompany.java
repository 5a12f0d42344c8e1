package org.downline.commission;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.downline.core.Decimals;

/**
 * A small random company that follows every input rule of docs/plans.md (distributors under
 * distributors, customers under anyone, orders not before joining, returns never exceeding their
 * sale), as CSV rows. Ids of varying width so that string order differs from numeric order.
 */
final class RandomCompany {
  private RandomCompany() {}

  static Scenario of(long seed, int size) {
    return of(seed, size, false);
  }

  /**
   * With {@code placed}, also a placement tree that follows binary-plan.md: most distributors with
   * a sponsor are placed on a free position found by a random walk down from their sponsor (so
   * inside the sponsor's organisation); about one in eight waits in the holding tank, and so do
   * the recruits of someone in the holding tank.
   */
  static Scenario of(long seed, int size, boolean placed) {
    Random r = new Random(seed);
    Random tree = new Random(seed ^ 0x5DEECE66DL); // apart, so the company itself is the same as without placement
    Scenario s = new Scenario();
    if (placed) s.members.set(0, "id,sponsor_id,kind,join_date,placement_id,position");
    int[] child = new int[2 * size];
    java.util.Arrays.fill(child, -1);
    boolean[] inTree = new boolean[size];
    boolean[] distributor = new boolean[size];
    LocalDate base = LocalDate.of(2025, 8, 1); // every date in the past: stored records may not be future-dated
    int[] join = new int[size];
    for (int i = 0; i < size; i++) {
      int sponsor = i == 0 || r.nextInt(12) == 0 ? -1 : r.nextInt(i);
      boolean dist = sponsor == -1 || (distributor[sponsor] && r.nextInt(10) < 7);
      distributor[i] = dist;
      join[i] = r.nextInt(90);
      String id = "M" + i;
      String date = base.plusDays(join[i]).toString();
      if (!placed) {
        if (dist) s.distributor(id, sponsor == -1 ? null : "M" + sponsor, date);
        else s.customer(id, "M" + sponsor, date);
        continue;
      }
      String placement = ",";
      if (dist && sponsor == -1) {
        inTree[i] = true;
      } else if (dist && inTree[sponsor] && tree.nextInt(8) != 0) {
        int node = sponsor;
        int side = tree.nextInt(2);
        while (child[2 * node + side] != -1) {
          node = child[2 * node + side];
          side = tree.nextInt(2);
        }
        child[2 * node + side] = i;
        inTree[i] = true;
        placement = "M" + node + "," + (side == 0 ? "left" : "right");
      }
      s.members.add(id + "," + (sponsor == -1 ? "" : "M" + sponsor) + "," + (dist ? "distributor" : "customer") + "," + date
          + "," + placement);
    }
    int orders = r.nextInt(size * 4 + 1);
    List<long[]> sales = new ArrayList<>(); // {index, member, day, pvLeft, cvLeft}
    for (int o = 0; o < orders; o++) {
      if (!sales.isEmpty() && r.nextInt(5) == 0) {
        long[] sale = sales.get(r.nextInt(sales.size()));
        if (sale[3] == 0 && sale[4] == 0) continue;
        long pv = sale[3] == 0 ? 0 : r.nextLong(sale[3] + 1);
        long cv = sale[4] == 0 ? 0 : r.nextLong(sale[4] + 1);
        sale[3] -= pv;
        sale[4] -= cv;
        int day = (int) sale[2] + r.nextInt(70);
        s.ret("R" + o, "M" + sale[1], base.plusDays(day).toString(), Decimals.format(-pv), Decimals.format(-cv),
            "O" + sale[0]);
      } else {
        int m = r.nextInt(size);
        int day = join[m] + r.nextInt(100);
        long pv = r.nextInt(4) == 0 ? 0 : r.nextLong(40_000);
        long cv = r.nextInt(4) == 0 ? 0 : r.nextLong(40_000);
        sales.add(new long[] {o, m, day, pv, cv});
        s.sale("O" + o, "M" + m, base.plusDays(day).toString(), Decimals.format(pv), Decimals.format(cv));
      }
    }
    return s;
  }
}
