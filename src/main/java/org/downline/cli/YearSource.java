package org.downline.cli;

import java.nio.file.Path;
import org.downline.app.disclosure.DisclosureYear;
import org.downline.core.InvalidInputException;
import org.downline.planfile.PlanFile;
import org.downline.store.Database;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The options of the year reports of docs/honest-numbers.md: the year, and where its commission
 * lines come from: the closed runs of the stored data, or the plan computed over files.
 */
public final class YearSource {
  @Option(names = "--year", required = true, paramLabel = "YYYY", description = "The calendar year.")
  int year;

  @Option(names = "--plan", paramLabel = "PLAN",
      description = "A built-in plan (demo, ladder) or a plan file. Files: required. Stored data: default the plan of the closed runs.")
  String plan;

  @Mixin DatabaseOption db;

  @Option(names = "--members", paramLabel = "FILE", description = "Members CSV (file mode, no database; with --orders and --plan).")
  Path members;

  @Option(names = "--orders", paramLabel = "FILE", description = "Orders CSV (file mode; with --members and --plan).")
  Path orders;

  /** The year's company and lines; in file mode the plan computed over every period. */
  DisclosureYear load() {
    DisclosureYear.checkYear("--year", year);
    boolean files = members != null || orders != null;
    if (files && plan == null) throw InvalidInputException.parameter("--plan", "file mode needs --plan (demo, ladder or a file)");
    FileInputs company = Sources.load(members, orders, db, ConsoleProgress.forConsole());
    if (files) {
      return DisclosureYear.fromFiles(company.network(), company.book(), PlanFile.load(plan), year,
          org.downline.core.Progress.NONE);
    }
    try (Database database = db.open()) {
      return DisclosureYear.fromStore(database, company.network(), company.book(), plan, year);
    }
  }
}
