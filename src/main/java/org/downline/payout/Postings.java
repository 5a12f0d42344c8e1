package org.downline.payout;

import java.util.HashMap;
import java.util.Map;

/** Double entry: the entries of one posting sum to zero in each currency. */
public final class Postings {
  private Postings() {}

  /** Whether the entries (amounts in hundredths, each with its currency) sum to zero per currency. */
  public static boolean balanced(long[] amount, String[] currency) {
    Map<String, Long> sums = new HashMap<>();
    for (int i = 0; i < amount.length; i++) sums.merge(currency[i], amount[i], Math::addExact);
    for (long s : sums.values()) if (s != 0) return false;
    return true;
  }

  /** A posting the code built unbalanced is a bug, never the user's input. */
  public static void requireBalanced(long[] amount, String[] currency) {
    if (!balanced(amount, currency)) throw new IllegalStateException("unbalanced posting");
  }
}
