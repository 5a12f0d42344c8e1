package org.downline.app.prospect;

import java.time.LocalDate;
import java.util.List;
import java.util.function.IntFunction;
import org.downline.disclosure.IncomeDisclosure;
import org.downline.prospect.Outcome;
import org.downline.store.Database;

/**
 * A prospect joins: they become a member (distributor or customer) sponsored by the distributor.
 * First the stage guard ({@link org.downline.prospect.StageGuard}), then de-duplication against the
 * existing members by email and phone (E.164): the distributor's own member is linked, anyone
 * else's member, or another distributor's open prospect, is refused. The contact and prospect point
 * at the member, and the member's contact is found from the member id: the link both ways.
 */
public final class Joining {
  private final Database db;
  private final IntFunction<IncomeDisclosure.Statement> disclosure;

  /**
   * @param disclosure the income disclosure statement of a year (the web's DisclosureService, or
   *     {@code y -> DisclosureYear.fromStore(db, net, book, null, y).statement()})
   */
  public Joining(Database db, IntFunction<IncomeDisclosure.Statement> disclosure) {
    this.db = db;
    this.disclosure = disclosure;
  }

  /** An existing member with the prospect's email or phone; ownMember: sponsored by the distributor. */
  public record MemberMatch(String memberId, String by, boolean ownMember) {}

  /**
   * What to show before recording a joining: the latest income disclosure (year 0 and statement
   * null when none exists; asked for distributor joinings only) and the members who match.
   */
  public record JoinCheck(int disclosureYear, IncomeDisclosure.Statement disclosure, List<MemberMatch> matches,
      boolean needsStage2Confirm) {}

  /**
   * outcome: joined as distributor or became customer. memberId: the new member's id (null: made
   * from the prospect id). confirmStage2Skipped: the distributor confirmed joining with no option
   * recorded in stage 2.
   */
  public record JoinRequest(Outcome outcome, String memberId, LocalDate on, boolean confirmStage2Skipped) {}

  /** needsConfirm: nothing written, ask the distributor; else the member they are now. */
  public record Joined(boolean needsConfirm, String memberId, boolean existingMember, boolean stage2Skipped) {}

  public JoinCheck check(Actor actor, long prospectId, Outcome outcome) {
    throw new UnsupportedOperationException();
  }

  public Joined join(Actor actor, long prospectId, JoinRequest request) {
    throw new UnsupportedOperationException();
  }
}
