package org.downline.cli;

import org.downline.core.InvalidInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.downline.store.Database;
import org.downline.store.ImportResult;
import org.downline.store.TacticStore;
import org.downline.app.network.ImportFile;
import org.downline.app.network.ImportRetail;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code downline import members|orders|products FILE}: one transaction per file, all or nothing. */
@Command(
    name = "import",
    mixinStandardHelpOptions = true,
    description = {
      "Imports a CSV file into the database as one transaction.",
      "Any bad row refuses the whole file: every problem is listed with file, line, column and reason,",
      "nothing is written and the exit status is 2. Rows are keyed by id, so importing the same file",
      "again changes nothing. Rows may come in any order (a recruit before their sponsor)."
    })
public final class ImportCommand implements Callable<Integer> {
  enum What { members, orders, lines, products, campaigns, tactics, autoships, all, retail }

  @Parameters(index = "0", paramLabel = "WHAT",
      description = "members, orders, lines (order lines), products, campaigns (code, name, channel), tactics (campaigns with type, start, end, cost, owner, objectives, problems: see docs/strategy.md), autoships; all (every such file in the directory FILE,"
          + " as generate --out and export write them); or retail (a shop's invoice lines in the Online Retail"
          + " layout: customers, products, orders with lines and returns at once)")
  What what;

  @Option(names = "--house", defaultValue = "HOUSE",
      description = "retail: id of the distributor the shop's customers are placed under (default: ${DEFAULT-VALUE})")
  String house;

  @Parameters(index = "1", paramLabel = "FILE", description = "UTF-8 CSV file with a header row (a directory for all)")
  Path file;

  @Mixin DatabaseOption database;

  @Override
  public Integer call() {
    if (!Files.isReadable(file)) throw InvalidInputException.parameter("FILE", "cannot read " + file);
    try (Database db = database.open()) {
      ImportFile importer = new ImportFile(db, ConsoleProgress.forConsole());
      if (what == What.retail) {
        ImportRetail.Imported imported = new ImportRetail(db, ConsoleProgress.forConsole()).importFile(file, house);
        imported.results().forEach(System.out::println);
        System.out.println("skipped: " + imported.skipped());
        return 0;
      }
      if (what == What.all) {
        importer.importDirectory(file).forEach(System.out::println);
        return 0;
      }
      ImportResult result = switch (what) {
        case members -> importer.importMembers(file);
        case orders -> importer.importOrders(file);
        case lines -> importer.importOrderLines(file);
        case products -> importer.importProducts(file);
        case campaigns -> importer.importCampaigns(file);
        case tactics -> new org.downline.app.strategy.StrategyImports(db).tactics(file, ConsoleProgress.forConsole());
        case autoships -> importer.importAutoships(file);
        case all, retail -> throw new IllegalStateException("handled above");
      };
      System.out.println(result);
      return 0;
    }
  }
}
