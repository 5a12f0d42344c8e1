package org.downline.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.downline.app.prospect.Actor;
import org.downline.app.prospect.Contacts;
import org.downline.app.prospect.Prospects;
import org.downline.app.prospect.Relationships;
import org.downline.app.prospect.Touches;
import org.downline.prospect.ChannelKind;
import org.downline.prospect.Consent;
import org.downline.prospect.Tie;
import org.downline.prospect.TouchKind;
import org.downline.store.Database;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The prospecting pages' hand-made data, on top of {@link TestCompany} (ben is member B, hal is H),
 * written through the app.prospect use cases as the pages would. The pages' day is fixed at
 * {@link #TODAY}, 2026-03-01 (a {@link Clock} bean, {@link FixedClock}).
 *
 * <pre>
 * ben's contacts (created 2026-01-20)
 *   Ana Pop      friend        cadence 30 days, never touched   -> next touch due 02-19
 *                email ana.pop@example.org, consent given 2026-01-20 in person: "Yes, write to me"
 *   Dan Ionescu  acquaintance  prospect opened 01-25 (understanding), moved to exploring 02-01;
 *                win "More time with my kids" (flexible-time, extra-income; the store keeps tags in alphabetical order); follow-up due 02-27
 *                "Send the product sheet"; touch 02-01 message on messaging, an opening
 *                ("Saw your post") that was answered, asked "What would make this year better?",
 *                heard "More time at home"
 *   Eva Nowak    close         prospect opened 01-25, not now on 02-01, reconnect on 03-01
 *   Filip Kowal  acquaintance  do not contact, cadence 7 (would be due 01-27)
 *   Gia Marin    friend        prospect opened 02-01 (understanding), no option recorded
 * ben's communities: Book club (Ana, Dan, Eva; links Ana-Dan, Ana-Eva, Dan-Eva),
 *                    Running group (Ana, Gia; no link)
 * hal's: Hana Secret, a prospect with a touch and a follow-up, in hal's Chess club
 * </pre>
 */
final class ProspectTestData {
  static final LocalDate TODAY = LocalDate.of(2026, 3, 1);
  static final LocalDate CREATED = LocalDate.of(2026, 1, 20);

  /** The ids the tests name. */
  record Ids(long ana, long dan, long eva, long filip, long gia, long danProspect, long evaProspect, long giaProspect,
      long danFollowUp, long danTouch, long bookClub, long running, long hana, long hanaProspect, long hanaFollowUp,
      long hanaTouch, long chessClub) {}

  private ProspectTestData() {}

  @TestConfiguration
  static class FixedClock {
    @Bean
    Clock clock() {
      return Clock.fixed(TODAY.atStartOfDay(ZoneOffset.UTC).toInstant(), ZoneOffset.UTC);
    }
  }

  static Ids load(Database db) {
    TestCompany.load(db);
    Contacts contacts = new Contacts(db);
    Prospects prospects = new Prospects(db);
    Touches touches = new Touches(db);
    Relationships relationships = new Relationships(db);
    Actor ben = Actor.distributor(TestCompany.BEN, "B");
    Actor hal = Actor.distributor(TestCompany.HAL, "H");

    long ana = contacts.create(ben, form("Ana Pop", "school, same class", Tie.FRIEND, 30), CREATED).id();
    long dan = contacts.create(ben, form("Dan Ionescu", "met at the book club", Tie.ACQUAINTANCE, null), CREATED).id();
    long eva = contacts.create(ben, form("Eva Nowak", "my cousin", Tie.CLOSE, null), CREATED).id();
    long filip = contacts.create(ben, form("Filip Kowal", "a neighbour", Tie.ACQUAINTANCE, 7), CREATED).id();
    long gia = contacts.create(ben, form("Gia Marin", "from running", Tie.FRIEND, null), CREATED).id();
    contacts.setDoNotContact(ben, filip, true);
    long anaEmail = contacts.addChannel(ben, ana, new Contacts.ChannelForm(ChannelKind.EMAIL, "home", "ana.pop@example.org")).id();
    contacts.recordConsent(ben, anaEmail, new org.downline.store.ContactStore.ConsentRecord(Consent.GIVEN, CREATED, "in person", "Yes, write to me"));

    Prospects.ProspectForm none = new Prospects.ProspectForm(null, List.of(), null, null, null, null);
    long danProspect = prospects.open(ben, dan, none, LocalDate.of(2026, 1, 25)).id();
    prospects.moveToStage(ben, danProspect, "exploring", LocalDate.of(2026, 2, 1));
    prospects.update(ben, danProspect, new Prospects.ProspectForm("More time with my kids",
        List.of("flexible-time", "extra-income"), null, null, null, null));
    long danFollowUp = touches.addFollowUp(ben, dan, LocalDate.of(2026, 2, 27), "Send the product sheet").id();
    long danTouch = touches.log(ben, new Touches.TouchForm(dan, TouchKind.MESSAGE, "messaging", LocalDate.of(2026, 2, 1),
        true, "Saw your post", true, "What would make this year better?", "More time at home")).id();
    long evaProspect = prospects.open(ben, eva, none, LocalDate.of(2026, 1, 25)).id();
    prospects.notNow(ben, evaProspect, LocalDate.of(2026, 2, 1), TODAY);
    long giaProspect = prospects.open(ben, gia, none, LocalDate.of(2026, 2, 1)).id();

    long bookClub = relationships.createCommunity(ben, "Book club", "club").id();
    long running = relationships.createCommunity(ben, "Running group", "sport").id();
    for (long c : new long[] {ana, dan, eva}) relationships.addToCommunity(ben, bookClub, c);
    relationships.addToCommunity(ben, running, ana);
    relationships.addToCommunity(ben, running, gia);
    relationships.link(ben, ana, dan);
    relationships.link(ben, ana, eva);
    relationships.link(ben, dan, eva);

    long hana = contacts.create(hal, form("Hana Secret", "work", Tie.FRIEND, 14), CREATED).id();
    long hanaProspect = prospects.open(hal, hana, none, LocalDate.of(2026, 1, 25)).id();
    long hanaFollowUp = touches.addFollowUp(hal, hana, LocalDate.of(2026, 2, 20), "Call Hana").id();
    long hanaTouch = touches.log(hal, new Touches.TouchForm(hana, TouchKind.CALL, "phone", LocalDate.of(2026, 2, 2),
        true, "Hello", false, "How is work?", "Busy")).id();
    long chessClub = relationships.createCommunity(hal, "Chess club", "club").id();
    relationships.addToCommunity(hal, chessClub, hana);
    return new Ids(ana, dan, eva, filip, gia, danProspect, evaProspect, giaProspect, danFollowUp, danTouch, bookClub,
        running, hana, hanaProspect, hanaFollowUp, hanaTouch, chessClub);
  }

  static Contacts.ContactForm form(String name, String how, Tie tie, Integer cadence) {
    return new Contacts.ContactForm(name, how, tie, null, null, cadence);
  }
}
