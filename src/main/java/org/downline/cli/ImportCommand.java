package org.downline.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.downline.store.Database;
import org.downline.store.ImportResult;
import org.downline.store.Importer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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
  enum What { members, orders, products }

  @Parameters(index = "0", paramLabel = "WHAT", description = "members, orders or products")
  What what;

  @Parameters(index = "1", paramLabel = "FILE", description = "UTF-8 CSV file with a header row")
  Path file;

  @Mixin DatabaseOption database;

  @Override
  public Integer call() {
    if (!Files.isReadable(file)) throw new IllegalArgumentException("cannot read " + file);
    try (Database db = database.open()) {
      Importer importer = new Importer(db, ConsoleProgress.forConsole());
      ImportResult result = switch (what) {
        case members -> importer.importMembers(file);
        case orders -> importer.importOrders(file);
        case products -> importer.importProducts(file);
      };
      System.out.println(result);
      return 0;
    }
  }
}
