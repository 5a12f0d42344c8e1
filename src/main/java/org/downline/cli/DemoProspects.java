package org.downline.cli;

import java.time.LocalDate;
import java.util.List;
import org.downline.app.prospect.Actor;
import org.downline.app.prospect.Contacts;
import org.downline.app.prospect.Joining;
import org.downline.app.prospect.Prospects;
import org.downline.app.prospect.Relationships;
import org.downline.app.prospect.Touches;
import org.downline.generate.ProspectingGenerator;
import org.downline.generate.ProspectingSink;
import org.downline.prospect.ChannelKind;
import org.downline.prospect.Consent;
import org.downline.prospect.Outcome;
import org.downline.prospect.Source;
import org.downline.prospect.Tie;
import org.downline.prospect.TouchKind;
import org.downline.store.ContactStore;
import org.downline.store.Database;

/**
 * The demo distributors' prospecting (docs/prospects.md): {@link ProspectingGenerator}'s 24
 * contacts, written through the app.prospect use cases as the pages would (so every rule and
 * guard applies), as of {@code today}. Seeded, so the same seed gives the same people and days.
 */
final class DemoProspects implements ProspectingSink {
  static final int CONTACTS = ProspectingGenerator.PATTERN;

  private final Actor me;
  private final Contacts contacts;
  private final Prospects prospects;
  private final Touches touches;
  private final Relationships relationships;
  private final Joining joining;

  private DemoProspects(Database db, Actor me) {
    this.me = me;
    this.contacts = new Contacts(db);
    this.prospects = new Prospects(db);
    this.touches = new Touches(db);
    this.relationships = new Relationships(db);
    this.joining = new Joining(db, year -> null);
  }

  static ProspectingGenerator.Made forDistributor(Database db, String username, String memberId, long seed, LocalDate today) {
    return new ProspectingGenerator(seed, today).forDistributor(memberId, CONTACTS,
        new DemoProspects(db, Actor.distributor(username, memberId)));
  }

  @Override
  public long community(String owner, String name, String kind) {
    return relationships.createCommunity(me, name, kind).id();
  }

  @Override
  public long contact(String owner, String name, String howWeKnow, Tie tie, Integer cadenceDays, LocalDate created) {
    return contacts.create(me, new Contacts.ContactForm(name, howWeKnow, tie, null, null, cadenceDays), created).id();
  }

  @Override
  public void channel(String owner, long contact, ChannelKind kind, String label, String address, Consent consent, LocalDate on,
      String how, String words) {
    long channel = contacts.addChannel(me, contact, new Contacts.ChannelForm(kind, label, address)).id();
    contacts.recordConsent(me, channel, new ContactStore.ConsentRecord(consent, on, how, words));
  }

  @Override
  public void inCommunity(String owner, long community, long contact) {
    relationships.addToCommunity(me, community, contact);
  }

  @Override
  public void touch(String owner, long contact, TouchKind kind, String channel, LocalDate on, boolean opening, String openingMessage,
      boolean answered, String asked, String heard) {
    touches.log(me, new Touches.TouchForm(contact, kind, channel, on, opening, openingMessage, answered, asked, heard));
  }

  @Override
  public void doNotContact(String owner, long contact) {
    contacts.setDoNotContact(me, contact, true);
  }

  @Override
  public void link(String owner, long a, long b) {
    relationships.link(me, a, b);
  }

  @Override
  public long prospect(String owner, long contact, String winWords, String winTag, Source source, String sourceDetail,
      String campaignCode, LocalDate opened) {
    return prospects.open(me, contact, new Prospects.ProspectForm(winWords, List.of(winTag), source, null, sourceDetail, campaignCode),
        opened).id();
  }

  @Override
  public void stage(String owner, long prospect, String stage, LocalDate on) {
    prospects.moveToStage(me, prospect, stage, on);
  }

  @Override
  public void option(String owner, long prospect, String description, LocalDate on) {
    prospects.recordOption(me, prospect, description, on);
  }

  @Override
  public void followUp(String owner, long contact, LocalDate due, String what) {
    touches.addFollowUp(me, contact, due, what);
  }

  @Override
  public void fit(String owner, long prospect, boolean fit, String why) {
    prospects.setFit(me, prospect, fit, why);
  }

  @Override
  public void letGo(String owner, long prospect, LocalDate on) {
    prospects.letGo(me, prospect, on);
  }

  @Override
  public void notNow(String owner, long prospect, LocalDate on, LocalDate reconnect) {
    prospects.notNow(me, prospect, on, reconnect);
  }

  @Override
  public void joined(String owner, long prospect, Outcome outcome, LocalDate on) {
    joining.join(me, prospect, new Joining.JoinRequest(outcome, null, on, true));
  }
}
