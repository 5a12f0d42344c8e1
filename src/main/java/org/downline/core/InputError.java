package org.downline.core;

import java.util.List;

/**
 * One problem found in an input: where it is (file, line, column) and why it is refused. Line 1 is
 * the header row of a CSV file, so the first data row is line 2, as a text editor shows it. A
 * request's own parameter has no file (null) and names the parameter as its column. {@code reason}
 * is English; {@code key} (null for a reason told in English only) and {@code args} let a page or
 * the API say it in the reader's language ({@link Reason}).
 */
public record InputError(String file, long line, String column, String reason, String key, List<String> args) {
  public InputError {
    args = args == null ? List.of() : List.copyOf(args);
  }

  public InputError(String file, long line, String column, String reason) {
    this(file, line, column, reason, null, List.of());
  }

  public InputError(String file, long line, String column, Reason reason) {
    this(file, line, column, reason.english(), reason.key(), reason.args());
  }

  @Override
  public String toString() {
    if (file == null) return column + ": " + reason;
    StringBuilder sb = new StringBuilder(file);
    if (line > 0) sb.append(':').append(line);
    if (column != null && !column.isEmpty()) sb.append(": column ").append(column);
    return sb.append(": ").append(reason).toString();
  }
}
