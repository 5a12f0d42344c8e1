package org.downline.app.commission;

import org.downline.commission.Fingerprint;
import org.downline.core.Periods;
import org.downline.network.Network;
import org.downline.network.OrderBook;
import org.downline.store.CommissionStore;
import org.downline.store.CompanyStore;
import org.downline.store.Database;
import org.downline.store.LedgerStore;

/**
 * Closes a period with one of its runs: the period's orders are refused from then on and the run is
 * the one that counts. Refused ({@link org.downline.core.ConflictException}) when the run is of
 * another period, the period is closed already, an earlier period is still open, or the data changed
 * since the run; {@link org.downline.core.NotFoundException} when there is no such run. The closed
 * run is posted to the earnings ledger in the same transaction (payouts, ADR 17).
 */
public final class ClosePeriod {
  private final Database db;

  public ClosePeriod(Database db) {
    this.db = db;
  }

  public CommissionStore.Run close(String periodName, long runId) {
    int period = Periods.index(Periods.parse(periodName));
    // The inputs are read once the store holds the period's lock, so they are the ones being closed;
    // closed means posted: the run's lines become ledger earnings in the same transaction.
    return new CommissionStore(db).close(periodName, runId, () -> {
      CompanyStore company = new CompanyStore(db);
      Network net = company.loadNetwork();
      OrderBook book = company.loadOrders(net);
      return Fingerprint.inputs(net, book, period);
    }, c -> LedgerStore.postClosedRun(c, runId, "close"));
  }
}
