package org.downline.commission;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.downline.testing.Property;
import org.junit.jupiter.api.Test;

/** Properties of file-mode results over random companies that follow the input rules of docs/plans.md. */
class CommissionPropertiesTest {
  static final List<String> KINDS = List.of("customer", "fast_start", "unilevel", "matching", "rank_advancement", "clawback");

  @Test
  void summaryColumnsAreTheSumsOfTheLines() {
    Property.forAll(60, g -> summaryColumnsAreTheSumsOfTheLines(g.seed(), g.intBetween("size", 1, 60), g.bool("lowBar")));
  }

  void summaryColumnsAreTheSumsOfTheLines(long seed, int size, boolean lowBar) throws IOException {
    Scenario.Outcome out = run(company(seed, size, lowBar));
    Map<String, BigDecimal> sums = new HashMap<>();
    for (String l : out.lines()) {
      String[] f = l.split(",", -1);
      sums.merge(f[0] + "," + f[1] + "," + f[2], new BigDecimal(f[3]), BigDecimal::add);
    }
    Map<String, BigDecimal> fromSummary = new HashMap<>();
    for (String row : out.summary()) {
      String[] f = row.split(",", -1);
      BigDecimal total = BigDecimal.ZERO;
      for (int k = 0; k < KINDS.size(); k++) {
        BigDecimal v = new BigDecimal(f[6 + k]);
        if (v.signum() != 0) fromSummary.put(f[0] + "," + f[1] + "," + KINDS.get(k), v);
        total = total.add(v);
      }
      assertThat(new BigDecimal(f[12])).as(row).isEqualByComparingTo(total);
    }
    sums.values().removeIf(v -> v.signum() == 0);
    assertThat(fromSummary).isEqualTo(sums);
  }

  @Test
  void everyLineButRankAdvancementHasASourceAndNoLineIsZero() {
    Property.forAll(60, g -> everyLineButRankAdvancementHasASourceAndNoLineIsZero(g.seed(), g.intBetween("size", 1, 60),
        g.bool("lowBar")));
  }

  void everyLineButRankAdvancementHasASourceAndNoLineIsZero(long seed, int size, boolean lowBar) throws IOException {
    for (String l : run(company(seed, size, lowBar)).lines()) {
      String[] f = l.split(",", -1);
      assertThat(new BigDecimal(f[3]).signum()).as(l).isNotZero();
      if (f[2].equals("rank_advancement")) {
        assertThat(f[4]).as(l).isEmpty();
        assertThat(f[5]).as(l).isEmpty();
      } else {
        assertThat(f[4]).as(l).isNotEmpty();
        assertThat(f[5]).as(l).isNotEmpty();
      }
    }
  }

  @Test
  void resultsDoNotDependOnInputRowOrderAndRecomputationIsByteIdentical() {
    Property.forAll(40, g -> resultsDoNotDependOnInputRowOrderAndRecomputationIsByteIdentical(g.seed(),
        g.intBetween("size", 1, 60), g.bool("lowBar")));
  }

  void resultsDoNotDependOnInputRowOrderAndRecomputationIsByteIdentical(long seed, int size, boolean lowBar)
      throws IOException {
    Scenario s = company(seed, size, lowBar);
    Path first = runKeep(s);
    Path again = runKeep(s);
    Scenario shuffled = new Scenario();
    shuffled.members.clear();
    shuffled.orders.clear();
    shuffled.plan(s.plan);
    shuffled.members.addAll(shuffle(s.members, seed));
    shuffled.orders.addAll(shuffle(s.orders, seed + 1));
    Path other = runKeep(shuffled);
    for (String f : List.of("lines.csv", "summary.csv")) {
      byte[] a = Files.readAllBytes(first.resolve(f));
      assertThat(Files.readAllBytes(again.resolve(f))).isEqualTo(a);
      assertThat(Files.readAllBytes(other.resolve(f))).isEqualTo(a);
    }
    for (Path p : List.of(first, again, other)) delete(p.getParent());
  }

  @Test
  void capKeepsCappedPayWithinTheShareUpToRounding() {
    Property.forAll(60, g -> capKeepsCappedPayWithinTheShareUpToRounding(g.seed(), g.intBetween("size", 1, 60), g.bool("lowBar")));
  }

  void capKeepsCappedPayWithinTheShareUpToRounding(long seed, int size, boolean lowBar) throws IOException {
    // Per period: customer + fast_start + unilevel + matching <= the share (50%, 20% for lowbar) of T + half a cent per scaled line,
    // or no more than customer + fast_start when those alone exceed the share (scaled lines are 0).
    Scenario s = company(seed, size, lowBar);
    Map<String, BigDecimal> t = new HashMap<>();
    Map<String, String> saleOf = new HashMap<>();
    for (String o : s.orders.subList(1, s.orders.size())) {
      String[] f = o.split(",", -1);
      String period = f[2].substring(0, 7);
      if (f[5].isEmpty()) {
        t.merge(period, new BigDecimal(f[4]), BigDecimal::add);
        saleOf.put(f[0], period);
      } else if (saleOf.get(f[5]).equals(period)) {
        t.merge(period, new BigDecimal(f[4]), BigDecimal::add);
      }
    }
    Map<String, BigDecimal> fixed = new HashMap<>();
    Map<String, BigDecimal> scaled = new HashMap<>();
    Map<String, Integer> scaledLines = new HashMap<>();
    for (String l : run(s).lines()) {
      String[] f = l.split(",", -1);
      BigDecimal a = new BigDecimal(f[3]);
      switch (f[2]) {
        case "customer", "fast_start" -> fixed.merge(f[0], a, BigDecimal::add);
        case "unilevel", "matching" -> {
          scaled.merge(f[0], a, BigDecimal::add);
          scaledLines.merge(f[0], 1, Integer::sum);
        }
        default -> {}
      }
    }
    for (String period : scaled.keySet()) {
      BigDecimal limit = t.getOrDefault(period, BigDecimal.ZERO).multiply(new BigDecimal(lowBar ? "0.2" : "0.5"));
      BigDecimal c = fixed.getOrDefault(period, BigDecimal.ZERO);
      BigDecimal paid = c.add(scaled.get(period));
      BigDecimal slack = new BigDecimal("0.005").multiply(BigDecimal.valueOf(scaledLines.get(period)));
      assertThat(paid).as(period).isLessThanOrEqualTo(limit.max(c).add(slack));
    }
  }

  /** The demo plan, or the same rules with low bars (reaching gold, platinum and the cap in small companies). */
  static Scenario company(long seed, int size, boolean lowBar) {
    Scenario s = RandomCompany.of(seed, size);
    if (lowBar) s.plan(LOW_BAR);
    return s;
  }

  static final String LOW_BAR = lowBarPath();

  private static String lowBarPath() {
    try {
      return Path.of(CommissionPropertiesTest.class.getResource("/plans/lowbar.yaml").toURI()).toString();
    } catch (java.net.URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static List<String> shuffle(List<String> rows, long seed) {
    List<String> body = new ArrayList<>(rows.subList(1, rows.size()));
    Collections.shuffle(body, new Random(seed));
    List<String> out = new ArrayList<>();
    out.add(rows.get(0));
    out.addAll(body);
    return out;
  }

  static Scenario.Outcome run(Scenario s) throws IOException {
    Path dir = Files.createTempDirectory("commission-prop");
    try {
      Scenario.Outcome out = s.run(dir);
      assertThat(out.exit()).as(out.err()).isZero();
      return out;
    } finally {
      delete(dir);
    }
  }

  static Path runKeep(Scenario s) throws IOException {
    Path dir = Files.createTempDirectory("commission-prop");
    Scenario.Outcome out = s.run(dir);
    assertThat(out.exit()).as(out.err()).isZero();
    return out.out();
  }

  static void delete(Path dir) throws IOException {
    try (Stream<Path> w = Files.walk(dir)) {
      for (Path p : w.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
    }
  }
}
