package org.downline.cli;

import java.util.Locale;
import java.util.concurrent.Callable;
import org.downline.network.Network;
import org.downline.network.OrderBook;
import org.downline.store.ChangeLog;
import org.downline.store.CompanyStore;
import org.downline.store.Database;
import org.downline.store.ModelSnapshot;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code downline snapshot}: stores the in-memory model in the database now (ADR 38), for the next
 * server start to read instead of every member and order row; or forgets it. A server stores one
 * itself after every load of all rows; this is for after an import, or on a schedule, so that a start
 * has less of the change log to apply.
 */
@Command(name = "snapshot", mixinStandardHelpOptions = true,
    description = {"Stores a copy of the company's in-memory model (members and orders as binary columns) in the database;"
        + " a server starting reads it and the changes after it instead of every row (ADR 38).",
        "A server stores one itself after loading every row; run this after an import or on a schedule."})
public final class SnapshotCommand implements Callable<Integer> {
  @Mixin DatabaseOption database;

  @Option(names = "--forget", description = "Remove the stored copy instead (the next start loads every row and stores a new one)")
  boolean forget;

  @Override
  public Integer call() {
    try (Database db = database.open()) {
      ModelSnapshot snapshots = new ModelSnapshot(db);
      if (forget) {
        snapshots.forget();
        System.out.println("the stored model is forgotten");
        return 0;
      }
      long t0 = System.nanoTime();
      long seq = new ChangeLog(db).last(); // before the load: changes it may also hold are applied again and skipped
      CompanyStore store = new CompanyStore(db);
      Network network = store.loadNetwork(ConsoleProgress.forConsole());
      OrderBook book = store.loadOrders(network, ConsoleProgress.forConsole());
      ModelSnapshot.Written w = snapshots.write(network, book, seq);
      if (w.pieces() == 0) {
        System.out.printf(Locale.ROOT, "the stored model is already at change %,d%n", snapshots.header().seq());
      } else {
        System.out.printf(Locale.ROOT, "stored the model at change %,d: %,d members, %,d orders, %,d MB in %,d pieces (%.1f s)%n",
            seq, network.size(), book.size(), w.bytes() >> 20, w.pieces(), (System.nanoTime() - t0) / 1e9);
      }
      return 0;
    }
  }
}
