package org.downline.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.downline.app.network.CopyCompany;
import org.downline.store.CompanyCopy;
import org.downline.store.Database;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code downline copy --to URL}: moves the whole company from the embedded database into an empty
 * PostgreSQL database (docs/data.md, "Moving to PostgreSQL"; ADR 44).
 */
@Command(name = "copy", mixinStandardHelpOptions = true,
    description = {"Copies the whole company (members, orders, runs and their lines, the ledger, payouts, logins, audit,",
        "prospects, strategy, the change log...) from the embedded database (or --db) into an empty PostgreSQL",
        "database, migrated first, in one transaction; checked by every table's row count and every run's fingerprint.",
        "Stop the server first. Not copied: sign-in sessions, the migrations' history, the stored model (rebuilt)."})
public final class CopyCommand implements Callable<Integer> {
  @Mixin DatabaseOption database;

  @Option(names = "--to", required = true, paramLabel = "JDBC_URL",
      description = "The empty PostgreSQL database: jdbc:postgresql://HOST:5432/NAME?user=USER")
  String to;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    long t0 = System.nanoTime();
    try (Database source = database.open()) {
      CompanyCopy.Result r = CopyCompany.copy(source, to, ConsoleProgress.forConsole());
      Table table = new Table("table", "rows").numeric("rows");
      long rows = 0;
      for (CompanyCopy.TableCopied t : r.tables()) {
        table.row(t.table(), Long.toString(t.rows()));
        rows += t.rows();
      }
      Printed.print(table, OutputFormat.table, out);
      out.printf(Locale.ROOT, "copied %,d rows of %d tables in %.1f s; every table's count checked on both sides,"
          + " and the lines of %d run%s against their fingerprints%n", rows, r.tables().size(), (System.nanoTime() - t0) / 1e9,
          r.runs().size(), r.runs().size() == 1 ? "" : "s");
      out.println("not copied: " + String.join(", ", CompanyCopy.NOT_COPIED.keySet()) + " (docs/data.md)");
      // Not the URL itself: it may hold a password.
      out.println("from now on run every command and the server with --db set to the target's URL, or DOWNLINE_DB_URL");
      out.flush();
      return 0;
    }
  }
}
