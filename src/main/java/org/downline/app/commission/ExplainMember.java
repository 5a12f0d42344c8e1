package org.downline.app.commission;

import org.downline.commission.CommissionEngine;
import org.downline.commission.Explanation;
import org.downline.commission.History;
import org.downline.commission.PeriodResult;
import org.downline.commission.Plan;
import org.downline.core.InvalidInputException;
import org.downline.core.NotFoundException;
import org.downline.core.Periods;
import org.downline.core.Progress;
import org.downline.core.Reason;
import org.downline.network.Network;
import org.downline.network.OrderBook;
import org.downline.store.Database;

/**
 * Why a distributor was paid what they were in a period: volumes, legs, rank and why, every line,
 * the next rank. From the database the period is computed as a run computes it (closed periods as
 * locked); from files every period up to it is computed in memory.
 */
public final class ExplainMember {
  private ExplainMember() {}

  /** {@code parameter} names the member's parameter or field in a refusal. */
  public static Explanation fromDatabase(Database db, String period, Plan plan, String memberId, String parameter) {
    return of(new ComputePeriod(db).compute(period, plan, Progress.NONE), memberId, "the database", parameter);
  }

  /**
   * The member in an already computed period; {@code where} names the data in the refusal (null:
   * not named), {@code parameter} the member's parameter or field.
   */
  public static Explanation of(ComputePeriod.Computed c, String memberId, String where, String parameter) {
    int m = c.network().indexOf(memberId);
    if (m == Network.NONE) throw new NotFoundException("no member '" + memberId + "'" + (where == null ? "" : " in " + where));
    return explained(c.network(), c.result(), m, parameter);
  }

  // A customer has no ranks and no pay (the engine refuses to explain one): the caller named the wrong member.
  private static Explanation explained(Network network, PeriodResult result, int m, String parameter) {
    if (!network.isDistributor(m)) throw InvalidInputException.parameter(parameter, Reason.of("customerNoPay", network.id(m)));
    return Explanation.of(result, m);
  }

  /** File mode: the company as read from files; {@code where} names the members file. */
  public static Explanation fromFiles(Network network, OrderBook book, Plan plan, String period, String memberId,
      String where, String parameter) {
    int p = Periods.index(Periods.parse(period));
    int m = network.indexOf(memberId);
    if (m == Network.NONE) throw new NotFoundException("no member '" + memberId + "' in " + where);
    CommissionEngine engine = new CommissionEngine(network, book, plan);
    History history = new History(network.size());
    int[] span = engine.periodSpan();
    int first = span == null ? p : Math.min(span[0], p);
    PeriodResult result = null;
    for (int q = first; q <= p; q++) {
      result = engine.compute(q, history);
      if (q < p) {
        history.record(result);
        result.release();
      }
    }
    return explained(network, result, m, parameter);
  }
}
