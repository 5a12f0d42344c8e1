package org.downline.commission;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.Random;
import java.util.Set;
import org.downline.testing.Property;
import org.junit.jupiter.api.Test;

/** The packed-key id sort agrees with String.compareTo on any ids. */
class OutputOrderTest {
  @Test
  void sortedIndexesFollowStringCompareTo() {
    Property.forAll(300, g -> {
      // Up to 60 distinct ids of up to 14 characters each.
      int count = g.intBetween("ids", 0, 60);
      int maxLength = g.intBetween("maxLength", 0, 14);
      Set<String> ids = new LinkedHashSet<>();
      for (int attempt = 0; ids.size() < count && attempt < count * 4; attempt++) {
        ids.add(id(g.random(), g.random().nextInt(maxLength + 1)));
      }
      String[] a = ids.toArray(String[]::new);
      int[] order = OutputOrder.sortedIndexes(a);
      String[] sorted = Arrays.stream(order).mapToObj(i -> a[i]).toArray(String[]::new);
      String[] expected = a.clone();
      Arrays.sort(expected, Comparator.naturalOrder());
      assertThat(sorted).containsExactly(expected);
    });
  }

  /**
   * An id whose characters come from a few letters and digits (so that ids share long prefixes), from
   * printable ASCII, or from anywhere in the char range (NUL, Latin-1, surrogate halves included).
   */
  static String id(Random r, int length) {
    StringBuilder b = new StringBuilder(length);
    int alphabet = r.nextInt(3);
    for (int i = 0; i < length; i++) {
      b.append(switch (alphabet) {
        case 0 -> "O01".charAt(r.nextInt(3));
        case 1 -> (char) (' ' + r.nextInt(95));
        default -> r.nextInt(4) == 0 ? "O0\u0000\u00d8\uffff".charAt(r.nextInt(5)) : (char) r.nextInt(Character.MAX_VALUE + 1);
      });
    }
    return b.toString();
  }

  /**
   * From an order book, read as its bytes: the order ids' ranks are String.compareTo's, for ASCII
   * ids (byte order) and for others (sorted by their strings), ties in the first characters included.
   */
  @Test
  void orderIdsReadFromTheBookFollowStringCompareTo() {
    Property.forAll(200, g -> {
      int j = org.downline.core.Periods.parseDay("2026-01-01");
      org.downline.network.Network net = new org.downline.network.NetworkBuilder("members.csv")
          .add(org.downline.network.MemberRow.of(2, "A", null, org.downline.network.MemberKind.DISTRIBUTOR, j)).build();
      int count = g.intBetween("orders", 0, 60);
      int maxLength = g.intBetween("maxLength", 1, 14);
      Set<String> ids = new LinkedHashSet<>();
      // Ids alike in their first characters after the shared prefix, told apart only by the full comparison.
      if (g.random().nextBoolean()) ids.addAll(java.util.List.of("Q00000000010", "Q0000000001", "Q00000000009", "Q000000000100", "Q00000000001"));
      for (int attempt = 0; ids.size() < count && attempt < count * 4; attempt++) {
        String id = id(g.random(), 1 + g.random().nextInt(maxLength));
        // Text a file can hold: no lone surrogate halves (the book refuses those).
        if (id.equals(new String(id.getBytes(java.nio.charset.StandardCharsets.UTF_8), java.nio.charset.StandardCharsets.UTF_8))) ids.add(id);
      }
      org.downline.network.OrderBookBuilder ob = new org.downline.network.OrderBookBuilder("orders.csv", net);
      for (String id : ids) ob.add(org.downline.network.OrderRow.sale(0, id, "A", j, 100, 100));
      org.downline.network.OrderBook book = ob.build();
      OutputOrder order = new OutputOrder(net, book, org.downline.planfile.PlanFile.builtIn("demo"));
      String[] sorted = new String[book.size()];
      for (int r = 0; r < sorted.length; r++) sorted[r] = book.id(order.orderAtRank(r));
      String[] expected = ids.toArray(String[]::new);
      Arrays.sort(expected, Comparator.naturalOrder());
      assertThat(sorted).containsExactly(expected);
      for (int o = 0; o < book.size(); o++) assertThat(order.orderAtRank(order.orderRank[o])).isEqualTo(o);
    });
  }

  @Test
  void sharedPrefixesAndPrefixIdsAndWideIds() {
    String[] a = {"O000000010", "O00000001", "O000000002", "O0000000100", "O0", "Ø1", "O000000001\u0000"};
    int[] order = OutputOrder.sortedIndexes(a);
    String[] sorted = Arrays.stream(order).mapToObj(i -> a[i]).toArray(String[]::new);
    // String order, character by character: "O0" is a prefix of all; "O000000001\0" and "O000000002"
    // have '0' at index 8 where "O00000001" has '1'; "O00000001" is a prefix of "O000000010",
    // itself a prefix of "O0000000100"; 'Ø' (U+00D8) > 'O'.
    assertThat(sorted).containsExactly("O0", "O000000001\u0000", "O000000002", "O00000001", "O000000010", "O0000000100", "Ø1");
  }

  /**
   * However the lines are cut (one chunk, chunks of a few lines and so tagged or listed chunks, two
   * buffer sets, visits of arbitrary line ranges) and in whatever order the engine appended them,
   * the visit is the spec's order: earner id, kind name, no source first, then source members by id,
   * then source orders by id, level; nothing lost or repeated.
   */
  @Test
  void chunksAndLineRangesGiveTheSpecsOrder() throws Exception {
    Plan plan = org.downline.planfile.PlanFile.builtIn("demo");
    int kinds = plan.lineKinds().size();
    Property.forAll(60, g -> {
      Random r = g.random();
      int members = g.intBetween("members", 1, 40);
      int orders = g.intBetween("orders", 0, 60);
      String[] memberIds = distinctIds(r, members, "M");
      String[] orderIds = distinctIds(r, orders, "O");
      OutputOrder order = new OutputOrder(memberIds, orderIds, plan);
      Lines lines = new Lines();
      java.util.List<long[]> expected = new java.util.ArrayList<>();
      // Kinds appended in a shuffled order (not their name order), each a contiguous range.
      java.util.List<Integer> kindOrder = new java.util.ArrayList<>();
      for (int k = 0; k < kinds; k++) kindOrder.add(k);
      java.util.Collections.shuffle(kindOrder, r);
      int wanted = g.intBetween("lines", 0, 400);
      for (int k : kindOrder) {
        lines.begin(k);
        Set<java.util.List<Integer>> seen = new java.util.HashSet<>();
        for (int n = r.nextInt(wanted / kinds + 2); n > 0; n--) {
          int earner = r.nextInt(members);
          int pick = r.nextInt(4);
          int src = pick == 0 || orders == 0 ? (pick == 1 ? Lines.memberSource(r.nextInt(members)) : Lines.NO_SOURCE) : r.nextInt(orders);
          int level = r.nextInt(3);
          if (!seen.add(java.util.List.of(earner, src, level))) continue;
          long cents = 1 + r.nextInt(10_000);
          lines.addDistinct(earner, src, level, cents * 1_000_000);
          expected.add(new long[] {order.memberRank[earner], k, src, level, cents});
        }
        lines.endMicro();
      }
      Comparator<long[]> spec = Comparator.<long[]>comparingLong(l -> l[0])
          .thenComparing(l -> plan.lineKinds().get((int) l[1]))
          .thenComparingInt(l -> l[2] == Lines.NO_SOURCE ? 0 : l[2] < 0 ? 1 : 2)
          .thenComparingLong(l -> l[2] == Lines.NO_SOURCE ? 0 : l[2] < 0 ? order.memberRank[Lines.sourceMember((int) l[2])] : order.orderRank[(int) l[2]])
          .thenComparingLong(l -> l[3]);
      expected.sort(spec);
      java.util.List<String> want = expected.stream().map(l -> l[0] + " " + l[1] + " " + l[2] + " " + l[3] + " " + l[4]).toList();
      int chunk = g.intBetween("chunk", 1, 64);
      for (boolean pipelined : new boolean[] {false, true}) {
        java.util.List<String> got = new java.util.ArrayList<>();
        order.forEachRanked(lines, (e, k, s, l, a) -> got.add(ranked(order, e, k, s, l, a)), pipelined, chunk);
        assertThat(got).as("chunk %d, pipelined %s", chunk, pipelined).isEqualTo(want);
      }
      // Chunks visited in pieces of any length, as the CSV writer's formatting threads do.
      int piece = g.intBetween("piece", 1, 50);
      java.util.List<String> got = new java.util.ArrayList<>();
      order.forEachChunk(lines, c -> {
        for (int from = 0; from < c.size(); from += piece) {
          c.visitLines(from, Math.min(c.size(), from + piece), (e, k, s, l, a) -> got.add(ranked(order, e, k, s, l, a)));
        }
        return null;
      }, 2, chunk);
      assertThat(got).as("chunk %d, pieces of %d", chunk, piece).isEqualTo(want);
      // Chunks grouped on two threads into three sets while a visit of the previous ones is still
      // under way on another thread (as file mode does): still every line once, in order.
      java.util.List<String> grouped = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
      java.util.concurrent.ExecutorService later = java.util.concurrent.Executors.newSingleThreadExecutor();
      try {
        order.forEachChunk(lines, c -> later.submit(() -> {
          c.visit((e, k, s, l, a) -> grouped.add(ranked(order, e, k, s, l, a)));
          return null;
        }), 3, chunk, 2);
      } finally {
        later.shutdown();
      }
      assertThat(grouped).as("chunk %d, grouped on two threads", chunk).isEqualTo(want);
    });
  }

  /** A visited line in the expected list's terms: earner rank, kind, source as a Lines source, level, amount. */
  private static String ranked(OutputOrder order, int earnerRank, int kind, int sourceRank, int level, long amount) {
    int src = sourceRank == OutputOrder.NO_RANK ? Lines.NO_SOURCE
        : sourceRank < OutputOrder.NO_RANK ? Lines.memberSource(order.membersByRank[OutputOrder.memberRankOf(sourceRank)])
        : order.orderAtRank(sourceRank);
    return earnerRank + " " + kind + " " + src + " " + level + " " + amount;
  }

  private static String[] distinctIds(Random r, int n, String prefix) {
    Set<String> ids = new LinkedHashSet<>();
    while (ids.size() < n) ids.add(prefix + r.nextInt(n * 10 + 10));
    return ids.toArray(String[]::new);
  }
}
