package org.downline.csv;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * The raw bytes of a CSV file on their way to the parser: counts bytes and physical lines, refuses
 * the first byte that is not well-formed UTF-8 (overlong forms, surrogates and code points past
 * U+10FFFF included), and follows the quoting so that a quote never closed is caught at the end of
 * the file, where the parser would otherwise take the rest of the file as one field without a word.
 */
final class CheckedInput extends FilterInputStream {
  /** Why the bytes were refused, with the physical line and the byte offset (both from the start). */
  static final class Malformed extends IOException {
    final long line;
    final long offset;

    Malformed(long line, long offset, String reason) {
      super(reason);
      this.line = line;
      this.offset = offset;
    }
  }

  long count;
  private long line = 1;
  // UTF-8 decoding state: continuation bytes still expected, and the bounds of the next one.
  private int pending;
  private int nextLow = 0x80;
  private int nextHigh = 0xBF;
  private long sequenceStart;
  // Quoting state: inside a quoted field, and where it opened.
  private boolean quoted;
  private long quoteLine;

  CheckedInput(InputStream in) {
    super(in);
  }

  @Override
  public int read() throws IOException {
    int b = super.read();
    if (b >= 0) check(b);
    else atEnd();
    return b;
  }

  @Override
  public int read(byte[] buf, int off, int len) throws IOException {
    int r = super.read(buf, off, len);
    if (r < 0) {
      atEnd();
      return r;
    }
    for (int i = off; i < off + r; i++) check(buf[i] & 0xFF);
    return r;
  }

  private void check(int b) throws Malformed {
    if (pending > 0) {
      if (b < nextLow || b > nextHigh) throw invalid(count);
      nextLow = 0x80;
      nextHigh = 0xBF;
      pending--;
    } else if (b >= 0x80) {
      sequenceStart = count;
      if (b >= 0xC2 && b <= 0xDF) {
        pending = 1;
      } else if (b >= 0xE0 && b <= 0xEF) {
        pending = 2;
        if (b == 0xE0) nextLow = 0xA0; // overlong
        if (b == 0xED) nextHigh = 0x9F; // UTF-16 surrogates
      } else if (b >= 0xF0 && b <= 0xF4) {
        pending = 3;
        if (b == 0xF0) nextLow = 0x90; // overlong
        if (b == 0xF4) nextHigh = 0x8F; // past U+10FFFF
      } else {
        throw invalid(count);
      }
    } else if (b == '"') {
      // A doubled quote inside a quoted field toggles twice: the state stays right.
      quoted = !quoted;
      if (quoted) quoteLine = line;
    } else if (b == '\n') {
      line++;
    }
    count++;
  }

  private Malformed invalid(long at) {
    return new Malformed(line, at, "the file is not valid UTF-8 at byte offset " + at
        + " (expected UTF-8; convert a Latin-1 or Windows-1252 file to UTF-8 first)");
  }

  private void atEnd() throws Malformed {
    if (pending > 0) {
      pending = 0;
      throw new Malformed(line, sequenceStart, "the file is not valid UTF-8 at byte offset " + sequenceStart
          + " (a character is cut off at the end of the file; expected UTF-8)");
    }
    if (quoted) {
      quoted = false;
      throw new Malformed(quoteLine, count, "a quote opened on line " + quoteLine
          + " is never closed (an unterminated quote)");
    }
  }
}
