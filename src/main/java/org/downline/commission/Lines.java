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
  private final long[] kindTotal = new long[Plan.MAX_BONUSES + 2];
  private int currentKind = -1;
  private int currentStart;
  /** Where new blocks come from and released ones go; null: always new ones, never handed back. */
  private final Pool pool;
  private boolean released;

  public Lines() {
    this(null);
  }

  /** Lines whose blocks come from {@code pool} when it has some, and go back to it on {@link #release}. */
  Lines(Pool pool) {
    this.pool = pool;
  }

  /**
   * Blocks of lines handed back by released lines, for the next lines of the same engine to write
   * over (ADR 42): a period's lines are about 0.8 GB at a million members, and new blocks are
   * zeroed, touched for the first time and, when garbage, reclaimed only by a concurrent mark that
   * competes for the cores. Blocks taken from here hold old lines; nothing reads a line before it is
   * written (every line below {@link #size()} was written by this {@code Lines}). Thread-safe: lines
   * may be released on another thread than the one computing the next.
   */
  static final class Pool {
    private final java.util.ArrayDeque<Object[]> free = new java.util.ArrayDeque<>();

    synchronized Object[] take() {
      return free.poll();
    }

    synchronized void give(Object[] block) {
      free.push(block);
    }

    /** Lets the collector have the blocks waiting here. */
    synchronized void clear() {
      free.clear();
    }

    /** Blocks waiting to be reused. */
    synchronized int size() {
      return free.size();
    }
  }

  /**
   * Hands every block back to the pool these lines came from (if any) and makes these lines
   * unreadable: {@link #size()} fails, as does reading any line, so nothing can read a line that a
   * later compute has written over its block. Call it only when no thread reads these lines any
   * more. Releasing again does nothing.
   */
  void release() {
    if (released) return;
    released = true;
    if (pool != null) {
      for (int b = 0; b < earner.length; b++) {
        if (earner[b] != null) pool.give(new Object[] {earner[b], kind[b], source[b], level[b], amount[b]});
      }
    }
    earner = new int[0][];
    kind = new byte[0][];
    source = new int[0][];
    level = new byte[0][];
    amount = new long[0][];
    capacity = 0;
  }

  /** Starts the lines of one kind. */
  void begin(int k) {
    currentKind = k;
    currentStart = size;
    kindStart[k] = size;
    kindEnd[k] = size;
    kindTotal[k] = 0;
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
    endCents(roundCurrent());
  }

  /**
   * Rounds the exact amounts of the current kind's lines (of every line when no kind was begun: a
   * range's own lines) to cents, halves away from zero, and returns their sum; then the kind ends
   * with {@link #endCents(long)}. Lets each core round the lines it computed.
   */
  long roundCurrent() {
    long total = 0;
    for (int j = currentStart; j < size; j++) {
      long cents = Exact.microToCents(amount[j >>> SHIFT][j & MASK]);
      amount[j >>> SHIFT][j & MASK] = cents;
      total = Math.addExact(total, cents);
    }
    return total;
  }

  /**
   * The lines as they stand, for rules reading them on other cores while these lines grow: the
   * blocks are shared (only lines from {@link #size()} on are written later), the block tables
   * copied, so growing these lines never changes what the copy reads.
   */
  Lines frozen() {
    // No pool: a frozen copy shares the blocks and never hands them back.
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
    long total = 0;
    for (int j = currentStart; j < size; j++) total = Math.addExact(total, amount[j >>> SHIFT][j & MASK]);
    endCents(total);
  }

  /** Ends the current kind whose amounts are already cents and add up to {@code total}. */
  void endCents(long total) {
    kindEnd[currentKind] = size;
    kindTotal[currentKind] = total;
  }

  /**
   * Makes room for the lines of consecutive ranges of the current kind, {@code counts[i]} lines for
   * range i, placed one range after another from {@link #size()}; returns one writer per range.
   * The writers may run on several threads at once; {@link #placed} then checks that each wrote
   * exactly its count and makes the lines part of these. A block holding the start of a range is
   * made here; every other new block lies within one range and is made by that range's writer, on
   * its own core (zeroing fresh memory is a good part of the cost of a line).
   */
  Writer[] place(long[] counts) {
    long end = size;
    for (long c : counts) {
      if (c < 0) throw new IllegalArgumentException("negative count " + c);
      end += c;
    }
    if (end > Integer.MAX_VALUE) throw new IllegalStateException("more than " + Integer.MAX_VALUE + " lines in a period");
    int blocks = (int) ((end + MASK) >>> SHIFT);
    if (blocks > earner.length) {
      earner = Arrays.copyOf(earner, blocks);
      kind = Arrays.copyOf(kind, blocks);
      source = Arrays.copyOf(source, blocks);
      level = Arrays.copyOf(level, blocks);
      amount = Arrays.copyOf(amount, blocks);
    }
    Writer[] w = new Writer[counts.length];
    long at = size;
    for (int r = 0; r < counts.length; r++) {
      if (at < end) makeBlock((int) (at >>> SHIFT));
      w[r] = new Writer((int) at, (int) (at + counts[r]));
      at += counts[r];
    }
    return w;
  }

  /**
   * After every writer of {@link #place} has ended: checks each wrote its count, takes the lines in
   * and returns the sum of their amounts (cents).
   */
  long placed(Writer[] writers, String rule) {
    long total = 0;
    for (int r = 0; r < writers.length; r++) {
      Writer w = writers[r];
      if (w.at != w.end) {
        throw new IllegalStateException(rule + ": range " + r + " counted " + (w.end - w.start) + " lines and wrote " + (w.at - w.start));
      }
      total = Math.addExact(total, w.total);
    }
    if (writers.length > 0) size = writers[writers.length - 1].end;
    capacity = earner.length << SHIFT;
    return total;
  }

  private void makeBlock(int b) {
    if (earner[b] != null) return;
    Object[] reused = pool == null ? null : pool.take();
    if (reused != null) {
      earner[b] = (int[]) reused[0];
      kind[b] = (byte[]) reused[1];
      source[b] = (int[]) reused[2];
      level[b] = (byte[]) reused[3];
      amount[b] = (long[]) reused[4];
      return;
    }
    earner[b] = new int[BLOCK];
    kind[b] = new byte[BLOCK];
    source[b] = new int[BLOCK];
    level[b] = new byte[BLOCK];
    amount[b] = new long[BLOCK];
  }

  /**
   * Writes one range's lines at their place (see {@link #place}), rounding each exact amount to
   * cents as it goes (a split rule's lines never merge, so rounding each line as it is written is
   * rounding them at the end). Only {@link #addDistinct}: a split rule adds nothing that merges.
   */
  final class Writer implements BonusRule.LineSink {
    private final int start;
    private final int end;
    /** Next line to write, counted in the whole. */
    private int at;
    /** Within the current block: next index, and the end of this range there. */
    private int i;
    private int stop;
    private int[] e;
    private int[] s;
    private byte[] l;
    private long[] a;
    private long total;

    private Writer(int start, int end) {
      this.start = start;
      this.end = end;
      this.at = start;
    }

    @Override
    public void add(int earner, int src, int lvl, long micro) {
      throw new IllegalStateException("a split rule adds its lines with addDistinct");
    }

    @Override
    public void addDistinct(int earner, int src, int lvl, long micro) {
      if (lvl < 0 || lvl > 127) throw new IllegalArgumentException("level " + lvl + " out of range 0..127");
      if (i == stop) enter();
      long cents = Exact.microToCents(micro);
      e[i] = earner;
      s[i] = src;
      l[i] = (byte) lvl;
      a[i] = cents;
      i++;
      at++;
      total = Math.addExact(total, cents);
    }

    private void enter() {
      if (at >= end) throw new IllegalStateException("a split rule wrote more lines than it counted");
      int b = at >>> SHIFT;
      makeBlock(b);
      e = earner[b];
      s = source[b];
      l = level[b];
      a = amount[b];
      i = at & MASK;
      stop = (int) Math.min(BLOCK, end - ((long) b << SHIFT));
      Arrays.fill(kind[b], i, stop, (byte) currentKind);
    }
  }

  private void grow() {
    int blocks = earner.length + 1;
    earner = Arrays.copyOf(earner, blocks);
    kind = Arrays.copyOf(kind, blocks);
    source = Arrays.copyOf(source, blocks);
    level = Arrays.copyOf(level, blocks);
    amount = Arrays.copyOf(amount, blocks);
    makeBlock(blocks - 1);
    capacity += BLOCK;
  }

  public int size() {
    if (released) throw new IllegalStateException("the lines of a released period result are no longer readable");
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

  /** The sum of a kind's amounts in cents (after rounding, before the cap scales any). */
  long kindTotal(int k) {
    return kindTotal[k];
  }
}
