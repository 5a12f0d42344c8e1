package org.downline.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.downline.document.StatementDocument;

/** Writes a report document (HTML, or PDF laid out from it) to {@code --out}; the file appears only when complete. */
final class Documents {
  private Documents() {}

  static void write(String html, DocumentFormat format, Path out, PrintWriter err) throws IOException {
    Path tmp = Files.createTempFile(out.toAbsolutePath().getParent(), ".report-", ".tmp");
    try {
      if (format == DocumentFormat.html) Files.writeString(tmp, html, StandardCharsets.UTF_8);
      else StatementDocument.pdf(html, tmp);
      Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(tmp);
    }
    err.println("wrote " + out);
    err.flush();
  }
}
