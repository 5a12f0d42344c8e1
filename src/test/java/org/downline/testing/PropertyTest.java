package org.downline.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The property helper: runs every try, names the seed of a failure, shrinks it, and replays it. */
class PropertyTest {
  @AfterEach
  void clear() {
    System.clearProperty("downline.property.seed");
    System.clearProperty("downline.property.choices");
  }

  @Test
  void runsEveryTryWithTheSameSeedsEachTime() {
    List<Long> first = new ArrayList<>();
    Property.forAll(50, g -> first.add(g.seed()));
    List<Long> again = new ArrayList<>();
    Property.forAll(50, g -> again.add(g.seed()));
    assertThat(first).hasSize(50).doesNotHaveDuplicates().isEqualTo(again);
  }

  @Test
  void drawsStayInTheirRangesAndReachTheEdges() {
    List<Integer> sizes = new ArrayList<>();
    Property.forAll(400, g -> {
      int size = g.intBetween("size", 3, 9);
      long amount = g.longBetween(-1_000, 1_000);
      assertThat(size).isBetween(3, 9);
      assertThat(amount).isBetween(-1_000L, 1_000L);
      sizes.add(size);
    });
    assertThat(sizes).contains(3, 4, 5, 6, 7, 8, 9);
  }

  @Test
  void aFailureNamesItsSeedAndShrinksToTheSmallestFailingSize() {
    // Fails for every size >= 10 whatever else is drawn: the smallest failing case is size=10, flag=false.
    assertThatThrownBy(() -> Property.forAll(200, g -> {
      int size = g.intBetween("size", 1, 300);
      boolean flag = g.bool("flag");
      g.seed();
      assertThat(size).as("flag " + flag).isLessThan(10);
    })).isInstanceOf(AssertionError.class)
        .hasMessageContaining("property failed on try ")
        .hasMessageContaining("-Ddownline.property.seed=")
        .hasMessageContaining("shrunk: size=10, flag=0")
        .hasMessageContaining("-Ddownline.property.choices=10,0");
  }

  @Test
  void theNamedSeedAndChoicesReplayTheShrunkCase() {
    long[] failingSeed = new long[1];
    Property.Body body = g -> {
      long seed = g.seed();
      int size = g.intBetween("size", 1, 300);
      if (size >= 10) failingSeed[0] = seed;
      assertThat(size).isLessThan(10);
    };
    String message = "";
    try {
      Property.forAll(100, body);
    } catch (AssertionError e) {
      message = e.getMessage();
    }
    long drawnByTheFailingTry = failingSeed[0];
    assertThat(drawnByTheFailingTry).isNotZero();
    String seed = message.replaceAll("(?s).*-Ddownline\\.property\\.seed=(-?\\d+).*", "$1");
    System.setProperty("downline.property.seed", seed);
    System.setProperty("downline.property.choices", "9");
    Property.forAll(100, body); // size 9 passes: one try, with the override
    System.setProperty("downline.property.choices", "10");
    assertThatThrownBy(() -> Property.forAll(100, body)).hasMessageContaining("size=10");
    // The named seed is the failing try's: replayed, it draws what that try drew.
    List<Long> replayed = new ArrayList<>();
    Property.forAll(1, g -> replayed.add(g.seed()));
    assertThat(replayed).containsExactly(drawnByTheFailingTry);
  }
}
