package org.downline.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.downline.csv.CompanyCsvWriter;
import org.downline.csv.TacticCsv;
import org.downline.store.Database;
import org.downline.store.Exporter;
import org.downline.store.TacticStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code downline export --out DIR}: the stored company as the same CSV files import reads. */
@Command(name = "export", mixinStandardHelpOptions = true,
    description = {
      "Writes the stored company to CSV files: members.csv, orders.csv, products.csv, campaigns.csv,",
      "tactics.csv and autoships.csv, in the columns import reads, so 'downline import all DIR' loads them",
      "back unchanged."
    })
public final class ExportCommand implements Callable<Integer> {
  @Option(names = "--out", paramLabel = "DIR", required = true, description = "Directory for the files.")
  Path out;

  @Mixin DatabaseOption database;

  @Override
  public Integer call() throws IOException {
    long[] counts;
    try (Database db = database.open();
        CompanyCsvWriter csv = new CompanyCsvWriter(out)) {
      counts = new Exporter(db, ConsoleProgress.forConsole()).export(csv);
      TacticCsv.write(out.resolve(TacticStore.FILE), new TacticStore(db).load());
    }
    System.out.printf("Exported %d members and %d orders to %s%n", counts[0], counts[1], out);
    return 0;
  }
}
