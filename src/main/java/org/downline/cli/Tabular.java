package org.downline.cli;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Rows of a report written as an aligned table, CSV (header row, RFC 4180 quoting) or JSON (an
 * array of objects). Cells are kept as text as formatted by the report; a column marked numeric is
 * right-aligned in the table and written as an exact JSON number (never through a double).
 */
final class Tabular {
  enum Format {
    TABLE, CSV, JSON;

    static Format of(String text) {
      try {
        return valueOf(text.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("'" + text + "' is not an output format (table, csv, json)");
      }
    }
  }

  private final String[] columns;
  private final boolean[] numeric;
  private final List<String[]> rows = new ArrayList<>();

  /** Columns named plainly; a name ending in {@code #} is numeric (the mark is dropped). */
  Tabular(String... columns) {
    this.columns = new String[columns.length];
    this.numeric = new boolean[columns.length];
    for (int c = 0; c < columns.length; c++) {
      numeric[c] = columns[c].endsWith("#");
      this.columns[c] = numeric[c] ? columns[c].substring(0, columns[c].length() - 1) : columns[c];
    }
  }

  Tabular row(Object... cells) {
    if (cells.length != columns.length) throw new IllegalStateException("row of " + cells.length + " cells");
    String[] r = new String[cells.length];
    for (int c = 0; c < cells.length; c++) r[c] = cells[c] == null ? "" : cells[c].toString();
    rows.add(r);
    return this;
  }

  int size() {
    return rows.size();
  }

  void write(Format format, PrintWriter out) {
    switch (format) {
      case CSV -> writeCsv(out);
      case JSON -> writeJson(out);
      case TABLE -> writeTable(out);
    }
    out.flush();
  }

  private void writeCsv(PrintWriter out) {
    out.print(csvLine(columns));
    for (String[] r : rows) out.print(csvLine(r));
  }

  private static String csvLine(String[] cells) {
    StringBuilder sb = new StringBuilder();
    for (int c = 0; c < cells.length; c++) {
      if (c > 0) sb.append(',');
      String v = cells[c];
      if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
        sb.append('"').append(v.replace("\"", "\"\"")).append('"');
      } else {
        sb.append(v);
      }
    }
    return sb.append('\n').toString();
  }

  private void writeJson(PrintWriter out) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    ArrayNode array = f.arrayNode();
    for (String[] r : rows) {
      ObjectNode o = array.addObject();
      for (int c = 0; c < columns.length; c++) {
        if (numeric[c] && !r[c].isEmpty()) o.put(columns[c], new BigDecimal(r[c]));
        else o.put(columns[c], r[c]);
      }
    }
    out.println(JsonMapper.builder().build().writerWithDefaultPrettyPrinter().writeValueAsString(array));
  }

  private void writeTable(PrintWriter out) {
    int[] width = new int[columns.length];
    for (int c = 0; c < columns.length; c++) width[c] = columns[c].length();
    for (String[] r : rows) for (int c = 0; c < columns.length; c++) width[c] = Math.max(width[c], r[c].length());
    out.println(tableLine(columns, width));
    StringBuilder rule = new StringBuilder();
    for (int c = 0; c < columns.length; c++) {
      if (c > 0) rule.append("  ");
      rule.append("-".repeat(width[c]));
    }
    out.println(rule);
    for (String[] r : rows) out.println(tableLine(r, width));
  }

  private String tableLine(String[] cells, int[] width) {
    StringBuilder sb = new StringBuilder();
    for (int c = 0; c < cells.length; c++) {
      if (c > 0) sb.append("  ");
      String pad = " ".repeat(width[c] - cells[c].length());
      if (numeric[c]) sb.append(pad).append(cells[c]);
      else sb.append(cells[c]).append(c == cells.length - 1 ? "" : pad);
    }
    return sb.toString();
  }
}
