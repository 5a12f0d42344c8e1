package org.downline.commission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.downline.network.Network;
import org.downline.network.OrderBook;
import org.downline.planfile.PlanFile;
import org.downline.testing.Property;
import org.junit.jupiter.api.Test;

/**
 * Line blocks of released results are written over by the engine's next computes (ADR 42): every
 * result is still the one a result never released gives, line for line, and a result not released
 * is never written over, whatever is computed and released after it.
 */
class RecycledLinesTest {
  @Test
  void resultsWrittenOverReleasedOnesAreTheLinesOfResultsNeverReleased() {
    Property.forAll(30, g -> {
      Company c = Company.of(CommissionPropertiesTest.company(g.seed(), g.intBetween("size", 1, 80), g.bool("lowBar")));
      int threads = g.intBetween("threads", 1, 4);
      CommissionEngine kept = c.engine(threads);
      CommissionEngine recycling = c.engine(threads);
      int[] span = kept.periodSpan();
      if (span == null) return;
      History hk = c.history();
      History hr = c.history();
      for (int p = span[0]; p <= span[1]; p++) {
        PeriodResult a = kept.compute(p, hk);
        PeriodResult b = recycling.compute(p, hr);
        assertSameLines(b.lines(), a.lines(), "period " + p);
        hk.record(a);
        hr.record(b);
        releaseAndCheckPooled(recycling, b);
      }
      // Back again without history: periods of other sizes written over the blocks of the last.
      for (int p = span[1]; p >= span[0]; p--) {
        PeriodResult a = kept.compute(p, null);
        PeriodResult b = recycling.compute(p, null);
        assertSameLines(b.lines(), a.lines(), "again, period " + p);
        releaseAndCheckPooled(recycling, b);
      }
    });
  }

  private static void releaseAndCheckPooled(CommissionEngine engine, PeriodResult r) {
    int before = engine.pooledBlocks();
    boolean any = r.lines().size() > 0;
    r.release();
    // The blocks went back: the next compute takes them instead of new ones.
    assertThat(engine.pooledBlocks()).isGreaterThanOrEqualTo(before + (any ? 1 : 0));
  }

  @Test
  void aResultNotReleasedIsNeverWrittenOver() {
    int[] withLines = {0};
    Property.forAll(20, g -> {
      Scenario s = CommissionPropertiesTest.company(g.seed(), g.intBetween("size", 20, 80), true);
      Network net = ProjectedPeriodTest.network(s);
      OrderBook book = ProjectedPeriodTest.book(s, net);
      Plan plan = PlanFile.load(s.plan);
      CommissionEngine engine = new CommissionEngine(net, book, plan, g.intBetween("threads", 1, 3), 1);
      int[] span = engine.periodSpan();
      if (span == null) return;
      int busiest = busiest(engine);
      PeriodResult held = engine.compute(busiest, null);
      long[][] before = copy(held.lines());
      if (before.length > 0) withLines[0]++;
      for (int p = span[0]; p <= span[1]; p++) engine.compute(p, null).release();
      // Released twice: its blocks must go back once, or two later results would share them.
      PeriodResult twice = engine.compute(span[0], null);
      twice.release();
      twice.release();
      PeriodResult third = engine.compute(busiest, null);
      long[][] thirdBefore = copy(third.lines());
      PeriodResult fourth = engine.compute(busiest, null);
      assertThat(copy(held.lines())).isDeepEqualTo(before);
      assertThat(copy(third.lines())).isDeepEqualTo(thirdBefore);
      assertThat(copy(fourth.lines())).isDeepEqualTo(before);
    });
    assertThat(withLines[0]).as("companies with lines").isGreaterThan(10);
  }

  @Test
  void blocksAComputeDoesNotTakeAreDroppedNotKeptWithItsResult() {
    Company c = Company.of(CommissionPropertiesTest.company(7, 60, true));
    CommissionEngine engine = c.engine(1);
    int p = busiest(engine);
    PeriodResult a = engine.compute(p, null);
    PeriodResult b = engine.compute(p, null);
    a.release();
    b.release();
    assertThat(engine.pooledBlocks()).isEqualTo(2);
    PeriodResult kept = engine.compute(p, null);
    assertThat(kept.lines().size()).isPositive();
    assertThat(engine.pooledBlocks()).isZero();
  }

  @Test
  void aReleasedResultsLinesCannotBeReadButItsVolumesCan() {
    Scenario s = CommissionPropertiesTest.company(7, 60, true);
    Network net = ProjectedPeriodTest.network(s);
    OrderBook book = ProjectedPeriodTest.book(s, net);
    CommissionEngine engine = new CommissionEngine(net, book, PlanFile.load(s.plan), 1, 1);
    PeriodResult r = engine.compute(busiest(engine), null);
    Lines lines = r.lines();
    assertThat(lines.size()).isPositive();
    long gv = r.volumes().gv[0];
    r.release();
    assertThatThrownBy(lines::size).isInstanceOf(IllegalStateException.class).hasMessageContaining("released");
    assertThatThrownBy(() -> lines.amount(0)).isInstanceOf(ArrayIndexOutOfBoundsException.class);
    assertThatThrownBy(r::sumsByKindAndMember).isInstanceOf(IllegalStateException.class);
    assertThat(r.volumes().gv[0]).isEqualTo(gv);
  }

  @Test
  void linesOfAPoolWriteOverOldLinesAndShowOnlyTheirOwn() {
    Lines.Pool pool = new Lines.Pool();
    Lines first = new Lines(pool);
    first.begin(0);
    for (int j = 0; j < 1_100_000; j++) first.addDistinct(j, j, 3, 7_000_000);
    first.endMicro();
    first.release();
    assertThat(pool.size()).isEqualTo(2);
    Lines second = new Lines(pool);
    second.begin(1);
    second.add(5, 9, 1, 1_000_000);
    second.add(5, 9, 1, 2_000_000); // merges with the line before, not with an old line of the block
    second.add(6, Lines.NO_SOURCE, 2, 500_000);
    second.endMicro();
    assertThat(pool.size()).isEqualTo(1);
    assertThat(copy(second)).isDeepEqualTo(new long[][] {{5, 1, 9, 1, 3}, {6, 1, Lines.NO_SOURCE, 2, 1}});
    assertThat(second.kindTotal(1)).isEqualTo(4);
  }

  /** The period with the most lines (its results released). */
  static int busiest(CommissionEngine engine) {
    int[] span = engine.periodSpan();
    int best = span[0];
    int most = -1;
    for (int p = span[0]; p <= span[1]; p++) {
      PeriodResult r = engine.compute(p, null);
      if (r.lines().size() > most) {
        most = r.lines().size();
        best = p;
      }
      r.release();
    }
    return best;
  }

  /** A random company as the engine reads it. */
  record Company(Network net, OrderBook book, Plan plan) {
    static Company of(Scenario s) {
      Network net = ProjectedPeriodTest.network(s);
      return new Company(net, ProjectedPeriodTest.book(s, net), PlanFile.load(s.plan));
    }

    CommissionEngine engine(int threads) {
      return new CommissionEngine(net, book, plan, threads, 1);
    }

    History history() {
      return new History(net.size(), CommissionRun.salesReturnedLater(book));
    }
  }

  static long[][] copy(Lines l) {
    long[][] c = new long[l.size()][];
    for (int j = 0; j < l.size(); j++) c[j] = new long[] {l.earner(j), l.kind(j), l.source(j), l.level(j), l.amount(j)};
    return c;
  }

  static void assertSameLines(Lines actual, Lines expected, String what) {
    assertThat(actual.size()).as("lines of %s", what).isEqualTo(expected.size());
    for (int k = 0; k < Plan.MAX_BONUSES + 2; k++) {
      assertThat(actual.kindStart(k)).as("kind %d of %s", k, what).isEqualTo(expected.kindStart(k));
      assertThat(actual.kindEnd(k)).as("kind %d of %s", k, what).isEqualTo(expected.kindEnd(k));
    }
    assertThat(copy(actual)).as(what).isDeepEqualTo(copy(expected));
  }
}
