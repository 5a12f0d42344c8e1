package org.downline.commission;

import java.util.function.IntConsumer;

/**
 * Work cut into consecutive ranges run on several cores, for the engines whose passes split (the
 * commission rules of {@link BonusRule.Split}, the per-member passes of next steps). The callers
 * merge the ranges' results in range order or by exact sums, so that the result never depends on
 * the number of threads (ADR 23, ADR 26).
 */
public final class Cores {
  private Cores() {}

  /**
   * Cores a split pass may use: the system property {@code downline.threads} (1 forces one thread),
   * else every available processor.
   */
  public static int threads() {
    return Math.max(1, Integer.getInteger("downline.threads", Runtime.getRuntime().availableProcessors()));
  }

  /**
   * Fewest units (orders, lines, members) worth a thread of their own: below it a thread costs more
   * than it saves. The property {@code downline.threads.min} lowers it so that tests split small companies.
   */
  public static int minUnits() {
    return Math.max(1, Integer.getInteger("downline.threads.min", 50_000));
  }

  /** How many ranges {@code units} are cut into on up to {@code threads} cores, each of at least {@code minUnits}. */
  public static int parts(int units, int threads, int minUnits) {
    return (int) Math.min(Math.max(1, threads), Math.max(1, units / Math.max(1, minUnits)));
  }

  /** First unit of range {@code part} of {@code parts} over {@code units} (range i is {@code from(i)..from(i+1)-1}). */
  public static int from(int units, int parts, int part) {
    return (int) ((long) units * part / parts);
  }

  /**
   * Runs {@code part.accept(i)} for every {@code i} in {@code 0..parts-1}, range 0 on the calling
   * thread and the others on threads of their own, and returns when all have ended. A failure in any
   * range is thrown after every range has ended, the lowest range's first.
   */
  public static void run(String name, int parts, IntConsumer part) {
    if (parts <= 1) {
      part.accept(0);
      return;
    }
    Throwable[] failed = new Throwable[parts];
    Thread[] workers = new Thread[parts];
    for (int i = 1; i < parts; i++) {
      int p = i;
      workers[i] = Thread.ofPlatform().daemon().name(name + "-" + i).start(() -> {
        try {
          part.accept(p);
        } catch (Throwable t) {
          failed[p] = t;
        }
      });
    }
    try {
      part.accept(0);
    } catch (Throwable t) {
      failed[0] = t;
    }
    boolean interrupted = false;
    for (Thread w : workers) {
      while (w != null) {
        try {
          w.join();
          break;
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
    }
    if (interrupted) Thread.currentThread().interrupt();
    for (Throwable t : failed) {
      if (t instanceof RuntimeException r) throw r;
      if (t instanceof Error e) throw e;
      if (t != null) throw new IllegalStateException(t);
    }
  }
}
