package org.downline.store;

/** What both COPY readers (text and binary) answer about a text field of the current row. */
interface CopyRow {
  /** The field as text, null for NULL. */
  String string(int field);

  /** Whether the field is this ASCII text (no string made). */
  boolean is(int field, String ascii);
}
