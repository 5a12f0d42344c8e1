package org.downline.csv;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Writes UTF-8 CSV fast: fields go straight into a byte buffer (ASCII without allocation), cents
 * as plain two-decimal numbers, and a field is quoted only when it holds a comma, quote or line
 * break. Rows end with {@code \n}.
 */
public final class CsvOutput implements Closeable {
  private final OutputStream out;
  private final byte[] buf = new byte[1 << 16];
  private int pos;
  private boolean rowStarted;

  public CsvOutput(OutputStream out) {
    this.out = out;
  }

  public CsvOutput header(String... columns) throws IOException {
    for (String c : columns) text(c);
    return endRow();
  }

  private void sep() throws IOException {
    if (rowStarted) put((byte) ',');
    rowStarted = true;
  }

  private void put(byte b) throws IOException {
    if (pos == buf.length) flushBuffer();
    buf[pos++] = b;
  }

  public CsvOutput text(String s) throws IOException {
    sep();
    if (s == null || s.isEmpty()) return this;
    int len = s.length();
    if (len < buf.length) {
      if (pos + len > buf.length) flushBuffer();
      // One pass: copy plain ASCII straight in; leave for the slow path at the first other character.
      int p = pos;
      for (int i = 0; i < len; i++) {
        char c = s.charAt(i);
        if (c >= 0x80 || c == ',' || c == '"' || c == '\n' || c == '\r') {
          slow(s);
          return this;
        }
        buf[p++] = (byte) c;
      }
      pos = p;
      return this;
    }
    slow(s);
    return this;
  }

  /** Quotes when needed and encodes UTF-8. */
  private void slow(String s) throws IOException {
    boolean quote = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == ',' || c == '"' || c == '\n' || c == '\r') quote = true;
    }
    if (quote) s = '"' + s.replace("\"", "\"\"") + '"';
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    flushBuffer();
    out.write(b);
  }

  /** A field (or several, commas included) already encoded as CSV bytes. */
  public CsvOutput raw(byte[] bytes, int from, int len) throws IOException {
    sep();
    if (len > buf.length - pos) flushBuffer();
    if (len > buf.length) {
      out.write(bytes, from, len);
    } else {
      System.arraycopy(bytes, from, buf, pos, len);
      pos += len;
    }
    return this;
  }

  /** Whole rows already encoded (each ending with a line break), written as they are. */
  public CsvOutput rows(byte[] bytes, int from, int len) throws IOException {
    if (rowStarted) throw new IllegalStateException("a row is not ended");
    if (len > buf.length - pos) flushBuffer();
    if (len > buf.length) {
      out.write(bytes, from, len);
    } else {
      System.arraycopy(bytes, from, buf, pos, len);
      pos += len;
    }
    return this;
  }

  /** The CSV bytes of one field: quoted when needed, UTF-8. */
  public static byte[] encode(String s) {
    if (s == null) return new byte[0];
    boolean quote = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == ',' || c == '"' || c == '\n' || c == '\r') quote = true;
    }
    if (quote) s = '"' + s.replace("\"", "\"\"") + '"';
    return s.getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Many fields encoded once into one byte array with offsets, so that writing a field is one
   * copy from contiguous memory rather than a walk through scattered String objects.
   */
  public static final class Encoded {
    private final byte[] bytes;
    private final int[] offset;

    /** {@code bytes.apply(i)}: the already encoded CSV bytes of entry i (see {@link #encode}). */
    public Encoded(int count, java.util.function.IntFunction<byte[]> encoded) {
      int[] off = new int[count + 1];
      java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream(Math.max(16, count * 12));
      for (int i = 0; i < count; i++) {
        byte[] b = encoded.apply(i);
        all.write(b, 0, b.length);
        off[i + 1] = all.size();
      }
      this.bytes = all.toByteArray();
      this.offset = off;
    }

    /**
     * Entry i is the fields {@code parts[0].apply(i)}, {@code parts[1].apply(i)}, ... each encoded
     * as {@link #encode} does, joined by commas; plain ASCII fields are copied without a byte array
     * of their own (millions of ids).
     */
    @SafeVarargs
    public static Encoded fields(int count, java.util.function.IntFunction<String>... parts) {
      return new Encoded(count, parts, true);
    }

    /**
     * Entry i is the id {@code index.applyAsInt(i)} of {@code ids}, encoded as {@link #encode} does
     * (read as its bytes, no string made: millions of order ids), a comma, and entry
     * {@code thenIndex.applyAsInt(i)} of {@code then} (already encoded, laid out in few bytes where
     * the strings it was made from lie all over the heap: one cache miss an entry, not two).
     */
    public static Encoded fields(int count, org.downline.network.OrderBook.IdBytes ids, java.util.function.IntUnaryOperator index,
        Encoded then, java.util.function.IntUnaryOperator thenIndex) {
      int[] off = new int[count + 1];
      byte[] b = new byte[Math.max(16, count * 24)];
      int at = 0;
      for (int i = 0; i < count; i++) {
        int id = index.applyAsInt(i);
        int len = ids.length(id);
        int e = thenIndex.applyAsInt(i);
        int from = then.offset[e];
        int thenLength = then.offset[e + 1] - from;
        int room = len * 3 + 3 + thenLength;
        if (b.length - at < room) b = java.util.Arrays.copyOf(b, Math.max(b.length * 2, at + room));
        ids.copy(id, b, at);
        boolean plain = true;
        for (int c = at; c < at + len; c++) {
          byte ch = b[c];
          if (ch < 0 || ch == ',' || ch == '"' || ch == '\n' || ch == '\r') {
            plain = false;
            break;
          }
        }
        if (plain) {
          at += len;
        } else {
          byte[] x = encode(new String(b, at, len, StandardCharsets.UTF_8));
          if (b.length - at < x.length + 1 + thenLength) b = java.util.Arrays.copyOf(b, Math.max(b.length * 2, at + x.length + 1 + thenLength));
          System.arraycopy(x, 0, b, at, x.length);
          at += x.length;
        }
        b[at++] = ',';
        System.arraycopy(then.bytes, from, b, at, thenLength);
        at += thenLength;
        off[i + 1] = at;
      }
      return new Encoded(java.util.Arrays.copyOf(b, at), off);
    }

    private Encoded(byte[] bytes, int[] offset) {
      this.bytes = bytes;
      this.offset = offset;
    }

    private Encoded(int count, java.util.function.IntFunction<String>[] parts, boolean unused) {
      int[] off = new int[count + 1];
      byte[] b = new byte[Math.max(16, count * 12 * parts.length)];
      int at = 0;
      for (int i = 0; i < count; i++) {
        for (int p = 0; p < parts.length; p++) {
          String s = parts[p].apply(i);
          int len = s == null ? 0 : s.length();
          if (b.length - at < len * 3 + 3) b = java.util.Arrays.copyOf(b, Math.max(b.length * 2, at + len * 3 + 3));
          if (p > 0) b[at++] = ',';
          int start = at;
          boolean plain = true;
          for (int c = 0; c < len; c++) {
            char ch = s.charAt(c);
            if (ch >= 0x80 || ch == ',' || ch == '"' || ch == '\n' || ch == '\r') {
              plain = false;
              break;
            }
            b[at++] = (byte) ch;
          }
          if (!plain) {
            byte[] e = encode(s);
            at = start;
            if (b.length - at < e.length) b = java.util.Arrays.copyOf(b, Math.max(b.length * 2, at + e.length));
            System.arraycopy(e, 0, b, at, e.length);
            at += e.length;
          }
        }
        off[i + 1] = at;
      }
      this.bytes = java.util.Arrays.copyOf(b, at);
      this.offset = off;
    }

    /** Copies entry i to {@code to[at]} and returns the position after it. */
    int copy(int i, byte[] to, int at) {
      int from = offset[i];
      int length = offset[i + 1] - from;
      System.arraycopy(bytes, from, to, at, length);
      return at + length;
    }

    /** The encoded bytes of every entry, end to end: entry i is {@code bytes()[start(i) .. start(i + 1))}. */
    byte[] bytes() {
      return bytes;
    }

    /** Where entry i starts in {@link #bytes()} (for i = the count: where the last ends). */
    int start(int i) {
      return offset[i];
    }

    /** The longest entry's length in bytes. */
    int longest() {
      int max = 0;
      for (int i = 0; i + 1 < offset.length; i++) max = Math.max(max, offset[i + 1] - offset[i]);
      return max;
    }
  }

  public CsvOutput whole(long v) throws IOException {
    sep();
    writeLong(v);
    return this;
  }

  /** "00".."99": two digits per table look-up when formatting numbers. */
  private static final byte[] PAIRS = new byte[200];

  static {
    for (int i = 0; i < 100; i++) {
      PAIRS[2 * i] = (byte) ('0' + i / 10);
      PAIRS[2 * i + 1] = (byte) ('0' + i % 10);
    }
  }

  /** Hundredths as a decimal with exactly two places. */
  public CsvOutput cents(long cents) throws IOException {
    sep();
    if (pos + 24 > buf.length) flushBuffer();
    pos = cents(buf, pos, cents);
    return this;
  }

  /**
   * Writes hundredths as a decimal with exactly two places at {@code b[at]} (room for 24 bytes) and
   * returns the position after it: the one formatting of amounts, for this writer and for rows made
   * straight into memory.
   */
  static int cents(byte[] buf, int at, long cents) {
    int pos = at;
    if (cents > -Integer.MAX_VALUE && cents < Integer.MAX_VALUE) {
      // Nearly every amount fits an int: int division by constants and two digits at a time
      // (tens of millions of amounts per file).
      int v = (int) cents;
      if (v < 0) {
        buf[pos++] = '-';
        v = -v;
      }
      int whole = v / 100;
      int f = v - whole * 100;
      int end = pos + digits(whole);
      int p = end;
      while (whole >= 100) {
        int q = whole / 100;
        int r = whole - q * 100;
        whole = q;
        buf[--p] = PAIRS[2 * r + 1];
        buf[--p] = PAIRS[2 * r];
      }
      if (whole >= 10) {
        buf[--p] = PAIRS[2 * whole + 1];
        buf[--p] = PAIRS[2 * whole];
      } else {
        buf[--p] = (byte) ('0' + whole);
      }
      buf[end] = '.';
      buf[end + 1] = PAIRS[2 * f];
      buf[end + 2] = PAIRS[2 * f + 1];
      return end + 3;
    }
    long abs = cents;
    if (cents < 0) {
      buf[pos++] = '-';
      abs = -cents;
    }
    pos = whole(buf, pos, abs / 100);
    long f = abs % 100;
    buf[pos++] = '.';
    buf[pos++] = (byte) ('0' + f / 10);
    buf[pos++] = (byte) ('0' + f % 10);
    return pos;
  }

  /** Decimal digits of a non-negative int. */
  private static int digits(int v) {
    int d = 1;
    while (v >= 10) {
      v /= 10;
      d++;
    }
    return d;
  }

  private void writeLong(long v) throws IOException {
    if (pos + 21 > buf.length) flushBuffer();
    pos = whole(buf, pos, v);
  }

  /** Writes a whole number at {@code b[at]} (room for 20 bytes) and returns the position after it. */
  static int whole(byte[] buf, int at, long v) {
    int pos = at;
    if (v < 0) {
      if (v == Long.MIN_VALUE) {
        for (char c : Long.toString(v).toCharArray()) buf[pos++] = (byte) c;
        return pos;
      }
      buf[pos++] = '-';
      v = -v;
    }
    int startPos = pos;
    do {
      buf[pos++] = (byte) ('0' + v % 10);
      v /= 10;
    } while (v != 0);
    for (int i = startPos, j = pos - 1; i < j; i++, j--) {
      byte t = buf[i];
      buf[i] = buf[j];
      buf[j] = t;
    }
    return pos;
  }

  public CsvOutput endRow() throws IOException {
    put((byte) '\n');
    rowStarted = false;
    return this;
  }

  private void flushBuffer() throws IOException {
    out.write(buf, 0, pos);
    pos = 0;
  }

  /** Writes what is buffered and flushes the stream, leaving it open (a response streamed row by row). */
  public void flush() throws IOException {
    flushBuffer();
    out.flush();
  }

  @Override
  public void close() throws IOException {
    flushBuffer();
    out.close();
  }
}
