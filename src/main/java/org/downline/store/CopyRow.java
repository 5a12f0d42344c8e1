package org.downline.store;

import java.io.IOException;
import java.io.OutputStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.postgresql.PGConnection;

/** What both COPY readers (text and binary) answer about a text field of the current row. */
interface CopyRow {
  boolean isNull(int field);

  /** The field as text, null for NULL. */
  String string(int field);

  /** Whether the field is this ASCII text (no string made). */
  boolean is(int field, String ascii);

  /** The field as one of {@code known} when it equals one (no string made), else as a new string; null for NULL. */
  default String string(int field, List<String> known) {
    if (isNull(field)) return null;
    for (int i = 0; i < known.size(); i++) if (is(field, known.get(i))) return known.get(i);
    String s = string(field);
    int i = known.indexOf(s); // a code that is not ASCII never matches by bytes: found here
    if (i >= 0) return known.get(i);
    known.add(s);
    return s;
  }

  /** Runs {@code copy} (a {@code COPY ... TO STDOUT}) on a PostgreSQL connection into {@code reader}. */
  static void copyOut(Connection c, String copy, OutputStream reader) throws SQLException {
    try {
      c.unwrap(PGConnection.class).getCopyAPI().copyOut(copy, reader);
    } catch (IOException e) {
      throw new SQLException("COPY TO STDOUT failed: " + e.getMessage(), e);
    }
  }
}
