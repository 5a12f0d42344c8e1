package org.downline.core;

/**
 * One problem found in an input: where it is (file, line, column) and why it is refused. Line 1 is
 * the header row of a CSV file, so the first data row is line 2, as a text editor shows it. A
 * request's own parameter has no file (null) and names the parameter as its column.
 */
public record InputError(String file, long line, String column, String reason) {
  @Override
  public String toString() {
    if (file == null) return column + ": " + reason;
    StringBuilder sb = new StringBuilder(file);
    if (line > 0) sb.append(':').append(line);
    if (column != null && !column.isEmpty()) sb.append(": column ").append(column);
    return sb.append(": ").append(reason).toString();
  }
}
