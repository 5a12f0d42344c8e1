package org.downline.cli;

import java.nio.file.Path;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Where a report reads the company from (the stored data, or the files of file mode) and how it
 * prints: the options every report command shares.
 */
public final class CompanySource {
  @Mixin DatabaseOption db;

  @Option(names = "--members", paramLabel = "FILE", description = "Members CSV (file mode, no database; with --orders).")
  Path members;

  @Option(names = "--orders", paramLabel = "FILE", description = "Orders CSV (file mode; with --members).")
  Path orders;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
      description = "table, csv or json (default: ${DEFAULT-VALUE}).")
  OutputFormat format;

  /** The company's network and orders, from the files when given, else from the database. */
  FileInputs load() {
    return Sources.load(members, orders, db, ConsoleProgress.forConsole());
  }
}
