package org.downline.app.prospect;

import java.time.LocalDate;
import java.util.List;
import org.downline.nextstep.Playbook;
import org.downline.prospect.TodayItem;
import org.downline.store.Database;

/**
 * A distributor's today list ({@link org.downline.prospect.TodayOrder}): follow-ups due, reconnect
 * dates reached, customer care (reorder from the customer's own rhythm, check-in after the first
 * order, thank-you after a referral, each with the playbook's step for the member's segment) and
 * stay-in-touch cadences run out. Nobody marked do-not-contact is on it, and only channels not
 * refused are offered.
 */
public final class TodayList {
  private final Database db;
  private final Playbook playbook;

  public TodayList(Database db, Playbook playbook) {
    this.db = db;
    this.playbook = playbook;
  }

  /**
   * One line. contactId 0 and name the member's when a customer-care item is about a member who is
   * not among the contacts. step and stepTitle: the playbook's step for customer care, else null.
   * reachBy: the contact's channels that are not refused.
   */
  public record Entry(TodayItem.Kind kind, long contactId, String name, String memberId, long ref, LocalDate dueOn,
      int daysOverdue, String what, String segment, String step, String stepTitle, List<Contacts.Channel> reachBy) {}

  public List<Entry> today(Actor actor, LocalDate today) {
    throw new UnsupportedOperationException();
  }

  /** A customer-care item dealt with: it leaves the list (kind: reorder, check-in or thank-you). */
  public void careDone(Actor actor, TodayItem.Kind kind, String memberId, LocalDate dueOn, LocalDate doneOn) {
    throw new UnsupportedOperationException();
  }
}
