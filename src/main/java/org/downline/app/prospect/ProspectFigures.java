package org.downline.app.prospect;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.downline.network.Network;
import org.downline.network.OrderBook;
import org.downline.prospect.JoinerRetention;
import org.downline.prospect.Outcome;
import org.downline.prospect.ResponseRates;
import org.downline.prospect.StageFlow;
import org.downline.store.Database;

/**
 * The figures: response rate per channel and opening message beside the ~50% benchmark, conversion
 * and time per stage, outcomes (prospects let go counted as a success), and the retention of the
 * people who joined through the pipeline, split by whether stage 2 was recorded, next to those who
 * joined without it. A distributor sees their own; staff see the company's, aggregated over
 * distributors, never one distributor's.
 */
public final class ProspectFigures {
  private final Database db;

  public ProspectFigures(Database db) {
    this.db = db;
  }

  /**
   * distributors: how many distributors' data is in the figures (1 for one's own). letGo: the
   * not-a-fit outcomes. Rates and shares are basis points (10000 = 100%).
   */
  public record Figures(int distributors, List<ResponseRates.Row> responses, long benchmarkBasisPoints,
      List<StageFlow.Row> stages, Map<Outcome, Integer> outcomes, int open, int letGo,
      List<JoinerRetention.Row> retention) {}

  /**
   * The distributor's own. "Without the pipeline" are the members they sponsored who were not their
   * prospects. network and book: the company as loaded (the web's snapshot).
   */
  public Figures mine(Actor actor, Network network, OrderBook book, LocalDate asOf) {
    throw new UnsupportedOperationException();
  }

  /** The company's, for staff: every distributor's pipeline together; "without" is every other member. */
  public Figures company(Actor actor, Network network, OrderBook book, LocalDate asOf) {
    throw new UnsupportedOperationException();
  }
}
