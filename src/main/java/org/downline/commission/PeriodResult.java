package org.downline.commission;

/**
 * One computed period: its orders, volumes and ranks, and its lines as finally paid (after the
 * cap, with clawbacks). Amounts of zero are kept here and dropped on output.
 */
public record PeriodResult(Plan plan, PeriodOrders orders, Volumes volumes, Lines lines, CapOutcome cap,
    PeriodContext context) {

  public int period() {
    return orders.period;
  }

  /**
   * Hands the memory of this result's lines back to the engine that computed it, whose next
   * {@link CommissionEngine#compute} writes its lines there instead of in new memory (ADR 42).
   * Afterwards this result's lines cannot be read (reading them fails); the rest of the result
   * (orders, volumes, cap) stays readable. Call it only when no one reads the lines any more, on
   * any thread: the caller that computed a result owns it and decides. A result never released is
   * simply collected. Releasing again does nothing.
   */
  public void release() {
    lines.release();
  }

  /**
   * The cap's figures: T (the period's net CV), C (fixed bonuses), U (scaled bonuses, before the
   * cap), the limit (the share of T) and whether scaling applied. When applied, each scaled line
   * became {@code amount x (limit - C) / U}, rounded; all in cents except the limit, which is in
   * millionths of a cent so that odd shares stay exact.
   */
  public record CapOutcome(long totalCv, long fixed, long scaled, long limitMicro, boolean applied) {
    public static final CapOutcome NONE = new CapOutcome(0, 0, 0, 0, false);
  }

  /** Per line kind (plan order, clawback last) and member: the sum of the member's lines. */
  public long[][] sumsByKindAndMember() {
    int kinds = plan.lineKinds().size();
    long[][] sums = new long[kinds][volumes.pv.length];
    for (int j = 0; j < lines.size(); j++) sums[lines.kind(j)][lines.earner(j)] += lines.amount(j);
    return sums;
  }
}
