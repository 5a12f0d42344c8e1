package org.downline.prospect;

/**
 * Buyer's remorse comes from a choice made without weighing the options: moving a prospect to a
 * joined outcome with no option recorded in the options stage needs the distributor's explicit
 * confirmation, and is then recorded as "stage 2 skipped".
 */
public final class StageGuard {
  private StageGuard() {}

  /** What the move may do: {@code allowed} false means ask the distributor to confirm first. */
  public record Decision(boolean allowed, boolean needsConfirm, boolean stage2Skipped) {}

  /**
   * @param optionsRecorded options recorded for the prospect (in the options stage)
   * @param confirmed the distributor confirmed the move knowing no option was recorded
   */
  public static Decision check(Outcome outcome, int optionsRecorded, boolean confirmed) {
    if (!outcome.joined() || optionsRecorded > 0) return new Decision(true, false, false);
    if (!confirmed) return new Decision(false, true, false);
    return new Decision(true, false, true);
  }
}
