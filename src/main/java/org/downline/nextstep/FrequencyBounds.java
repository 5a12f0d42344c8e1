package org.downline.nextstep;

import java.util.Arrays;

/**
 * The purchase-frequency segments as the lower bounds of their order counts: the default
 * {@code 1, 2, 4, 7, 11} gives {@code 1}, {@code 2-3}, {@code 4-6}, {@code 7-10} and {@code 11+}.
 * The last segment is open-ended; {@code lapsed} (no order) always follows.
 */
public final class FrequencyBounds {
  public static final String LAPSED = "lapsed";
  public static final FrequencyBounds DEFAULT = new FrequencyBounds(1, 2, 4, 7, 11);

  private final int[] lower;
  private final String[] labels;
  /** Segment of each order count below the last bound, so a member is placed without a search. */
  private final byte[] segmentOfCount;

  public FrequencyBounds(int... lowerBounds) {
    if (lowerBounds.length == 0) throw new IllegalArgumentException("segment bounds: at least one bound is needed");
    if (lowerBounds.length > 100) throw new IllegalArgumentException("segment bounds: at most 100 segments");
    if (lowerBounds[0] != 1) {
      throw new IllegalArgumentException("segment bounds: the first segment must start at 1 order, not " + lowerBounds[0]);
    }
    for (int k = 1; k < lowerBounds.length; k++) {
      if (lowerBounds[k] <= lowerBounds[k - 1]) {
        throw new IllegalArgumentException("segment bounds must increase: " + Arrays.toString(lowerBounds));
      }
    }
    if (lowerBounds[lowerBounds.length - 1] > 10_000) {
      throw new IllegalArgumentException("segment bounds: the last bound may be at most 10000");
    }
    this.lower = lowerBounds.clone();
    int s = lower.length;
    labels = new String[s + 1];
    for (int k = 0; k < s; k++) {
      if (k == s - 1) labels[k] = lower[k] + "+";
      else if (lower[k + 1] - 1 == lower[k]) labels[k] = Integer.toString(lower[k]);
      else labels[k] = lower[k] + "-" + (lower[k + 1] - 1);
    }
    labels[s] = LAPSED;
    segmentOfCount = new byte[lower[s - 1]];
    int seg = -1;
    for (int c = 1; c < segmentOfCount.length; c++) {
      while (seg + 1 < s && lower[seg + 1] <= c) seg++;
      segmentOfCount[c] = (byte) seg;
    }
  }

  /** Number of ordering segments (the lapsed segment not included). */
  public int count() {
    return lower.length;
  }

  /** Index of the lapsed segment, after all ordering segments. */
  public int lapsed() {
    return lower.length;
  }

  public int lowerBound(int segment) {
    return lower[segment];
  }

  public int[] lowerBounds() {
    return lower.clone();
  }

  /** Label of a segment index ({@code 0..count()}, the last being {@code lapsed}). */
  public String label(int segment) {
    return labels[segment];
  }

  /** Segment index of a label, or -1. */
  public int indexOf(String label) {
    for (int k = 0; k < labels.length; k++) if (labels[k].equals(label)) return k;
    return -1;
  }

  /** Segment index for a number of orders; 0 orders is {@link #lapsed()}. */
  public int segmentOf(int orders) {
    if (orders <= 0) return lower.length;
    return orders < segmentOfCount.length ? segmentOfCount[orders] : lower.length - 1;
  }

  @Override
  public String toString() {
    return String.join(", ", labels);
  }
}
