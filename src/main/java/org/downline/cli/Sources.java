package org.downline.cli;

import org.downline.core.InvalidInputException;
import java.nio.file.Path;
import org.downline.core.Progress;
import org.downline.network.Network;
import org.downline.network.OrderBook;
import org.downline.store.CompanyStore;
import org.downline.store.Database;

/**
 * Where a report's data comes from: the members and orders files named on the command line (file
 * mode, no database), or else the stored data of the database ({@code --db}, default
 * {@code $DOWNLINE_DB_URL} or the embedded file database).
 */
final class Sources {
  private Sources() {}

  static FileInputs load(Path members, Path orders, DatabaseOption dbOption, Progress progress) {
    if (members == null && orders == null) {
      try (Database db = dbOption.open()) {
        CompanyStore store = new CompanyStore(db);
        Network network = store.loadNetwork(progress);
        OrderBook book = store.loadOrders(network, progress);
        return new FileInputs(network, book);
      }
    }
    if (members == null || orders == null) {
      throw InvalidInputException.parameter("--members", "file mode needs both --members FILE and --orders FILE");
    }
    return FileInputs.read(members, orders, progress);
  }
}
