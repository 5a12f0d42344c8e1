package org.downline.payout;

/**
 * Who a payout run pays, and why the others carry. Per member: the balance through the period
 * paid (entries of that period and earlier, and every payout), and the whole balance (so a
 * clawback already posted in a later period is never paid out first). Pays {@code min(through,
 * whole)} when it is at least the minimum, the member is not on hold and has payout details.
 */
public final class PayoutRules {
  private PayoutRules() {}

  /** Reasons, in the order they are decided. */
  public static final byte PAY = 0;
  public static final byte NOTHING = 1;
  public static final byte NEGATIVE = 2;
  public static final byte ON_HOLD = 3;
  public static final byte NO_DETAILS = 4;
  public static final byte BELOW_MINIMUM = 5;

  private static final String[] NAMES = {"pay", "nothing", "negative", "on_hold", "no_details", "below_minimum"};

  public static String name(byte reason) {
    return NAMES[reason];
  }

  /** What to pay each member (0 unless {@code reason[m] == PAY}) and why. */
  public record Decisions(long[] pay, byte[] reason) {
    public int payees() {
      int n = 0;
      for (byte r : reason) if (r == PAY) n++;
      return n;
    }
  }

  public static Decisions decide(long[] through, long[] whole, boolean[] onHold, boolean[] hasDetails, long minimum) {
    if (minimum < 0) throw new IllegalArgumentException("minimum must not be negative");
    int n = through.length;
    long[] pay = new long[n];
    byte[] reason = new byte[n];
    for (int m = 0; m < n; m++) reason[m] = decide(through[m], whole[m], onHold[m], hasDetails[m], minimum);
    for (int m = 0; m < n; m++) if (reason[m] == PAY) pay[m] = Math.min(through[m], whole[m]);
    return new Decisions(pay, reason);
  }

  /** One member's reason (see the constants); also what a statement shows as pending. */
  public static byte decide(long through, long whole, boolean onHold, boolean hasDetails, long minimum) {
    long payable = Math.min(through, whole);
    if (whole < 0 || through < 0) return NEGATIVE;
    if (payable == 0) return NOTHING;
    if (onHold) return ON_HOLD;
    if (!hasDetails) return NO_DETAILS;
    if (payable < minimum) return BELOW_MINIMUM;
    return PAY;
  }
}
