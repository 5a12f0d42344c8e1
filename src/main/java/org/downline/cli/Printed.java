package org.downline.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/** Prints a {@link Table} to picocli's writer, so that tests capture what a command prints. */
final class Printed {
  private Printed() {}

  static void print(Table table, OutputFormat format, PrintWriter out) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (PrintStream ps = new PrintStream(bytes, false, StandardCharsets.UTF_8)) {
      table.print(ps, format);
    }
    out.print(bytes.toString(StandardCharsets.UTF_8));
    out.flush();
  }
}
