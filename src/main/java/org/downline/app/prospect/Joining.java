package org.downline.app.prospect;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import org.downline.app.disclosure.DisclosureYear;
import org.downline.core.InvalidInputException;
import org.downline.csv.Fields;
import org.downline.disclosure.IncomeDisclosure;
import org.downline.prospect.ChannelKind;
import org.downline.prospect.Duplicates;
import org.downline.prospect.Outcome;
import org.downline.prospect.StageGuard;
import org.downline.store.Audit;
import org.downline.store.ChangeLog;
import org.downline.store.ContactStore;
import org.downline.store.Database;
import org.downline.store.PeriodStore;
import org.downline.store.ProspectStore;

/**
 * A prospect joins: they become a member (distributor or customer) sponsored by the distributor.
 * First the stage guard ({@link StageGuard}), then de-duplication against the existing members by
 * email and phone (E.164): the distributor's own member is linked, anyone else's member, or another
 * distributor's open prospect, is refused. The contact and prospect point at the member, and the
 * member's prospect is found from the member id ({@link ProspectStore#prospectOfMember}): the link
 * both ways.
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
   * null when none exists; for joinings as a distributor only), the members who match, and whether
   * the stage guard will ask to confirm.
   */
  public record JoinCheck(int disclosureYear, IncomeDisclosure.Statement disclosure, List<MemberMatch> matches,
      boolean needsStage2Confirm) {}

  /**
   * outcome: joined as distributor or became customer. memberId: the new member's id (null: "P"
   * and the prospect id). confirmStage2Skipped: the distributor confirmed joining with no option
   * recorded in stage 2.
   */
  public record JoinRequest(Outcome outcome, String memberId, LocalDate on, boolean confirmStage2Skipped) {}

  /** needsConfirm: nothing written, ask the distributor; else the member they are now. */
  public record Joined(boolean needsConfirm, String memberId, boolean existingMember, boolean stage2Skipped) {}

  private static void joinedOutcome(Outcome outcome) {
    if (outcome == null || !outcome.joined()) {
      throw Texts.parameter("outcome", "joinOutcome");
    }
  }

  public JoinCheck check(Actor actor, long prospectId, Outcome outcome) {
    String owner = actor.owner();
    joinedOutcome(outcome);
    record Found(List<MemberMatch> matches, int options, int year) {}
    Found f = db.inTransaction(c -> {
      ProspectStore.Prospect p = Prospects.owned(c, owner, prospectId);
      int year = DisclosureYear.latestFullYear(new PeriodStore(db).states());
      return new Found(matches(c, owner, p.contactId()), ProspectStore.optionCount(c, prospectId), year);
    });
    IncomeDisclosure.Statement statement = outcome == Outcome.JOINED_DISTRIBUTOR && f.year() > 0 ? disclosure.apply(f.year()) : null;
    return new JoinCheck(statement == null ? 0 : f.year(), statement, f.matches(), f.options() == 0);
  }

  /** Members with the contact's email or phone, each once. */
  private static List<MemberMatch> matches(Connection c, String owner, long contactId) throws SQLException {
    List<MemberMatch> out = new ArrayList<>();
    for (ContactStore.Channel ch : ContactStore.channels(c, owner, List.of(contactId)).getOrDefault(contactId, List.of())) {
      if (ch.kind() == ChannelKind.MESSAGING) continue;
      boolean email = ch.kind() == ChannelKind.EMAIL;
      String tail = email ? null : ch.normalised().substring(Math.max(1, ch.normalised().length() - 9));
      for (ProspectStore.MemberContact m : ProspectStore.membersLike(c, email ? ch.normalised() : null, tail)) {
        boolean same = email ? ch.normalised().equals(normalEmail(m.email())) : ch.normalised().equals(normalPhone(m.phone(), ch.normalised()));
        if (!same || out.stream().anyMatch(x -> x.memberId().equals(m.memberId()))) continue;
        out.add(new MemberMatch(m.memberId(), email ? "email" : "phone", owner.equals(m.sponsorId()) || owner.equals(m.memberId())));
      }
    }
    return out;
  }

  private static String normalEmail(String raw) {
    try {
      return raw == null ? null : Duplicates.email(raw);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** A stored phone in E.164; a national one takes the calling code of the number it is compared with. */
  private static String normalPhone(String raw, String e164) {
    if (raw == null) return null;
    for (int cc = 1; cc <= 3; cc++) {
      try {
        String n = Duplicates.phone(raw, e164.substring(1, 1 + cc));
        if (n.equals(e164)) return n;
      } catch (IllegalArgumentException | StringIndexOutOfBoundsException e) {
        // not this calling code
      }
    }
    return null;
  }

  public Joined join(Actor actor, long prospectId, JoinRequest request) {
    String owner = actor.owner();
    joinedOutcome(request.outcome());
    LocalDate on = Texts.require("on", request.on());
    String wanted = Texts.optional("member_id", request.memberId(), 64);
    if (wanted != null && Fields.idRefusal(wanted) != null) throw InvalidInputException.parameter("member_id", Fields.idRefusal(wanted));
    return db.inTransaction(c -> {
      ProspectStore.Prospect p = Prospects.owned(c, owner, prospectId);
      if (p.outcome() != null && p.outcome().joined()) throw Texts.conflict("joinedAlready", prospectId);
      StageGuard.Decision guard = StageGuard.check(request.outcome(), ProspectStore.optionCount(c, prospectId), request.confirmStage2Skipped());
      if (!guard.allowed()) return new Joined(true, null, false, false);
      List<MemberMatch> matches = matches(c, owner, p.contactId());
      for (MemberMatch m : matches) {
        if (!m.ownMember()) {
          throw Texts.conflict("memberOfOther", m.by());
        }
      }
      ContactStore.Contact contact = ContactStore.contact(c, owner, p.contactId());
      for (ContactStore.Channel ch : contact.channels()) {
        if (ch.kind() != ChannelKind.MESSAGING && ProspectStore.openProspectElsewhere(c, owner, ch.normalised())) {
          throw Texts.conflict("prospectOfOther", ch.kind().code());
        }
      }
      String memberId;
      boolean existing = !matches.isEmpty();
      if (existing) {
        memberId = matches.getFirst().memberId();
      } else {
        memberId = wanted != null ? wanted : "P" + prospectId;
        if (ProspectStore.memberExists(c, memberId)) throw Texts.conflict("memberIdTaken", memberId);
        ContactStore.Channel email = Contacts.firstUsable(contact.channels(), ChannelKind.EMAIL);
        ContactStore.Channel phone = Contacts.firstUsable(contact.channels(), ChannelKind.PHONE);
        ProspectStore.insertMember(c, memberId, owner, request.outcome() == Outcome.JOINED_DISTRIBUTOR ? "distributor" : "customer", on,
            contact.name(), email == null ? null : email.normalised(), phone == null ? null : phone.normalised());
      }
      ProspectStore.setOutcome(c, owner, prospectId, request.outcome(), on, null, guard.stage2Skipped(), memberId);
      ContactStore.setMember(c, owner, p.contactId(), memberId);
      Audit.write(c, actor.username(), "prospects.join", "prospect " + prospectId,
          request.outcome().code() + ", member " + memberId + (existing ? " (existing)" : "") + (guard.stage2Skipped() ? ", stage 2 skipped" : ""));
      // A new member of the network, last (the log's clock is held to the commit): every server's picture
      // and the stored model follow the log (ADR 22, 38).
      if (!existing) ChangeLog.record(c, db, ChangeLog.MEMBER, List.of(memberId));
      return new Joined(false, memberId, existing, guard.stage2Skipped());
    });
  }
}
