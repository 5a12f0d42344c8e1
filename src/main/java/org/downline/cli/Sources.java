package org.downline.cli;

import java.nio.file.Path;
import org.downline.app.network.LoadCompany;
import org.downline.core.InvalidInputException;
import org.downline.core.Progress;
import org.downline.store.Database;

/**
 * Where a report's data comes from: the members and orders files named on the command line (file
 * mode, no database), or else the stored data of the database ({@code --db}, default
 * {@code $DOWNLINE_DB_URL} or the embedded file database): its stored model and the change log after
 * it when both allow, else every row ({@link LoadCompany}).
 */
final class Sources {
  private Sources() {}

  static FileInputs load(Path members, Path orders, DatabaseOption dbOption, Progress progress) {
    if (members == null && orders == null) {
      try (Database db = dbOption.open()) {
        LoadCompany.Loaded company = new LoadCompany(db).load(progress);
        return new FileInputs(company.network(), company.book());
      }
    }
    if (members == null || orders == null) {
      throw InvalidInputException.parameter("--members", "file mode needs both --members FILE and --orders FILE");
    }
    return FileInputs.read(members, orders, progress);
  }
}
