package org.downline.app.commission;

import java.util.List;
import java.util.Map;
import org.downline.app.network.LoadCompany;
import org.downline.commission.CommissionEngine;
import org.downline.commission.History;
import org.downline.commission.PeriodOrders;
import org.downline.commission.PeriodResult;
import org.downline.commission.Plan;
import org.downline.core.Periods;
import org.downline.core.Progress;
import org.downline.network.Network;
import org.downline.network.OrderBook;
import org.downline.network.PlacementTree;
import org.downline.store.CommissionStore;
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

  /** From the stored data as it is now: the stored model and the change log after it, else every row. */
  public Computed compute(String periodName, Plan plan, Progress progress) {
    LoadCompany.Loaded company = new LoadCompany(db).load(progress);
    return compute(periodName, plan, company.network(), company.book());
  }

  /** As {@link #compute(String, Plan, Progress)} over a given order book: the stored orders with corrections (a restatement). */
  public Computed compute(String periodName, Plan plan, Network net, OrderBook book) {
    int period = Periods.index(Periods.parse(periodName));
    checkPeriodExists(period, net, book);
    CommissionEngine engine = new CommissionEngine(net, book, plan);
    History history = new History(net.size());
    Map<String, String> states = new PeriodStore(db).states();
    CommissionStore runs = new CommissionStore(db);
    int[] span = engine.periodSpan();
    if (span != null) {
      for (int q = span[0]; q < period; q++) {
        if (PeriodStore.CLOSED.equals(states.get(Periods.name(q)))) recordClosed(runs, q, net, book, plan, history);
        else {
          PeriodResult earlier = engine.compute(q, history);
          history.record(earlier);
          earlier.release();
        }
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
    // A binary plan: the carry out of the closed run as stored is the next period's carry in.
    if (plan.legs() != null) {
      long[] carry = new long[2 * net.size()];
      for (CommissionStore.LegRow l : runs.legs(closed.id())) {
        int m = net.indexOf(l.memberId());
        if (m >= 0) carry[2 * m + PlacementTree.sideOf(l.side())] = l.carryOut();
      }
      history.recordCarry(q, carry);
    }
  }

  /**
   * A period is computed only from the company's first period (its first join or order) to the
   * current one: a run of 1999-01 or of next year's month would block or mislead every close.
   */
  static void checkPeriodExists(int period, Network net, OrderBook book) {
    int current = org.downline.app.network.Today.period();
    if (period > current) {
      throw org.downline.core.InvalidInputException.parameter("period", "period " + Periods.name(period)
          + " is after the current period " + Periods.name(current) + "; a period is run once it has begun");
    }
    int first = Integer.MAX_VALUE;
    for (int m = 0; m < net.size(); m++) first = Math.min(first, net.joinDay(m));
    if (book.size() > 0) first = Math.min(first, book.days()[0]);
    if (first != Integer.MAX_VALUE && period < Periods.periodOfDay(first)) {
      throw org.downline.core.InvalidInputException.parameter("period", "period " + Periods.name(period)
          + " is before the company's first period " + Periods.name(Periods.periodOfDay(first)));
    }
  }
}
