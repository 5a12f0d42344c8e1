package org.downline.commission;

import org.downline.network.Network;
import org.downline.network.OrderBook;

/** What a bonus rule may read while one period is computed. */
public final class PeriodContext {
  public final Network network;
  public final OrderBook book;
  public final Plan plan;
  public final PeriodOrders orders;
  public final Volumes volumes;
  /** The lines of the rules already run (rounded to cents). */
  public final Lines lines;
  public final History history;
  /** Owner distributor per member (a customer's nearest distributor above; a distributor itself). */
  public final int[] owner;

  PeriodContext(Network network, OrderBook book, Plan plan, PeriodOrders orders, Volumes volumes, Lines lines,
      History history, int[] owner) {
    this.network = network;
    this.book = book;
    this.plan = plan;
    this.orders = orders;
    this.volumes = volumes;
    this.lines = lines;
    this.history = history;
    this.owner = owner;
  }

  /** The same period reading {@code other} lines (a frozen copy, see {@link Lines#frozen}). */
  PeriodContext withLines(Lines other) {
    return new PeriodContext(network, book, plan, orders, volumes, other, history, owner);
  }

  /** Lines of an earlier rule by its bonus name; fails when the plan has no such bonus before. */
  public int kindOf(String bonusName) {
    int k = plan.bonusIndex(bonusName);
    if (k < 0) throw new IllegalStateException("plan has no bonus '" + bonusName + "'");
    return k;
  }
}
