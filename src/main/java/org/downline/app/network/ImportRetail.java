package org.downline.app.network;

import java.nio.file.Path;
import java.util.List;
import org.downline.core.InputErrors;
import org.downline.core.Progress;
import org.downline.csv.RetailCsv;
import org.downline.store.Database;
import org.downline.store.ImportResult;

/**
 * Imports a shop's invoice lines (the Online Retail layout): customers under a house distributor,
 * products, orders with their lines and returns, checked as a whole and written in one transaction.
 */
public final class ImportRetail {
  private final Database db;
  private final Progress progress;

  public ImportRetail(Database db, Progress progress) {
    this.db = db;
    this.progress = progress;
  }

  /** What was imported, and how many invoice lines the reader skipped. */
  public record Imported(List<ImportResult> results, RetailCsv.Skipped skipped) {}

  public Imported importFile(Path file, String house) {
    InputErrors errors = new InputErrors();
    RetailCsv.History history = RetailCsv.read(file, house, errors, progress);
    errors.throwIfAny();
    List<ImportResult> results = new ImportFile(db, progress).importAll(file.getFileName().toString(), history.members(),
        history.profiles(), history.products(), history.orders(), history.lines());
    return new Imported(results, history.skipped());
  }
}
