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

    public void write(CsvOutput out, int i) throws IOException {
      out.raw(bytes, offset[i], offset[i + 1] - offset[i]);
    }
  }

  public CsvOutput whole(long v) throws IOException {
    sep();
    writeLong(v);
    return this;
  }

  /** Hundredths as a decimal with exactly two places. */
  public CsvOutput cents(long cents) throws IOException {
    sep();
    if (pos + 24 > buf.length) flushBuffer();
    long abs = cents;
    if (cents < 0) {
      buf[pos++] = '-';
      abs = -cents;
    }
    writeLong(abs / 100);
    long f = abs % 100;
    buf[pos++] = '.';
    buf[pos++] = (byte) ('0' + f / 10);
    buf[pos++] = (byte) ('0' + f % 10);
    return this;
  }

  private void writeLong(long v) throws IOException {
    if (pos + 21 > buf.length) flushBuffer();
    if (v < 0) {
      if (v == Long.MIN_VALUE) {
        for (char c : Long.toString(v).toCharArray()) buf[pos++] = (byte) c;
        return;
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

  @Override
  public void close() throws IOException {
    flushBuffer();
    out.close();
  }
}
