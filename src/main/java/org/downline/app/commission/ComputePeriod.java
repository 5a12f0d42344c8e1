package org.downline.app.commission;

import java.util.List;
import java.util.Map;
import org.downline.commission.CommissionEngine;
import org.downline.commission.History;
import org.downline.commission.PeriodOrders;
import org.downline.commission.PeriodResult;
import org.downline.commission.Plan;
import org.downline.core.Periods;
import org.downline.core.Progress;
import org.downline.network.Network;
import org.downline.network.OrderBook;
import org.downline.store.CommissionStore;
import org.downline.store.CompanyStore;
import org.downline.store.Database;
import org.downline.store.PeriodStore;

/**
 * Computes one period from the stored data without storing it: earlier closed periods as their
 * locked runs have them, earlier open ones computed in memory, oldest first. What a run stores,
 * explain shows and the web's summaries read.
 */
public final class ComputePeriod {
  private final Database db;

  public ComputePeriod(Database db) {
    this.db = db;
  }

  /** A period computed from the stored data, with what it was computed from. */
  public record Computed(Network network, OrderBook book, PeriodResult result) {}

  public Computed compute(String periodName, Plan plan, Progress progress) {
    CompanyStore company = new CompanyStore(db);
    Network net = company.loadNetwork(progress);
    return compute(periodName, plan, net, company.loadOrders(net, progress));
  }

  /** As {@link #compute(String, Plan, Progress)} over a given order book: the stored orders with corrections (a restatement). */
  public Computed compute(String periodName, Plan plan, Network net, OrderBook book) {
    int period = Periods.index(Periods.parse(periodName));
    CommissionEngine engine = new CommissionEngine(net, book, plan);
    History history = new History(net.size());
    Map<String, String> states = new PeriodStore(db).states();
    CommissionStore runs = new CommissionStore(db);
    int[] span = engine.periodSpan();
    if (span != null) {
      for (int q = span[0]; q < period; q++) {
        if (PeriodStore.CLOSED.equals(states.get(Periods.name(q)))) recordClosed(runs, q, net, book, plan, history);
        else history.record(engine.compute(q, history));
      }
    }
    return new Computed(net, book, engine.compute(period, history));
  }

  /** Earlier closed period q as its locked run has it: ranks reached and lines a later return may claw back. */
  private static void recordClosed(CommissionStore runs, int q, Network net, OrderBook book, Plan plan, History history) {
    CommissionStore.ClosedRun closed = runs.closedRun(Periods.name(q), plan.clawback() != null);
    byte[] rank = new byte[net.size()];
    closed.rankIndex().forEach((id, r) -> {
      int m = net.indexOf(id);
      if (m >= 0) rank[m] = (byte) (int) r;
    });
    List<CommissionStore.LineRow> kept = closed.sourcedLines().stream()
        .filter(l -> plan.clawback().bonuses().contains(l.bonus()))
        .filter(l -> net.indexOf(l.earnerId()) >= 0 && book.indexOf(l.sourceOrderId()) >= 0)
        .toList();
    int count = kept.size();
    int[] source = new int[count];
    int[] earner = new int[count];
    byte[] kind = new byte[count];
    byte[] level = new byte[count];
    long[] amount = new long[count];
    for (int j = 0; j < count; j++) {
      CommissionStore.LineRow l = kept.get(j);
      earner[j] = net.indexOf(l.earnerId());
      kind[j] = (byte) plan.bonusIndex(l.bonus());
      source[j] = book.indexOf(l.sourceOrderId());
      level[j] = (byte) l.level();
      amount[j] = l.amount();
    }
    history.recordStored(PeriodOrders.of(book, q), rank, source, earner, kind, level, amount);
  }
}
