package org.downline.cli;

import java.util.Map;
import java.util.concurrent.Callable;
import org.downline.store.Database;
import org.downline.store.PeriodStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code downline periods}: the periods holding orders and their state (open, calculated, closed). */
@Command(name = "periods", mixinStandardHelpOptions = true,
    description = "Lists the periods (YYYY-MM) and their state: open, calculated or closed.")
public final class PeriodsCommand implements Callable<Integer> {
  @Mixin DatabaseOption database;

  @Option(names = "--format", description = "table, csv or json (default: ${DEFAULT-VALUE})", defaultValue = "table")
  OutputFormat format;

  @Override
  public Integer call() {
    try (Database db = database.open()) {
      Map<String, String> states = new PeriodStore(db).states();
      Table table = new Table("period", "state");
      states.forEach((name, state) -> table.row(name, state));
      table.print(System.out, format);
      return 0;
    }
  }
}
