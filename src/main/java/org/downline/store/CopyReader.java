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
 * A streaming parser of PostgreSQL's COPY text format (a row a line, fields split by tabs, NULL as
 * {@code \N}, backslash escapes), fed the bytes of {@code COPY ... TO STDOUT} as they arrive, in
 * chunks that may split a row anywhere. Each complete row goes to the handler as this reader, a view
 * over one reused buffer: nothing is allocated per row or field unless the handler asks for a string.
 * Escapes are ASCII and UTF-8 never uses ASCII bytes inside a character, so the bytes are split
 * before they are decoded (the driver always sets the client encoding to UTF-8).
 */
final class CopyReader extends OutputStream implements CopyRow {
  /** What to do with each complete row. */
  @FunctionalInterface
  interface RowHandler {
    void row(CopyReader row);
  }

  private static final int PLAIN = 0;
  private static final int BACKSLASH = 1;
  private static final int OCTAL = 2;
  private static final int HEX = 3;

  private final RowHandler handler;
  private final Progress progress;
  private byte[] buf = new byte[512];
  private int len;
  private int[] start = new int[16];
  private int[] end = new int[16];
  private boolean[] nulls = new boolean[16];
  private int fields;
  private int state = PLAIN;
  private int escValue;
  private int escDigits;
  private long rows;

  CopyReader(RowHandler handler, Progress progress) {
    this.handler = handler;
    this.progress = progress;
  }

  /**
   * Runs {@code COPY (select) TO STDOUT} on a PostgreSQL connection and sends every row to the
   * handler; returns how many rows there were.
   */
  static long query(Connection c, String select, Progress progress, RowHandler handler) throws SQLException {
    CopyReader reader = new CopyReader(handler, progress);
    CopyRow.copyOut(c, "COPY (" + select + ") TO STDOUT", reader);
    reader.close();
    return reader.rows;
  }

  @Override
  public void write(int b) {
    accept((byte) b);
  }

  /**
   * The hot loop of a cold load: plain bytes (nearly all of them) are copied straight into the row
   * buffer with one capacity check a chunk; only a backslash leaves it for the escape states.
   */
  @Override
  public void write(byte[] b, int off, int n) {
    int to = off + n;
    if (buf.length - len < n) buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + n));
    byte[] row = buf;
    int at = len;
    int i = off;
    while (i < to) {
      if (state != PLAIN) {
        len = at;
        accept(b[i++]);
        at = len;
        row = buf;
        continue;
      }
      byte x = b[i++];
      if (x == '\\') {
        state = BACKSLASH;
      } else if (x == '\t') {
        len = at;
        endField();
      } else if (x == '\n') {
        len = at;
        endRow();
        at = 0;
        row = buf;
      } else {
        row[at++] = x;
      }
    }
    len = at;
  }

  /** The data ended: a row left without its line end is a broken stream, not a row. */
  @Override
  public void close() {
    if (len != 0 || fields != 0 || state != PLAIN) throw new IllegalStateException("COPY data ended inside row " + (rows + 1));
  }

  long rows() {
    return rows;
  }

  private void accept(byte x) {
    switch (state) {
      case PLAIN -> plain(x);
      case BACKSLASH -> escaped(x);
      case OCTAL -> {
        if (x >= '0' && x <= '7' && escDigits < 3) {
          escValue = escValue * 8 + (x - '0');
          if (++escDigits == 3) endEscape();
        } else {
          endEscape();
          plain(x);
        }
      }
      default -> { // HEX
        int d = Character.digit(x, 16);
        if (d >= 0 && escDigits < 2) {
          escValue = escValue * 16 + d;
          if (++escDigits == 2) endEscape();
        } else {
          if (escDigits == 0) append((byte) 'x'); // "\x" without digits is an x
          else append((byte) escValue);
          state = PLAIN;
          plain(x);
        }
      }
    }
  }

  private void endEscape() {
    append((byte) escValue);
    state = PLAIN;
  }

  private void plain(byte x) {
    switch (x) {
      case '\\' -> state = BACKSLASH;
      case '\t' -> endField();
      case '\n' -> endRow();
      default -> append(x);
    }
  }

  private void escaped(byte x) {
    state = PLAIN;
    switch (x) {
      case 'N' -> nulls[fields] = true;
      case 'b' -> append((byte) '\b');
      case 'f' -> append((byte) '\f');
      case 'n' -> append((byte) '\n');
      case 'r' -> append((byte) '\r');
      case 't' -> append((byte) '\t');
      case 'v' -> append((byte) 0x0B);
      case 'x' -> {
        state = HEX;
        escValue = 0;
        escDigits = 0;
      }
      default -> {
        if (x >= '0' && x <= '7') {
          state = OCTAL;
          escValue = x - '0';
          escDigits = 1;
        } else {
          append(x); // any other character stands for itself, the backslash among them
        }
      }
    }
  }

  private void append(byte x) {
    if (len == buf.length) buf = Arrays.copyOf(buf, len * 2);
    buf[len++] = x;
  }

  private void endField() {
    int from = fields == 0 ? 0 : end[fields - 1];
    if (nulls[fields] && len != from) throw new IllegalStateException("COPY row " + (rows + 1) + ": \\N inside a field");
    start[fields] = from;
    end[fields] = len;
    if (++fields == start.length) { // room for the next field's NULL mark
      start = Arrays.copyOf(start, fields * 2);
      end = Arrays.copyOf(end, fields * 2);
      nulls = Arrays.copyOf(nulls, fields * 2);
    }
    nulls[fields] = false;
  }

  private void endRow() {
    endField();
    rows++;
    handler.row(this);
    len = 0;
    fields = 0;
    nulls[0] = false;
    if ((rows & 0xFFFF) == 0) progress.update(rows);
  }

  // ---------------------------------------------------------------- the current row's fields

  int fields() {
    return fields;
  }

  @Override
  public boolean isNull(int field) {
    return nulls[check(field)];
  }

  /** The field as text, null for NULL. */
  @Override
  public String string(int field) {
    if (nulls[check(field)]) return null;
    return new String(buf, start[field], end[field] - start[field], StandardCharsets.UTF_8);
  }

  /**
   * The index in {@code network} of the member whose id the field holds, or {@link Network#NONE}
   * (also for NULL), looked up from the bytes (no string made unless the id is not ASCII).
   */
  int member(int field, Network network) {
    if (nulls[check(field)]) return Network.NONE;
    int m = network.indexOf(buf, start[field], end[field]);
    return m == IdIndex.NOT_ASCII ? network.indexOf(string(field)) : m;
  }

  /** Whether the field is this ASCII text (no string made). */
  @Override
  public boolean is(int field, String ascii) {
    if (nulls[check(field)] || end[field] - start[field] != ascii.length()) return false;
    for (int i = 0; i < ascii.length(); i++) if (buf[start[field] + i] != ascii.charAt(i)) return false;
    return true;
  }

  /** The field as a whole number (an optional minus and digits). */
  long number(int field) {
    int from = start[check(field)];
    int to = end[field];
    if (nulls[field] || from == to) throw bad(field, "is not a number");
    boolean negative = buf[from] == '-';
    if (negative && ++from == to) throw bad(field, "is not a number");
    long v = 0;
    for (int i = from; i < to; i++) {
      int d = buf[i] - '0';
      if (d < 0 || d > 9 || v > (Long.MAX_VALUE - d) / 10) throw bad(field, "is not a number");
      v = v * 10 + d;
    }
    return negative ? -v : v;
  }

  /** The field as a whole number, {@code ifNull} for NULL. */
  long number(int field, long ifNull) {
    return isNull(field) ? ifNull : number(field);
  }

  /** A boolean field as PostgreSQL writes it ({@code t} or {@code f}). */
  boolean bool(int field) {
    if (is(field, "t")) return true;
    if (is(field, "f")) return false;
    throw bad(field, "is not t or f");
  }

  private int check(int field) {
    if (field >= fields) throw new IllegalStateException("COPY row " + rows + " has " + fields + " fields; field " + (field + 1) + " was asked");
    return field;
  }

  private IllegalStateException bad(int field, String what) {
    return new IllegalStateException("COPY row " + rows + ", field " + (field + 1) + " " + what);
  }
}
