package org.downline.commission;

import java.util.Arrays;

/**
 * The lines of one period in parallel primitive arrays (earner, kind, source order, level,
 * amount), appended kind after kind so each kind is one contiguous range. While a rule runs its
 * amounts are exact millionths of a cent and lines with equal (earner, source, level) are merged;
 * when it ends they are rounded to cents, halves away from zero.
 */
public final class Lines implements BonusRule.LineSink {
  public static final int NO_SOURCE = BonusRule.LineSink.NO_SOURCE;

  private int size;
  private int[] earner;
  private byte[] kind;
  private int[] source;
  private byte[] level;
  private long[] amount;
  private final int[] kindStart = new int[Plan.MAX_BONUSES + 2];
  private final int[] kindEnd = new int[Plan.MAX_BONUSES + 2];
  private int currentKind = -1;
  private int currentStart;

  public Lines() {
    this(1024);
  }

  public Lines(int capacity) {
    int c = Math.max(16, capacity);
    earner = new int[c];
    kind = new byte[c];
    source = new int[c];
    level = new byte[c];
    amount = new long[c];
  }

  /** Starts the lines of one kind. */
  void begin(int k) {
    currentKind = k;
    currentStart = size;
    kindStart[k] = size;
    kindEnd[k] = size;
  }

  /** Adds an exact amount in millionths of a cent, merging with an equal key of the same source. */
  @Override
  public void add(int e, int src, int lvl, long micro) {
    if (lvl < 0 || lvl > 127) throw new IllegalArgumentException("level " + lvl + " out of range 0..127");
    if (src != NO_SOURCE) {
      for (int j = size - 1; j >= currentStart && source[j] == src; j--) {
        if (earner[j] == e && level[j] == lvl) {
          amount[j] = Math.addExact(amount[j], micro);
          return;
        }
      }
    } else if (size > currentStart && source[size - 1] == NO_SOURCE && earner[size - 1] == e && level[size - 1] == lvl) {
      amount[size - 1] = Math.addExact(amount[size - 1], micro);
      return;
    }
    append(e, src, lvl, micro);
  }

  /** Adds a line whose amount is already final cents (the caller merged and rounded). */
  void addCents(int e, int src, int lvl, long cents) {
    append(e, src, lvl, cents);
  }

  private void append(int e, int src, int lvl, long value) {
    if (size == earner.length) grow();
    earner[size] = e;
    kind[size] = (byte) currentKind;
    source[size] = src;
    level[size] = (byte) lvl;
    amount[size] = value;
    size++;
  }

  /** Ends the current kind, rounding its exact amounts to cents. */
  void endMicro() {
    for (int j = currentStart; j < size; j++) amount[j] = Exact.microToCents(amount[j]);
    kindEnd[currentKind] = size;
  }

  /** Ends the current kind whose amounts are already cents. */
  void endCents() {
    kindEnd[currentKind] = size;
  }

  private void grow() {
    int c = earner.length + (earner.length >> 1);
    earner = Arrays.copyOf(earner, c);
    kind = Arrays.copyOf(kind, c);
    source = Arrays.copyOf(source, c);
    level = Arrays.copyOf(level, c);
    amount = Arrays.copyOf(amount, c);
  }

  public int size() {
    return size;
  }

  public int earner(int j) {
    return earner[j];
  }

  public int kind(int j) {
    return kind[j];
  }

  public int source(int j) {
    return source[j];
  }

  public int level(int j) {
    return level[j];
  }

  public long amount(int j) {
    return amount[j];
  }

  void setAmount(int j, long cents) {
    amount[j] = cents;
  }

  /** First line of a kind (lines of a kind are contiguous). */
  public int kindStart(int k) {
    return kindStart[k];
  }

  public int kindEnd(int k) {
    return kindEnd[k];
  }
}
