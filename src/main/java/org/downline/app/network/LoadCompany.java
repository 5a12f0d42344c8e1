package org.downline.app.network;

import org.downline.core.Progress;
import org.downline.network.ModelChanges;
import org.downline.network.ModelColumns;
import org.downline.network.Network;
import org.downline.network.OrderBook;
import org.downline.store.ChangeLog;
import org.downline.store.CompanyStore;
import org.downline.store.Database;
import org.downline.store.ModelSnapshot;

/**
 * The company's model (members and orders) as a command of the database reads it: from the stored
 * model and the change log after it when both allow (ADR 38, its amendment of session 9), else from
 * every row. A server's start takes the same check ({@link #readStored}) and then follows the log
 * itself. Read only: a stored model found unusable is left for the next server to replace.
 */
public final class LoadCompany {
  private final CompanyStore store;
  private final ChangeLog log;
  private final ModelSnapshot snapshots;

  /** {@code storedModel} false: always every row (a server with {@code downline.model-snapshot=false}). */
  public LoadCompany(Database db, boolean storedModel) {
    this.store = new CompanyStore(db);
    this.log = new ChangeLog(db);
    this.snapshots = storedModel ? new ModelSnapshot(db) : null;
  }

  public LoadCompany(Database db) {
    this(db, true);
  }

  /** The model and, when it was read from every row although a stored copy was there, why the copy was not used. */
  public record Loaded(Network network, OrderBook book, String refusedStoredModel) {}

  /**
   * The stored model if it may be used for the company as of change {@code upTo} (it is not later
   * than the log, and the log still holds every change after it), read; else why not.
   */
  public ModelSnapshot.Read readStored(long upTo) {
    if (snapshots == null) return new ModelSnapshot.Read(null, 0, "it is turned off");
    ModelSnapshot.Header header = snapshots.header();
    if (!header.present()) return new ModelSnapshot.Read(null, 0, "there is none");
    if (header.seq() > upTo) {
      return new ModelSnapshot.Read(null, 0, "it is at change " + header.seq() + ", after the change log's last (" + upTo + ")");
    }
    if (!log.reaches(header.seq(), upTo)) {
      return new ModelSnapshot.Read(null, 0,
          "the change log no longer reaches back to its change " + header.seq() + " (pruned, or a reload after it)");
    }
    try {
      return snapshots.read(header, CompanyStore.Load.DEFAULT.connections());
    } catch (RuntimeException e) { // a cache: whatever fails in reading it, the rows are still there
      return new ModelSnapshot.Read(null, 0, "reading it failed: " + e.getMessage());
    }
  }

  /** Whether a stored model is there at all (then a refusal to use it is worth telling). */
  public boolean storedModelPresent() {
    return snapshots != null && snapshots.header().present();
  }

  /** The company now: the stored model with the changes logged after it, or every row. */
  public Loaded load(Progress progress) {
    long upTo = log.last();
    ModelSnapshot.Read read = readStored(upTo);
    String refused = read.refused();
    if (read.ok()) {
      ChangeLog.Changes changes = log.since(read.seq(), upTo);
      if (changes.reload()) {
        refused = "a reload came after it";
      } else if (!log.reaches(read.seq(), upTo)) {
        // Entries are only ever deleted: this catches a server's prune between the check and the read.
        refused = "the change log lost entries after its change " + read.seq() + " while they were read";
      } else {
        ModelColumns.Model model = ModelChanges.apply(read.model().network(), read.model().book(), changes.members(),
            changes.orders(), "change log");
        return new Loaded(model.network(), model.book(), null);
      }
    }
    Network network = store.loadNetwork(progress);
    OrderBook book = store.loadOrders(network, progress);
    return new Loaded(network, book, refused);
  }
}
