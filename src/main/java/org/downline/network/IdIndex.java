package org.downline.network;

import java.util.Arrays;

/**
 * Id-to-index lookup over an array of ids: an open-addressing hash table with linear probing, each
 * slot a long holding the id's hash (high half) and its index + 1 (low half, 0 for empty), the ids
 * themselves staying in the caller's array. A probe past another id compares the hash in the slot
 * and never reads that id's string: at tens of millions of ids each such read is a cache miss, and
 * they were most of a cold load's index building. About 16 bytes per id at a load of at most one
 * half, where a {@code HashMap<String, Integer>} costs about 60 (a node, a boxed index and a table
 * slot); at 40 million ids that is the difference between 0.6 and 2.4 GB.
 * Not thread-safe while being filled; read-only use after filling is safe to share.
 */
public final class IdIndex {
  public static final int NONE = -1;

  private final String[] ids; // one of these two holds the ids
  private final PackedIds packed;
  private final long[] table;
  private final int mask;

  /** An empty index over {@code ids} able to hold {@code capacity} of them. */
  public IdIndex(String[] ids, int capacity) {
    this(ids, null, capacity);
  }

  private IdIndex(String[] ids, PackedIds packed, int capacity) {
    this.ids = ids;
    this.packed = packed;
    int slots = Integer.highestOneBit(Math.max(4, capacity) * 2 - 1) << 1; // at least 2x, power of two
    if (slots <= 0) throw new IllegalArgumentException("too many ids: " + capacity);
    this.table = new long[slots];
    this.mask = slots - 1;
  }

  /** An index of every id of {@code ids[0..n)}; the first of equal ids wins. */
  public static IdIndex of(String[] ids, int n) {
    IdIndex index = new IdIndex(ids, n);
    for (int i = 0; i < n; i++) index.putIfAbsent(i);
    return index;
  }

  /**
   * Fills an index of {@code ids[0..n)} with every row whose id an earlier row already holds put in
   * {@code duplicates} (row to that first row), on every core from {@link #PARALLEL_FROM} ids.
   * The table is cut into ranges of slots of at most {@link #REGION_SLOTS} (a core's cache: the writes
   * of a range stay in it, where writes all over a table of hundreds of MB each missed the cache), each
   * filled by one task with the rows whose home slot is in it, in row order (the rows are first
   * partitioned by range, stably): equal ids share a home, so the first still wins. A probe
   * that would leave its range is put off, and those few rows are added one by one after, in row
   * order (a later equal id meets the same full run, so it is put off too). The layout depends only
   * on the ids (never on the number of cores), and every lookup answers what a fill row by row
   * would answer.
   */
  public static IdIndex of(String[] ids, int n, java.util.Map<Integer, Integer> duplicates) {
    IdIndex index = new IdIndex(ids, null, n);
    return of(index, n, duplicates, n >= PARALLEL_FROM ? index.regions() : 1);
  }

  /** The same over packed ids (an order book's). */
  static IdIndex of(PackedIds ids, java.util.Map<Integer, Integer> duplicates) {
    int n = ids.size();
    IdIndex index = new IdIndex(null, ids, n);
    return of(index, n, duplicates, n >= PARALLEL_FROM ? index.regions() : 1);
  }

  /** An index of every packed id; the first of equal ids wins. */
  static IdIndex of(PackedIds ids) {
    IdIndex index = new IdIndex(null, ids, ids.size());
    for (int i = 0; i < ids.size(); i++) index.putIfAbsent(i);
    return index;
  }

  static final int REGIONS = 16;
  /** Slots a range of the table holds at most in a fill on every core: 2 MB of them. */
  static final int REGION_SLOTS = 1 << 18;

  /** How many ranges a fill cuts this table into: at least {@link #REGIONS}; depends on the table's size only. */
  private int regions() {
    return Math.max(REGIONS, table.length / REGION_SLOTS);
  }
  private static final int PARALLEL_FROM = 1 << 16;

  static IdIndex of(String[] ids, int n, java.util.Map<Integer, Integer> duplicates, int regions) {
    return of(new IdIndex(ids, null, n), n, duplicates, regions);
  }

  static IdIndex of(PackedIds ids, java.util.Map<Integer, Integer> duplicates, int regions) {
    return of(new IdIndex(null, ids, ids.size()), ids.size(), duplicates, regions);
  }

  private static IdIndex of(IdIndex index, int n, java.util.Map<Integer, Integer> duplicates, int regions) {
    long[] table = index.table;
    if (regions <= 1 || table.length < regions) {
      for (int r = 0; r < n; r++) {
        int previous = index.putIfAbsent(r);
        if (previous != NONE) duplicates.put(r, previous);
      }
      return index;
    }
    int[] hash = new int[n];
    java.util.stream.IntStream.range(0, n).parallel().forEach(r -> hash[r] = index.hash(r));
    int size = table.length / regions;
    int mask = index.mask;
    // The rows partitioned by the range of their home slot, each range's in row order, each with its
    // hash (as a slot holds them): a range's task then reads its rows in sequence.
    int[] first = new int[regions + 1];
    for (int r = 0; r < n; r++) first[Math.min(slot(hash[r], mask) / size, regions - 1) + 1]++;
    for (int k = 0; k < regions; k++) first[k + 1] += first[k];
    long[] rows = new long[n];
    int[] fill = Arrays.copyOf(first, regions);
    for (int r = 0; r < n; r++) rows[fill[Math.min(slot(hash[r], mask) / size, regions - 1)]++] = entry(hash[r], r);
    int[][] putOff = new int[regions][];
    java.util.List<java.util.Map<Integer, Integer>> found = new java.util.ArrayList<>();
    for (int k = 0; k < regions; k++) found.add(new java.util.HashMap<>());
    java.util.stream.IntStream.range(0, regions).parallel().forEach(k -> {
      int lo = k * size;
      int hi = k == regions - 1 ? table.length : lo + size; // the last takes the slots a cut leaves over
      int[] later = new int[16];
      int count = 0;
      for (int at = first[k]; at < first[k + 1]; at++) {
        int r = indexOf(rows[at]);
        int h = hashOf(rows[at]);
        int s = slot(h, mask);
        for (; ; s++) {
          if (s == hi) {
            if (count == later.length) later = Arrays.copyOf(later, count * 2);
            later[count++] = r;
            break;
          }
          long e = table[s];
          if (e == 0) {
            table[s] = entry(h, r);
            break;
          }
          if (hashOf(e) == h && index.same(indexOf(e), r)) {
            found.get(k).put(r, indexOf(e));
            break;
          }
        }
      }
      putOff[k] = Arrays.copyOf(later, count);
    });
    int[] rest = Arrays.stream(putOff).flatMapToInt(Arrays::stream).sorted().toArray();
    for (int r : rest) {
      int previous = index.putIfAbsent(r);
      if (previous != NONE) duplicates.put(r, previous);
    }
    for (java.util.Map<Integer, Integer> f : found) duplicates.putAll(f);
    return index;
  }

  private static int slot(int hash, int mask) {
    int h = hash * 0x9E3779B9; // spread: the ids of a company often differ only in their last digits
    return (h ^ (h >>> 15)) & mask;
  }

  private static long entry(int hash, int index) {
    return (long) hash << 32 | (index + 1L);
  }

  private static int hashOf(long entry) {
    return (int) (entry >>> 32);
  }

  private static int indexOf(long entry) {
    return (int) entry - 1;
  }

  /**
   * Adds {@code ids[i]} unless an equal id is already indexed.
   *
   * @return {@link #NONE} when added, else the index already holding that id
   */
  public int putIfAbsent(int i) {
    int h = hash(i);
    for (int s = slot(h, mask); ; s = (s + 1) & mask) {
      long e = table[s];
      if (e == 0) {
        table[s] = entry(h, i);
        return NONE;
      }
      if (hashOf(e) == h && same(indexOf(e), i)) return indexOf(e);
    }
  }

  private int hash(int i) {
    return packed != null ? packed.hash(i) : hash(ids[i]);
  }

  private boolean same(int i, int j) {
    return packed != null ? packed.same(i, j) : ids[i].equals(ids[j]);
  }

  /**
   * A string's hash: {@link PackedIds#hash}'s formula over its characters (not String.hashCode(),
   * which gives thousands of short letter-and-digit ids one hash).
   */
  static int hash(String id) {
    long h = id.length();
    for (int k = 0; k < id.length(); k++) h = (h + id.charAt(k)) * PackedIds.MIX;
    return (int) (h ^ (h >>> 32));
  }

  /** Index of {@code id}, or {@link #NONE}. */
  public int get(String id) {
    if (id == null) return NONE;
    if (packed != null) {
      for (int k = 0; k < id.length(); k++) {
        if (id.charAt(k) >= 0x80) { // beyond ASCII: look up its UTF-8 bytes
          byte[] b = id.getBytes(java.nio.charset.StandardCharsets.UTF_8);
          return get(b, 0, b.length);
        }
      }
      int h = hash(id); // an ASCII string's hash is its bytes'
      for (int s = slot(h, mask); ; s = (s + 1) & mask) {
        long e = table[s];
        if (e == 0) return NONE;
        if (hashOf(e) == h && packed.isAscii(indexOf(e), id)) return indexOf(e);
      }
    }
    int h = hash(id);
    for (int s = slot(h, mask); ; s = (s + 1) & mask) {
      long e = table[s];
      if (e == 0) return NONE;
      if (hashOf(e) == h && ids[indexOf(e)].equals(id)) return indexOf(e);
    }
  }

  /** What {@link #get(byte[], int, int)} answers for bytes it cannot look up (not ASCII): ask with the string. */
  public static final int NOT_ASCII = -2;

  /**
   * Index of the id whose ASCII text is {@code bytes[from..to)}, or {@link #NONE}, without making a
   * string (a cold load looks up tens of millions of member ids); {@link #NOT_ASCII} when a byte is not
   * ASCII. The hash of a string is {@link PackedIds#hash}'s over its characters, which for ASCII
   * text are its bytes.
   */
  public int get(byte[] bytes, int from, int to) {
    if (packed != null) { // any text: the packed ids are bytes too
      int h = PackedIds.hash(bytes, from, to);
      for (int s = slot(h, mask); ; s = (s + 1) & mask) {
        long e = table[s];
        if (e == 0) return NONE;
        if (hashOf(e) == h && packed.is(indexOf(e), bytes, from, to)) return indexOf(e);
      }
    }
    for (int i = from; i < to; i++) if (bytes[i] < 0) return NOT_ASCII;
    int h = PackedIds.hash(bytes, from, to);
    int length = to - from;
    for (int s = slot(h, mask); ; s = (s + 1) & mask) {
      long e = table[s];
      if (e == 0) return NONE;
      if (hashOf(e) != h) continue;
      String id = ids[indexOf(e)];
      if (id.length() == length && sameAscii(id, bytes, from)) return indexOf(e);
    }
  }

  private static boolean sameAscii(String id, byte[] bytes, int from) {
    for (int i = 0, n = id.length(); i < n; i++) if (id.charAt(i) != bytes[from + i]) return false;
    return true;
  }

  /** The same lookup over ids permuted by {@code newIndexOf} (old index to new), into {@code newIds}. */
  public IdIndex renumbered(String[] newIds, int[] newIndexOf) {
    return renumbered(new IdIndex(newIds, null, table.length / 2), newIndexOf);
  }

  /** The same over packed ids. */
  IdIndex renumbered(PackedIds newIds, int[] newIndexOf) {
    return renumbered(new IdIndex(null, newIds, table.length / 2), newIndexOf);
  }

  private IdIndex renumbered(IdIndex copy, int[] newIndexOf) {
    long[] to = copy.table;
    java.util.stream.IntStream.range(0, table.length).parallel().forEach(s -> { // slot by slot: the same on any number of threads
      long e = table[s];
      to[s] = e == 0 ? 0 : entry(hashOf(e), newIndexOf[indexOf(e)]);
    });
    return copy;
  }

  @Override
  public String toString() {
    return "IdIndex[" + table.length + " slots, " + Arrays.stream(table).filter(v -> v != 0).count() + " ids]";
  }
}
