package org.downline.cli;

/** Output of the year reports: the {@link OutputFormat}s to standard output, or a document to {@code --out}. */
enum DocumentFormat {
  table, csv, json, html, pdf;

  boolean isDocument() {
    return this == html || this == pdf;
  }

  OutputFormat printed() {
    return OutputFormat.valueOf(name());
  }
}
