package org.downline.nextstep;

import org.downline.network.MemberStatus;
import org.downline.network.Network;

/** Who is a member in good standing on a date: joined by then and not cancelled or terminated by then. */
final class Membership {
  private Membership() {}

  static boolean inGoodStanding(Network network, int m, int day) {
    if (network.joinDay(m) > day) return false;
    if (network.status(m) == MemberStatus.ACTIVE) return true;
    int since = network.statusDay(m);
    // A status change dated after the day did not apply yet; an undated one always applies.
    return since != Integer.MIN_VALUE && since > day;
  }
}
