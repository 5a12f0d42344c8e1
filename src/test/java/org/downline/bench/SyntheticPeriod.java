package org.downline.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.downline.core.Decimals;
import org.downline.core.Periods;
import org.downline.network.MemberKind;
import org.downline.network.MemberRow;
import org.downline.network.Network;
import org.downline.network.NetworkBuilder;
import org.downline.network.OrderBook;
import org.downline.network.OrderBookBuilder;
import org.downline.network.OrderRow;

/**
 * A deterministic synthetic company for benchmarks: 40% distributors (each sponsored by a uniformly
 * chosen earlier distributor, a random recursive tree about 30-40 deep at a million), 60% customers
 * (one in ten referred by a customer), 5% of members joined in the benchmark month (fast start),
 * and {@code orders} sales in 2026-10 placed by the 35% of members who buy that month, PV 0..40
 * with CV = 80% of PV, 1% of them half returned the next day. Ids are zero-padded so that string order is numeric order.
 */
final class SyntheticPeriod {
  final int members;
  final int orders;
  final long seed;

  SyntheticPeriod(int members, int orders, long seed) {
    this.members = members;
    this.orders = orders;
    this.seed = seed;
  }

  static final int MONTH_START = Periods.parseDay("2026-10-01");
  static final int PERIOD = Periods.periodOfDay(MONTH_START);

  String memberId(int i) {
    return padded('M', i, 8);
  }

  static String orderId(int o) {
    return padded('O', o, 9);
  }

  /** The same text as String.format("%c%0Nd"), without a formatter per id (tens of millions of them). */
  static String padded(char prefix, int value, int digits) {
    String v = Integer.toString(value);
    StringBuilder b = new StringBuilder(digits + 1).append(prefix);
    for (int k = v.length(); k < digits; k++) b.append('0');
    return b.append(v).toString();
  }

  /** Visits every member row in creation order. */
  interface MemberSink {
    void member(int i, int sponsor, boolean distributor, int joinDay);
  }

  interface OrderSink {
    void order(int o, int member, int day, long pv, long cv, int returnOf);
  }

  void members(MemberSink sink) {
    SplittableRandom r = new SplittableRandom(seed);
    int[] distributors = new int[members];
    int nd = 0;
    boolean[] isDist = new boolean[members];
    for (int i = 0; i < members; i++) {
      boolean dist = i == 0 || r.nextInt(10) < 4;
      int sponsor;
      if (i == 0) sponsor = -1;
      else if (dist || r.nextInt(10) != 0 || i - 1 < 1) sponsor = distributors[r.nextInt(nd)];
      else sponsor = r.nextInt(i); // a customer referred by anyone, sometimes a customer
      if (dist && sponsor >= 0 && !isDist[sponsor]) sponsor = distributors[r.nextInt(nd)];
      int join = r.nextInt(20) == 0 ? MONTH_START + r.nextInt(28) : MONTH_START - 1 - r.nextInt(365);
      isDist[i] = dist;
      if (dist) distributors[nd++] = i;
      sink.member(i, sponsor, dist, join);
    }
  }

  /** Orders need each member's join day (an order is never before it). */
  void orders(int[] joinDay, OrderSink sink) {
    SplittableRandom r = new SplittableRandom(seed * 31 + 7);
    // About a third of the members buy in the month; the others' volume is nil.
    int[] buyers = new int[members];
    int nb = 0;
    for (int i = 0; i < members; i++) if (r.nextInt(100) < 35) buyers[nb++] = i;
    int o = 0;
    int sales = orders;
    for (int s = 0; s < sales && o < orders; s++) {
      int m = buyers[r.nextInt(nb)];
      int first = Math.max(MONTH_START, joinDay[m]);
      int last = MONTH_START + 30;
      int day = first + r.nextInt(Math.max(1, last - first - 1));
      long pv = r.nextLong(4_001);
      long cv = pv * 8 / 10;
      sink.order(o, m, day, pv, cv, -1);
      int sale = o++;
      if (r.nextInt(100) == 0 && o < orders && day < last - 1) {
        sink.order(o++, m, day + 1, -pv / 2, -cv / 2, sale);
      }
    }
  }

  /** Network and order book built in memory (no CSV), for timing the engine alone. */
  Object[] build() {
    NetworkBuilder nb = new NetworkBuilder("synthetic", members);
    int[] join = new int[members];
    // One id string per member, shared by the member's row, its recruits' rows and its orders.
    String[] ids = new String[members];
    members((i, sponsor, dist, day) -> {
      join[i] = day;
      ids[i] = memberId(i);
      nb.add(MemberRow.of(0, ids[i], sponsor < 0 ? null : ids[sponsor],
          dist ? MemberKind.DISTRIBUTOR : MemberKind.CUSTOMER, day));
    });
    Network net = nb.build();
    OrderBookBuilder ob = new OrderBookBuilder("synthetic", net, orders);
    orders(join, (o, m, day, pv, cv, ret) -> {
      String id = orderId(o);
      ob.add(ret < 0 ? OrderRow.sale(0, id, ids[m], day, pv, cv)
          : OrderRow.returnOf(0, id, ids[m], day, pv, cv, orderId(ret)));
    });
    return new Object[] {net, ob.build()};
  }

  void writeCsv(Path dir) throws IOException {
    Files.createDirectories(dir);
    int[] join = new int[members];
    try (BufferedWriter w = Files.newBufferedWriter(dir.resolve("members.csv"))) {
      w.write("id,sponsor_id,kind,join_date\n");
      IOException[] failure = new IOException[1];
      members((i, sponsor, dist, day) -> {
        join[i] = day;
        try {
          w.write(memberId(i) + "," + (sponsor < 0 ? "" : memberId(sponsor)) + "," + (dist ? "distributor" : "customer")
              + "," + Periods.formatDay(day) + "\n");
        } catch (IOException e) {
          failure[0] = e;
        }
      });
      if (failure[0] != null) throw failure[0];
    }
    try (BufferedWriter w = Files.newBufferedWriter(dir.resolve("orders.csv"))) {
      w.write("id,member_id,date,pv,cv,return_of\n");
      IOException[] failure = new IOException[1];
      orders(join, (o, m, day, pv, cv, ret) -> {
        try {
          w.write(orderId(o) + "," + memberId(m) + "," + Periods.formatDay(day) + "," + Decimals.format(pv)
              + "," + Decimals.format(cv) + "," + (ret < 0 ? "" : orderId(ret)) + "\n");
        } catch (IOException e) {
          failure[0] = e;
        }
      });
      if (failure[0] != null) throw failure[0];
    }
  }
}
