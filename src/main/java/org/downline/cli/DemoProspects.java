package org.downline.cli;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.downline.app.prospect.Actor;
import org.downline.app.prospect.Contacts;
import org.downline.app.prospect.Joining;
import org.downline.app.prospect.Prospects;
import org.downline.app.prospect.Relationships;
import org.downline.app.prospect.Touches;
import org.downline.prospect.ChannelKind;
import org.downline.prospect.Consent;
import org.downline.prospect.Outcome;
import org.downline.prospect.Source;
import org.downline.prospect.Tie;
import org.downline.prospect.TouchKind;
import org.downline.store.ContactStore;
import org.downline.store.Database;

/**
 * The demo distributors' prospecting (docs/prospects.md), written through the app.prospect use
 * cases as the pages would: contacts in three communities, prospects at every stage and outcome,
 * touches and follow-ups over the months before {@code today}. Seeded, so the same seed gives the
 * same people and days.
 */
final class DemoProspects {
  static final int CONTACTS = 24;
  static final String[] FIRST = {"Ana", "Bogdan", "Carmen", "Dorin", "Elena", "Florin", "Gabriela", "Horia", "Ioana",
      "Jan", "Kasia", "Luca", "Maria", "Nicu", "Ola", "Petra", "Radu", "Sorin", "Tomasz", "Ursula", "Vlad", "Wanda",
      "Xenia", "Zofia"};
  static final String[] LAST = {"Pop", "Ionescu", "Nowak", "Kowalski", "Marin", "Dumitru", "Wiśniewska", "Stan"};
  static final String[] OPENINGS = {"Saw your post about the run", "How is the new job?", "Coffee next week?"};

  /** What was made for one distributor. */
  record Made(int contacts, int communities, int prospects, int touches, int joined) {}

  private DemoProspects() {}

  static Made forDistributor(Database db, String username, String memberId, long seed, LocalDate today) {
    Random random = new Random(seed ^ memberId.hashCode());
    Actor me = Actor.distributor(username, memberId);
    Contacts contacts = new Contacts(db);
    Prospects prospects = new Prospects(db);
    Touches touches = new Touches(db);
    Relationships relationships = new Relationships(db);
    Joining joining = new Joining(db, year -> null);
    LocalDate start = today.minusMonths(6);

    long[] communities = {relationships.createCommunity(me, "Running club", "sport").id(),
        relationships.createCommunity(me, "Parents at school", "school").id(),
        relationships.createCommunity(me, "Former colleagues", "work").id()};
    List<Long> ids = new ArrayList<>();
    int touchCount = 0;
    for (int i = 0; i < CONTACTS; i++) {
      Tie tie = Tie.values()[i % Tie.values().length];
      String name = FIRST[i] + " " + LAST[random.nextInt(LAST.length)];
      Integer cadence = i % 3 == 2 ? null : Integer.valueOf(i % 3 == 0 ? 30 : 60);
      LocalDate created = start.plusDays(random.nextInt(20));
      long id = contacts.create(me, new Contacts.ContactForm(name, "demo", tie, null, null, cadence), created).id();
      ids.add(id);
      String email = FIRST[i].toLowerCase(java.util.Locale.ROOT) + "." + memberId.toLowerCase(java.util.Locale.ROOT) + i
          + "@example.org";
      long channel = contacts.addChannel(me, id, new Contacts.ChannelForm(ChannelKind.EMAIL, "home", email)).id();
      // One in six said no to being written to: the refusal is kept and honoured.
      Consent consent = i % 6 == 5 ? Consent.REFUSED : Consent.GIVEN;
      contacts.recordConsent(me, channel, new ContactStore.ConsentRecord(consent, created, "in person",
          consent == Consent.GIVEN ? "Yes, write to me" : "Please don't"));
      // Communities: the running club is dense (everyone linked), the others loose.
      relationships.addToCommunity(me, communities[i % 3], id);
      // Touches over the months: one opening message, then a call a month or so later.
      LocalDate first = created.plusDays(3 + random.nextInt(10));
      String opening = OPENINGS[i % OPENINGS.length];
      String channelName = i % 2 == 0 ? "messaging" : "email";
      touches.log(me, new Touches.TouchForm(id, TouchKind.MESSAGE, channelName, first, true, opening,
          random.nextInt(100) < 50, "How are things?", "Busy, but fine"));
      touchCount++;
      if (i % 2 == 0) {
        touches.log(me, new Touches.TouchForm(id, TouchKind.CALL, "phone", first.plusDays(30 + random.nextInt(30)), false,
            null, true, "What would make this year better?", "More time with the family"));
        touchCount++;
      }
    }
    contacts.setDoNotContact(me, ids.get(CONTACTS - 1), true); // after their touches: honoured from now on
    for (int a = 0; a < CONTACTS; a += 3) { // the running club (every third contact) all know each other
      for (int b = a + 3; b < CONTACTS; b += 3) relationships.link(me, ids.get(a), ids.get(b));
    }

    // Prospects: two in each stage still open, and every outcome, from the first 16 contacts (not the do-not-contact one).
    int made = 0;
    int joined = 0;
    String[] stages = {"understanding", "exploring", "choosing"};
    for (int i = 0; i < 16; i++) {
      long contact = ids.get(i);
      LocalDate opened = start.plusDays(30 + random.nextInt(30));
      Source source = Source.values()[i % Source.values().length];
      long p = prospects.open(me, contact, new Prospects.ProspectForm(i % 2 == 0 ? "Some extra income" : "Flexible time",
          List.of(i % 2 == 0 ? "extra-income" : "flexible-time"), source, null, "demo",
          source == Source.CAMPAIGN ? "SPRING" : null), opened).id();
      made++;
      LocalDate day = opened;
      int target = i < 6 ? i / 2 : 2; // 0-5: open in a stage; 6-15: to choosing, then an outcome
      boolean skipStage2 = i == 14;
      for (int s = 1; s <= target; s++) {
        day = day.plusDays(7 + random.nextInt(14));
        if (s == 1 && skipStage2) continue; // straight from understanding to choosing: no options weighed
        prospects.moveToStage(me, p, stages[s], day);
        if (s == 1) prospects.recordOption(me, p, i % 2 == 0 ? "a part-time job" : "doing nothing for now", day);
      }
      touches.addFollowUp(me, contact, day.plusDays(7), "Send what we talked about");
      if (i < 6) continue;
      LocalDate on = day.plusDays(7);
      switch (i % 5) {
        case 0 -> { // not a fit: let go with thanks
          prospects.setFit(me, p, false, "wants a salaried job");
          prospects.letGo(me, p, on);
        }
        case 1 -> prospects.notNow(me, p, on, today.plusDays(i - 10)); // one reconnect date reached, one ahead
        default -> { // 2: joined as a distributor; 3, 4: became a customer (14 with stage 2 skipped, confirmed)
          prospects.setFit(me, p, true, "the product fits their win");
          Outcome o = i % 5 == 2 ? Outcome.JOINED_DISTRIBUTOR : Outcome.BECAME_CUSTOMER;
          joining.join(me, p, new Joining.JoinRequest(o, null, on, true));
          joined++;
        }
      }
    }
    return new Made(CONTACTS, communities.length, made, touchCount, joined);
  }
}
