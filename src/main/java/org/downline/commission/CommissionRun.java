package org.downline.commission;

import java.util.function.Consumer;
import org.downline.core.Progress;
import org.downline.network.Network;
import org.downline.network.OrderBook;

/**
 * Computes every period from the earliest holding an order to the latest, in order, each seeing
 * the history of the ones before it, handing each result to a consumer before the next starts.
 * The consumer owns the result: once done with it, it may {@link PeriodResult#release} it, and the
 * next period's lines are then written in its memory (ADR 42).
 */
public final class CommissionRun {
  private CommissionRun() {}

  public static History computeAll(Network network, OrderBook book, Plan plan, Progress progress,
      Consumer<PeriodResult> onPeriod) {
    CommissionEngine engine = new CommissionEngine(network, book, plan);
    History history = new History(network.size(), salesReturnedLater(book));
    int[] span = engine.periodSpan();
    if (span == null) return history;
    progress.start("periods", span[1] - span[0] + 1, "periods");
    for (int p = span[0]; p <= span[1]; p++) {
      PeriodResult r = engine.compute(p, history);
      // Recorded first: the consumer may release the result.
      history.record(r);
      onPeriod.accept(r);
      progress.update(p - span[0] + 1);
    }
    progress.finish();
    return history;
  }

  /** Per order: true for a sale with a return dated in a later period (only their lines can be clawed back). */
  public static boolean[] salesReturnedLater(OrderBook book) {
    boolean[] keep = new boolean[book.size()];
    int[] returnOf = book.returnOf();
    int[] days = book.days();
    for (int r = 0; r < returnOf.length; r++) {
      int s = returnOf[r];
      if (s != OrderBook.NONE && org.downline.core.Periods.periodOfDay(days[s]) != org.downline.core.Periods.periodOfDay(days[r])) {
        keep[s] = true;
      }
    }
    return keep;
  }
}
