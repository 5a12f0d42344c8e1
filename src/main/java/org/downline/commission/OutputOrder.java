package org.downline.commission;

import java.util.Arrays;

/**
 * The spec's output order, "plain string order as String.compareTo", without comparing strings
 * per line: member ids and order ids are sorted once to ranks, then lines are grouped by earner
 * rank with a counting sort and ordered inside each earner by a packed key (kind name rank, source
 * order rank or source member rank, level as a number). Keys are unique within an earner because equal keys were merged.
 * Build once per run (the id sorts are the costly part) and use for every period.
 */
public final class OutputOrder {
  /** memberRank[i] = position of member i's id in string order. */
  public final int[] memberRank;
  /** membersByRank[r] = member index at rank r. */
  public final int[] membersByRank;
  /** orderRank[o] = position of order o's id in string order. */
  public final int[] orderRank;
  private final int[] ordersByRank;
  private final int[] kindRank;
  private final int[] kindByRank;

  public OutputOrder(String[] memberIds, String[] orderIds, Plan plan) {
    membersByRank = sortedIndexes(memberIds);
    memberRank = inverse(membersByRank);
    ordersByRank = sortedIndexes(orderIds);
    orderRank = inverse(ordersByRank);
    java.util.List<String> kinds = plan.lineKinds();
    kindByRank = sortedIndexes(kinds.toArray(String[]::new));
    kindRank = inverse(kindByRank);
  }

  /**
   * The same with the order ids read as the book's bytes, no string each (a file mode's order book
   * holds them packed, ADR 36, and a String[] of them stays with the book once made: about 170 MB at
   * 3 M orders in a run that has 2 GB). Byte order is String.compareTo's for ASCII ids; a book with
   * other ids is sorted by its strings.
   */
  public OutputOrder(org.downline.network.Network network, org.downline.network.OrderBook book, Plan plan) {
    membersByRank = sortedIndexes(network.ids());
    memberRank = inverse(membersByRank);
    org.downline.network.OrderBook.IdBytes orderIds = book.idBytes();
    ordersByRank = orderIds.ascii() ? sortedIndexes(new Texts() {
      @Override
      public int size() {
        return orderIds.size();
      }

      @Override
      public int length(int i) {
        return orderIds.length(i);
      }

      @Override
      public int at(int i, int p) {
        return orderIds.byteAt(i, p);
      }

      @Override
      public int compare(int a, int b) {
        return orderIds.compare(a, b);
      }
    }) : sortedIndexes(book.ids());
    orderRank = inverse(ordersByRank);
    java.util.List<String> kinds = plan.lineKinds();
    kindByRank = sortedIndexes(kinds.toArray(String[]::new));
    kindRank = inverse(kindByRank);
  }

  /** Texts to sort: each a sequence of characters (or bytes) compared as String.compareTo compares. */
  interface Texts {
    int size();

    int length(int i);

    /** Character p of text i. */
    int at(int i, int p);

    int compare(int a, int b);
  }

  /** Indexes of {@code ids} in String.compareTo order (see {@link #sortedIndexes(Texts)}). */
  static int[] sortedIndexes(String[] ids) {
    return sortedIndexes(new Texts() {
      @Override
      public int size() {
        return ids.length;
      }

      @Override
      public int length(int i) {
        return ids[i].length();
      }

      @Override
      public int at(int i, int p) {
        return ids[i].charAt(p);
      }

      @Override
      public int compare(int a, int b) {
        return ids[a].compareTo(ids[b]);
      }
    });
  }

  /**
   * Indexes of {@code ids} in their order. Fast path: each id's 8 characters after the
   * prefix all ids share are packed into a long (when they are all below 256) and sorted with the
   * index alongside; ids whose packed keys tie are then ordered by the full comparison.
   */
  static int[] sortedIndexes(Texts ids) {
    int n = ids.size();
    if (n == 0) return new int[0];
    int prefix = ids.length(0);
    for (int i = 1; i < n && prefix > 0; i++) {
      int l = Math.min(prefix, ids.length(i));
      int p = 0;
      while (p < l && ids.at(0, p) == ids.at(i, p)) p++;
      prefix = p;
    }
    long[] keys = new long[n];
    long[] index = new long[n];
    for (int i = 0; i < n; i++) {
      int length = ids.length(i);
      long k = 0;
      for (int c = 0; c < 8; c++) {
        int at = prefix + c;
        int ch = at < length ? ids.at(i, at) : 0;
        if (ch > 0xFF) return comparatorSort(ids);
        k = k << 8 | ch;
      }
      keys[i] = k ^ Long.MIN_VALUE; // unsigned order as signed order
      index[i] = i;
    }
    sortPairs(keys, index, 0, n);
    int[] out = new int[n];
    for (int i = 0; i < n; i++) out[i] = (int) index[i];
    for (int i = 0; i < n; ) {
      int j = i + 1;
      while (j < n && keys[j] == keys[i]) j++;
      if (j - i > 1) {
        Integer[] tie = new Integer[j - i];
        for (int t = 0; t < tie.length; t++) tie[t] = out[i + t];
        Arrays.sort(tie, ids::compare);
        for (int t = 0; t < tie.length; t++) out[i + t] = tie[t];
      }
      i = j;
    }
    return out;
  }

  private static int[] comparatorSort(Texts ids) {
    Integer[] idx = new Integer[ids.size()];
    for (int i = 0; i < idx.length; i++) idx[i] = i;
    Arrays.parallelSort(idx, ids::compare);
    int[] out = new int[idx.length];
    for (int i = 0; i < idx.length; i++) out[i] = idx[i];
    return out;
  }

  static int[] inverse(int[] perm) {
    int[] inv = new int[perm.length];
    for (int i = 0; i < perm.length; i++) inv[perm[i]] = i;
    return inv;
  }

  /**
   * Receives lines in output order. {@code source} is an OrderBook index, {@link Lines#NO_SOURCE}, or
   * a {@link Lines#memberSource} code.
   */
  public interface Visitor {
    void line(int earner, int kind, int source, int level, long amount) throws java.io.IOException;
  }

  /**
   * Visits a period's lines in output order: earner id, kind name, source order id (none first),
   * source member id (none first), level as a number. Lines are grouped by earner with a counting sort, then each earner's lines are
   * sorted by a packed key with their amounts alongside; kind, source and level are decoded from
   * the key, so the sort touches two primitive arrays per earner and nothing else.
   */
  public void forEach(Lines lines, Visitor visitor) throws java.io.IOException {
    forEachRanked(lines, (earnerRank, kind, sourceRank, level, amount) -> visitor.line(membersByRank[earnerRank], kind,
        sourceRank == NO_RANK ? Lines.NO_SOURCE
            : sourceRank < NO_RANK ? Lines.memberSource(membersByRank[memberRankOf(sourceRank)]) : ordersByRank[sourceRank],
        level, amount));
  }

  /** Source rank of a line without a source order or member. */
  public static final int NO_RANK = -1;

  /**
   * The source rank of a line whose source is a member (no order): below {@link #NO_RANK}, the
   * member's rank in id order encoded like {@link Lines#memberSource}.
   */
  public static int memberRankOf(int sourceRank) {
    return -2 - sourceRank;
  }

  /**
   * Receives lines in output order by ranks: the earner's position in member id order and the source
   * order's position in order id order ({@link #NO_RANK} when none; below it, a source member's rank,
   * see {@link #memberRankOf}). Writers that lay their id texts
   * out by rank then read them in ascending addresses instead of jumping through the order book.
   */
  public interface RankedVisitor {
    void line(int earnerRank, int kind, int sourceRank, int level, long amount) throws java.io.IOException;
  }

  /** {@link #forEach} by ranks (see {@link RankedVisitor}), all on the calling thread. */
  public void forEachRanked(Lines lines, RankedVisitor visitor) throws java.io.IOException {
    forEachRanked(lines, visitor, false);
  }

  /**
   * {@link #forEach} by ranks. With {@code pipelined}, the visitor runs on one other thread, chunk
   * after chunk in order, while this thread groups and sorts the next chunk: on two cores writing
   * the CSV overlaps the grouping. Visitor calls never overlap each other, and all have returned
   * (their effects visible to the caller) when this method returns.
   */
  public void forEachRanked(Lines lines, RankedVisitor visitor, boolean pipelined) throws java.io.IOException {
    forEachRanked(lines, visitor, pipelined, CHUNK);
  }

  /** {@link #forEachRanked(Lines, RankedVisitor, boolean)} with chunks of at most {@code chunk} lines (tests force many). */
  void forEachRanked(Lines lines, RankedVisitor visitor, boolean pipelined, int chunk) throws java.io.IOException {
    if (!pipelined) {
      forEachChunk(lines, c -> {
        c.visit(visitor);
        return null;
      }, 1, chunk);
      return;
    }
    java.util.concurrent.ExecutorService writer = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "lines-in-order");
      t.setDaemon(true);
      return t;
    });
    try {
      forEachChunk(lines, c -> writer.submit(() -> {
        c.visit(visitor);
        return null;
      }), 2, chunk);
    } finally {
      writer.shutdownNow();
    }
  }

  /**
   * One chunk of earners (consecutive ranks) with their lines grouped and in output order, valid until
   * the future its {@link ChunkVisitor} returned is done.
   */
  public final class Chunk {
    private final long[] keys;
    private final long[] amounts;
    private final int[] start;
    private final int base;
    private final int first;
    private final int last;

    private Chunk(long[] keys, long[] amounts, int[] start, int base, int first, int last) {
      this.keys = keys;
      this.amounts = amounts;
      this.start = start;
      this.base = base;
      this.first = first;
      this.last = last;
    }

    /** First earner rank of the chunk. */
    public int first() {
      return first;
    }

    /** Past the last earner rank of the chunk. */
    public int last() {
      return last;
    }

    /** Lines in the chunk. */
    public int size() {
      return start[last] - base;
    }

    /** Visits all the chunk's lines in output order. */
    public void visit(RankedVisitor visitor) throws java.io.IOException {
      visitLines(0, size(), visitor);
    }

    /**
     * Visits the chunk's lines at positions {@code from..to} (0 .. {@link #size()}) in output order;
     * several threads may visit disjoint ranges at once.
     */
    public void visitLines(int from, int to, RankedVisitor visitor) throws java.io.IOException {
      if (from < 0 || to > size() || from > to) throw new IndexOutOfBoundsException(from + ".." + to + " of " + size());
      if (from < to) OutputOrder.this.visitLines(keys, amounts, start, base, first, last, from, to, visitor);
    }
  }

  /** Receives the chunks in order; returns a future done when the chunk is no longer read (null: done on return). */
  public interface ChunkVisitor {
    java.util.concurrent.Future<?> chunk(Chunk chunk) throws java.io.IOException;
  }

  /**
   * Groups and sorts the period's lines chunk after chunk of earners, in output order, and hands each
   * chunk to {@code visitor} on this thread, in order. The chunks are grouped on {@link #GROUPERS}
   * threads, two at a time, into three chunk buffers (each a third of the chunk size, the memory of
   * one): the grouping, a pass over every line with random reads and writes, was most of a file
   * mode's writing once the formatting took both cores, and one thread could not keep up. A
   * buffer is grouped into again only once the visitor's work on its previous chunk is done.
   */
  public void forEachChunk(Lines lines, ChunkVisitor visitor) throws java.io.IOException {
    forEachChunk(lines, visitor, GROUPERS + 1, CHUNK, GROUPERS);
  }

  void forEachChunk(Lines lines, ChunkVisitor visitor, int sets, int chunk) throws java.io.IOException {
    forEachChunk(lines, visitor, sets, chunk, 1);
  }

  /** Threads grouping chunks at once in {@link #forEachChunk(Lines, ChunkVisitor)}: the machine's two cores. */
  static final int GROUPERS = 2;

  /**
   * With {@code groupers} above 1, chunks are grouped on that many threads of their own (at most
   * {@code sets - 1} ahead of the one being visited); with 1, on this thread.
   */
  void forEachChunk(Lines lines, ChunkVisitor visitor, int sets, int chunk, int groupers) throws java.io.IOException {
    if (groupers <= 1) {
      forEachChunk(lines, visitor, sets, chunk, null);
      return;
    }
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(groupers, r -> {
      Thread t = new Thread(r, "lines-group");
      t.setDaemon(true);
      return t;
    });
    try {
      forEachChunk(lines, visitor, sets, chunk, pool, groupers);
    } finally {
      // Also on failure: groupings not begun are dropped, those under way end (they wait for the
      // visitor's work that frees their buffers, which the caller has awaited).
      pool.shutdownNow();
      try {
        if (!pool.awaitTermination(1, java.util.concurrent.TimeUnit.MINUTES)) throw new IllegalStateException("grouping did not end");
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new java.io.InterruptedIOException("interrupted while grouping lines");
      }
    }
  }

  /** Runs {@code part(from, to, p)} over {@code parts} ranges cutting {@code 0..size} on the pool (here with none). */
  private static void inParts(java.util.concurrent.ExecutorService pool, int parts, int size, Part part) throws java.io.IOException {
    if (pool == null || parts <= 1) {
      part.run(0, size, 0);
      return;
    }
    java.util.List<java.util.concurrent.Future<Object>> running = new java.util.ArrayList<>();
    for (int p = 0; p < parts; p++) {
      int from = (int) ((long) size * p / parts);
      int to = (int) ((long) size * (p + 1) / parts);
      int q = p;
      running.add(pool.submit(() -> {
        part.run(from, to, q);
        return null;
      }));
    }
    for (java.util.concurrent.Future<Object> f : running) await(f);
  }

  private interface Part {
    void run(int from, int to, int part);
  }

  private void forEachChunk(Lines lines, ChunkVisitor visitor, int sets, int chunk, java.util.concurrent.ExecutorService pool)
      throws java.io.IOException {
    forEachChunk(lines, visitor, sets, chunk, pool, 1);
  }

  /** With {@code pool} (null: all on this thread), chunks are grouped on its threads, the passes before cut in {@code parts}. */
  private void forEachChunk(Lines lines, ChunkVisitor visitor, int sets, int chunk, java.util.concurrent.ExecutorService pool,
      int parts) throws java.io.IOException {
    int size = lines.size();
    int members = memberRank.length;
    int[] start = new int[members + 1];
    // Each part counts its lines per earner on its own, then the counts are added.
    int[][] counts = new int[parts][];
    counts[0] = start;
    inParts(pool, parts, size, (from, to, p) -> {
      int[] count = p == 0 ? start : (counts[p] = new int[members + 1]);
      for (int j = from; j < to; j++) count[memberRank[lines.earner(j)] + 1]++;
    });
    for (int p = 1; p < parts; p++) for (int r = 0; r <= members; r++) start[r] += counts[p][r];
    for (int r = 0; r < members; r++) start[r + 1] += start[r];
    // Lines are read kind after kind in kind name order, so each earner's lines arrive already in
    // kind order, and within a kind in the engine's order, which for the usual rules is already by
    // source and level: most earners then need no sort, only the check that they are in order.
    int[] ranges = kindRanges(lines);
    // Earners are taken in chunks of consecutive ranks holding at most `chunk` lines (which bounds the
    // (key, amount) buffers). Each line's chunk is noted first (a byte a line, one pass with the
    // earner's rank), so that each chunk's pass reads a byte per line and looks up only its own
    // lines; with very many chunks (hundreds of millions of lines) each chunk's lines are listed
    // instead (4 bytes a line), so that a chunk reads only its own lines.
    // With several sets, chunk buffers of a part of the size each alternate: some being filled, one being visited.
    int chunkLines = Math.max(1, chunk / sets); // the same memory either way: file mode runs in a 2 GB heap
    int[] chunkFirst = new int[17];
    int chunks = 0;
    int[] chunkOfRank = new int[members];
    for (int first = 0; first < members; ) {
      int last = first + 1;
      while (last < members && start[last + 1] - start[first] <= chunkLines) last++;
      if (chunks + 2 > chunkFirst.length) chunkFirst = Arrays.copyOf(chunkFirst, chunkFirst.length * 2);
      chunkFirst[chunks] = first;
      Arrays.fill(chunkOfRank, first, last, chunks);
      chunks++;
      first = last;
    }
    chunkFirst[chunks] = members;
    int[] lineAt = null;
    byte[] chunkOfLine = null;
    if (chunks > LISTED_CHUNKS) {
      lineAt = new int[size];
      int[] chunkFill = new int[chunks];
      for (int c = 0; c < chunks; c++) chunkFill[c] = start[chunkFirst[c]];
      for (int g = 0; g < ranges.length; g += 2) {
        for (int j = ranges[g]; j < ranges[g + 1]; j++) lineAt[chunkFill[chunkOfRank[memberRank[lines.earner(j)]]]++] = j;
      }
    } else if (chunks > 1) {
      byte[] chunkOf = chunkOfLine = new byte[size];
      int[] chunkAt = chunkOfRank;
      inParts(pool, parts, size, (from, to, p) -> {
        for (int j = from; j < to; j++) chunkOf[j] = (byte) chunkAt[memberRank[lines.earner(j)]];
      });
    }
    chunkOfRank = null;

    Grouping grouping = new Grouping(lines, start, ranges, chunkFirst, lineAt, chunkOfLine, sets, Math.min(size, chunkLines));
    if (pool == null) {
      java.util.concurrent.Future<?>[] pending = new java.util.concurrent.Future<?>[sets];
      try {
        for (int c = 0; c < chunks; c++) {
          int set = c % sets;
          if (pending[set] != null) await(pending[set]);
          pending[set] = visitor.chunk(grouping.group(c, set));
        }
      } finally {
        // Also on failure: the visitor's work may still read the buffers, and its error comes first.
        for (java.util.concurrent.Future<?> p : pending) if (p != null) await(p);
      }
      return;
    }
    // visited[c]: done when the visitor no longer reads chunk c (its set may be grouped into again).
    java.util.concurrent.Future<?>[] visited = new java.util.concurrent.Future<?>[chunks];
    java.util.List<java.util.concurrent.Future<Chunk>> grouped = new java.util.ArrayList<>(chunks);
    java.util.function.IntConsumer submit = c -> {
      int set = c % sets;
      grouped.add(pool.submit(() -> {
        if (c >= sets) await(visited[c - sets]);
        return grouping.group(c, set);
      }));
    };
    try {
      for (int c = 0; c < Math.min(chunks, sets); c++) submit.accept(c);
      for (int c = 0; c < chunks; c++) {
        java.util.concurrent.Future<?> done = visitor.chunk(await(grouped.get(c)));
        visited[c] = done == null ? java.util.concurrent.CompletableFuture.completedFuture(null) : done;
        if (c + sets < chunks) submit.accept(c + sets);
      }
    } finally {
      // Also on failure: the visitor's work may still read the buffers, and its error comes first.
      for (java.util.concurrent.Future<?> v : visited) if (v != null) await(v);
    }
  }

  /**
   * Groups one chunk of earners' lines into a set of (key, amount) buffers and sorts each earner's.
   * Chunks hold disjoint ranks, so groupings of different chunks (on different threads, into
   * different sets) write disjoint parts of {@code fill}.
   */
  private final class Grouping {
    private final Lines lines;
    private final int[] start;
    private final int[] ranges;
    private final int[] chunkFirst;
    private final int[] lineAt;
    private final byte[] chunkOfLine;
    private final int minLength;
    private final long[][] keySets;
    private final long[][] amountSets;
    private final int[] fill;

    Grouping(Lines lines, int[] start, int[] ranges, int[] chunkFirst, int[] lineAt, byte[] chunkOfLine, int sets, int minLength) {
      this.lines = lines;
      this.start = start;
      this.ranges = ranges;
      this.chunkFirst = chunkFirst;
      this.lineAt = lineAt;
      this.chunkOfLine = chunkOfLine;
      this.minLength = Math.max(1, minLength);
      keySets = new long[sets][];
      amountSets = new long[sets][];
      fill = new int[memberRank.length];
    }

    Chunk group(int c, int set) {
      int first = chunkFirst[c];
      int last = chunkFirst[c + 1];
      int base = start[first];
      int count = start[last] - base;
      if (keySets[set] == null || count > keySets[set].length) {
        int length = Math.max(count, minLength);
        keySets[set] = new long[length];
        amountSets[set] = new long[length];
      }
      long[] keys = keySets[set];
      long[] amounts = amountSets[set];
      for (int r = first; r < last; r++) fill[r] = start[r] - base;
      if (lineAt != null) {
        for (int q = base; q < base + count; q++) {
          int j = lineAt[q];
          int at = fill[memberRank[lines.earner(j)]]++;
          keys[at] = key(lines, j);
          amounts[at] = lines.amount(j);
        }
      } else if (count > 0) {
        byte tag = (byte) c;
        for (int g = 0; g < ranges.length; g += 2) {
          for (int j = ranges[g]; j < ranges[g + 1]; j++) {
            if (chunkOfLine != null && chunkOfLine[j] != tag) continue;
            int at = fill[memberRank[lines.earner(j)]]++;
            keys[at] = key(lines, j);
            amounts[at] = lines.amount(j);
          }
        }
      }
      for (int r = first; r < last; r++) {
        int from = start[r] - base;
        int to = start[r + 1] - base;
        if (to - from > 1 && !ascending(keys, from, to)) sortPairs(keys, amounts, from, to);
      }
      return new Chunk(keys, amounts, start, base, first, last);
    }
  }

  /** True when {@code k[from..to)} is already strictly ascending (equal keys are left to the visit's check). */
  private static boolean ascending(long[] k, int from, int to) {
    for (int i = from + 1; i < to; i++) if (k[i] <= k[i - 1]) return false;
    return true;
  }

  /**
   * The line ranges to read, as (from, to) pairs: each kind's lines in kind name order when the
   * kinds' ranges cover the lines exactly once; otherwise all lines as they stand.
   */
  private int[] kindRanges(Lines lines) {
    int size = lines.size();
    int[] ranges = new int[2 * kindByRank.length];
    int covered = 0;
    for (int q = 0; q < kindByRank.length; q++) {
      int k = kindByRank[q];
      int from = lines.kindStart(k);
      int to = lines.kindEnd(k);
      if (from < 0 || to < from || to > size) return new int[] {0, size};
      ranges[2 * q] = from;
      ranges[2 * q + 1] = to;
      covered += to - from;
    }
    if (covered != size) return new int[] {0, size};
    // Disjoint too: sorted by start, each range begins where the one before ended.
    int[] byStart = ranges.clone();
    long[] packed = new long[kindByRank.length];
    for (int q = 0; q < packed.length; q++) packed[q] = (long) byStart[2 * q] << 32 | byStart[2 * q + 1];
    Arrays.sort(packed);
    int at = 0;
    for (long p : packed) {
      int from = (int) (p >>> 32);
      int to = (int) p;
      if (from == to) continue;
      if (from != at) return new int[] {0, size};
      at = to;
    }
    if (at != size) return new int[] {0, size};
    return ranges;
  }

  private void visit(long[] keys, long[] amounts, int[] start, int base, int first, int last, RankedVisitor visitor)
      throws java.io.IOException {
    visitLines(keys, amounts, start, base, first, last, start[first] - base, start[last] - base, visitor);
  }

  /** Visits the chunk's lines at positions {@code from..to} (relative to {@code base}); earners first..last hold them. */
  private void visitLines(long[] keys, long[] amounts, int[] start, int base, int first, int last, int from, int to,
      RankedVisitor visitor) throws java.io.IOException {
    int members = memberRank.length;
    // The earner of the first position: the last rank whose lines start at or before it.
    int lo = first;
    int hi = last - 1;
    while (lo < hi) {
      int mid = (lo + hi + 1) >>> 1;
      if (start[mid] - base <= from) lo = mid;
      else hi = mid - 1;
    }
    int r = lo;
    int earnerFrom = start[r] - base;
    int earnerTo = start[r + 1] - base;
    for (int i = from; i < to; i++) {
      while (i >= earnerTo) {
        r++;
        earnerFrom = earnerTo;
        earnerTo = start[r + 1] - base;
      }
      if (i > earnerFrom && keys[i] == keys[i - 1]) throw new IllegalStateException("two lines with the same earner, kind, source and level");
      long k = keys[i];
      long srcRank = (k >>> 8) & ((1L << 40) - 1);
      int source = srcRank == 0 ? NO_RANK : srcRank <= members ? -2 - (int) (srcRank - 1) : (int) (srcRank - 1 - members);
      visitor.line(r, kindByRank[(int) (k >>> 48)], source, (int) (k & 0xFF), amounts[i]);
    }
  }

  private static <T> T await(java.util.concurrent.Future<T> f) throws java.io.IOException {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new java.io.InterruptedIOException("interrupted while writing lines");
    } catch (java.util.concurrent.ExecutionException e) {
      Throwable c = e.getCause();
      if (c instanceof java.io.IOException io) throw io;
      if (c instanceof RuntimeException re) throw re;
      if (c instanceof Error err) throw err;
      throw new IllegalStateException(c);
    }
  }

  /** Order index at a rank in order id order. */
  public int orderAtRank(int rank) {
    return ordersByRank[rank];
  }

  /** Lines per chunk of earners in {@link #forEach}: 8M pairs, 128 MB (two chunks of half that when pipelined). */
  static final int CHUNK = 1 << 23;

  /** Beyond this many chunks, each chunk's lines are listed first rather than found by a pass over all lines. */
  static final int LISTED_CHUNKS = 16;

  /**
   * kind rank | source | level. The source part puts no source first (an empty id sorts first),
   * then sources that are a member (no order: the order id is empty) by member id, then orders by
   * order id; the member of an order follows from the order, so it needs no place in the key.
   */
  private long key(Lines lines, int j) {
    int src = lines.source(j);
    long srcRank = src == Lines.NO_SOURCE ? 0
        : src < 0 ? memberRank[Lines.sourceMember(src)] + 1L : memberRank.length + 1L + orderRank[src];
    return (long) kindRank[lines.kind(j)] << 48 | srcRank << 8 | lines.level(j);
  }

  /** Sorts keys ascending, moving values with them (quicksort, insertion sort for short runs). */
  static void sortPairs(long[] k, long[] v, int from, int to) {
    while (to - from > 24) {
      int mid = (from + to) >>> 1;
      long a = k[from];
      long b = k[mid];
      long c = k[to - 1];
      long pivot = a < b ? (b < c ? b : Math.max(a, c)) : (a < c ? a : Math.max(b, c));
      int i = from;
      int j = to - 1;
      while (i <= j) {
        while (k[i] < pivot) i++;
        while (k[j] > pivot) j--;
        if (i <= j) {
          long t = k[i];
          k[i] = k[j];
          k[j] = t;
          t = v[i];
          v[i] = v[j];
          v[j] = t;
          i++;
          j--;
        }
      }
      // Recurse into the smaller side, loop on the larger: stack depth stays logarithmic.
      if (j - from < to - i) {
        sortPairs(k, v, from, j + 1);
        from = i;
      } else {
        sortPairs(k, v, i, to);
        to = j + 1;
      }
    }
    for (int i = from + 1; i < to; i++) {
      long kk = k[i];
      long vv = v[i];
      int j = i - 1;
      while (j >= from && k[j] > kk) {
        k[j + 1] = k[j];
        v[j + 1] = v[j];
        j--;
      }
      k[j + 1] = kk;
      v[j + 1] = vv;
    }
  }
}
