package org.downline.app.prospect;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.downline.core.InvalidInputException;
import org.downline.nextstep.Playbook;
import org.downline.nextstep.PlaybookStep;
import org.downline.prospect.CustomerCare;
import org.downline.prospect.TodayItem;
import org.downline.prospect.TodayOrder;
import org.downline.store.ContactStore;
import org.downline.store.ContactStore.Channel;
import org.downline.store.Database;
import org.downline.store.ProspectStore;

/**
 * A distributor's today list ({@link TodayOrder}): follow-ups due, reconnect dates reached,
 * customer care (reorder from the customer's own rhythm, check-in after the first order, thank-you
 * after a referral, each with the playbook's step for the member's segment) and stay-in-touch
 * cadences run out. Nobody marked do-not-contact is on it, and only channels not refused are
 * offered. Every read is on an index that starts with the owner (V110, V160), and
 * each kind of item is one query whatever the number of contacts or customers.
 */
public final class TodayList {
  private final Database db;
  private final Playbook playbook;

  public TodayList(Database db, Playbook playbook) {
    this.db = db;
    this.playbook = playbook;
  }

  /**
   * One line. contactId 0 when a customer-care item is about a member who is not among the
   * contacts (name: the member's). step and stepTitle: the playbook's step for customer care, else
   * null. reachBy: the contact's channels that are not refused.
   */
  public record Entry(TodayItem.Kind kind, long contactId, String name, String memberId, long ref, LocalDate dueOn,
      int daysOverdue, String what, String segment, String step, String stepTitle, List<Channel> reachBy) {}

  public List<Entry> today(Actor actor, LocalDate today) {
    String owner = actor.owner();
    int day = (int) today.toEpochDay();
    return db.inTransaction(c -> {
      List<TodayItem> items = new ArrayList<>();
      List<ProspectStore.FollowUp> followUps = ProspectStore.openFollowUps(c, owner, today);
      List<Long> followed = new ArrayList<>();
      for (ProspectStore.FollowUp f : followUps) followed.add(f.contactId());
      Map<Long, Boolean> dnc = ProspectStore.doNotContact(c, owner, followed);
      for (ProspectStore.FollowUp f : followUps) {
        items.add(new TodayItem(TodayItem.Kind.FOLLOW_UP, f.contactId(), null, f.id(), epoch(f.dueOn()), f.what(), null, null,
            dnc.getOrDefault(f.contactId(), false)));
      }
      for (ProspectStore.Reconnect r : ProspectStore.reconnectsDue(c, owner, today)) {
        items.add(new TodayItem(TodayItem.Kind.RECONNECT, r.contactId(), null, r.prospectId(), epoch(r.reconnectOn()), null, null, null,
            r.doNotContact()));
      }
      for (ProspectStore.CadenceDue d : ProspectStore.cadencesDue(c, owner, today)) {
        items.add(new TodayItem(TodayItem.Kind.CADENCE, d.contactId(), null, d.contactId(), epoch(d.due()), null, null, null,
            d.doNotContact()));
      }
      // Customer care: the distributor's customers, and the members who referred someone who joined.
      List<ProspectStore.CareMember> customers = ProspectStore.customers(c, owner);
      List<ProspectStore.Referral> referrals = ProspectStore.referralsJoined(c, owner, today.minusDays(CustomerCare.SHOWN_DAYS));
      List<String> referring = new ArrayList<>();
      for (ProspectStore.Referral r : referrals) referring.add(r.memberId());
      List<ProspectStore.CareMember> referrers = ProspectStore.members(c, owner, referring);
      int[][] sales = new int[customers.size()][];
      for (int i = 0; i < sales.length; i++) sales[i] = customers.get(i).saleDays();
      int[] refMember = new int[referrals.size()];
      int[] refDay = new int[referrals.size()];
      int[][] refSales = new int[referrals.size()][];
      for (int r = 0; r < refMember.length; r++) {
        refMember[r] = customers.size() + r; // referrers follow the customers in one index space
        refDay[r] = epoch(referrals.get(r).joinedOn());
        refSales[r] = referrers.get(r).saleDays();
      }
      List<ProspectStore.CareMember> everyone = new ArrayList<>(customers);
      everyone.addAll(referrers);
      Set<String> done = ProspectStore.careDone(c, owner);
      for (CustomerCare.Item i : CustomerCare.items(sales, refMember, refDay, refSales, day, playbook.bounds())) {
        ProspectStore.CareMember m = everyone.get(i.member());
        String key = i.kind().code() + "/" + m.memberId() + "/" + LocalDate.ofEpochDay(i.dueDay());
        if (done.contains(key)) continue;
        PlaybookStep step = playbook.step(i.segment());
        items.add(new TodayItem(i.kind(), m.contactId(), m.memberId(), 0, i.dueDay(), m.name(),
            step == null ? null : step.step(), i.segment(), m.doNotContact()));
      }
      List<TodayItem> ordered = TodayOrder.of(items, day);
      Set<Long> ids = new LinkedHashSet<>();
      for (TodayItem i : ordered) if (i.contactId() != 0) ids.add(i.contactId());
      Map<Long, List<Channel>> channels = ContactStore.channels(c, owner, new ArrayList<>(ids));
      Map<Long, String> names = ContactStore.names(c, owner, new ArrayList<>(ids));
      List<Entry> out = new ArrayList<>();
      for (TodayItem i : ordered) {
        List<Channel> reach = new ArrayList<>();
        for (Channel ch : channels.getOrDefault(i.contactId(), List.of())) if (ch.usable()) reach.add(ch);
        PlaybookStep step = i.step() == null ? null : playbook.step(i.segment());
        String name = i.contactId() != 0 ? names.get(i.contactId()) : i.what();
        String what = i.kind() == TodayItem.Kind.FOLLOW_UP ? i.what() : null;
        out.add(new Entry(i.kind(), i.contactId(), name, i.memberId(), i.ref(), LocalDate.ofEpochDay(i.dueDay()), day - i.dueDay(),
            what, i.segment(), i.step(), step == null ? null : step.title(), List.copyOf(reach)));
      }
      return out;
    });
  }

  private static int epoch(LocalDate d) {
    return (int) d.toEpochDay();
  }

  /** A customer-care item dealt with: it leaves the list (kind: reorder, check-in or thank-you). */
  public void careDone(Actor actor, TodayItem.Kind kind, String memberId, LocalDate dueOn, LocalDate doneOn) {
    String owner = actor.owner();
    if (kind != TodayItem.Kind.REORDER && kind != TodayItem.Kind.CHECK_IN && kind != TodayItem.Kind.THANK_YOU) {
      throw Texts.parameter("kind", "careOnly");
    }
    Texts.require("member_id", memberId);
    Texts.require("due_on", dueOn);
    db.inTransaction(c -> {
      ProspectStore.insertCareDone(c, owner, kind.code(), memberId, dueOn, doneOn == null ? dueOn : doneOn);
      return null;
    });
  }
}
