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

  private final String[] ids;
  private final long[] table;
  private final int mask;

  /** An empty index over {@code ids} able to hold {@code capacity} of them. */
  public IdIndex(String[] ids, int capacity) {
    this.ids = ids;
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
    String id = ids[i];
    int h = id.hashCode();
    for (int s = slot(h, mask); ; s = (s + 1) & mask) {
      long e = table[s];
      if (e == 0) {
        table[s] = entry(h, i);
        return NONE;
      }
      if (hashOf(e) == h && ids[indexOf(e)].equals(id)) return indexOf(e);
    }
  }

  /** Index of {@code id}, or {@link #NONE}. */
  public int get(String id) {
    if (id == null) return NONE;
    int h = id.hashCode();
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
   * ASCII. The hash is {@link String#hashCode()}'s, which for ASCII text is over its bytes.
   */
  public int get(byte[] bytes, int from, int to) {
    int h = 0;
    for (int i = from; i < to; i++) {
      byte b = bytes[i];
      if (b < 0) return NOT_ASCII;
      h = 31 * h + b;
    }
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
    IdIndex copy = new IdIndex(newIds, table.length / 2);
    for (int s = 0; s < table.length; s++) {
      long e = table[s];
      copy.table[s] = e == 0 ? 0 : entry(hashOf(e), newIndexOf[indexOf(e)]);
    }
    return copy;
  }

  @Override
  public String toString() {
    return "IdIndex[" + table.length + " slots, " + Arrays.stream(table).filter(v -> v != 0).count() + " ids]";
  }
}
