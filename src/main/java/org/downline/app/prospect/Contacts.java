package org.downline.app.prospect;

import java.io.Writer;
import java.time.LocalDate;
import java.util.List;
import org.downline.prospect.ChannelKind;
import org.downline.prospect.Consent;
import org.downline.prospect.Duplicates;
import org.downline.prospect.Tie;
import org.downline.store.Database;

/**
 * A distributor's own relationships: contacts, their channels with consent, do-not-contact,
 * duplicates and merge, export, delete and erasure. Every method is scoped to {@link Actor#owner()}:
 * another distributor's contact id is "not found". Personal data is never logged, and audit rows
 * carry ids only.
 */
public final class Contacts {
  private final Database db;

  public Contacts(Database db) {
    this.db = db;
  }

  /** What a distributor types about a contact. cadenceDays null: no stay-in-touch cadence. */
  public record ContactForm(String name, String howWeKnow, Tie tie, String organisation, String notes, Integer cadenceDays) {}

  public record ChannelForm(ChannelKind kind, String label, String value) {}

  /** A consent given or refused: when, how (in person, by message...), in the contact's words. */
  public record ConsentForm(Consent consent, LocalDate on, String how, String words) {}

  public record Channel(long id, ChannelKind kind, String label, String value, Consent consent, LocalDate consentOn,
      String consentHow, String consentWords) {
    /** May this channel be used to reach them: not refused. */
    public boolean usable() {
      return consent != Consent.REFUSED;
    }
  }

  public record CommunityRef(long id, String name) {}

  /** A contact as its page shows it. prospectId null: not a prospect. */
  public record Contact(long id, String name, String howWeKnow, Tie tie, String organisation, String notes,
      Integer cadenceDays, LocalDate lastTouch, LocalDate nextTouchDue, boolean doNotContact, String memberId,
      LocalDate createdOn, List<Channel> channels, List<CommunityRef> communities, Long prospectId) {}

  /** A line of the relationships list. stage and outcome are codes, null when not a prospect. */
  public record ContactRow(long id, String name, Tie tie, LocalDate lastTouch, LocalDate nextTouchDue,
      boolean doNotContact, Long prospectId, String stage, String outcome) {}

  public Contact create(Actor actor, ContactForm form, LocalDate today) {
    throw new UnsupportedOperationException();
  }

  public Contact update(Actor actor, long contactId, ContactForm form) {
    throw new UnsupportedOperationException();
  }

  public Contact get(Actor actor, long contactId) {
    throw new UnsupportedOperationException();
  }

  /** The distributor's contacts by name; {@code query} (may be null) filters on the name. */
  public List<ContactRow> list(Actor actor, String query) {
    throw new UnsupportedOperationException();
  }

  public Channel addChannel(Actor actor, long contactId, ChannelForm form) {
    throw new UnsupportedOperationException();
  }

  public void removeChannel(Actor actor, long channelId) {
    throw new UnsupportedOperationException();
  }

  /** Records a consent on a channel; the history keeps every one. */
  public Channel recordConsent(Actor actor, long channelId, ConsentForm form) {
    throw new UnsupportedOperationException();
  }

  public void setDoNotContact(Actor actor, long contactId, boolean doNotContact) {
    throw new UnsupportedOperationException();
  }

  /** Every consent recorded on a channel, oldest first. */
  public List<ConsentForm> consentHistory(Actor actor, long channelId) {
    throw new UnsupportedOperationException();
  }

  /** The distributor's other contacts that look like this one (email, phone, name). */
  public List<Duplicates.Match> duplicatesOf(Actor actor, long contactId) {
    throw new UnsupportedOperationException();
  }

  /**
   * Merges {@code mergedId} into {@code keptId}: channels, communities, links, touches and
   * follow-ups move to the kept contact (history kept), the kept one's empty fields take the
   * merged one's values, then the merged contact is removed; a merge row records both ids.
   */
  public Contact merge(Actor actor, long keptId, long mergedId) {
    throw new UnsupportedOperationException();
  }

  /** The distributor deletes one of their contacts and everything recorded about them. */
  public void delete(Actor actor, long contactId) {
    throw new UnsupportedOperationException();
  }

  /**
   * Erasure on the contact's request: everything about the contact removed, and an audit row with
   * who, when and the contact id (nothing personal). A distributor erases their own contact; staff
   * erase any contact by id.
   */
  public void erase(Actor actor, long contactId) {
    throw new UnsupportedOperationException();
  }

  /** The export's header: {@link ContactImport#CSV_HEADER} with id first and last_touch, do_not_contact after. */
  public static final String EXPORT_HEADER =
      "id,name,tie,how_we_know,email,phone,organisation,notes,cadence_days,communities,email_consent,phone_consent,last_touch,do_not_contact";

  /**
   * The distributor's contacts as CSV ({@link #EXPORT_HEADER}). Consent is honoured: a refused
   * channel's value is left empty, and so is every channel of a do-not-contact contact.
   * @return the number of contacts written
   */
  public int exportCsv(Actor actor, Writer out) {
    throw new UnsupportedOperationException();
  }
}
