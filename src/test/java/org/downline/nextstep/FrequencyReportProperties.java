package org.downline.nextstep;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.downline.network.MemberKind;
import org.downline.network.MemberRow;
import org.downline.network.Network;
import org.downline.network.NetworkBuilder;
import org.downline.network.OrderBook;
import org.downline.network.OrderBookBuilder;
import org.downline.network.OrderRow;
import org.downline.testing.Property;
import org.junit.jupiter.api.Test;

/**
 * On random companies, the report agrees with a naive count written straight from the definition
 * (dates compared as dates, each return matched to its sale by id), whatever the shuffle of rows.
 */
class FrequencyReportProperties {
  static final int DAY0 = 19_000; // 2022-01-08

  @Test
  void agreesWithTheDefinition() {
    Property.forAll(150, g -> agreesWithTheDefinition(g.intBetween("size", 1, 40), g.intBetween("sales", 0, 300), g.seed()));
  }

  void agreesWithTheDefinition(int size, int sales, long seed) {
    Random random = new Random(seed);
    NetworkBuilder nb = new NetworkBuilder("members.csv");
    int[] join = new int[size];
    boolean[] customer = new boolean[size];
    for (int i = 0; i < size; i++) {
      customer[i] = i > 0 && random.nextBoolean();
      join[i] = DAY0 + random.nextInt(1000);
      nb.add(MemberRow.of(i + 2, "M" + i, i == 0 ? null : "M0", customer[i] ? MemberKind.CUSTOMER : MemberKind.DISTRIBUTOR, join[i]));
    }
    Network network = nb.build();
    OrderBookBuilder ob = new OrderBookBuilder("orders.csv", network);
    List<OrderRow> rows = new ArrayList<>();
    for (int k = 0; k < sales; k++) {
      int m = random.nextInt(size);
      int day = join[m] + random.nextInt(700);
      long total = random.nextInt(10_000);
      rows.add(new OrderRow(0, "S" + k, "M" + m, day, 0, 0, total, null, false, null));
      if (random.nextInt(4) == 0) {
        rows.add(new OrderRow(0, "R" + k, "M" + m, day + random.nextInt(90), 0, 0, -random.nextInt((int) total + 1),
            "S" + k, false, null));
      }
    }
    java.util.Collections.shuffle(rows, random);
    rows.forEach(ob::add);
    OrderBook book = ob.build();
    int asOf = DAY0 + 300 + random.nextInt(1200);
    Window w = Window.endingOn(asOf);

    // The definition, naively.
    Map<String, Integer> saleDay = new HashMap<>();
    for (OrderRow r : rows) if (r.returnOf() == null) saleDay.put(r.id(), r.day());
    int[] orders = new int[size];
    long[] revenue = new long[size];
    for (OrderRow r : rows) {
      int m = Integer.parseInt(r.memberId().substring(1));
      if (!w.contains(r.day())) continue;
      if (r.returnOf() == null) {
        orders[m]++;
        revenue[m] += r.total();
      } else if (w.contains(saleDay.get(r.returnOf()))) {
        revenue[m] += r.total();
      }
    }
    long[][] expected = new long[12][3]; // cell = population * 6 + segment; members, orders, revenue
    for (int m = 0; m < size; m++) {
      if (join[m] > asOf) continue;
      int n = orders[m];
      int segment = n == 0 ? 5 : n == 1 ? 0 : n <= 3 ? 1 : n <= 6 ? 2 : n <= 10 ? 3 : 4;
      long[] cell = expected[(customer[m] ? 0 : 6) + segment];
      cell[0]++;
      cell[1] += n;
      cell[2] += revenue[m];
    }

    FrequencyReport report = FrequencyReport.compute(network, book, asOf, FrequencyBounds.DEFAULT);
    for (int c = 0; c < 12; c++) {
      FrequencyReport.Row row = report.rows().get(c);
      assertThat(new long[] {row.members(), row.orders(), row.revenue()}).as(row.population() + " " + row.segment())
          .containsExactly(expected[c]);
    }
  }
}
