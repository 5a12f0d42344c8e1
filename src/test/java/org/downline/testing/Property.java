package org.downline.testing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Property tests with plain seeded generators (ADR 11): a property runs once per try, each try drawing
 * everything from one {@link Random} made from the try's seed, so a failure reproduces from that seed
 * alone. Seeds are fixed (the same on every run and machine: CI never flakes), and a failing case is
 * shrunk: each whole number drawn ({@link Gen#intBetween}, {@link Gen#bool}, sizes) is lowered towards
 * its minimum while the property still fails.
 *
 * <pre>{@code
 * @Test
 * void roundTrip() {
 *   Property.forAll(200, g -> {
 *     int size = g.intBetween("size", 1, 300);
 *     long seed = g.seed();
 *     ...assertions...
 *   });
 * }
 * }</pre>
 *
 * System properties, to explore or reproduce: {@code downline.property.seed=S} runs only the try with
 * seed S; {@code downline.property.choices=3,0,...} replays it with the shrunk choices the failure
 * message names; {@code downline.property.base=N} draws other seeds than the fixed ones (N = 0).
 */
public final class Property {
  /** Reruns spent on shrinking one failure at most (a property can be slow). */
  static final int SHRINK_RUNS = 200;

  private Property() {}

  /** A property: draws its inputs from the generator and throws (an assertion) when it does not hold. */
  @FunctionalInterface
  public interface Body {
    void check(Gen g) throws Exception;
  }

  /** Runs {@code body} on {@code tries} cases; on a failure throws one naming the seed and the shrunk case. */
  public static void forAll(int tries, Body body) {
    String only = System.getProperty("downline.property.seed");
    if (only != null) {
      long seed = Long.parseLong(only.trim());
      String choices = System.getProperty("downline.property.choices");
      int[] fixed = choices == null || choices.isBlank() ? null
          : Arrays.stream(choices.split(",")).map(String::trim).mapToInt(Integer::parseInt).toArray();
      runTry(body, 0, 1, seed, fixed);
      return;
    }
    long base = Long.getLong("downline.property.base", 0L);
    for (int t = 0; t < tries; t++) runTry(body, t, tries, seedOf(base, t), null);
  }

  /** The seed of try {@code t}: a SplitMix64 step, so neighbouring tries get unrelated streams. */
  static long seedOf(long base, int t) {
    long z = base + (t + 1) * 0x9E3779B97F4A7C15L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  private static void runTry(Body body, int t, int tries, long seed, int[] fixed) {
    Gen g = new Gen(seed, fixed);
    Throwable failure = run(body, g);
    if (failure == null) return;
    Shrunk s = shrink(body, seed, g, failure);
    StringBuilder m = new StringBuilder()
        .append("property failed on try ").append(t + 1).append(" of ").append(tries)
        .append(" (seed ").append(seed).append(")\n  drawn:  ").append(g.describe());
    if (s.gen != g) {
      m.append("\n  shrunk: ").append(s.gen.describe()).append(" (").append(s.runs).append(" reruns)");
    }
    m.append("\n  rerun:  -Ddownline.property.seed=").append(seed);
    if (s.gen != g) m.append(" -Ddownline.property.choices=").append(s.gen.choiceList());
    m.append("\n  ").append(s.failure);
    AssertionError error = new AssertionError(m.toString(), s.failure);
    if (s.failure != failure) error.addSuppressed(failure);
    throw error;
  }

  private static Throwable run(Body body, Gen g) {
    try {
      body.check(g);
      return null;
    } catch (Throwable e) {
      if (e instanceof VirtualMachineError vm && !(e instanceof StackOverflowError)) throw vm;
      return e;
    }
  }

  private record Shrunk(Gen gen, Throwable failure, int runs) {}

  /**
   * Greedy: for each choice in turn, the smallest value (by bisection towards its minimum) with which
   * the property still fails, the other choices as they were; again until nothing shrinks. The same
   * seed keeps every draw not overridden, so what shrinks is the size, not the randomness.
   */
  private static Shrunk shrink(Body body, long seed, Gen failing, Throwable failure) {
    Gen best = failing;
    Throwable bestFailure = failure;
    int runs = 0;
    boolean progress = true;
    while (progress && runs < SHRINK_RUNS) {
      progress = false;
      for (int i = 0; i < best.choices.size() && runs < SHRINK_RUNS; i++) {
        int min = best.choices.get(i).min;
        int lo = min;
        int hi = best.choices.get(i).value; // fails with hi
        while (lo < hi && runs < SHRINK_RUNS) {
          int mid = (int) (((long) lo + hi) >>> 1);
          int[] values = best.choiceValues();
          values[i] = mid;
          Gen g = new Gen(seed, values);
          runs++;
          Throwable f = run(body, g);
          if (f != null) {
            best = g;
            bestFailure = f;
            hi = mid;
            progress = true;
            if (i >= best.choices.size()) break; // fewer choices drawn now
          } else {
            lo = mid + 1;
          }
        }
      }
    }
    return new Shrunk(best, bestFailure, runs);
  }

  /** One try's inputs: a seeded {@link Random} plus recorded, shrinkable whole-number choices. */
  public static final class Gen {
    private final long seed;
    private final Random random;
    private final int[] fixed;
    final List<Choice> choices = new ArrayList<>();

    Gen(long seed, int[] fixed) {
      this.seed = seed;
      this.random = new Random(seed);
      this.fixed = fixed;
    }

    record Choice(String name, int min, int value) {}

    /** The try's random source, for what needs no shrinking (shuffles, ids, amounts). */
    public Random random() {
      return random;
    }

    /** A long for seeding a property's own {@code Random} or generator (not shrunk). */
    public long seed() {
      return random.nextLong();
    }

    /** A long in [min, max], now and then an edge (min, max, 0, and their neighbours). Not shrunk. */
    public long longBetween(long min, long max) {
      if (random.nextInt(16) == 0) {
        long[] edges = {min, max, 0, min + 1, max - 1, 1, -1};
        long e = edges[random.nextInt(edges.length)];
        if (e >= min && e <= max) return e;
      }
      return uniform(min, max);
    }

    private long uniform(long min, long max) {
      if (max < Long.MAX_VALUE) return random.nextLong(min, max + 1);
      return min == Long.MIN_VALUE ? random.nextLong() : random.nextLong(min - 1, max) + 1;
    }

    /** A whole number in [min, max] (an edge now and then); shrinks towards min. */
    public int intBetween(String name, int min, int max) {
      int drawn;
      if (random.nextInt(16) == 0) drawn = random.nextBoolean() ? min : max;
      else drawn = (int) uniform(min, max);
      int i = choices.size();
      int value = fixed != null && i < fixed.length ? Math.clamp(fixed[i], min, max) : drawn;
      choices.add(new Choice(name, min, value));
      return value;
    }

    /** A boolean; shrinks towards false. */
    public boolean bool(String name) {
      return intBetween(name, 0, 1) == 1;
    }

    int[] choiceValues() {
      return choices.stream().mapToInt(Choice::value).toArray();
    }

    String choiceList() {
      return String.join(",", choices.stream().map(c -> Integer.toString(c.value)).toList());
    }

    String describe() {
      if (choices.isEmpty()) return "(no choices; seed " + seed + ")";
      return String.join(", ", choices.stream().map(c -> c.name + "=" + c.value).toList());
    }
  }
}
