package org.downline.app.network;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.downline.core.ConflictException;
import org.downline.core.InputErrors;
import org.downline.core.Periods;
import org.downline.core.Progress;
import org.downline.core.Reason;
import org.downline.csv.Fields;
import org.downline.network.Network;
import org.downline.network.OrderKind;
import org.downline.network.OrderRow;
import org.downline.network.OrderRules;
import org.downline.store.ChangeLog;
import org.downline.store.Database;
import org.downline.store.OrderStore;
import org.downline.store.PeriodStore;

/**
 * Creates one order with the rules an import applies ({@link OrderRules}): member, signs, an open
 * period, and for a return its sale, in one transaction with whatever the caller stores beside it
 * (the API's Idempotency-Key), under the lock of the order's period ({@link PeriodStore#lock}).
 * Refusals: {@link org.downline.core.InvalidInputException} naming the fields at fault,
 * {@link ConflictException} when the id is taken.
 */
public final class CreateOrder {
  private final Database db;

  public CreateOrder(Database db) {
    this.db = db;
  }

  /** What else the order's transaction writes. */
  @FunctionalInterface
  public interface Beside {
    void write(Connection c) throws SQLException;
  }

  /** The member and sign rules, on the company as loaded (members change only by import). */
  public static void checkFields(Network network, OrderRow order, OrderRules.Problems problems) {
    OrderRules.checkMember(network, network.indexOf(order.memberId()), order.memberId(), order.day(), problems);
    OrderRules.checkSigns(order.isReturn(), order.pv(), order.cv(), order.total(), problems);
    Today.bounds().check(order.day(), "date", problems);
    // The API holds its fields to the rules an imported file's fields keep (ids, codes, lengths).
    String[][] fields = {{"id", "id", order.id()}, {"memberId", "member_id", order.memberId()},
        {"returnOf", "return_of", order.returnOf()}, {"campaign", "campaign", order.campaign()}};
    for (String[] f : fields) {
      Reason reason = f[2] == null ? null : Fields.refusal(f[1], f[2]);
      if (reason != null) problems.add(f[0], reason);
    }
  }

  public void create(Network network, OrderRow order, Beside beside) {
    db.inTransaction(c -> {
      InputErrors errors = new InputErrors();
      OrderRules.Problems sink = (field, reason) -> errors.add("order", 0, field, reason);
      // The period's lock is held to the commit: a close of it waits for this order, or this order sees it closed;
      // other orders share it.
      String period = Periods.name(Periods.periodOfDay(order.day()));
      Map<String, String> states = PeriodStore.lockShared(c, db, Set.of(period));
      OrderRules.checkPeriodOpen(PeriodStore.CLOSED.equals(states.get(period)) ? Set.of(period) : Set.of(), order.day(), sink);
      if (order.isReturn()) checkReturn(c, network, order, sink);
      errors.throwIfAny();
      if (OrderStore.exists(c, order.id())) throw Refusals.TEXTS.conflict("orderExists", order.id());
      OrderStore.insert(c, List.of(order), Progress.NONE);
      beside.write(c);
      ChangeLog.record(c, db, ChangeLog.ORDER, List.of(order.id())); // last: every server's picture follows it
      return null;
    });
  }

  private static void checkReturn(Connection c, Network n, OrderRow order, OrderRules.Problems sink) throws SQLException {
    OrderStore.StoredSale stored = OrderStore.lockForReturn(c, order.returnOf());
    OrderRules.Sale sale = stored == null ? OrderRules.Sale.unknown(order.returnOf())
        : new OrderRules.Sale(order.returnOf(), true, stored.kind() == OrderKind.RETURN, n.indexOf(stored.memberId()),
            stored.day(), stored.pv(), stored.cv(), stored.total());
    if (!OrderRules.checkReturnLink(sale, n.indexOf(order.memberId()), order.day(), sink)) return;
    long[] returned = OrderStore.returned(c, order.returnOf());
    OrderRules.checkReturnedTotal(sale, returned[0] - order.pv(), returned[1] - order.cv(), returned[2] - order.total(), sink);
  }

}
