package org.downline.network;

import java.util.Arrays;

/**
 * Id-to-index lookup over an array of ids: an open-addressing hash table of ints (index + 1, 0 for
 * empty) with linear probing, the ids themselves staying in the caller's array. About 8 bytes per id
 * at a load of at most one half, where a {@code HashMap<String, Integer>} costs about 60 (a node, a
 * boxed index and a table slot); at 40 million ids that is the difference between 0.3 and 2.4 GB.
 * Not thread-safe while being filled; read-only use after filling is safe to share.
 */
public final class IdIndex {
  public static final int NONE = -1;

  private final String[] ids;
  private final int[] table;
  private final int mask;

  /** An empty index over {@code ids} able to hold {@code capacity} of them. */
  public IdIndex(String[] ids, int capacity) {
    this.ids = ids;
    int slots = Integer.highestOneBit(Math.max(4, capacity) * 2 - 1) << 1; // at least 2x, power of two
    if (slots <= 0) throw new IllegalArgumentException("too many ids: " + capacity);
    this.table = new int[slots];
    this.mask = slots - 1;
  }

  /** An index of every id of {@code ids[0..n)}; the first of equal ids wins. */
  public static IdIndex of(String[] ids, int n) {
    IdIndex index = new IdIndex(ids, n);
    for (int i = 0; i < n; i++) index.putIfAbsent(i);
    return index;
  }

  private static int slot(String id, int mask) {
    int h = id.hashCode() * 0x9E3779B9; // spread: the ids of a company often differ only in their last digits
    return (h ^ (h >>> 15)) & mask;
  }

  /**
   * Adds {@code ids[i]} unless an equal id is already indexed.
   *
   * @return {@link #NONE} when added, else the index already holding that id
   */
  public int putIfAbsent(int i) {
    String id = ids[i];
    int h = id.hashCode();
    for (int s = slot(id, mask); ; s = (s + 1) & mask) {
      int v = table[s];
      if (v == 0) {
        table[s] = i + 1;
        return NONE;
      }
      if (same(ids[v - 1], id, h)) return v - 1;
    }
  }

  /**
   * Equal ids; the hash (cached in every indexed string) first, so a probe past another id reads
   * that string's header only, not its bytes too: at tens of millions of ids each read is a cache miss.
   */
  private static boolean same(String indexed, String id, int hash) {
    return indexed.hashCode() == hash && indexed.equals(id);
  }

  /** Index of {@code id}, or {@link #NONE}. */
  public int get(String id) {
    if (id == null) return NONE;
    int h = id.hashCode();
    for (int s = slot(id, mask); ; s = (s + 1) & mask) {
      int v = table[s];
      if (v == 0) return NONE;
      if (same(ids[v - 1], id, h)) return v - 1;
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
    int hash = h;
    h *= 0x9E3779B9;
    int length = to - from;
    for (int s = (h ^ (h >>> 15)) & mask; ; s = (s + 1) & mask) {
      int v = table[s];
      if (v == 0) return NONE;
      String id = ids[v - 1];
      if (id.hashCode() == hash && id.length() == length && sameAscii(id, bytes, from)) return v - 1;
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
      int v = table[s];
      copy.table[s] = v == 0 ? 0 : newIndexOf[v - 1] + 1;
    }
    return copy;
  }

  @Override
  public String toString() {
    return "IdIndex[" + table.length + " slots, " + Arrays.stream(table).filter(v -> v != 0).count() + " ids]";
  }
}
