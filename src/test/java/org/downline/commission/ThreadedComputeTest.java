package org.downline.commission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.downline.testing.Property;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * The unilevel and matching passes split over cores (ADR 23): file mode's lines.csv and summary.csv
 * with several threads are byte-identical to one thread's, over random companies. Ranges of one
 * unit (downline.threads.min=1) so that even a company of a few orders is cut at every edge a big
 * one could be.
 */
@ResourceLock("downline.threads")
class ThreadedComputeTest {
  @Test
  void severalThreadsWriteTheFilesOfOneThreadByteForByte() {
    Property.forAll(15, g -> compare(g.seed(), g.intBetween("size", 1, 80), g.bool("lowBar"), g.intBetween("threads", 2, 5)));
  }

  private void compare(long seed, int size, boolean lowBar, int threads) throws Exception {
    Scenario s = CommissionPropertiesTest.company(seed, size, lowBar);
    Path one = withThreads(1, s);
    Path many = withThreads(threads, s);
    try {
      for (String f : List.of("lines.csv", "summary.csv")) {
        assertThat(Files.readAllBytes(many.resolve(f))).as(f + " with " + threads + " threads")
            .isEqualTo(Files.readAllBytes(one.resolve(f)));
      }
    } finally {
      CommissionPropertiesTest.delete(one.getParent());
      CommissionPropertiesTest.delete(many.getParent());
    }
  }

  private static Path withThreads(int threads, Scenario s) throws Exception {
    System.setProperty("downline.threads", Integer.toString(threads));
    System.setProperty("downline.threads.min", "1");
    try {
      return CommissionPropertiesTest.runKeep(s);
    } finally {
      System.clearProperty("downline.threads");
      System.clearProperty("downline.threads.min");
    }
  }

  @Test
  void severalThreadsHoldTheLinesOfOneThreadInTheSameOrder() {
    // The files are sorted on the way out; the in-memory lines (what matching, the cap and the
    // clawback read) must be in one thread's order too, period after period with the history.
    Property.forAll(40, g -> {
      RecycledLinesTest.Company c = RecycledLinesTest.Company.of(
          CommissionPropertiesTest.company(g.seed(), g.intBetween("size", 1, 80), g.bool("lowBar")));
      int threads = g.intBetween("threads", 2, 5);
      CommissionEngine one = c.engine(1);
      CommissionEngine many = c.engine(threads);
      int[] span = one.periodSpan();
      if (span == null) return;
      History h1 = c.history();
      History hn = c.history();
      for (int p = span[0]; p <= span[1]; p++) {
        PeriodResult a = one.compute(p, h1);
        PeriodResult b = many.compute(p, hn);
        RecycledLinesTest.assertSameLines(b.lines(), a.lines(), "period " + p + " on " + threads + " threads");
        h1.record(a);
        hn.record(b);
      }
    });
  }

  @Test
  void appendingARangesLinesCrossesBlockEdgesInOrder() {
    // Blocks hold 2^20 = 1,048,576 lines: 1,000,000 lines then a range of 100,000 cross the edge at
    // line 1,048,576 of the whole (line 48,576 of the range).
    Lines whole = new Lines();
    whole.begin(2);
    for (int j = 0; j < 1_000_000; j++) whole.addDistinct(j, j, 1, j);
    Lines range = new Lines();
    range.begin(0);
    for (int j = 0; j < 100_000; j++) range.addDistinct(7, 1_000_000 + j, 3, -j);
    whole.appendAll(range);
    whole.endCents();
    assertThat(whole.size()).isEqualTo(1_100_000);
    assertThat(whole.kindEnd(2)).isEqualTo(1_100_000);
    for (int j : new int[] {999_999, 1_000_000, 1_048_575, 1_048_576, 1_099_999}) {
      int r = j - 1_000_000;
      assertThat(whole.earner(j)).isEqualTo(r < 0 ? j : 7);
      assertThat(whole.source(j)).isEqualTo(j);
      assertThat(whole.level(j)).isEqualTo(r < 0 ? 1 : 3);
      assertThat(whole.amount(j)).isEqualTo(r < 0 ? j : -r);
      assertThat(whole.kind(j)).isEqualTo(2);
    }
  }

  @Test
  void rangesPlacedAcrossBlockEdgesHoldTheirLinesInOrder() throws Exception {
    // Blocks hold 2^20 = 1,048,576 lines. 1,000,000 lines first, then four ranges written at once on
    // four threads: one inside the first block, one across the edge at 1,048,576, an empty one, and
    // one filling a whole block of its own (the block it alone makes) and ending in the next.
    Lines lines = new Lines();
    lines.begin(0);
    for (int j = 0; j < 1_000_000; j++) lines.addDistinct(j, j, 1, 0);
    lines.endMicro();
    lines.begin(3);
    long[] counts = {20_000, 100_000, 0, 1_200_000};
    Lines.Writer[] w = lines.place(counts);
    long[] from = {1_000_000, 1_020_000, 1_120_000, 1_120_000};
    Cores.run("test", counts.length, r -> {
      for (long j = from[r]; j < from[r] + counts[r]; j++) w[r].addDistinct(r, (int) j, r + 1, 1_500_000L * r);
    });
    long total = lines.placed(w, "test");
    lines.endCents(total);
    assertThat(lines.size()).isEqualTo(2_320_000);
    assertThat(lines.kindStart(3)).isEqualTo(1_000_000);
    assertThat(lines.kindEnd(3)).isEqualTo(2_320_000);
    // Exact amounts rounded as written: 1.5 and 4.5 cents, halves away from zero.
    assertThat(total).isEqualTo(100_000L * 2 + 1_200_000L * 5);
    for (int j : new int[] {999_999, 1_000_000, 1_019_999, 1_020_000, 1_048_575, 1_048_576, 1_119_999, 1_120_000, 2_097_151, 2_097_152, 2_319_999}) {
      int r = j < 1_000_000 ? -1 : j < 1_020_000 ? 0 : j < 1_120_000 ? 1 : 3;
      assertThat(lines.source(j)).as("line %d", j).isEqualTo(j);
      assertThat(lines.kind(j)).as("line %d", j).isEqualTo(r < 0 ? 0 : 3);
      assertThat(lines.earner(j)).as("line %d", j).isEqualTo(r < 0 ? j : r);
      assertThat(lines.level(j)).as("line %d", j).isEqualTo(r < 0 ? 1 : r + 1);
      assertThat(lines.amount(j)).as("line %d", j).isEqualTo(r <= 0 ? 0 : r == 1 ? 2 : 5);
    }
    // More lines can follow the placed ones.
    lines.begin(4);
    lines.addDistinct(9, 9, 9, 9_000_000);
    lines.endMicro();
    assertThat(lines.size()).isEqualTo(2_320_001);
    assertThat(lines.amount(2_320_000)).isEqualTo(9);
  }

  @Test
  void aRangeWritingOtherThanItsCountFails() {
    Lines lines = new Lines();
    lines.begin(0);
    Lines.Writer[] w = lines.place(new long[] {2, 1});
    w[0].addDistinct(1, 1, 1, 0);
    w[1].addDistinct(2, 2, 1, 0);
    assertThatThrownBy(() -> w[1].addDistinct(3, 3, 1, 0)).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> lines.placed(w, "unilevel")).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("unilevel: range 0 counted 2 lines and wrote 1");
    assertThatThrownBy(() -> w[0].add(1, 1, 1, 0)).isInstanceOf(IllegalStateException.class);
  }
}
