package org.downline.store;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import org.downline.core.Progress;
import org.downline.network.IdIndex;
import org.downline.network.Network;

/**
 * A streaming parser of PostgreSQL's binary COPY format ({@code COPY ... TO STDOUT (FORMAT binary)}):
 * a signature and header, then per row a 16-bit field count and per field a 32-bit length (-1 for
 * NULL) and that many bytes in the type's send format, then a count of -1. The server only copies
 * each column's stored form out (no text made of numbers, dates or numerics, no expression per row),
 * which is most of what a cold load costs it (ADR 32). The driver hands over one message a row, so a
 * row is nearly always parsed where it arrived; only a row split across writes is gathered in a
 * buffer. Each row goes to the handler as this reader, a view over those bytes.
 */
final class BinaryCopyReader extends OutputStream implements CopyRow {
  /** What to do with each complete row. */
  @FunctionalInterface
  interface RowHandler {
    void row(BinaryCopyReader row);
  }

  private static final byte[] SIGNATURE = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0};
  /** PostgreSQL's dates count days from 2000-01-01; the model's from 1970-01-01. */
  private static final int PG_EPOCH_DAY = 10_957;
  private static final int NUMERIC_NEG = 0x4000;
  /** Hundredths in one unit of a numeric's base-10000 digit of weight w (10000^4 * 100 is the last to fit a long). */
  private static final long[] HUNDREDTHS_OF = {100L, 1_000_000L, 10_000_000_000L, 100_000_000_000_000L, 1_000_000_000_000_000_000L};

  private final RowHandler handler;
  private final Progress progress;
  private byte[] pending = new byte[256]; // a row (or the header) split across writes
  private int pendingLen;
  private boolean headerDone;
  private boolean ended;
  private byte[] data; // the bytes the current row's fields point into
  private int[] start = new int[16];
  private int[] length = new int[16];
  private int fields;
  private long rows;

  BinaryCopyReader(RowHandler handler, Progress progress) {
    this.handler = handler;
    this.progress = progress;
  }

  /**
   * Runs {@code COPY (select) TO STDOUT (FORMAT binary)} on a PostgreSQL connection and sends every
   * row to the handler; returns how many rows there were.
   */
  static long query(Connection c, String select, Progress progress, RowHandler handler) throws SQLException {
    BinaryCopyReader reader = new BinaryCopyReader(handler, progress);
    CopyRow.copyOut(c, "COPY (" + select + ") TO STDOUT (FORMAT binary)", reader);
    reader.close();
    return reader.rows;
  }

  @Override
  public void write(int b) {
    write(new byte[] {(byte) b}, 0, 1);
  }

  @Override
  public void write(byte[] b, int off, int n) {
    if (pendingLen == 0) {
      int used = consume(b, off, off + n);
      keep(b, off + used, n - used);
      return;
    }
    keep(b, off, n);
    int used = consume(pending, 0, pendingLen);
    System.arraycopy(pending, used, pending, 0, pendingLen - used);
    pendingLen -= used;
  }

  private void keep(byte[] b, int off, int n) {
    if (n == 0) return;
    if (pending.length - pendingLen < n) pending = Arrays.copyOf(pending, Math.max(pending.length * 2, pendingLen + n));
    System.arraycopy(b, off, pending, pendingLen, n);
    pendingLen += n;
  }

  /** Parses every complete piece of {@code b[from..to)}; returns how many bytes it used. */
  private int consume(byte[] b, int from, int to) {
    int at = from;
    if (!headerDone) {
      if (to - at < SIGNATURE.length + 8) return 0;
      if (!Arrays.equals(b, at, at + SIGNATURE.length, SIGNATURE, 0, SIGNATURE.length)) {
        throw new IllegalStateException("not PostgreSQL's binary COPY format");
      }
      int extension = int32(b, at + SIGNATURE.length + 4);
      if (to - at < SIGNATURE.length + 8 + extension) return 0;
      at += SIGNATURE.length + 8 + extension;
      headerDone = true;
    }
    while (at < to) {
      if (ended) throw new IllegalStateException("COPY data after its end");
      if (to - at < 2) break;
      int count = (short) ((b[at] & 0xFF) << 8 | (b[at + 1] & 0xFF));
      if (count == -1) {
        ended = true;
        at += 2;
        continue;
      }
      if (count < 0) throw new IllegalStateException("COPY row " + (rows + 1) + ": " + count + " fields");
      int end = fieldsOf(b, at + 2, to, count);
      if (end < 0) break; // the rest of the row comes in the next write
      data = b;
      rows++;
      handler.row(this);
      data = null;
      if ((rows & 0xFFFF) == 0) progress.update(rows);
      at = end;
    }
    return at - from;
  }

  /** Marks the row's fields from {@code at}; returns where the row ends, or -1 when it is not all there. */
  private int fieldsOf(byte[] b, int at, int to, int count) {
    if (count > start.length) {
      start = new int[count];
      length = new int[count];
    }
    for (int f = 0; f < count; f++) {
      if (to - at < 4) return -1;
      int n = int32(b, at);
      at += 4;
      if (n < -1) throw new IllegalStateException("COPY row " + (rows + 1) + ", field " + (f + 1) + ": length " + n);
      start[f] = at;
      length[f] = n;
      if (n > 0) {
        if (to - at < n) return -1;
        at += n;
      }
    }
    fields = count;
    return at;
  }

  /** The data ended: without its end mark, or with a row left over, the stream broke. */
  @Override
  public void close() {
    if (!ended || pendingLen != 0) throw new IllegalStateException("COPY data ended inside row " + (rows + 1));
  }

  private static int int32(byte[] b, int at) {
    return (b[at] & 0xFF) << 24 | (b[at + 1] & 0xFF) << 16 | (b[at + 2] & 0xFF) << 8 | (b[at + 3] & 0xFF);
  }

  private int int16(int at) {
    return (short) ((data[at] & 0xFF) << 8 | (data[at + 1] & 0xFF));
  }

  // ---------------------------------------------------------------- the current row's fields

  int fields() {
    return fields;
  }

  @Override
  public boolean isNull(int field) {
    return length[check(field)] < 0;
  }

  /** A text field (varchar, text) as a string, null for NULL. */
  @Override
  public String string(int field) {
    if (isNull(field)) return null;
    return new String(data, start[field], length[field], StandardCharsets.UTF_8);
  }

  /** The bytes the current row's fields lie in: valid only while the handler has the row. */
  byte[] data() {
    return data;
  }

  /** Where a text field's bytes start in {@link #data()} (not NULL). */
  int from(int field) {
    if (isNull(field)) throw bad(field, "is NULL");
    return start[field];
  }

  /** Where a text field's bytes end in {@link #data()}. */
  int to(int field) {
    return from(field) + length[field];
  }

  /**
   * The index in {@code network} of the member whose id the field holds, or {@link Network#NONE}
   * (also for NULL), looked up from the bytes (no string made unless the id is not ASCII).
   */
  int member(int field, Network network) {
    if (isNull(field)) return Network.NONE;
    int m = network.indexOf(data, start[field], start[field] + length[field]);
    return m == IdIndex.NOT_ASCII ? network.indexOf(string(field)) : m;
  }

  /** Whether a text field is this ASCII text (no string made). */
  @Override
  public boolean is(int field, String ascii) {
    if (isNull(field) || length[field] != ascii.length()) return false;
    for (int i = 0; i < ascii.length(); i++) if (data[start[field] + i] != ascii.charAt(i)) return false;
    return true;
  }

  /** An integer field (int4). */
  int int4(int field) {
    if (isNull(field) || length[field] != 4) throw bad(field, "is not an integer");
    return int32(data, start[field]);
  }

  /** An integer field, {@code ifNull} for NULL. */
  int int4(int field, int ifNull) {
    return isNull(field) ? ifNull : int4(field);
  }

  /** A boolean field. */
  boolean bool(int field) {
    if (isNull(field) || length[field] != 1) throw bad(field, "is not a boolean");
    return data[start[field]] != 0;
  }

  /** A date field as its epoch day. */
  int day(int field) {
    if (isNull(field) || length[field] != 4) throw bad(field, "is not a date");
    int d = int32(data, start[field]);
    if (d == Integer.MIN_VALUE || d == Integer.MAX_VALUE) throw bad(field, "is an infinite date");
    return d + PG_EPOCH_DAY;
  }

  /** A date field as its epoch day, {@code ifNull} for NULL. */
  int day(int field, int ifNull) {
    return isNull(field) ? ifNull : day(field);
  }

  /**
   * A numeric field in hundredths, rounded half away from zero as {@code (x * 100)::bigint} would
   * (a DECIMAL(19, 2) column never needs it). The send format is base-10000 digits: a count, the
   * weight of the first (its power of 10000), a sign and the display scale, then the digits.
   */
  long cents(int field) {
    if (isNull(field) || length[field] < 8) throw bad(field, "is not a number");
    int at = start[field];
    int digits = int16(at);
    int weight = int16(at + 2);
    int sign = int16(at + 4) & 0xFFFF;
    if (length[field] != 8 + 2 * digits || (sign != 0 && sign != NUMERIC_NEG)) throw bad(field, "is not a number");
    long v = 0;
    boolean roundUp = false;
    try {
      for (int i = 0; i < digits; i++) {
        int d = int16(at + 8 + 2 * i);
        int w = weight - i; // this digit counts 10000^w
        if (w >= 0) {
          if (w >= HUNDREDTHS_OF.length) throw new ArithmeticException();
          v = Math.addExact(v, Math.multiplyExact(d, HUNDREDTHS_OF[w]));
        } else if (w == -1) {
          v = Math.addExact(v, d / 100);
          roundUp = d % 100 >= 50; // digits further down can only add below half a hundredth
        }
      }
      if (roundUp) v = Math.incrementExact(v);
    } catch (ArithmeticException e) {
      throw bad(field, "is out of range");
    }
    return sign == NUMERIC_NEG ? -v : v;
  }

  private int check(int field) {
    if (field >= fields) throw new IllegalStateException("COPY row " + rows + " has " + fields + " fields; field " + (field + 1) + " was asked");
    return field;
  }

  private IllegalStateException bad(int field, String what) {
    return new IllegalStateException("COPY row " + rows + ", field " + (field + 1) + " " + what);
  }
}
