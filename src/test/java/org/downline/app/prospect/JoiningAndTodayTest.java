package org.downline.app.prospect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.downline.app.prospect.ContactsTest.ANA;
import static org.downline.app.prospect.ContactsTest.BOGDAN;
import static org.downline.app.prospect.ContactsTest.STAFF;
import static org.downline.app.prospect.ContactsTest.form;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.downline.core.ConflictException;
import org.downline.core.NotAllowedException;
import org.downline.disclosure.IncomeDisclosure;
import org.downline.network.Network;
import org.downline.network.OrderBook;
import org.downline.playbook.PlaybookFile;
import org.downline.prospect.ChannelKind;
import org.downline.prospect.Consent;
import org.downline.prospect.Outcome;
import org.downline.prospect.Source;
import org.downline.prospect.Tie;
import org.downline.prospect.TodayItem;
import org.downline.prospect.TouchKind;
import org.downline.store.BothDatabases;
import org.downline.store.CompanyStore;
import org.downline.store.ContactStore;
import org.downline.store.Database;
import org.downline.store.ProspectStore;

/** Joining with the stage guard and de-duplication, the today list with consent and customer care, and the figures. */
class JoiningAndTodayTest {
  static final LocalDate DAY = LocalDate.of(2026, 3, 1);
  static final Prospects.ProspectForm NO_FORM = new Prospects.ProspectForm(null, List.of(), null, null, null, null);

  static Joining joining(Database db) {
    return new Joining(db, year -> new IncomeDisclosure.Statement(year, List.of(), new int[0]));
  }

  @BothDatabases
  void joiningWithoutStage2AsksFirstThenMakesASponsoredMemberLinkedBothWays(Database db) {
    ContactsTest.twoDistributors(db);
    Contacts contacts = new Contacts(db);
    Prospects prospects = new Prospects(db);
    long ioana = contacts.create(ANA, form("Ioana Pop", Tie.FRIEND, null), DAY).id();
    contacts.addChannel(ANA, ioana, new Contacts.ChannelForm(ChannelKind.EMAIL, null, "ioana@x.ro"));
    long p = prospects.open(ANA, ioana, NO_FORM, DAY).id();
    Joining j = joining(db);
    // No closed period: no disclosure to show; no options recorded: the guard will ask.
    Joining.JoinCheck check = j.check(ANA, p, Outcome.JOINED_DISTRIBUTOR);
    assertThat(check.disclosureYear()).isZero();
    assertThat(check.disclosure()).isNull();
    assertThat(check.needsStage2Confirm()).isTrue();
    Joining.Joined asked = j.join(ANA, p, new Joining.JoinRequest(Outcome.JOINED_DISTRIBUTOR, null, DAY.plusDays(5), false));
    assertThat(asked.needsConfirm()).isTrue();
    assertThat(Seed.count(db, "SELECT COUNT(*) FROM member")).isEqualTo(2); // nothing written
    assertThat(prospects.get(ANA, p).outcome()).isNull();
    Joining.Joined joined = j.join(ANA, p, new Joining.JoinRequest(Outcome.JOINED_DISTRIBUTOR, "M-IOANA", DAY.plusDays(5), true));
    assertThat(joined).isEqualTo(new Joining.Joined(false, "M-IOANA", false, true));
    ProspectStore.Prospect after = prospects.get(ANA, p);
    assertThat(after.outcome()).isEqualTo(Outcome.JOINED_DISTRIBUTOR);
    assertThat(after.stage2Skipped()).isTrue();
    assertThat(after.memberId()).isEqualTo("M-IOANA");
    assertThat(contacts.get(ANA, ioana).memberId()).isEqualTo("M-IOANA");
    Long back = db.inTransaction(c -> ProspectStore.prospectOfMember(c, "M-IOANA"));
    assertThat(back).isEqualTo(p);
    assertThat(Seed.count(db, "SELECT COUNT(*) FROM member WHERE id = 'M-IOANA' AND sponsor_id = 'D1' AND kind = 'distributor'"
        + " AND join_date = DATE '2026-03-06'")).isEqualTo(1);
    assertThat(Seed.count(db, "SELECT COUNT(*) FROM member_profile WHERE member_id = 'M-IOANA' AND email = 'ioana@x.ro'")).isEqualTo(1);
    // In the change log, so every server's picture and the stored model (ADR 38) take the new member.
    assertThat(Seed.count(db, "SELECT COUNT(*) FROM change_log WHERE kind = 'member' AND ref = 'M-IOANA'")).isEqualTo(1);
    assertThatThrownBy(() -> j.join(ANA, p, new Joining.JoinRequest(Outcome.BECAME_CUSTOMER, null, DAY, true)))
        .isInstanceOf(ConflictException.class);
  }

  @BothDatabases
  void withOptionsWeighedTheJoiningNeedsNoConfirmAndTheDisclosureIsShownForDistributorsOnly(Database db) {
    ContactsTest.twoDistributors(db);
    db.inTransaction(c -> {
      try (var ps = c.prepareStatement("INSERT INTO period (name, state) VALUES (?, 'closed')")) {
        for (int m = 1; m <= 12; m++) {
          ps.setString(1, String.format("2025-%02d", m));
          ps.executeUpdate();
        }
      }
      return null;
    });
    long k = new Contacts(db).create(ANA, form("Radu Dan", Tie.CLOSE, null), DAY).id();
    Prospects prospects = new Prospects(db);
    long p = prospects.open(ANA, k, NO_FORM, DAY).id();
    prospects.moveToStage(ANA, p, "exploring", DAY.plusDays(3));
    prospects.recordOption(ANA, p, "Another company's plan", DAY.plusDays(3));
    prospects.recordOption(ANA, p, "Doing nothing", DAY.plusDays(4));
    Joining.JoinCheck check = joining(db).check(ANA, p, Outcome.JOINED_DISTRIBUTOR);
    assertThat(check.disclosureYear()).isEqualTo(2025);
    assertThat(check.disclosure().year()).isEqualTo(2025);
    assertThat(check.needsStage2Confirm()).isFalse();
    assertThat(joining(db).check(ANA, p, Outcome.BECAME_CUSTOMER).disclosure()).isNull();
    Joining.Joined joined = joining(db).join(ANA, p, new Joining.JoinRequest(Outcome.BECAME_CUSTOMER, null, DAY.plusDays(9), false));
    assertThat(joined).isEqualTo(new Joining.Joined(false, "P" + p, false, false));
    assertThat(prospects.get(ANA, p).stages()).extracting(ProspectStore.StageEntry::stage).containsExactly("understanding", "exploring");
  }

  @BothDatabases
  void joiningIsRefusedForSomeoneElsesMemberOrProspectAndLinksOnesOwnMember(Database db) {
    ContactsTest.twoDistributors(db);
    Seed.member(db, "C9", "D2", "customer", LocalDate.of(2025, 6, 1), "Eva@X.ro", "0721 000 111");
    Seed.member(db, "C8", "D1", "customer", LocalDate.of(2025, 6, 1), null, "+40 722 000 222");
    Contacts contacts = new Contacts(db);
    Prospects prospects = new Prospects(db);
    // Bogdan's customer C9 by email: refused.
    long eva = contacts.create(ANA, form("Eva Lis", Tie.ACQUAINTANCE, null), DAY).id();
    contacts.addChannel(ANA, eva, new Contacts.ChannelForm(ChannelKind.EMAIL, null, "eva@x.ro"));
    long pe = prospects.open(ANA, eva, NO_FORM, DAY).id();
    prospects.recordOption(ANA, pe, "x", DAY);
    assertThat(joining(db).check(ANA, pe, Outcome.BECAME_CUSTOMER).matches())
        .containsExactly(new Joining.MemberMatch("C9", "email", false));
    assertThatThrownBy(() -> joining(db).join(ANA, pe, new Joining.JoinRequest(Outcome.BECAME_CUSTOMER, null, DAY, false)))
        .isInstanceOf(ConflictException.class).hasMessageContaining("sponsored by someone else");
    // The same phone as C9 typed nationally (0721 000 111 is +40721000111 with code 40): refused too.
    long dan = contacts.create(ANA, form("Dan Mir", Tie.ACQUAINTANCE, null), DAY).id();
    contacts.addChannel(ANA, dan, new Contacts.ChannelForm(ChannelKind.PHONE, null, "+40721000111"));
    long pd = prospects.open(ANA, dan, NO_FORM, DAY).id();
    assertThatThrownBy(() -> joining(db).join(ANA, pd, new Joining.JoinRequest(Outcome.BECAME_CUSTOMER, null, DAY, true)))
        .isInstanceOf(ConflictException.class);
    // Ana's own customer C8 by phone: linked, no second member.
    long ion = contacts.create(ANA, form("Ion Rus", Tie.FRIEND, null), DAY).id();
    contacts.addChannel(ANA, ion, new Contacts.ChannelForm(ChannelKind.PHONE, null, "+40722000222"));
    long pi = prospects.open(ANA, ion, NO_FORM, DAY).id();
    assertThat(joining(db).join(ANA, pi, new Joining.JoinRequest(Outcome.BECAME_CUSTOMER, null, DAY, true)))
        .isEqualTo(new Joining.Joined(false, "C8", true, true));
    // Bogdan's open prospect with the same email as Ana's: not Ana's to take.
    long mine = contacts.create(ANA, form("Mara", Tie.FRIEND, null), DAY).id();
    contacts.addChannel(ANA, mine, new Contacts.ChannelForm(ChannelKind.EMAIL, null, "mara@x.ro"));
    long pm = prospects.open(ANA, mine, NO_FORM, DAY).id();
    long his = contacts.create(BOGDAN, form("Mara V", Tie.FRIEND, null), DAY).id();
    contacts.addChannel(BOGDAN, his, new Contacts.ChannelForm(ChannelKind.EMAIL, null, "MARA@x.ro"));
    prospects.open(BOGDAN, his, NO_FORM, DAY);
    assertThatThrownBy(() -> joining(db).join(ANA, pm, new Joining.JoinRequest(Outcome.JOINED_DISTRIBUTOR, null, DAY, true)))
        .isInstanceOf(ConflictException.class).hasMessageContaining("Another distributor");
    assertThat(Seed.count(db, "SELECT COUNT(*) FROM member")).isEqualTo(4);
  }

  @BothDatabases
  void theTodayListOrdersWhatIsDueAndHonoursConsent(Database db) {
    ContactsTest.twoDistributors(db);
    LocalDate today = LocalDate.of(2026, 3, 20);
    Contacts contacts = new Contacts(db);
    Touches touches = new Touches(db);
    Prospects prospects = new Prospects(db);
    long ioana = contacts.create(ANA, form("Ioana Pop", Tie.FRIEND, 14), DAY).id(); // cadence due 15 March
    ContactStore.Channel ip = contacts.addChannel(ANA, ioana, new Contacts.ChannelForm(ChannelKind.PHONE, null, "+40721234567"));
    ContactStore.Channel ie = contacts.addChannel(ANA, ioana, new Contacts.ChannelForm(ChannelKind.EMAIL, null, "ioana@x.ro"));
    contacts.recordConsent(ANA, ip.id(), new ContactStore.ConsentRecord(Consent.REFUSED, DAY, "call", null));
    long radu = contacts.create(ANA, form("Radu Dan", Tie.CLOSE, null), DAY).id();
    touches.addFollowUp(ANA, radu, LocalDate.of(2026, 3, 18), "Send the article");
    touches.addFollowUp(ANA, radu, LocalDate.of(2026, 3, 21), "Tomorrow's"); // not yet due
    long done = touches.addFollowUp(ANA, ioana, LocalDate.of(2026, 3, 10), "Done already").id();
    touches.done(ANA, done, LocalDate.of(2026, 3, 11));
    long eva = contacts.create(ANA, form("Eva Lis", Tie.ACQUAINTANCE, null), DAY).id();
    long pe = prospects.open(ANA, eva, NO_FORM, DAY).id();
    prospects.notNow(ANA, pe, DAY, LocalDate.of(2026, 3, 19)); // reconnect reached
    long dnc = contacts.create(ANA, form("Dan Mir", Tie.FRIEND, 1), DAY).id();
    touches.addFollowUp(ANA, dnc, LocalDate.of(2026, 3, 1), "Never shown");
    contacts.setDoNotContact(ANA, dnc, true);
    // Ana's customer C1: first and only order 15 March: check-in due 22 March, not yet. C2: 4 orders in the
    // year to 20 March (21 Mar 2025 on), rhythm 365 / 4 = 91 days, the last 1 Dec 2025: due 1 Dec + 91 = 2 March.
    Seed.member(db, "C1", "D1", "customer", LocalDate.of(2026, 3, 1), null, null);
    Seed.order(db, "o1", "C1", LocalDate.of(2026, 3, 15));
    Seed.member(db, "C2", "D1", "customer", LocalDate.of(2025, 1, 1), null, null);
    for (String d : List.of("2025-03-25", "2025-06-08", "2025-09-05", "2025-12-01")) Seed.order(db, "o" + d, "C2", LocalDate.parse(d));
    contacts.create(BOGDAN, form("Bogdan's", Tie.FRIEND, 1), DAY);
    TodayList list = new TodayList(db, PlaybookFile.defaults());
    List<TodayList.Entry> entries = list.today(ANA, today);
    assertThat(entries).extracting(TodayList.Entry::kind, TodayList.Entry::name, TodayList.Entry::dueOn).containsExactly(
        org.assertj.core.groups.Tuple.tuple(TodayItem.Kind.FOLLOW_UP, "Radu Dan", LocalDate.of(2026, 3, 18)),
        org.assertj.core.groups.Tuple.tuple(TodayItem.Kind.RECONNECT, "Eva Lis", LocalDate.of(2026, 3, 19)),
        org.assertj.core.groups.Tuple.tuple(TodayItem.Kind.REORDER, "Member C2", LocalDate.of(2026, 3, 2)),
        org.assertj.core.groups.Tuple.tuple(TodayItem.Kind.CADENCE, "Ioana Pop", LocalDate.of(2026, 3, 15)));
    TodayList.Entry reorder = entries.get(2);
    assertThat(reorder.segment()).isEqualTo("customers/4-6");
    assertThat(reorder.daysOverdue()).isEqualTo(18);
    // The cadence line offers only the email: the phone's consent was refused.
    assertThat(entries.get(3).reachBy()).extracting(ContactStore.Channel::id).containsExactly(ie.id());
    list.careDone(ANA, TodayItem.Kind.REORDER, "C2", LocalDate.of(2026, 3, 2), today);
    assertThat(list.today(ANA, today)).extracting(TodayList.Entry::kind).doesNotContain(TodayItem.Kind.REORDER);
    // Two days later C1's check-in (15 March + 7) is due.
    assertThat(list.today(ANA, today.plusDays(2))).extracting(TodayList.Entry::memberId).contains("C1");
  }

  /**
   * Customer care over several customers at once (read set-wise: one query per kind of read, not
   * one per customer), worked by hand for 20 March 2026 (the twelve months from 21 March 2025):
   * C1 first order 10 March: check-in 17 March, and a thank-you for the referral that joined 15
   * March. C2 four orders, the last 1 December: reorder 1 Dec + 365 / 4 = 2 March; C2 is Ana's
   * contact "Carla Dobre", so the line carries that contact. C6 lapsed, one order 10 January 2025:
   * reorder 10 Jan 2025 + 365 = 10 January 2026. C7 first order 1 March: check-in 8 March, but Ana
   * marked her contact for C7 do-not-contact, so not shown. C3 is cancelled, C4 is Bogdan's
   * customer, C5 never ordered: none of them. Bogdan's own do-not-contact contact for C6 does not
   * hide Ana's line.
   */
  @BothDatabases
  void customerCareForSeveralCustomersComesFromOneReadOfEach(Database db) {
    ContactsTest.twoDistributors(db);
    LocalDate today = LocalDate.of(2026, 3, 20);
    Contacts contacts = new Contacts(db);
    Prospects prospects = new Prospects(db);
    Seed.member(db, "C1", "D1", "customer", LocalDate.of(2026, 3, 1), null, null);
    Seed.order(db, "o-c1", "C1", LocalDate.of(2026, 3, 10));
    Seed.member(db, "C2", "D1", "customer", LocalDate.of(2025, 1, 1), null, null);
    for (String d : List.of("2025-03-25", "2025-06-08", "2025-09-05", "2025-12-01")) Seed.order(db, "o-c2-" + d, "C2", LocalDate.parse(d));
    Seed.member(db, "C3", "D1", "customer", LocalDate.of(2026, 3, 1), null, null);
    Seed.order(db, "o-c3", "C3", LocalDate.of(2026, 3, 5));
    Seed.update(db, "UPDATE member SET status = 'cancelled' WHERE id = 'C3'");
    Seed.member(db, "C4", "D2", "customer", LocalDate.of(2026, 3, 1), null, null);
    Seed.order(db, "o-c4", "C4", LocalDate.of(2026, 3, 5));
    Seed.member(db, "C5", "D1", "customer", LocalDate.of(2026, 3, 1), null, null);
    Seed.member(db, "C6", "D1", "customer", LocalDate.of(2025, 1, 1), null, null);
    Seed.order(db, "o-c6", "C6", LocalDate.of(2025, 1, 10));
    Seed.member(db, "C7", "D1", "customer", LocalDate.of(2026, 2, 1), null, null);
    Seed.order(db, "o-c7", "C7", LocalDate.of(2026, 3, 1));
    long carla = contacts.create(ANA, form("Carla Dobre", Tie.FRIEND, null), DAY).id();
    Seed.update(db, "UPDATE contact SET member_id = 'C2' WHERE id = ?", carla);
    long c7 = contacts.create(ANA, form("Cora Vlad", Tie.FRIEND, null), DAY).id();
    Seed.update(db, "UPDATE contact SET member_id = 'C7' WHERE id = ?", c7);
    contacts.setDoNotContact(ANA, c7, true);
    long theirs = contacts.create(BOGDAN, form("Bogdan's C6", Tie.FRIEND, null), DAY).id();
    Seed.update(db, "UPDATE contact SET member_id = 'C6' WHERE id = ?", theirs);
    contacts.setDoNotContact(BOGDAN, theirs, true);
    long referred = contacts.create(ANA, form("Rita Ene", Tie.ACQUAINTANCE, null), DAY).id();
    long p = prospects.open(ANA, referred, new Prospects.ProspectForm(null, List.of(), Source.REFERRAL, "C1", null, null), DAY).id();
    Seed.update(db, "UPDATE prospect SET outcome = 'became-customer', outcome_on = ? WHERE id = ?", LocalDate.of(2026, 3, 15), p);

    List<TodayList.Entry> entries = new TodayList(db, PlaybookFile.defaults()).today(ANA, today);

    assertThat(entries).extracting(TodayList.Entry::kind, TodayList.Entry::memberId, TodayList.Entry::contactId,
        TodayList.Entry::name, TodayList.Entry::dueOn).containsExactly(
        org.assertj.core.groups.Tuple.tuple(TodayItem.Kind.REORDER, "C6", 0L, "Member C6", LocalDate.of(2026, 1, 10)),
        org.assertj.core.groups.Tuple.tuple(TodayItem.Kind.REORDER, "C2", carla, "Carla Dobre", LocalDate.of(2026, 3, 2)),
        org.assertj.core.groups.Tuple.tuple(TodayItem.Kind.CHECK_IN, "C1", 0L, "Member C1", LocalDate.of(2026, 3, 17)),
        org.assertj.core.groups.Tuple.tuple(TodayItem.Kind.THANK_YOU, "C1", 0L, "Member C1", LocalDate.of(2026, 3, 15)));
    assertThat(entries.get(1).segment()).isEqualTo("customers/4-6");
    assertThat(entries.get(0).daysOverdue()).isEqualTo(69); // 10 January to 20 March
  }

  @BothDatabases
  void figuresForTheDistributorAndTheCompanyAggregatesOnly(Database db) {
    ContactsTest.twoDistributors(db);
    Contacts contacts = new Contacts(db);
    Touches touches = new Touches(db);
    Prospects prospects = new Prospects(db);
    long a = contacts.create(ANA, form("A", Tie.FRIEND, null), DAY).id();
    long b = contacts.create(ANA, form("B", Tie.FRIEND, null), DAY).id();
    long c = contacts.create(BOGDAN, form("C", Tie.FRIEND, null), DAY).id();
    touches.log(ANA, new Touches.TouchForm(a, TouchKind.CHAT, "messaging", DAY, true, "hi", true, null, null));
    touches.log(ANA, new Touches.TouchForm(b, TouchKind.CHAT, "messaging", DAY, true, "hi", false, null, null));
    touches.log(BOGDAN, new Touches.TouchForm(c, TouchKind.CHAT, "messaging", DAY, true, "hi", true, null, null));
    long pa = prospects.open(ANA, a, new Prospects.ProspectForm("more time", List.of("flexible-time"), Source.ONLINE, null, "forum", null), DAY).id();
    prospects.letGo(ANA, pa, DAY.plusDays(6));
    prospects.open(BOGDAN, c, NO_FORM, DAY);
    Network net = new CompanyStore(db).loadNetwork();
    OrderBook book = new CompanyStore(db).loadOrders(net);
    ProspectFigures figures = new ProspectFigures(db);
    ProspectFigures.Figures mine = figures.mine(ANA, net, book, DAY.plusDays(10));
    // Ana: 2 openings on messaging, 1 answered: 50%. One prospect, let go after 6 days in stage 1.
    assertThat(mine.responses()).contains(new org.downline.prospect.ResponseRates.Row("messaging", "", 2, 1, 5000));
    assertThat(mine.letGo()).isEqualTo(1);
    assertThat(mine.open()).isZero();
    assertThat(mine.stages().getFirst().medianDays()).isEqualTo(6);
    assertThat(mine.outcomes()).containsEntry(Outcome.NOT_A_FIT, 1);
    assertThatThrownBy(() -> figures.company(ANA, net, book, DAY)).isInstanceOf(NotAllowedException.class);
    ProspectFigures.Figures company = figures.company(STAFF, net, book, DAY.plusDays(10));
    // Both distributors: 3 openings, 2 answered: 66.67%; one open, one let go.
    assertThat(company.distributors()).isEqualTo(2);
    assertThat(company.responses()).contains(new org.downline.prospect.ResponseRates.Row("messaging", "", 3, 2, 6667));
    assertThat(company.open()).isEqualTo(1);
    assertThat(company.letGo()).isEqualTo(1);
    Map<Outcome, Integer> outcomes = company.outcomes();
    assertThat(outcomes.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(1);
  }
}
