package org.downline.app.prospect;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.downline.prospect.Cadence;
import org.downline.prospect.TouchKind;
import org.downline.store.ContactStore;
import org.downline.store.Database;
import org.downline.store.ProspectStore;
import org.downline.store.ProspectStore.FollowUp;
import org.downline.store.ProspectStore.Touch;

/**
 * Touches (a call, meeting, message, online chat, event) with the questions asked and what was
 * heard, and follow-ups with due dates. Logging a touch restarts the contact's stay-in-touch
 * cadence from it ({@link Cadence}).
 */
public final class Touches {
  public static final Set<String> CHANNELS = Set.of("phone", "email", "messaging", "in-person");

  private final Database db;

  public Touches(Database db) {
    this.db = db;
  }

  /**
   * channel: phone, email, messaging or in-person (null: not said). opening: the first message of a
   * conversation, openingMessage the distributor's label for it, answered whether it was answered
   * (null: not yet known).
   */
  public record TouchForm(long contactId, TouchKind kind, String channel, LocalDate on, boolean opening,
      String openingMessage, Boolean answered, String asked, String heard) {}

  /** A contact's touches, newest first, and their follow-ups by due date. */
  public record Timeline(List<Touch> touches, List<FollowUp> followUps) {}

  public Touch log(Actor actor, TouchForm form) {
    String owner = actor.owner();
    TouchKind kind = Texts.require("kind", form.kind());
    LocalDate on = Texts.require("on", form.on());
    String channel = Texts.optional("channel", form.channel(), 16);
    if (channel != null && !CHANNELS.contains(channel)) {
      throw Texts.parameter("channel", "touchChannel");
    }
    String opening = Texts.optional("opening_message", form.openingMessage(), 64);
    if (opening != null && !form.opening()) throw Texts.parameter("opening_message", "openingOnly");
    Touch t = new Touch(0, form.contactId(), kind, channel, on, form.opening(), opening, form.answered(),
        Texts.optional("asked", form.asked(), 2000), Texts.optional("heard", form.heard(), 2000));
    return db.inTransaction(c -> {
      ContactStore.Contact k = ContactStore.contact(c, owner, form.contactId());
      if (k == null) throw Texts.noContact(form.contactId());
      long id = ProspectStore.insertTouch(c, owner, t);
      int last = Cadence.afterTouch(k.lastTouch() == null ? Cadence.NONE : (int) k.lastTouch().toEpochDay(), (int) on.toEpochDay());
      LocalDate lastTouch = LocalDate.ofEpochDay(last);
      ContactStore.setTouch(c, owner, k.id(), lastTouch, Contacts.nextDue(lastTouch, k.createdOn(), k.cadenceDays()));
      return ProspectStore.touch(c, owner, id);
    });
  }

  /** Records later that an opening message was answered (or not). */
  public Touch setAnswered(Actor actor, long touchId, boolean answered) {
    String owner = actor.owner();
    return db.inTransaction(c -> {
      if (ProspectStore.touch(c, owner, touchId) == null) throw Texts.notFound("noTouch", touchId);
      ProspectStore.setAnswered(c, owner, touchId, answered);
      return ProspectStore.touch(c, owner, touchId);
    });
  }

  public Timeline timeline(Actor actor, long contactId) {
    String owner = actor.owner();
    return db.inTransaction(c -> {
      if (!ContactStore.exists(c, owner, contactId)) throw Texts.noContact(contactId);
      return new Timeline(ProspectStore.touches(c, owner, contactId), ProspectStore.followUps(c, owner, contactId));
    });
  }

  public FollowUp addFollowUp(Actor actor, long contactId, LocalDate dueOn, String what) {
    String owner = actor.owner();
    Texts.require("due_on", dueOn);
    String w = Texts.required("what", what, 500);
    return db.inTransaction(c -> {
      if (!ContactStore.exists(c, owner, contactId)) throw Texts.noContact(contactId);
      return ProspectStore.followUp(c, owner, ProspectStore.insertFollowUp(c, owner, contactId, dueOn, w));
    });
  }

  public FollowUp done(Actor actor, long followUpId, LocalDate on) {
    String owner = actor.owner();
    Texts.require("on", on);
    return db.inTransaction(c -> {
      if (ProspectStore.followUp(c, owner, followUpId) == null) throw Texts.notFound("noFollowUp", followUpId);
      ProspectStore.setDone(c, owner, followUpId, on);
      return ProspectStore.followUp(c, owner, followUpId);
    });
  }

  /** The distributor's open follow-ups by due date. */
  public List<FollowUp> open(Actor actor) {
    String owner = actor.owner();
    return db.inTransaction(c -> ProspectStore.openFollowUps(c, owner, null));
  }
}
