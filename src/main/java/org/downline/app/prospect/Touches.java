package org.downline.app.prospect;

import java.time.LocalDate;
import java.util.List;
import org.downline.prospect.TouchKind;
import org.downline.store.Database;

/**
 * Touches (a call, meeting, message, online chat, event) with the questions asked and what was
 * heard, and follow-ups with due dates. Logging a touch restarts the contact's stay-in-touch
 * cadence from it ({@link org.downline.prospect.Cadence}).
 */
public final class Touches {
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

  public record Touch(long id, long contactId, TouchKind kind, String channel, LocalDate on, boolean opening,
      String openingMessage, Boolean answered, String asked, String heard) {}

  public record FollowUp(long id, long contactId, String name, LocalDate dueOn, String what, LocalDate doneOn) {}

  /** A contact's touches, newest first, and their follow-ups by due date. */
  public record Timeline(List<Touch> touches, List<FollowUp> followUps) {}

  public Touch log(Actor actor, TouchForm form) {
    throw new UnsupportedOperationException();
  }

  /** Records later that an opening message was answered (or not). */
  public Touch setAnswered(Actor actor, long touchId, boolean answered) {
    throw new UnsupportedOperationException();
  }

  public Timeline timeline(Actor actor, long contactId) {
    throw new UnsupportedOperationException();
  }

  public FollowUp addFollowUp(Actor actor, long contactId, LocalDate dueOn, String what) {
    throw new UnsupportedOperationException();
  }

  public FollowUp done(Actor actor, long followUpId, LocalDate on) {
    throw new UnsupportedOperationException();
  }

  /** The distributor's open follow-ups by due date. */
  public List<FollowUp> open(Actor actor) {
    throw new UnsupportedOperationException();
  }
}
