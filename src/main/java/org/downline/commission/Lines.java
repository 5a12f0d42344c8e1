package org.downline.commission;

import java.util.Arrays;

/**
 * The lines of one period in parallel primitive arrays (earner, kind, source order, level,
 * amount) in blocks, appended kind after kind so each kind is one contiguous range. While a rule runs its
 * amounts are exact millionths of a cent and lines with equal (earner, source, level) are merged;
 * when it ends they are rounded to cents, halves away from zero.
 */
public final class Lines implements BonusRule.LineSink {
  public static final int NO_SOURCE = BonusRule.LineSink.NO_SOURCE;

  /**
   * The source of a line that has no source order but a source member (e.g. a match on a binary
   * line names the member whose line it matches): encoded below {@link #NO_SOURCE}, so a source is
   * an order index (>= 0), {@link #NO_SOURCE}, or a member code.
   */
  public static int memberSource(int member) {
    return -2 - member;
  }

  /** True when a line's source is an order (an OrderBook index). */
  public static boolean isOrder(int source) {
    return source >= 0;
  }

  /** The member of a {@link #memberSource} code, or -1 when the source is an order or none. */
  public static int sourceMember(int source) {
    return source <= -2 ? -2 - source : -1;
  }

  // Blocks of 2^20 lines: growing never copies, and no more than one block is ever unused.
  private static final int SHIFT = 20;
  private static final int BLOCK = 1 << SHIFT;
  private static final int MASK = BLOCK - 1;

  private int size;
  private int capacity;
  private int[][] earner = new int[0][];
  private byte[][] kind = new byte[0][];
  private int[][] source = new int[0][];
  private byte[][] level = new byte[0][];
  private long[][] amount = new long[0][];
  private final int[] kindStart = new int[Plan.MAX_BONUSES + 2];
  private final int[] kindEnd = new int[Plan.MAX_BONUSES + 2];
  private int currentKind = -1;
  private int currentStart;

  public Lines() {}

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
      for (int j = size - 1; j >= currentStart && source[j >>> SHIFT][j & MASK] == src; j--) {
        if (earner[j >>> SHIFT][j & MASK] == e && level[j >>> SHIFT][j & MASK] == lvl) {
          amount[j >>> SHIFT][j & MASK] = Math.addExact(amount[j >>> SHIFT][j & MASK], micro);
          return;
        }
      }
    } else if (size > currentStart) {
      int j = size - 1;
      if (source[j >>> SHIFT][j & MASK] == NO_SOURCE && earner[j >>> SHIFT][j & MASK] == e && level[j >>> SHIFT][j & MASK] == lvl) {
        amount[j >>> SHIFT][j & MASK] = Math.addExact(amount[j >>> SHIFT][j & MASK], micro);
        return;
      }
    }
    append(e, src, lvl, micro);
  }

  @Override
  public void addDistinct(int e, int src, int lvl, long micro) {
    if (lvl < 0 || lvl > 127) throw new IllegalArgumentException("level " + lvl + " out of range 0..127");
    append(e, src, lvl, micro);
  }

  /** Adds a line whose amount is already final cents (the caller merged and rounded). */
  void addCents(int e, int src, int lvl, long cents) {
    append(e, src, lvl, cents);
  }

  /**
   * Appends every line of {@code other} (a range's lines computed on another core, amounts as that
   * core left them) as lines of the current kind, in their order: block copies, no per-line work.
   */
  void appendAll(Lines other) {
    int j = 0;
    while (j < other.size) {
      if (size == capacity) grow();
      int b = size >>> SHIFT;
      int i = size & MASK;
      int ob = j >>> SHIFT;
      int oi = j & MASK;
      int n = Math.min(Math.min(BLOCK - i, BLOCK - oi), other.size - j);
      System.arraycopy(other.earner[ob], oi, earner[b], i, n);
      System.arraycopy(other.source[ob], oi, source[b], i, n);
      System.arraycopy(other.level[ob], oi, level[b], i, n);
      System.arraycopy(other.amount[ob], oi, amount[b], i, n);
      Arrays.fill(kind[b], i, i + n, (byte) currentKind);
      size += n;
      j += n;
    }
  }

  private void append(int e, int src, int lvl, long value) {
    if (size == capacity) grow();
    int b = size >>> SHIFT;
    int i = size & MASK;
    earner[b][i] = e;
    kind[b][i] = (byte) currentKind;
    source[b][i] = src;
    level[b][i] = (byte) lvl;
    amount[b][i] = value;
    size++;
  }

  /** Ends the current kind, rounding its exact amounts to cents. */
  void endMicro() {
    roundCurrent();
    kindEnd[currentKind] = size;
  }

  /**
   * Rounds the exact amounts of the current kind's lines (of every line when no kind was begun: a
   * range's own lines) to cents, halves away from zero; then the kind ends with {@link #endCents}.
   * Lets each core round the lines it computed.
   */
  void roundCurrent() {
    for (int j = currentStart; j < size; j++) amount[j >>> SHIFT][j & MASK] = Exact.microToCents(amount[j >>> SHIFT][j & MASK]);
  }

  /**
   * The lines as they stand, for rules reading them on other cores while these lines grow: the
   * blocks are shared (only lines from {@link #size()} on are written later), the block tables
   * copied, so growing these lines never changes what the copy reads.
   */
  Lines frozen() {
    Lines f = new Lines();
    f.size = size;
    f.capacity = capacity;
    f.earner = earner.clone();
    f.kind = kind.clone();
    f.source = source.clone();
    f.level = level.clone();
    f.amount = amount.clone();
    System.arraycopy(kindStart, 0, f.kindStart, 0, kindStart.length);
    System.arraycopy(kindEnd, 0, f.kindEnd, 0, kindEnd.length);
    f.currentKind = currentKind;
    f.currentStart = size;
    return f;
  }

  /** Ends the current kind whose amounts are already cents. */
  void endCents() {
    kindEnd[currentKind] = size;
  }

  private void grow() {
    int blocks = earner.length + 1;
    earner = Arrays.copyOf(earner, blocks);
    kind = Arrays.copyOf(kind, blocks);
    source = Arrays.copyOf(source, blocks);
    level = Arrays.copyOf(level, blocks);
    amount = Arrays.copyOf(amount, blocks);
    earner[blocks - 1] = new int[BLOCK];
    kind[blocks - 1] = new byte[BLOCK];
    source[blocks - 1] = new int[BLOCK];
    level[blocks - 1] = new byte[BLOCK];
    amount[blocks - 1] = new long[BLOCK];
    capacity += BLOCK;
  }

  public int size() {
    return size;
  }

  public int earner(int j) {
    return earner[j >>> SHIFT][j & MASK];
  }

  public int kind(int j) {
    return kind[j >>> SHIFT][j & MASK];
  }

  public int source(int j) {
    return source[j >>> SHIFT][j & MASK];
  }

  public int level(int j) {
    return level[j >>> SHIFT][j & MASK];
  }

  public long amount(int j) {
    return amount[j >>> SHIFT][j & MASK];
  }

  void setAmount(int j, long cents) {
    amount[j >>> SHIFT][j & MASK] = cents;
  }

  /** First line of a kind (lines of a kind are contiguous). */
  public int kindStart(int k) {
    return kindStart[k];
  }

  public int kindEnd(int k) {
    return kindEnd[k];
  }
}
