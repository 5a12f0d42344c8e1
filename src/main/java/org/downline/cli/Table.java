package org.downline.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Rows of text printed as an aligned table, CSV or a JSON array of objects. Cells are strings as the
 * command formatted them (amounts already with two decimals). Columns declared numeric are
 * right-aligned in tables and written bare in JSON; all others are text.
 */
public final class Table {
  private final String[] header;
  private final boolean[] numeric;
  private final List<String[]> rows = new ArrayList<>();

  public Table(String... header) {
    this.header = header;
    this.numeric = new boolean[header.length];
  }

  /** Declares columns whose cells are numbers (or true/false). */
  public Table numeric(String... columns) {
    for (String col : columns) {
      int i = java.util.Arrays.asList(header).indexOf(col);
      if (i < 0) throw new IllegalArgumentException("no column " + col);
      numeric[i] = true;
    }
    return this;
  }

  public Table row(String... cells) {
    if (cells.length != header.length) throw new IllegalArgumentException("row has " + cells.length + " cells");
    rows.add(cells);
    return this;
  }

  public void print(PrintStream out, OutputFormat format) {
    switch (format) {
      case table -> printTable(out);
      case csv -> printCsv(out);
      case json -> printJson(out);
    }
  }

  private void printTable(PrintStream out) {
    int[] width = new int[header.length];
    for (int c = 0; c < header.length; c++) width[c] = header[c].length();
    for (String[] r : rows) for (int c = 0; c < r.length; c++) width[c] = Math.max(width[c], r[c].length());
    out.println(line(header, width, numeric));
    StringBuilder rule = new StringBuilder();
    for (int c = 0; c < header.length; c++) rule.append(c == 0 ? "" : "  ").append("-".repeat(width[c]));
    out.println(rule);
    for (String[] r : rows) out.println(line(r, width, numeric));
  }

  private static String line(String[] cells, int[] width, boolean[] numeric) {
    StringBuilder sb = new StringBuilder();
    for (int c = 0; c < cells.length; c++) {
      if (c > 0) sb.append("  ");
      String pad = " ".repeat(width[c] - cells[c].length());
      sb.append(numeric[c] ? pad + cells[c] : cells[c] + (c == cells.length - 1 ? "" : pad));
    }
    return sb.toString();
  }

  private void printCsv(PrintStream out) {
    out.println(csvLine(header));
    for (String[] r : rows) out.println(csvLine(r));
  }

  private static String csvLine(String[] cells) {
    StringBuilder sb = new StringBuilder();
    for (int c = 0; c < cells.length; c++) {
      if (c > 0) sb.append(',');
      String s = cells[c];
      if (s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0) {
        sb.append('"').append(s.replace("\"", "\"\"")).append('"');
      } else {
        sb.append(s);
      }
    }
    return sb.toString();
  }

  private void printJson(PrintStream out) {
    StringBuilder sb = new StringBuilder("[");
    for (int i = 0; i < rows.size(); i++) {
      sb.append(i == 0 ? "\n  {" : ",\n  {");
      String[] r = rows.get(i);
      for (int c = 0; c < r.length; c++) {
        if (c > 0) sb.append(", ");
        sb.append(quote(header[c])).append(": ");
        String s = r[c];
        sb.append(numeric[c] && !s.isEmpty() ? s : quote(s));
      }
      sb.append('}');
    }
    out.println(sb.append(rows.isEmpty() ? "]" : "\n]"));
  }

  static String quote(String s) {
    StringBuilder sb = new StringBuilder("\"");
    for (char ch : s.toCharArray()) {
      switch (ch) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        default -> {
          if (ch < 0x20) sb.append(String.format("\\u%04x", (int) ch));
          else sb.append(ch);
        }
      }
    }
    return sb.append('"').toString();
  }
}
