package org.downline.app.prospect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.downline.core.InvalidInputException;
import org.downline.core.NotAllowedException;
import org.downline.core.NotFoundException;
import org.downline.prospect.ChannelKind;
import org.downline.prospect.Consent;
import org.downline.prospect.Duplicates;
import org.downline.prospect.Tie;
import org.downline.prospect.TouchKind;
import org.downline.store.BothDatabases;
import org.downline.store.ContactStore;
import org.downline.store.Database;

/** Contacts on a real database: privacy, consent, cadence restart, duplicates and merge, export, delete and erasure. */
class ContactsTest {
  static final LocalDate DAY = LocalDate.of(2026, 3, 1);
  static final Actor ANA = Actor.distributor("ana", "D1");
  static final Actor BOGDAN = Actor.distributor("bogdan", "D2");
  static final Actor STAFF = Actor.staff("admin");

  static void twoDistributors(Database db) {
    Seed.member(db, "D1", null, "distributor", LocalDate.of(2025, 1, 1), "ana@d.ro", "+40700000001");
    Seed.member(db, "D2", "D1", "distributor", LocalDate.of(2025, 1, 1), "bogdan@d.ro", "+40700000002");
  }

  static Contacts.ContactForm form(String name, Tie tie, Integer cadence) {
    return new Contacts.ContactForm(name, "school", tie, null, null, cadence);
  }

  @BothDatabases
  void anotherDistributorsContactIsNotFoundAndStaffSeeNoContacts(Database db) {
    twoDistributors(db);
    Contacts contacts = new Contacts(db);
    long mine = contacts.create(ANA, form("Ioana Pop", Tie.FRIEND, null), DAY).id();
    Relationships rel = new Relationships(db);
    long community = rel.createCommunity(ANA, "Running club", "club").id();
    long touch = new Touches(db).log(ANA, new Touches.TouchForm(mine, TouchKind.CALL, "phone", DAY, false, null, null, "?", "!")).id();
    long prospect = new Prospects(db).open(ANA, mine, new Prospects.ProspectForm(null, List.of(), null, null, null, null), DAY).id();

    assertThatThrownBy(() -> contacts.get(BOGDAN, mine)).isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> contacts.update(BOGDAN, mine, form("X", Tie.CLOSE, null))).isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> contacts.delete(BOGDAN, mine)).isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> contacts.erase(BOGDAN, mine)).isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> new Touches(db).timeline(BOGDAN, mine)).isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> new Touches(db).setAnswered(BOGDAN, touch, true)).isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> new Prospects(db).get(BOGDAN, prospect)).isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> new Prospects(db).letGo(BOGDAN, prospect, DAY)).isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> rel.addToCommunity(BOGDAN, community, mine)).isInstanceOf(NotFoundException.class);
    long his = contacts.create(BOGDAN, form("Radu", Tie.FRIEND, null), DAY).id();
    assertThatThrownBy(() -> rel.addToCommunity(BOGDAN, community, his)).isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> rel.link(BOGDAN, his, mine)).isInstanceOf(NotFoundException.class);
    assertThat(contacts.list(BOGDAN, null)).extracting(ContactStore.ContactRow::name).containsExactly("Radu");
    assertThat(rel.communities(BOGDAN)).isEmpty();
    assertThat(new Prospects(db).pipeline(BOGDAN).byStage().values()).allMatch(List::isEmpty);
    assertThatThrownBy(() -> contacts.list(STAFF, null)).isInstanceOf(NotAllowedException.class);
    assertThatThrownBy(() -> new TodayList(db, org.downline.playbook.PlaybookFile.defaults()).today(STAFF, DAY))
        .isInstanceOf(NotAllowedException.class);
    // Nothing of Ana's changed by the refused calls.
    assertThat(contacts.get(ANA, mine).name()).isEqualTo("Ioana Pop");
  }

  @BothDatabases
  void aTouchRestartsTheCadenceFromItself(Database db) {
    twoDistributors(db);
    Contacts contacts = new Contacts(db);
    Touches touches = new Touches(db);
    long id = contacts.create(ANA, form("Ioana Pop", Tie.FRIEND, 30), DAY).id();
    // Added 1 March, every 30 days: due 31 March.
    assertThat(contacts.get(ANA, id).nextTouchDue()).isEqualTo(LocalDate.of(2026, 3, 31));
    touches.log(ANA, new Touches.TouchForm(id, TouchKind.MEETING, "in-person", LocalDate.of(2026, 3, 10), false, null, null, null, null));
    // Touched 10 March: due 9 April.
    assertThat(contacts.get(ANA, id).lastTouch()).isEqualTo(LocalDate.of(2026, 3, 10));
    assertThat(contacts.get(ANA, id).nextTouchDue()).isEqualTo(LocalDate.of(2026, 4, 9));
    // A touch logged afterwards for 5 March does not move it back.
    touches.log(ANA, new Touches.TouchForm(id, TouchKind.CALL, "phone", LocalDate.of(2026, 3, 5), false, null, null, null, null));
    assertThat(contacts.get(ANA, id).nextTouchDue()).isEqualTo(LocalDate.of(2026, 4, 9));
    // Changing the cadence to 7 days counts from the last touch: 17 March.
    contacts.update(ANA, id, form("Ioana Pop", Tie.FRIEND, 7));
    assertThat(contacts.get(ANA, id).nextTouchDue()).isEqualTo(LocalDate.of(2026, 3, 17));
    assertThat(touches.timeline(ANA, id).touches()).extracting(ProspectStoreTouchDay::of)
        .containsExactly(LocalDate.of(2026, 3, 10), LocalDate.of(2026, 3, 5));
  }

  /** The day of a touch, for the timeline's order. */
  static final class ProspectStoreTouchDay {
    static LocalDate of(org.downline.store.ProspectStore.Touch t) {
      return t.on();
    }
  }

  @BothDatabases
  void consentIsRecordedWithItsHistoryAndBadValuesAreRefusedWithoutQuotingThem(Database db) {
    twoDistributors(db);
    Contacts contacts = new Contacts(db, "40");
    long id = contacts.create(ANA, form("Ioana Pop", Tie.FRIEND, null), DAY).id();
    ContactStore.Channel phone = contacts.addChannel(ANA, id, new Contacts.ChannelForm(ChannelKind.PHONE, "mobile", "0721 234 567"));
    assertThat(phone.normalised()).isEqualTo("+40721234567");
    assertThat(phone.consent()).isEqualTo(Consent.UNKNOWN);
    contacts.recordConsent(ANA, phone.id(), new ContactStore.ConsentRecord(Consent.GIVEN, DAY, "in person", "Yes, call me"));
    ContactStore.Channel now = contacts.recordConsent(ANA, phone.id(),
        new ContactStore.ConsentRecord(Consent.REFUSED, DAY.plusDays(5), "message", "Please stop calling"));
    assertThat(now.consent()).isEqualTo(Consent.REFUSED);
    assertThat(now.usable()).isFalse();
    assertThat(contacts.consentHistory(ANA, phone.id())).extracting(ContactStore.ConsentRecord::consent)
        .containsExactly(Consent.GIVEN, Consent.REFUSED);
    assertThatThrownBy(() -> contacts.consentHistory(BOGDAN, phone.id())).isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> contacts.addChannel(ANA, id, new Contacts.ChannelForm(ChannelKind.EMAIL, null, "ioana-at-x")))
        .isInstanceOf(InvalidInputException.class).hasMessageNotContaining("ioana-at-x");
  }

  @BothDatabases
  void exportHonoursConsentAndDoNotContact(Database db) {
    twoDistributors(db);
    Contacts contacts = new Contacts(db);
    long ioana = contacts.create(ANA, form("Ioana Pop", Tie.FRIEND, null), DAY).id();
    long radu = contacts.create(ANA, form("Radu Dan", Tie.CLOSE, 14), DAY).id();
    long eva = contacts.create(ANA, form("=Eva", Tie.ACQUAINTANCE, null), DAY).id();
    ContactStore.Channel ie = contacts.addChannel(ANA, ioana, new Contacts.ChannelForm(ChannelKind.EMAIL, null, "ioana@x.ro"));
    ContactStore.Channel ip = contacts.addChannel(ANA, ioana, new Contacts.ChannelForm(ChannelKind.PHONE, null, "+40721234567"));
    contacts.recordConsent(ANA, ip.id(), new ContactStore.ConsentRecord(Consent.REFUSED, DAY, "call", null));
    contacts.recordConsent(ANA, ie.id(), new ContactStore.ConsentRecord(Consent.GIVEN, DAY, "form", null));
    contacts.addChannel(ANA, radu, new Contacts.ChannelForm(ChannelKind.EMAIL, null, "radu@x.ro"));
    contacts.setDoNotContact(ANA, radu, true);
    contacts.addChannel(ANA, eva, new Contacts.ChannelForm(ChannelKind.PHONE, null, "+48601234567"));
    contacts.create(BOGDAN, form("Not Ana's", Tie.FRIEND, null), DAY);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    assertThat(contacts.exportCsv(ANA, out)).isEqualTo(3);
    // By name key: "dan radu", "eva", "ioana pop". "=Eva" and "+48..." get the apostrophe that keeps a
    // spreadsheet from running them as formulas (Fields.toCell; the import takes it off again).
    assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(Contacts.EXPORT_HEADER + "\n"
        + radu + ",Radu Dan,close,school,,,,,14,,,,,yes\n"
        + eva + ",'=Eva,acquaintance,school,,'+48601234567,,,,,,unknown,,no\n"
        + ioana + ",Ioana Pop,friend,school,ioana@x.ro,,,,,,given,,,no\n");
  }

  @BothDatabases
  void duplicatesAreFoundAndAMergeKeepsTheHistory(Database db) {
    twoDistributors(db);
    Contacts contacts = new Contacts(db);
    Touches touches = new Touches(db);
    Relationships rel = new Relationships(db);
    long a = contacts.create(ANA, form("Ioana Pop", Tie.ACQUAINTANCE, null), DAY).id();
    long b = contacts.create(ANA, form("Pop Ioana", Tie.CLOSE, 30), DAY).id();
    long c = contacts.create(ANA, form("Radu Dan", Tie.FRIEND, null), DAY).id();
    contacts.addChannel(ANA, a, new Contacts.ChannelForm(ChannelKind.EMAIL, null, "IOANA@x.ro"));
    contacts.addChannel(ANA, c, new Contacts.ChannelForm(ChannelKind.EMAIL, null, "ioana@X.ro "));
    assertThat(contacts.duplicatesOf(ANA, a)).containsExactly(new Duplicates.Match(b, "name"), new Duplicates.Match(c, "email"));
    touches.log(ANA, new Touches.TouchForm(b, TouchKind.CALL, "phone", DAY.plusDays(3), false, null, null, "How are you?", "Busy"));
    touches.addFollowUp(ANA, b, DAY.plusDays(10), "Send the article");
    long club = rel.createCommunity(ANA, "Club", null).id();
    rel.addToCommunity(ANA, club, a);
    rel.addToCommunity(ANA, club, b);
    rel.link(ANA, b, c);
    rel.link(ANA, a, b); // becomes a link to itself on merge: dropped
    ContactStore.Contact kept = contacts.merge(ANA, a, b);
    assertThat(kept.tie()).isEqualTo(Tie.CLOSE); // the closer of the two
    assertThat(kept.cadenceDays()).isEqualTo(30);
    assertThat(kept.lastTouch()).isEqualTo(DAY.plusDays(3));
    assertThat(kept.nextTouchDue()).isEqualTo(DAY.plusDays(33));
    assertThat(touches.timeline(ANA, a).touches()).singleElement().satisfies(t -> assertThat(t.heard()).isEqualTo("Busy"));
    assertThat(touches.timeline(ANA, a).followUps()).singleElement().satisfies(f -> assertThat(f.what()).isEqualTo("Send the article"));
    assertThat(rel.network(ANA).links()).containsExactly(new Relationships.Link(Math.min(a, c), Math.max(a, c)));
    assertThat(rel.communities(ANA)).singleElement().satisfies(m -> assertThat(m.members()).isEqualTo(1));
    assertThatThrownBy(() -> contacts.get(ANA, b)).isInstanceOf(NotFoundException.class);
    assertThat(Seed.count(db, "SELECT COUNT(*) FROM contact_merge WHERE kept_id = " + a + " AND merged_id = " + b)).isEqualTo(1);
  }

  @BothDatabases
  void deleteAndErasureRemoveEverythingAndTheErasureIsAuditedWithIdsOnly(Database db) {
    twoDistributors(db);
    Contacts contacts = new Contacts(db);
    long a = contacts.create(ANA, form("Ioana Pop", Tie.FRIEND, null), DAY).id();
    contacts.addChannel(ANA, a, new Contacts.ChannelForm(ChannelKind.EMAIL, null, "ioana@x.ro"));
    new Touches(db).log(ANA, new Touches.TouchForm(a, TouchKind.CHAT, "messaging", DAY, true, "hello", true, null, "Hi!"));
    long p = new Prospects(db).open(ANA, a, new Prospects.ProspectForm("time with kids", List.of("Flexible time"), null, null, null, null), DAY).id();
    new Prospects(db).recordOption(ANA, p, "a part-time job", DAY);
    long b = contacts.create(ANA, form("Radu Dan", Tie.FRIEND, null), DAY).id();
    contacts.erase(STAFF, a); // staff, on the contact's request
    contacts.delete(ANA, b);
    for (String table : List.of("contact", "contact_channel", "touch", "prospect", "prospect_option", "prospect_win_tag")) {
      assertThat(Seed.count(db, "SELECT COUNT(*) FROM " + table)).as(table).isZero();
    }
    List<ContactStore.Erasure> audit = db.inTransaction(ContactStore::erasures);
    assertThat(audit).singleElement().satisfies(e -> {
      assertThat(e.contactId()).isEqualTo(a);
      assertThat(e.ownerId()).isEqualTo("D1");
      assertThat(e.actor()).isEqualTo("admin");
    });
    assertThat(Seed.count(db, "SELECT COUNT(*) FROM audit_log WHERE action = 'contacts.delete' AND target = 'contact " + b + "'")).isEqualTo(1);
    assertThatThrownBy(() -> contacts.erase(STAFF, a)).isInstanceOf(NotFoundException.class);
  }

  @BothDatabases
  void manyIdsAreReadByOwnerAndAFewByIdWithTheSameRowsAndNeverAnotherOwnersContact(Database db) {
    // Above 32 ids the reads take the owner's rows and keep the ids asked (a plan that does not depend on the list).
    twoDistributors(db);
    Contacts contacts = new Contacts(db);
    List<Long> ana = new java.util.ArrayList<>();
    for (int i = 1; i <= 40; i++) ana.add(contacts.create(ANA, form(String.format("C%02d", i), Tie.FRIEND, null), DAY).id());
    long radu = contacts.create(BOGDAN, form("Radu", Tie.FRIEND, null), DAY).id();
    db.inTransaction(c -> {
      ContactStore.insertChannel(c, "D1", ana.get(0), ChannelKind.EMAIL, null, "c01@x.ro", "c01@x.ro");
      ContactStore.insertChannel(c, "D1", ana.get(39), ChannelKind.EMAIL, null, "c40@x.ro", "c40@x.ro");
      ContactStore.insertChannel(c, "D2", radu, ChannelKind.EMAIL, null, "radu@x.ro", "radu@x.ro");
      return null;
    });
    List<Long> many = new java.util.ArrayList<>(ana.subList(1, 40)); // C02..C40: 39 of Ana's, and Radu
    many.add(radu);
    List<Long> few = List.of(ana.get(1), ana.get(39), radu);
    db.inTransaction(c -> {
      java.util.Map<Long, String> names = ContactStore.names(c, "D1", many);
      assertThat(names).hasSize(39).doesNotContainKey(radu).doesNotContainKey(ana.get(0)).containsEntry(ana.get(39), "C40");
      assertThat(ContactStore.names(c, "D1", few)).containsOnlyKeys(ana.get(1), ana.get(39));
      // C01's channel is not asked for, Radu's is another owner's: only C40's.
      assertThat(ContactStore.channels(c, "D1", many)).containsOnlyKeys(ana.get(39));
      assertThat(ContactStore.channels(c, "D1", few)).containsOnlyKeys(ana.get(39));
      assertThat(org.downline.store.ProspectStore.doNotContact(c, "D1", many)).hasSize(39).doesNotContainKey(radu);
      assertThat(org.downline.store.ProspectStore.doNotContact(c, "D1", few)).containsOnlyKeys(ana.get(1), ana.get(39));
      return null;
    });
  }
}
