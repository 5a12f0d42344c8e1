package org.downline.network;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * Ids packed end to end as UTF-8 in one byte array, with where each ends: an order book's ids
 * without a {@code String} each (ADR 36). At 33 million orders the strings were 1.8 GB of live
 * objects that every young collection of a cold load copied, and one allocation per row; packed
 * they are about 15 bytes an id and a bulk loader copies the database's bytes straight in.
 * A string is made when one is asked for. Not thread-safe while being filled.
 */
final class PackedIds {
  /** The hash's multiplier (2^64 / the golden ratio: odd, its bits mixed). */
  static final long MIX = 0x9E3779B97F4A7C15L;

  private byte[] bytes;
  private int[] end; // id i is bytes[end[i - 1] .. end[i]) (from 0 for the first)
  private int n;

  PackedIds(int capacity) {
    this(capacity, capacity * 12L);
  }

  private PackedIds(int capacity, long byteCapacity) {
    end = new int[Math.max(4, capacity)];
    bytes = new byte[(int) Math.min(MAX_BYTES, Math.max(16, byteCapacity))];
  }

  /** Ids already packed: id i is {@code bytes[end[i - 1] .. end[i])} (a stored copy of a book, ADR 38). */
  PackedIds(byte[] bytes, int[] end) {
    this.bytes = bytes;
    this.end = end;
    this.n = end.length;
  }

  /** The packed bytes (the first {@link #byteCount()} of them are the ids'), for a stored copy. */
  byte[] bytes() {
    return bytes;
  }

  /** How many bytes the ids take. */
  int byteCount() {
    return used();
  }

  /** The length of id i in bytes. */
  int length(int i) {
    return end[i] - start(i);
  }

  /** A byte array this long can always be had; beyond it the ids do not fit one array. */
  private static final int MAX_BYTES = Integer.MAX_VALUE - 16;

  int size() {
    return n;
  }

  private int start(int i) {
    return i == 0 ? 0 : end[i - 1];
  }

  private int used() {
    return n == 0 ? 0 : end[n - 1];
  }

  /** Adds the id whose UTF-8 text is {@code b[from..to)}. */
  void add(byte[] b, int from, int to) {
    int at = room(to - from);
    System.arraycopy(b, from, bytes, at, to - from);
    end[n++] = at + to - from;
  }

  /** Adds an id (not null: every order has one). */
  void add(String id) {
    byte[] b = utf8(id);
    add(b, 0, b.length);
  }

  /**
   * The id's UTF-8 bytes. Text read from a file or a database always round-trips; a string with a
   * lone surrogate (only an API's escape can make one) would not, so it is refused rather than
   * silently stored as another id.
   */
  static byte[] utf8(String id) {
    byte[] b = id.getBytes(StandardCharsets.UTF_8);
    for (int i = 0; i < id.length(); i++) {
      if (id.charAt(i) >= 0x80) { // beyond ASCII: a lone surrogate is encoded as '?', so compare the way back
        if (!new String(b, StandardCharsets.UTF_8).equals(id)) throw new IllegalArgumentException("id is not valid Unicode text: " + id);
        break;
      }
    }
    return b;
  }

  /** Where {@code length} more bytes go (after making room), and room for one more end. */
  private int room(int length) {
    if (n == end.length) end = Arrays.copyOf(end, (int) Math.min(Integer.MAX_VALUE - 8, end.length * 3L / 2 + 16));
    int at = used();
    if (bytes.length - at < length) {
      long want = Math.max(at + (long) length, bytes.length * 3L / 2 + 16);
      if (at + (long) length > MAX_BYTES) throw new IllegalStateException("the ids take more than 2 GB; they do not fit one array");
      bytes = Arrays.copyOf(bytes, (int) Math.min(MAX_BYTES, want));
    }
    return at;
  }

  /** The id as a string (made now). */
  String get(int i) {
    int s = start(i);
    return new String(bytes, s, end[i] - s, StandardCharsets.UTF_8);
  }

  /** Every id as a string, in order (made now, on every core). */
  String[] strings() {
    String[] out = new String[n];
    IntStream.range(0, n).parallel().forEach(i -> out[i] = get(i));
    return out;
  }

  /** The index in {@code network} of the member whose id is id i, {@link Network#NONE}, or {@link IdIndex#NOT_ASCII}. */
  int lookUp(int i, Network network) {
    return network.indexOf(bytes, start(i), end[i]);
  }

  /** Byte p of id i's UTF-8 text, 0..255. */
  int byteAt(int i, int p) {
    return bytes[start(i) + p] & 0xFF;
  }

  /** Copies id i's UTF-8 text to {@code to[at..]}. */
  void copy(int i, byte[] to, int at) {
    int s = start(i);
    System.arraycopy(bytes, s, to, at, end[i] - s);
  }

  /** Compares ids i and j byte by byte, unsigned (for ASCII ids the order of String.compareTo). */
  int compare(int i, int j) {
    return Arrays.compareUnsigned(bytes, start(i), end[i], bytes, start(j), end[j]);
  }

  /** Whether every id is plain ASCII. */
  boolean ascii() {
    int used = used();
    for (int k = 0; k < used; k++) if (bytes[k] < 0) return false;
    return true;
  }

  /** The id's hash: {@link #hash(byte[], int, int)} of its bytes. */
  int hash(int i) {
    return hash(bytes, start(i), end[i]);
  }

  /**
   * A hash of the bytes that spreads short ids of letters and digits: String.hashCode()'s {@code 31 * h
   * + c} gives thousands of such ids (base 36, "0w" and "29") one hash, and an index then compares
   * their text, a cache miss each, which was most of building the index of 33 million such ids. Every
   * lookup of packed ids hashes bytes (a string is encoded first), so this need not be the string's.
   */
  static int hash(byte[] b, int from, int to) { // a string's (IdIndex.hash) for ASCII bytes
    long h = to - from;
    for (int k = from; k < to; k++) h = (h + b[k]) * MIX;
    return (int) (h ^ (h >>> 32));
  }

  /** Whether ids {@code i} and {@code j} are equal. */
  boolean same(int i, int j) {
    int si = start(i);
    int sj = start(j);
    return Arrays.equals(bytes, si, end[i], bytes, sj, end[j]);
  }

  /** Whether id {@code i} is the text {@code b[from..to)}. */
  boolean is(int i, byte[] b, int from, int to) {
    return Arrays.equals(bytes, start(i), end[i], b, from, to);
  }

  /** Whether id {@code i} is this ASCII string. */
  boolean isAscii(int i, String ascii) {
    int s = start(i);
    if (end[i] - s != ascii.length()) return false;
    for (int k = 0; k < ascii.length(); k++) if (bytes[s + k] != ascii.charAt(k)) return false;
    return true;
  }

  /** Appends every id of {@code other} after these. */
  void append(PackedIds other) {
    if (other.n == 0) return;
    int base = room(other.used());
    if (end.length - n < other.n) end = Arrays.copyOf(end, n + other.n);
    System.arraycopy(other.bytes, 0, bytes, base, other.used());
    for (int i = 0; i < other.n; i++) end[n + i] = base + other.end[i];
    n += other.n;
  }

  /** Appends id {@code i} of {@code other}. */
  void add(PackedIds other, int i) {
    add(other.bytes, other.start(i), other.end[i]);
  }

  /**
   * The ids in a new order: id {@code i} of these is id {@code placeOf[i]} of the result. Read in
   * their own order and written where they go, not gathered: the writes of a sort by day advance
   * through one run of places a day, which a cache holds, where reads from all over would each miss.
   */
  PackedIds permuted(int[] placeOf) {
    PackedIds out = new PackedIds(n, 0);
    int[] e = out.end;
    // Each place below is written once: the work is shared by the cores with the same result.
    IntStream.range(0, n).parallel().forEach(i -> e[placeOf[i]] = end[i] - start(i)); // lengths, then ends
    for (int o = 1; o < n; o++) e[o] += e[o - 1];
    byte[] to = new byte[Math.max(16, n == 0 ? 0 : e[n - 1])];
    IntStream.range(0, n).parallel().forEach(i -> {
      int s = start(i);
      int length = end[i] - s;
      System.arraycopy(bytes, s, to, e[placeOf[i]] - length, length);
    });
    out.bytes = to;
    out.n = n;
    return out;
  }
}
