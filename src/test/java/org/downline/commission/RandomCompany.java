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
    Random r = new Random(seed);
    Scenario s = new Scenario();
    boolean[] distributor = new boolean[size];
    LocalDate base = LocalDate.of(2026, 8, 1);
    int[] join = new int[size];
    for (int i = 0; i < size; i++) {
      int sponsor = i == 0 || r.nextInt(12) == 0 ? -1 : r.nextInt(i);
      boolean dist = sponsor == -1 || (distributor[sponsor] && r.nextInt(10) < 7);
      distributor[i] = dist;
      join[i] = r.nextInt(90);
      String id = "M" + i;
      String date = base.plusDays(join[i]).toString();
      if (dist) s.distributor(id, sponsor == -1 ? null : "M" + sponsor, date);
      else s.customer(id, "M" + sponsor, date);
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
