package org.downline.store;

import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Arrays;

/**
 * Rows written as PostgreSQL COPY text (tabs between fields, {@code \N} for NULL, backslash escapes
 * for the characters the format gives a meaning), encoded as UTF-8 into one reused buffer and sent
 * to {@code COPY ... FROM STDIN} a buffer at a time.
 */
final class CopyWriter implements Values {
  private static final int FLUSH = 1 << 16;

  /** Where full buffers go: {@code CopyIn::writeToCopy}, or a test's stream. */
  @FunctionalInterface
  interface Sink {
    void write(byte[] bytes, int offset, int length) throws SQLException;
  }

  private final Sink in;
  private byte[] buf = new byte[FLUSH + 1024];
  private int len;
  private boolean first = true;

  CopyWriter(Sink in) {
    this.in = in;
  }

  /** Ends the current row; sends the buffer once it is full enough. */
  void endRow() throws SQLException {
    ensure(1);
    buf[len++] = '\n';
    first = true;
    if (len >= FLUSH) flush();
  }

  void flush() throws SQLException {
    if (len > 0) in.write(buf, 0, len);
    len = 0;
  }

  private void separate() {
    if (!first) {
      ensure(1);
      buf[len++] = '\t';
    }
    first = false;
  }

  private void ensure(int n) {
    if (len + n > buf.length) buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + n));
  }

  private void ascii(String s) {
    ensure(s.length());
    for (int i = 0; i < s.length(); i++) buf[len++] = (byte) s.charAt(i);
  }

  private Values nul() {
    separate();
    ascii("\\N");
    return this;
  }

  @Override
  public Values text(String value) {
    if (value == null) return nul();
    separate();
    ensure(value.length() * 4); // a UTF-16 unit is at most 3 bytes, an escape 2
    for (int i = 0; i < value.length(); i++) {
      char ch = value.charAt(i);
      if (ch < 0x80) {
        byte escape = switch (ch) {
          case '\\' -> '\\';
          case '\t' -> 't';
          case '\n' -> 'n';
          case '\r' -> 'r';
          case '\b' -> 'b';
          case '\f' -> 'f';
          case 0x0B -> 'v';
          default -> 0;
        };
        if (escape != 0) {
          buf[len++] = '\\';
          buf[len++] = escape;
        } else {
          buf[len++] = (byte) ch;
        }
      } else if (ch < 0x800) {
        buf[len++] = (byte) (0xC0 | ch >> 6);
        buf[len++] = (byte) (0x80 | ch & 0x3F);
      } else if (Character.isHighSurrogate(ch) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
        int cp = Character.toCodePoint(ch, value.charAt(++i));
        buf[len++] = (byte) (0xF0 | cp >> 18);
        buf[len++] = (byte) (0x80 | cp >> 12 & 0x3F);
        buf[len++] = (byte) (0x80 | cp >> 6 & 0x3F);
        buf[len++] = (byte) (0x80 | cp & 0x3F);
      } else if (Character.isSurrogate(ch)) {
        throw new IllegalArgumentException("text with a lone surrogate cannot be stored"); // the CSV reader refuses these first
      } else {
        buf[len++] = (byte) (0xE0 | ch >> 12);
        buf[len++] = (byte) (0x80 | ch >> 6 & 0x3F);
        buf[len++] = (byte) (0x80 | ch & 0x3F);
      }
    }
    return this;
  }

  @Override
  public Values hundredths(long value) {
    separate();
    ensure(24);
    if (value < 0) {
      buf[len++] = '-';
      if (value == Long.MIN_VALUE) throw new ArithmeticException("amount out of range");
      value = -value;
    }
    digits(value / 100);
    buf[len++] = '.';
    buf[len++] = (byte) ('0' + value % 100 / 10);
    buf[len++] = (byte) ('0' + value % 10);
    return this;
  }

  @Override
  public Values integer(int value) {
    separate();
    ensure(12);
    long v = value;
    if (v < 0) {
      buf[len++] = '-';
      v = -v;
    }
    digits(v);
    return this;
  }

  @Override
  public Values nullInteger() {
    return nul();
  }

  @Override
  public Values day(int epochDay) {
    if (epochDay == Integer.MIN_VALUE) return nul();
    separate();
    // ISO yyyy-mm-dd, read alike in every DateStyle; written as digits, not through a String (one per order).
    LocalDate d = LocalDate.ofEpochDay(epochDay);
    if (d.getYear() < 1000 || d.getYear() > 9999) {
      ascii(d.toString());
      return this;
    }
    ensure(10);
    fixed(d.getYear(), 4);
    buf[len++] = '-';
    fixed(d.getMonthValue(), 2);
    buf[len++] = '-';
    fixed(d.getDayOfMonth(), 2);
    return this;
  }

  /** A non-negative number in exactly {@code width} digits, zero-padded. */
  private void fixed(int v, int width) {
    for (int i = width - 1; i >= 0; i--, v /= 10) buf[len + i] = (byte) ('0' + v % 10);
    len += width;
  }

  @Override
  public Values bool(boolean value) {
    separate();
    ensure(1);
    buf[len++] = (byte) (value ? 't' : 'f');
    return this;
  }

  @Override
  public Values number(long value) {
    separate();
    ensure(21);
    if (value < 0) {
      if (value == Long.MIN_VALUE) throw new ArithmeticException("number out of range");
      buf[len++] = '-';
      value = -value;
    }
    digits(value);
    return this;
  }

  @Override
  public Values time(Instant value) {
    separate();
    // Local time as setTimestamp stores it; ISO with a 'T', which PostgreSQL reads in every DateStyle.
    ascii(LocalDateTime.ofInstant(value, ZoneId.systemDefault()).toString());
    return this;
  }

  private void digits(long v) {
    int from = len;
    do {
      buf[len++] = (byte) ('0' + v % 10);
      v /= 10;
    } while (v > 0);
    for (int i = from, j = len - 1; i < j; i++, j--) {
      byte t = buf[i];
      buf[i] = buf[j];
      buf[j] = t;
    }
  }
}
