package org.downline.commission;

import java.util.Arrays;
import java.util.Comparator;

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
   * Indexes of {@code ids} in String.compareTo order. Fast path: each id's 8 characters after the
   * prefix all ids share are packed into a long (when they are all below 256) and sorted with the
   * index alongside; ids whose packed keys tie are then ordered by the full comparison.
   */
  static int[] sortedIndexes(String[] ids) {
    int n = ids.length;
    if (n == 0) return new int[0];
    int prefix = ids[0].length();
    for (int i = 1; i < n && prefix > 0; i++) {
      String a = ids[0];
      String b = ids[i];
      int l = Math.min(prefix, b.length());
      int p = 0;
      while (p < l && a.charAt(p) == b.charAt(p)) p++;
      prefix = p;
    }
    long[] keys = new long[n];
    long[] index = new long[n];
    for (int i = 0; i < n; i++) {
      String id = ids[i];
      long k = 0;
      for (int c = 0; c < 8; c++) {
        int at = prefix + c;
        int ch = at < id.length() ? id.charAt(at) : 0;
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
        Arrays.sort(tie, Comparator.comparing(t -> ids[t]));
        for (int t = 0; t < tie.length; t++) out[i + t] = tie[t];
      }
      i = j;
    }
    return out;
  }

  private static int[] comparatorSort(String[] ids) {
    Integer[] idx = new Integer[ids.length];
    for (int i = 0; i < idx.length; i++) idx[i] = i;
    Arrays.parallelSort(idx, Comparator.comparing(i -> ids[i]));
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
    int size = lines.size();
    int members = memberRank.length;
    int[] start = new int[members + 1];
    for (int j = 0; j < size; j++) start[memberRank[lines.earner(j)] + 1]++;
    for (int r = 0; r < members; r++) start[r + 1] += start[r];
    // Earners are taken in chunks of consecutive ranks holding at most CHUNK lines (which bounds the
    // (key, amount) buffers). With few chunks, each is one sequential pass over all lines keeping
    // its own; with many (hundreds of millions of lines), one pass first lists each chunk's lines
    // (4 bytes a line), so that a chunk reads only its own lines instead of all of them.
    // Pipelined, two half-size chunk buffers alternate: one being filled here, one being visited.
    int sets = pipelined ? 2 : 1;
    int chunkLines = CHUNK / sets; // the same memory either way: file mode runs in a 2 GB heap
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
    if (chunks > LISTED_CHUNKS) {
      lineAt = new int[size];
      int[] chunkFill = new int[chunks];
      for (int c = 0; c < chunks; c++) chunkFill[c] = start[chunkFirst[c]];
      for (int j = 0; j < size; j++) lineAt[chunkFill[chunkOfRank[memberRank[lines.earner(j)]]]++] = j;
    }
    chunkOfRank = null;

    long[][] keySets = new long[sets][];
    long[][] amountSets = new long[sets][];
    java.util.concurrent.Future<?>[] pending = new java.util.concurrent.Future<?>[sets];
    java.util.concurrent.ExecutorService writer = pipelined ? java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "lines-in-order");
      t.setDaemon(true);
      return t;
    }) : null;
    int[] fill = new int[members];
    try {
      for (int c = 0; c < chunks; c++) {
        int set = c % sets;
        if (pending[set] != null) await(pending[set]);
        int first = chunkFirst[c];
        int last = chunkFirst[c + 1];
        int base = start[first];
        int count = start[last] - base;
        if (keySets[set] == null || count > keySets[set].length) {
          int length = Math.max(count, Math.min(Math.max(size, 1), chunkLines));
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
          for (int j = 0; j < size; j++) {
            int r = memberRank[lines.earner(j)];
            if (r < first || r >= last) continue;
            int at = fill[r]++;
            keys[at] = key(lines, j);
            amounts[at] = lines.amount(j);
          }
        }
        for (int r = first; r < last; r++) {
          int from = start[r] - base;
          int to = start[r + 1] - base;
          if (to - from > 1) sortPairs(keys, amounts, from, to);
        }
        if (writer == null) {
          visit(keys, amounts, start, base, first, last, visitor);
        } else {
          pending[set] = writer.submit(() -> {
            visit(keys, amounts, start, base, first, last, visitor);
            return null;
          });
        }
      }
      for (java.util.concurrent.Future<?> p : pending) if (p != null) await(p);
    } finally {
      if (writer != null) writer.shutdownNow();
    }
  }

  private void visit(long[] keys, long[] amounts, int[] start, int base, int first, int last, RankedVisitor visitor)
      throws java.io.IOException {
    for (int r = first; r < last; r++) {
      int from = start[r] - base;
      int to = start[r + 1] - base;
      for (int i = from; i < to; i++) {
        if (i > from && keys[i] == keys[i - 1]) throw new IllegalStateException("two lines with the same earner, kind, source and level");
        long k = keys[i];
        long srcRank = (k >>> 8) & ((1L << 40) - 1);
        int members = memberRank.length;
        int source = srcRank == 0 ? NO_RANK : srcRank <= members ? -2 - (int) (srcRank - 1) : (int) (srcRank - 1 - members);
        visitor.line(r, kindByRank[(int) (k >>> 48)], source, (int) (k & 0xFF), amounts[i]);
      }
    }
  }

  private static void await(java.util.concurrent.Future<?> f) throws java.io.IOException {
    try {
      f.get();
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
