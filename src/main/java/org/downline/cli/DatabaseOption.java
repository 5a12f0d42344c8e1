package org.downline.cli;

import org.downline.store.Database;
import picocli.CommandLine.Option;

/** The {@code --db} option shared by every command that works on stored data. */
public final class DatabaseOption {
  @Option(
      names = "--db",
      paramLabel = "JDBC_URL",
      description = "Database URL (default: $DOWNLINE_DB_URL, else the embedded file database ./data/downline). "
          + "PostgreSQL: jdbc:postgresql://HOST:5432/NAME?user=USER")
  String url;

  public String url() {
    return url != null ? url : Database.defaultUrl();
  }

  public Database open() {
    return Database.open(url());
  }
}
