package org.downline.app.prospect;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.downline.core.NotFoundException;
import org.downline.csv.CsvOutput;
import org.downline.csv.Fields;
import org.downline.prospect.Cadence;
import org.downline.prospect.ChannelKind;
import org.downline.prospect.Consent;
import org.downline.prospect.Duplicates;
import org.downline.prospect.Tie;
import org.downline.store.Audit;
import org.downline.store.ContactStore;
import org.downline.store.ContactStore.Channel;
import org.downline.store.ContactStore.ConsentRecord;
import org.downline.store.ContactStore.Contact;
import org.downline.store.ContactStore.ContactRow;
import org.downline.store.Database;
import org.downline.store.ProspectStore;

/**
 * A distributor's own relationships: contacts, their channels with consent, do-not-contact,
 * duplicates and merge, export, delete and erasure. Every method is scoped to {@link Actor#owner()}:
 * another distributor's contact id is "not found". Personal data is never logged, and audit rows
 * carry ids only.
 */
public final class Contacts {
  private final Database db;
  private final String callingCode;

  public Contacts(Database db) {
    this(db, null);
  }

  /** callingCode: digits given to national phone numbers (leading 0), e.g. 40; null refuses them. */
  public Contacts(Database db, String callingCode) {
    this.db = db;
    this.callingCode = callingCode;
  }

  /** What a distributor types about a contact. tie null: acquaintance; cadenceDays null: no cadence. */
  public record ContactForm(String name, String howWeKnow, Tie tie, String organisation, String notes, Integer cadenceDays) {}

  public record ChannelForm(ChannelKind kind, String label, String value) {}

  static ContactStore.Fields fields(ContactForm f) {
    String name = Texts.required("name", f.name(), 200);
    if (f.cadenceDays() != null && (f.cadenceDays() < 1 || f.cadenceDays() > 3660)) {
      throw Texts.parameter("cadence_days", "cadence", f.cadenceDays());
    }
    return new ContactStore.Fields(name, Duplicates.nameKey(name), Texts.optional("how_we_know", f.howWeKnow(), 500),
        f.tie() == null ? Tie.ACQUAINTANCE : f.tie(), Texts.optional("organisation", f.organisation(), 200),
        Texts.optional("notes", f.notes(), 4000), f.cadenceDays());
  }

  static LocalDate nextDue(LocalDate lastTouch, LocalDate created, Integer cadence) {
    if (cadence == null) return null;
    int last = lastTouch == null ? Cadence.NONE : (int) lastTouch.toEpochDay();
    return LocalDate.ofEpochDay(Cadence.nextDue(last, (int) created.toEpochDay(), cadence));
  }

  public Contact create(Actor actor, ContactForm form, LocalDate today) {
    String owner = actor.owner();
    ContactStore.Fields f = fields(form);
    return db.inTransaction(c -> {
      long id = ContactStore.insert(c, owner, f, today, nextDue(null, today, f.cadenceDays()));
      return ContactStore.contact(c, owner, id);
    });
  }

  public Contact update(Actor actor, long contactId, ContactForm form) {
    String owner = actor.owner();
    ContactStore.Fields f = fields(form);
    return db.inTransaction(c -> {
      Contact was = ContactStore.contact(c, owner, contactId);
      if (was == null) throw Texts.noContact(contactId);
      ContactStore.update(c, owner, contactId, f, nextDue(was.lastTouch(), was.createdOn(), f.cadenceDays()));
      return ContactStore.contact(c, owner, contactId);
    });
  }

  public Contact get(Actor actor, long contactId) {
    String owner = actor.owner();
    return db.inTransaction(c -> {
      Contact found = ContactStore.contact(c, owner, contactId);
      if (found == null) throw Texts.noContact(contactId);
      return found;
    });
  }

  /** The distributor's contacts by name; {@code query} (may be null) filters on the name. */
  public List<ContactRow> list(Actor actor, String query) {
    String owner = actor.owner();
    String q = Texts.optional("query", query, 200);
    return db.inTransaction(c -> ContactStore.list(c, owner, q));
  }

  /** The channel's value normalised for matching: email lower case, phone E.164, handle lower case. */
  static String normalise(ChannelKind kind, String value, String callingCode) {
    try {
      return switch (kind) {
        case EMAIL -> Duplicates.email(value);
        case PHONE -> Duplicates.phone(value, callingCode);
        case MESSAGING -> value.strip().toLowerCase(java.util.Locale.ROOT);
      };
    } catch (IllegalArgumentException e) {
      // The engine's reason quotes the value; the refusal must not (personal data).
      throw Texts.parameter(kind.code(), kind == ChannelKind.EMAIL ? "notEmail" : "notPhone");
    }
  }

  static org.downline.core.Reason reasonWithoutValue(ChannelKind kind) {
    return Texts.reason(kind == ChannelKind.EMAIL ? "notEmail" : "notPhone");
  }

  public Channel addChannel(Actor actor, long contactId, ChannelForm form) {
    String owner = actor.owner();
    ChannelKind kind = Texts.require("kind", form.kind());
    String value = Texts.required("value", form.value(), 200);
    String label = Texts.optional("label", form.label(), 64);
    String normalised = normalise(kind, value, callingCode);
    return db.inTransaction(c -> {
      if (!ContactStore.exists(c, owner, contactId)) throw Texts.noContact(contactId);
      return ContactStore.channel(c, owner, ContactStore.insertChannel(c, owner, contactId, kind, label, value, normalised));
    });
  }

  public void removeChannel(Actor actor, long channelId) {
    String owner = actor.owner();
    db.inTransaction(c -> {
      if (!ContactStore.deleteChannel(c, owner, channelId)) throw noChannel(channelId);
      return null;
    });
  }

  private static NotFoundException noChannel(long id) {
    return Texts.notFound("noChannel", id);
  }

  /** Records a consent on a channel; the history keeps every one. */
  public Channel recordConsent(Actor actor, long channelId, ConsentRecord form) {
    String owner = actor.owner();
    ConsentRecord r = new ConsentRecord(Texts.require("consent", form.consent()), Texts.require("consent_on", form.on()),
        Texts.optional("consent_how", form.how(), 200), Texts.optional("consent_words", form.words(), 1000));
    return db.inTransaction(c -> {
      if (ContactStore.channel(c, owner, channelId) == null) throw noChannel(channelId);
      ContactStore.recordConsent(c, owner, channelId, r);
      return ContactStore.channel(c, owner, channelId);
    });
  }

  public void setDoNotContact(Actor actor, long contactId, boolean doNotContact) {
    String owner = actor.owner();
    db.inTransaction(c -> {
      if (!ContactStore.setDoNotContact(c, owner, contactId, doNotContact)) throw Texts.noContact(contactId);
      return null;
    });
  }

  /** Every consent recorded on a channel, oldest first. */
  public List<ConsentRecord> consentHistory(Actor actor, long channelId) {
    String owner = actor.owner();
    return db.inTransaction(c -> {
      if (ContactStore.channel(c, owner, channelId) == null) throw noChannel(channelId);
      return ContactStore.consentHistory(c, channelId);
    });
  }

  /** The distributor's other contacts that look like this one (email, phone, name). */
  public List<Duplicates.Match> duplicatesOf(Actor actor, long contactId) {
    String owner = actor.owner();
    return db.inTransaction(c -> {
      List<Duplicates.Candidate> all = ContactStore.candidates(c, owner);
      for (Duplicates.Candidate one : all) if (one.id() == contactId) return Duplicates.find(one, all);
      throw Texts.noContact(contactId);
    });
  }

  /** Two of the distributor's contacts that look like one person: ids a < b, their names, and by what (email, phone, name). */
  public record DuplicatePair(long a, String aName, long b, String bName, String by) {}

  /**
   * Every likely duplicate among the distributor's contacts ({@link Duplicates#find}), each pair once,
   * by the strongest reason, ordered by the first contact's id then the second's.
   */
  public List<DuplicatePair> duplicates(Actor actor) {
    String owner = actor.owner();
    return db.inTransaction(c -> {
      List<Duplicates.Candidate> all = ContactStore.candidates(c, owner);
      java.util.Map<Long, String> names = new java.util.HashMap<>();
      for (ContactRow r : ContactStore.list(c, owner, null)) names.put(r.id(), r.name());
      List<DuplicatePair> pairs = new ArrayList<>();
      for (Duplicates.Candidate one : all) {
        for (Duplicates.Match m : Duplicates.find(one, all)) {
          if (m.id() > one.id()) pairs.add(new DuplicatePair(one.id(), names.get(one.id()), m.id(), names.get(m.id()), m.by()));
        }
      }
      pairs.sort(java.util.Comparator.comparingLong(DuplicatePair::a).thenComparingLong(DuplicatePair::b));
      return pairs;
    });
  }

  /**
   * Merges {@code mergedId} into {@code keptId}: channels, communities, links, touches and
   * follow-ups move to the kept contact (history kept), the kept one's empty fields take the
   * merged one's values, then the merged contact is removed; a merge row records both ids.
   * Refused when both are prospects (close one first: two decisions cannot become one).
   */
  public Contact merge(Actor actor, long keptId, long mergedId) {
    String owner = actor.owner();
    if (keptId == mergedId) throw Texts.parameter("merged", "mergeItself");
    return db.inTransaction(c -> {
      Contact kept = ContactStore.contact(c, owner, keptId);
      if (kept == null) throw Texts.noContact(keptId);
      Contact merged = ContactStore.contact(c, owner, mergedId);
      if (merged == null) throw Texts.noContact(mergedId);
      if (kept.prospectId() != null && merged.prospectId() != null) {
        throw Texts.conflict("mergeTwoProspects");
      }
      if (merged.prospectId() != null) ProspectStore.moveToContact(c, owner, merged.prospectId(), keptId);
      Integer cadence = kept.cadenceDays() != null ? kept.cadenceDays() : merged.cadenceDays();
      ContactStore.Fields f = new ContactStore.Fields(kept.name(), Duplicates.nameKey(kept.name()),
          first(kept.howWeKnow(), merged.howWeKnow()), closer(kept.tie(), merged.tie()),
          first(kept.organisation(), merged.organisation()), joinNotes(kept.notes(), merged.notes()), cadence);
      ContactStore.merge(c, owner, keptId, mergedId);
      LocalDate last = later(kept.lastTouch(), merged.lastTouch());
      LocalDate created = kept.createdOn().isBefore(merged.createdOn()) ? kept.createdOn() : merged.createdOn();
      ContactStore.update(c, owner, keptId, f, nextDue(last, created, cadence));
      ContactStore.setTouch(c, owner, keptId, last, nextDue(last, created, cadence));
      if (kept.doNotContact() || merged.doNotContact()) ContactStore.setDoNotContact(c, owner, keptId, true);
      if (kept.memberId() == null && merged.memberId() != null) ContactStore.setMember(c, owner, keptId, merged.memberId());
      return ContactStore.contact(c, owner, keptId);
    });
  }

  private static String first(String a, String b) {
    return a != null ? a : b;
  }

  private static String joinNotes(String a, String b) {
    if (a == null) return b;
    if (b == null) return a;
    String both = a + "\n" + b;
    return both.length() <= 4000 ? both : both.substring(0, 4000);
  }

  private static Tie closer(Tie a, Tie b) {
    return a.ordinal() <= b.ordinal() ? a : b;
  }

  private static LocalDate later(LocalDate a, LocalDate b) {
    if (a == null) return b;
    if (b == null) return a;
    return a.isAfter(b) ? a : b;
  }

  /** The distributor deletes one of their contacts and everything recorded about them. */
  public void delete(Actor actor, long contactId) {
    String owner = actor.owner();
    db.inTransaction(c -> {
      if (!ContactStore.delete(c, owner, contactId)) throw Texts.noContact(contactId);
      Audit.write(c, actor.username(), "contacts.delete", "contact " + contactId, null);
      return null;
    });
  }

  /**
   * Erasure on the contact's request: everything about the contact removed, and an audit row with
   * who, when and the contact id (nothing personal). A distributor erases their own contact; staff
   * erase any contact by id.
   */
  public void erase(Actor actor, long contactId) {
    db.inTransaction(c -> {
      String owner = actor.isStaff() ? ContactStore.ownerOf(c, contactId) : actor.owner();
      if (owner == null || !ContactStore.delete(c, owner, contactId)) throw Texts.noContact(contactId);
      ContactStore.recordErasure(c, contactId, owner, actor.username());
      return null;
    });
  }

  /** The export's header: {@link ContactImport#CSV_HEADER}'s columns with id first and last_touch, do_not_contact after. */
  public static final String EXPORT_HEADER =
      "id,name,tie,how_we_know,email,phone,organisation,notes,cadence_days,communities,email_consent,phone_consent,last_touch,do_not_contact";

  /**
   * The distributor's contacts as CSV ({@link #EXPORT_HEADER}), one email and one phone (the
   * first usable one). Consent is honoured: a refused channel is never written, nor any channel of a
   * do-not-contact contact. Text cells are safe to open in a spreadsheet.
   * @return the number of contacts written
   */
  public int exportCsv(Actor actor, java.io.OutputStream out) {
    String owner = actor.owner();
    List<Contact> all = db.inTransaction(c -> ContactStore.all(c, owner));
    try {
      CsvOutput csv = new CsvOutput(out);
      csv.header(EXPORT_HEADER.split(","));
      for (Contact k : all) {
        Channel email = k.doNotContact() ? null : firstUsable(k.channels(), ChannelKind.EMAIL);
        Channel phone = k.doNotContact() ? null : firstUsable(k.channels(), ChannelKind.PHONE);
        List<String> communities = new ArrayList<>();
        for (ContactStore.CommunityRef r : k.communities()) communities.add(r.name());
        csv.text(Long.toString(k.id())).text(cell(k.name())).text(k.tie().code()).text(cell(k.howWeKnow()))
            .text(email == null ? null : cell(email.value())).text(phone == null ? null : cell(phone.value()))
            .text(cell(k.organisation())).text(cell(k.notes()))
            .text(k.cadenceDays() == null ? null : k.cadenceDays().toString()).text(cell(String.join(";", communities)))
            .text(email == null ? null : email.consent().code()).text(phone == null ? null : phone.consent().code())
            .text(k.lastTouch() == null ? null : k.lastTouch().toString()).text(k.doNotContact() ? "yes" : "no");
        csv.endRow();
      }
      csv.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return all.size();
  }

  private static String cell(String s) {
    return s == null || s.isEmpty() ? null : Fields.toCell(s.replace('\n', ' '));
  }

  static Channel firstUsable(List<Channel> channels, ChannelKind kind) {
    for (Channel ch : channels) if (ch.kind() == kind && ch.consent() != Consent.REFUSED) return ch;
    return null;
  }
}
