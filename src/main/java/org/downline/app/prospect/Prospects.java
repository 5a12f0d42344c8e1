package org.downline.app.prospect;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.downline.core.ConflictException;
import org.downline.core.InvalidInputException;
import org.downline.prospect.Outcome;
import org.downline.prospect.Source;
import org.downline.prospect.Stages;
import org.downline.store.ContactStore;
import org.downline.store.Database;
import org.downline.store.ProspectStore;
import org.downline.store.ProspectStore.Card;
import org.downline.store.ProspectStore.Option;
import org.downline.store.ProspectStore.Prospect;

/**
 * The pipeline: a contact becomes a prospect only when the distributor says so. The stage is the
 * prospect's own decision stage (company data, {@link Stages}); the outcome ends it. Moving to a
 * joined outcome goes through {@link Joining}, which applies the stage guard.
 */
public final class Prospects {
  /** The win tags offered first; a distributor may add their own. */
  public static final List<String> SUGGESTED_TAGS =
      List.of("extra-income", "helping-people", "the-product", "community", "personal-growth", "flexible-time");

  private final Database db;

  public Prospects(Database db) {
    this.db = db;
  }

  /** What a win would be for them (their words and tags) and where they came from. */
  public record ProspectForm(String winWords, List<String> winTags, Source source, String sourceMemberId,
      String sourceDetail, String campaignCode) {}

  /** Open prospects by stage code (every stage present, in order), then closed ones by outcome. */
  public record Pipeline(Stages stages, Map<String, List<Card>> byStage, Map<Outcome, List<Card>> byOutcome) {}

  /** The company's stages, in order. */
  public Stages stages() {
    return db.inTransaction(ProspectStore::stages);
  }

  static List<String> tags(List<String> raw) {
    TreeSet<String> out = new TreeSet<>();
    if (raw == null) return List.of();
    for (String t : raw) {
      String s = Texts.optional("win_tags", t, 64);
      if (s == null) continue;
      s = s.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", "-").replaceAll("^-|-$", "");
      if (!s.isEmpty()) out.add(s);
    }
    if (out.size() > 20) throw Texts.parameter("win_tags", "tags");
    return List.copyOf(out);
  }

  private static ProspectStore.Fields fields(Connection c, ProspectForm f) throws SQLException {
    String member = Texts.optional("source_member_id", f.sourceMemberId(), 64);
    if (member != null && f.source() != Source.REFERRAL) {
      throw Texts.parameter("source_member_id", "referralOnly");
    }
    if (member != null && !ProspectStore.memberExists(c, member)) {
      throw Texts.parameter("source_member_id", "noMember", member);
    }
    String campaign = Texts.optional("campaign_code", f.campaignCode(), 64);
    if (campaign != null && f.source() != Source.CAMPAIGN) {
      throw Texts.parameter("campaign_code", "campaignOnly");
    }
    return new ProspectStore.Fields(Texts.optional("win_words", f.winWords(), 2000), f.source(), member,
        Texts.optional("source_detail", f.sourceDetail(), 200), campaign);
  }

  static Prospect owned(Connection c, String owner, long id) throws SQLException {
    Prospect p = ProspectStore.prospect(c, owner, id);
    if (p == null) throw Texts.noProspect(id);
    return p;
  }

  /** Makes a contact a prospect, in the first stage. Refused when they already are one. */
  public Prospect open(Actor actor, long contactId, ProspectForm form, LocalDate today) {
    String owner = actor.owner();
    List<String> tags = tags(form.winTags());
    return db.inTransaction(c -> {
      if (!ContactStore.exists(c, owner, contactId)) throw Texts.noContact(contactId);
      if (ProspectStore.prospectOfContact(c, owner, contactId) != null) {
        throw Texts.conflict("prospectAlready", contactId);
      }
      long id = ProspectStore.insert(c, owner, contactId, fields(c, form), ProspectStore.stages(c).first().code(), today);
      ProspectStore.setTags(c, id, tags);
      return ProspectStore.prospect(c, owner, id);
    });
  }

  public Prospect get(Actor actor, long prospectId) {
    String owner = actor.owner();
    return db.inTransaction(c -> owned(c, owner, prospectId));
  }

  public Pipeline pipeline(Actor actor) {
    String owner = actor.owner();
    return db.inTransaction(c -> {
      Stages stages = ProspectStore.stages(c);
      Map<String, List<Card>> byStage = new LinkedHashMap<>();
      for (var s : stages.list()) byStage.put(s.code(), new ArrayList<>());
      Map<Outcome, List<Card>> byOutcome = new EnumMap<>(Outcome.class);
      for (Outcome o : Outcome.values()) byOutcome.put(o, new ArrayList<>());
      for (Card card : ProspectStore.cards(c, owner)) {
        if (card.outcome() == null) byStage.get(card.stage()).add(card);
        else byOutcome.get(card.outcome()).add(card);
      }
      // Longest in their stage first: those are the ones to listen to.
      java.util.Comparator<Card> order = java.util.Comparator.comparing(Card::since).thenComparingLong(Card::id);
      byStage.values().forEach(l -> l.sort(order));
      byOutcome.values().forEach(l -> l.sort(order.reversed()));
      return new Pipeline(stages, byStage, byOutcome);
    });
  }

  public Prospect update(Actor actor, long prospectId, ProspectForm form) {
    String owner = actor.owner();
    List<String> tags = tags(form.winTags());
    return db.inTransaction(c -> {
      owned(c, owner, prospectId);
      ProspectStore.update(c, owner, prospectId, fields(c, form));
      ProspectStore.setTags(c, prospectId, tags);
      return ProspectStore.prospect(c, owner, prospectId);
    });
  }

  /** The prospect has moved in their decision (either way); a "not now" outcome is cleared. Refused after joining or letting go. */
  public Prospect moveToStage(Actor actor, long prospectId, String stageCode, LocalDate on) {
    String owner = actor.owner();
    Texts.require("on", on);
    return db.inTransaction(c -> {
      Prospect p = owned(c, owner, prospectId);
      String stage = ProspectStore.stages(c).of(stageCode).code();
      if (p.outcome() != null && p.outcome() != Outcome.NOT_NOW) {
        throw Texts.conflict("decided", prospectId, p.outcome().code());
      }
      if (p.outcome() == null && stage.equals(p.stage())) return p;
      ProspectStore.setStage(c, owner, prospectId, stage, on);
      return ProspectStore.prospect(c, owner, prospectId);
    });
  }

  public Option recordOption(Actor actor, long prospectId, String description, LocalDate on) {
    String owner = actor.owner();
    String d = Texts.required("description", description, 500);
    Texts.require("on", on);
    return db.inTransaction(c -> {
      owned(c, owner, prospectId);
      long id = ProspectStore.insertOption(c, prospectId, d, on);
      return new Option(id, d, on);
    });
  }

  public Prospect setFit(Actor actor, long prospectId, boolean fit, String why) {
    String owner = actor.owner();
    String w = Texts.optional("fit_why", why, 2000);
    return db.inTransaction(c -> {
      owned(c, owner, prospectId);
      ProspectStore.setFit(c, owner, prospectId, fit, w);
      return ProspectStore.prospect(c, owner, prospectId);
    });
  }

  /** Not a fit (let go with thanks): a success of the method. */
  public Prospect letGo(Actor actor, long prospectId, LocalDate on) {
    return close(actor, prospectId, Outcome.NOT_A_FIT, on, null);
  }

  /** Not now, with the day to reconnect (after {@code on}). */
  public Prospect notNow(Actor actor, long prospectId, LocalDate on, LocalDate reconnectOn) {
    Texts.require("reconnect_on", reconnectOn);
    if (on != null && !reconnectOn.isAfter(on)) {
      throw Texts.parameter("reconnect_on", "reconnectAfter", on);
    }
    return close(actor, prospectId, Outcome.NOT_NOW, on, reconnectOn);
  }

  private Prospect close(Actor actor, long prospectId, Outcome outcome, LocalDate on, LocalDate reconnectOn) {
    String owner = actor.owner();
    Texts.require("on", on);
    return db.inTransaction(c -> {
      Prospect p = owned(c, owner, prospectId);
      if (p.outcome() != null && p.outcome().joined()) {
        throw Texts.conflict("joinedStays", prospectId);
      }
      ProspectStore.setOutcome(c, owner, prospectId, outcome, on, reconnectOn, p.stage2Skipped(), p.memberId());
      return ProspectStore.prospect(c, owner, prospectId);
    });
  }
}
