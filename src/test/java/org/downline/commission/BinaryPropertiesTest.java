package org.downline.commission;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Properties of the binary plan's legs.csv over seeded random companies with a placement tree
 * (RandomCompany with placement): the bundled plan and one with low bars and a carry limit of 150
 * that small companies do reach.
 */
class BinaryPropertiesTest {
  @TempDir Path dir;

  private static final int SEEDS = 24;
  static final String LOW = resource("/plans/binary-low.yaml");

  private static String resource(String name) {
    try {
      return Path.of(BinaryPropertiesTest.class.getResource(name).toURI()).toString();
    } catch (java.net.URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private Scenario company(long seed) {
    Scenario s = RandomCompany.of(seed, 5 + (int) (seed * 7 % 56), true);
    s.plan(seed % 2 == 0 ? LOW : "binary");
    return s;
  }

  @Test
  void pairedNeverExceedsEitherLegAndCarryStaysWithinTheLimit() {
    int limitReached = 0;
    int paired = 0;
    for (long seed = 1; seed <= SEEDS; seed++) {
      Scenario s = company(seed);
      BigDecimal limit = new BigDecimal(s.plan.equals(LOW) ? "150" : "20000");
      Scenario.Outcome out = s.run(dir.resolve("s" + seed));
      assertThat(out.exit()).as("seed %d: %s", seed, out.err()).isZero();
      // carry out of (member, side) by period, to check the next period's carry in.
      Map<String, BigDecimal> carryOut = new HashMap<>();
      Map<String, BigDecimal[]> bothSides = new HashMap<>();
      for (String row : out.legs()) {
        String[] f = row.split(",", -1);
        BigDecimal in = new BigDecimal(f[3]);
        BigDecimal added = new BigDecimal(f[4]);
        BigDecimal returned = new BigDecimal(f[5]);
        BigDecimal volume = new BigDecimal(f[6]);
        BigDecimal pair = new BigDecimal(f[7]);
        BigDecimal carry = new BigDecimal(f[8]);
        String at = "seed " + seed + ": " + row;
        assertThat(volume).as(at).isEqualByComparingTo(in.add(added).subtract(returned).max(BigDecimal.ZERO));
        assertThat(pair).as(at).isLessThanOrEqualTo(volume);
        assertThat(carry).as(at).isLessThanOrEqualTo(limit).isGreaterThanOrEqualTo(BigDecimal.ZERO);
        assertThat(carry).as(at).isEqualByComparingTo(volume.subtract(pair).min(limit));
        if (carry.compareTo(limit) == 0) limitReached++;
        if (pair.signum() > 0) paired++;
        carryOut.put(f[0] + "," + f[1] + "," + f[2], carry);
        bothSides.computeIfAbsent(f[0] + "," + f[1], k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO})[f[2].equals("left") ? 0 : 1] = pair;
      }
      // One pairing per distributor: the same paired volume on both sides (a missing row is all zeros).
      for (Map.Entry<String, BigDecimal[]> e : bothSides.entrySet()) {
        assertThat(e.getValue()[0]).as("seed %d %s", seed, e.getKey()).isEqualByComparingTo(e.getValue()[1]);
      }
      for (String row : out.legs()) {
        String[] f = row.split(",", -1);
        String before = previousPeriod(f[0]) + "," + f[1] + "," + f[2];
        assertThat(new BigDecimal(f[3])).as("seed %d carry in of %s", seed, row)
            .isEqualByComparingTo(carryOut.getOrDefault(before, BigDecimal.ZERO));
      }
    }
    // The properties were exercised, not vacuous.
    assertThat(limitReached).isPositive();
    assertThat(paired).isPositive();
  }

  private static String previousPeriod(String period) {
    return java.time.YearMonth.parse(period).minusMonths(1).toString();
  }

  @Test
  void resultsDoNotDependOnRowOrder() throws IOException {
    for (long seed = 1; seed <= SEEDS / 2; seed++) {
      Scenario s = company(seed);
      Scenario.Outcome first = s.run(dir.resolve("a" + seed));
      assertThat(first.exit()).as("seed %d: %s", seed, first.err()).isZero();
      Scenario shuffled = new Scenario().plan(s.plan);
      shuffled.members.clear();
      shuffled.orders.clear();
      shuffled.members.addAll(CommissionPropertiesTest.shuffle(s.members, seed));
      shuffled.orders.addAll(CommissionPropertiesTest.shuffle(s.orders, seed + 1));
      Scenario.Outcome other = shuffled.run(dir.resolve("b" + seed));
      assertThat(other.exit()).as("seed %d: %s", seed, other.err()).isZero();
      for (String f : List.of("lines.csv", "summary.csv", "legs.csv")) {
        assertThat(Files.readAllBytes(other.out().resolve(f))).as("seed %d %s", seed, f)
            .isEqualTo(Files.readAllBytes(first.out().resolve(f)));
      }
    }
  }

}
