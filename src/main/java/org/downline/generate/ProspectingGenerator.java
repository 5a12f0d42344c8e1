package org.downline.generate;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Random;
import org.downline.prospect.ChannelKind;
import org.downline.prospect.Consent;
import org.downline.prospect.Outcome;
import org.downline.prospect.Source;
import org.downline.prospect.Tie;
import org.downline.prospect.TouchKind;

/**
 * A distributor's prospecting (docs/prospects.md), the same for the same seed and member: the
 * demo's 24 contacts, and {@code downline generate --contacts-per-distributor N} at any N. Contacts
 * run in a pattern of {@link #PATTERN} (contact i plays the part of contact i mod 24): three
 * communities, one channel each with its consent (one in six refused), touches over the six months
 * before {@code today}, one in 24 do-not-contact, and two in three prospects with every stage and
 * outcome, follow-ups and options. Running-club members (every third contact) know the next
 * {@link #CLUB_LINKS} club members: with 24 contacts the whole club knows each other, and with 5,000
 * the links stay a few per contact.
 */
public final class ProspectingGenerator {
  public static final int PATTERN = 24;
  /** Of each 24, the first 16 are prospects: 0-5 open in a stage, 6-15 with an outcome. */
  static final int PROSPECTS = 16;
  static final int CLUB_LINKS = 7;
  static final String[] FIRST = {"Ana", "Bogdan", "Carmen", "Dorin", "Elena", "Florin", "Gabriela", "Horia", "Ioana",
      "Jan", "Kasia", "Luca", "Maria", "Nicu", "Ola", "Petra", "Radu", "Sorin", "Tomasz", "Ursula", "Vlad", "Wanda",
      "Xenia", "Zofia"};
  static final String[] LAST = {"Pop", "Ionescu", "Nowak", "Kowalski", "Marin", "Dumitru", "Wiśniewska", "Stan"};
  static final String[] OPENINGS = {"Saw your post about the run", "How is the new job?", "Coffee next week?"};
  static final String[] STAGES = {"understanding", "exploring", "choosing"};
  static final String[][] COMMUNITIES = {{"Running club", "sport"}, {"Parents at school", "school"}, {"Former colleagues", "work"}};

  private final long seed;
  private final LocalDate today;

  public ProspectingGenerator(long seed, LocalDate today) {
    this.seed = seed;
    this.today = today;
  }

  /** What was made for one distributor. */
  public record Made(int contacts, int communities, int prospects, int touches, int joined) {}

  public Made forDistributor(String owner, int count, ProspectingSink sink) {
    if (count <= 0) return new Made(0, 0, 0, 0, 0);
    Random random = new Random(seed ^ owner.hashCode());
    LocalDate start = today.minusMonths(6);
    long[] communities = new long[COMMUNITIES.length];
    for (int k = 0; k < communities.length; k++) communities[k] = sink.community(owner, COMMUNITIES[k][0], COMMUNITIES[k][1]);
    long[] ids = new long[count];
    int touches = 0;
    for (int i = 0; i < count; i++) {
      int j = i % PATTERN;
      Tie tie = Tie.values()[i % Tie.values().length];
      // Past the first 24 a middle initial tells the repeats of a first name apart.
      String name = FIRST[j] + " " + (i < PATTERN ? "" : (char) ('A' + (i / PATTERN) % 26) + ". ") + LAST[random.nextInt(LAST.length)];
      Integer cadence = i % 3 == 2 ? null : Integer.valueOf(i % 3 == 0 ? 30 : 60);
      LocalDate created = start.plusDays(random.nextInt(20));
      long id = sink.contact(owner, name, "demo", tie, cadence, created);
      ids[i] = id;
      String email = FIRST[j].toLowerCase(Locale.ROOT) + "." + owner.toLowerCase(Locale.ROOT) + i + "@example.org";
      // One in six said no to being written to: the refusal is kept and honoured.
      Consent consent = i % 6 == 5 ? Consent.REFUSED : Consent.GIVEN;
      sink.channel(owner, id, ChannelKind.EMAIL, "home", email, consent, created, "in person",
          consent == Consent.GIVEN ? "Yes, write to me" : "Please don't");
      sink.inCommunity(owner, communities[i % 3], id);
      // Touches over the months: one opening message, then a call a month or so later.
      LocalDate first = created.plusDays(3 + random.nextInt(10));
      sink.touch(owner, id, TouchKind.MESSAGE, i % 2 == 0 ? "messaging" : "email", first, true, OPENINGS[i % OPENINGS.length],
          random.nextInt(100) < 50, "How are things?", "Busy, but fine");
      touches++;
      if (i % 2 == 0) {
        sink.touch(owner, id, TouchKind.CALL, "phone", first.plusDays(30 + random.nextInt(30)), false, null, true,
            "What would make this year better?", "More time with the family");
        touches++;
      }
      if (j == PATTERN - 1) sink.doNotContact(owner, id); // after their touches: honoured from now on
    }
    for (int a = 0; a < count; a += 3) { // running-club members know the club members after them
      for (int b = a + 3; b < count && b <= a + 3 * CLUB_LINKS; b += 3) sink.link(owner, ids[a], ids[b]);
    }
    int made = 0;
    int joined = 0;
    for (int i = 0; i < count; i++) {
      int j = i % PATTERN;
      if (j >= PROSPECTS) continue; // never the do-not-contact one
      long contact = ids[i];
      LocalDate opened = start.plusDays(30 + random.nextInt(30));
      Source source = Source.values()[j % Source.values().length];
      long p = sink.prospect(owner, contact, j % 2 == 0 ? "Some extra income" : "Flexible time",
          j % 2 == 0 ? "extra-income" : "flexible-time", source, "demo", source == Source.CAMPAIGN ? "SPRING" : null, opened);
      made++;
      LocalDate day = opened;
      int target = j < 6 ? j / 2 : 2; // 0-5: open in a stage; 6-15: to choosing, then an outcome
      boolean skipStage2 = j == 14;
      for (int s = 1; s <= target; s++) {
        day = day.plusDays(7 + random.nextInt(14));
        if (s == 1 && skipStage2) continue; // straight from understanding to choosing: no options weighed
        sink.stage(owner, p, STAGES[s], day);
        if (s == 1) sink.option(owner, p, j % 2 == 0 ? "a part-time job" : "doing nothing for now", day);
      }
      sink.followUp(owner, contact, day.plusDays(7), "Send what we talked about");
      if (j < 6) continue;
      LocalDate on = day.plusDays(7);
      switch (j % 5) {
        case 0 -> { // not a fit: let go with thanks
          sink.fit(owner, p, false, "wants a salaried job");
          sink.letGo(owner, p, on);
        }
        case 1 -> sink.notNow(owner, p, on, today.plusDays(j - 10)); // one reconnect date reached, one ahead
        default -> { // 2: joined as a distributor; 3, 4: became a customer (14 with stage 2 skipped, confirmed)
          sink.fit(owner, p, true, "the product fits their win");
          sink.joined(owner, p, j % 5 == 2 ? Outcome.JOINED_DISTRIBUTOR : Outcome.BECAME_CUSTOMER, on);
          joined++;
        }
      }
    }
    sink.endDistributor(owner);
    return new Made(count, communities.length, made, touches, joined);
  }

  /** Used by tests and the docs: how many of {@code count} contacts are prospects. */
  public static int prospects(int count) {
    return count / PATTERN * PROSPECTS + Math.min(count % PATTERN, PROSPECTS);
  }
}
