package org.downline.app.prospect;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.downline.prospect.Outcome;
import org.downline.prospect.Source;
import org.downline.prospect.Stage;
import org.downline.prospect.Stages;
import org.downline.store.Database;

/**
 * The pipeline: a contact becomes a prospect only when the distributor says so. The stage is the
 * prospect's own decision stage (company data, {@link Stages}); the outcome ends it. Moving to a
 * joined outcome goes through {@link Joining}, which applies the stage guard.
 */
public final class Prospects {
  private final Database db;

  public Prospects(Database db) {
    this.db = db;
  }

  /** What a win would be for them (their words and tags) and where they came from. */
  public record ProspectForm(String winWords, List<String> winTags, Source source, String sourceMemberId,
      String sourceDetail, String campaignCode) {}

  public record Option(long id, String description, LocalDate recordedOn) {}

  public record StageEntry(String stage, LocalDate enteredOn) {}

  /** fit: null until assessed, then yes (true) or no (false), with why. */
  public record Prospect(long id, long contactId, String name, String winWords, List<String> winTags, Stage stage,
      Outcome outcome, LocalDate outcomeOn, LocalDate reconnectOn, Boolean fit, String fitWhy, boolean stage2Skipped,
      Source source, String sourceMemberId, String sourceDetail, String campaignCode, LocalDate openedOn,
      String memberId, List<Option> options, List<StageEntry> stages) {}

  /** A card on the pipeline: since = the day it entered its stage (or its outcome). */
  public record Card(long id, long contactId, String name, String stage, Outcome outcome, LocalDate since,
      List<String> winTags, LocalDate reconnectOn) {}

  /** Open prospects by stage code (every stage present, in order), then closed ones by outcome. */
  public record Pipeline(Stages stages, Map<String, List<Card>> byStage, Map<Outcome, List<Card>> byOutcome) {}

  /** The company's stages, in order. */
  public Stages stages() {
    throw new UnsupportedOperationException();
  }

  /** Makes a contact a prospect, in the first stage. Refused when they already are one. */
  public Prospect open(Actor actor, long contactId, ProspectForm form, LocalDate today) {
    throw new UnsupportedOperationException();
  }

  public Prospect get(Actor actor, long prospectId) {
    throw new UnsupportedOperationException();
  }

  public Pipeline pipeline(Actor actor) {
    throw new UnsupportedOperationException();
  }

  public Prospect update(Actor actor, long prospectId, ProspectForm form) {
    throw new UnsupportedOperationException();
  }

  /** The prospect has moved in their decision (either way); an open outcome ("not now") is cleared. */
  public Prospect moveToStage(Actor actor, long prospectId, String stageCode, LocalDate on) {
    throw new UnsupportedOperationException();
  }

  public Option recordOption(Actor actor, long prospectId, String description, LocalDate on) {
    throw new UnsupportedOperationException();
  }

  public Prospect setFit(Actor actor, long prospectId, boolean fit, String why) {
    throw new UnsupportedOperationException();
  }

  /** Not a fit (let go with thanks): a success of the method. */
  public Prospect letGo(Actor actor, long prospectId, LocalDate on) {
    throw new UnsupportedOperationException();
  }

  /** Not now, with the day to reconnect (after {@code on}). */
  public Prospect notNow(Actor actor, long prospectId, LocalDate on, LocalDate reconnectOn) {
    throw new UnsupportedOperationException();
  }
}
