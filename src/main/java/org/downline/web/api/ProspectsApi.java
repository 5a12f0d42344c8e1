package org.downline.web.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.downline.app.prospect.Actor;
import org.downline.app.prospect.ContactImport;
import org.downline.app.prospect.Contacts;
import org.downline.app.prospect.Relationships;
import org.downline.app.prospect.Joining;
import org.downline.app.prospect.ProspectFigures;
import org.downline.app.prospect.Prospects;
import org.downline.app.prospect.TodayList;
import org.downline.app.prospect.Touches;
import org.downline.core.Decimals;
import org.downline.core.InvalidInputException;
import org.downline.prospect.ChannelKind;
import org.downline.prospect.Coded;
import org.downline.prospect.Consent;
import org.downline.prospect.Outcome;
import org.downline.prospect.Source;
import org.downline.prospect.Tie;
import org.downline.prospect.TouchKind;
import org.downline.store.ContactStore;
import org.downline.store.ProspectStore;
import org.downline.web.CompanyData;
import org.downline.web.Snapshot;
import org.downline.web.Visibility;
import org.downline.web.prospect.ProspectServices;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * A distributor's contacts, prospects, touches, follow-ups, today list and own figures, and the
 * company's aggregate figures (see docs/api.md). The rules (whose contact, which stage, consent) are
 * the app.prospect use cases', called as the pages call them: another distributor's id answers 404,
 * staff on a distributor's list 403, a distributor on the company figures 403. Codes are the
 * engine's ({@code acquaintance}, {@code joined-distributor}); dates ISO; rates percentages with two decimals.
 */
@RestController
@RequestMapping("/api/v1")
public class ProspectsApi {
  private final ProspectServices app;
  private final CompanyData data;

  public ProspectsApi(ProspectServices app, CompanyData data) {
    this.app = app;
    this.data = data;
  }

  // ---- bodies -------------------------------------------------------------------------------

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record ChannelBody(long id, String kind, String label, String value, String normalised, String consent,
      String consentOn, String consentHow, String consentWords, boolean usable) {
    static ChannelBody of(ContactStore.Channel c) {
      return new ChannelBody(c.id(), code(c.kind()), c.label(), c.value(), c.normalised(), code(c.consent()),
          day(c.consentOn()), c.consentHow(), c.consentWords(), c.usable());
    }
  }

  public record CommunityBody(long id, String name) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record ContactBody(long id, String name, String howWeKnow, String tie, String organisation, String notes,
      Integer cadenceDays, String lastTouch, String nextTouchDue, boolean doNotContact, String memberId,
      String createdOn, List<ChannelBody> channels, List<CommunityBody> communities, Long prospectId) {
    static ContactBody of(ContactStore.Contact c) {
      return new ContactBody(c.id(), c.name(), c.howWeKnow(), code(c.tie()), c.organisation(), c.notes(), c.cadenceDays(),
          day(c.lastTouch()), day(c.nextTouchDue()), c.doNotContact(), c.memberId(), day(c.createdOn()),
          map(c.channels(), ChannelBody::of), map(c.communities(), r -> new CommunityBody(r.id(), r.name())), c.prospectId());
    }
  }

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record ContactLine(long id, String name, String tie, String lastTouch, String nextTouchDue,
      boolean doNotContact, Long prospectId, String stage, String outcome) {}

  /** A contact's fields (create and update); tie: close, friend or acquaintance. */
  public record ContactInput(String name, String howWeKnow, String tie, String organisation, String notes,
      Integer cadenceDays) {
    Contacts.ContactForm form() {
      return new Contacts.ContactForm(name, howWeKnow, parse(tie, Tie::ofCode), organisation, notes, cadenceDays);
    }
  }

  public record ChannelInput(String kind, String label, String value) {}

  /** consent: given or refused (or unknown); on: the day it was given or refused. */
  public record ConsentInput(String consent, String on, String how, String words) {}

  public record DoNotContactInput(Boolean doNotContact) {}

  public record OptionBody(long id, String description, String recordedOn) {}

  public record StageEntryBody(String stage, String enteredOn) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record ProspectBody(long id, long contactId, String name, String winWords, List<String> winTags, String stage,
      String outcome, String outcomeOn, String reconnectOn, Boolean fit, String fitWhy, boolean stage2Skipped,
      String source, String sourceMemberId, String sourceDetail, String campaignCode, String openedOn, String memberId,
      List<OptionBody> options, List<StageEntryBody> stages) {
    static ProspectBody of(ProspectStore.Prospect p) {
      return new ProspectBody(p.id(), p.contactId(), p.name(), p.winWords(), p.winTags(), p.stage(), code(p.outcome()),
          day(p.outcomeOn()), day(p.reconnectOn()), p.fit(), p.fitWhy(), p.stage2Skipped(), code(p.source()),
          p.sourceMemberId(), p.sourceDetail(), p.campaignCode(), day(p.openedOn()), p.memberId(),
          map(p.options(), o -> new OptionBody(o.id(), o.description(), day(o.recordedOn()))),
          map(p.stages(), s -> new StageEntryBody(s.stage(), day(s.enteredOn()))));
    }
  }

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record CardBody(long id, long contactId, String name, String stage, String outcome, String since,
      List<String> winTags, String reconnectOn) {
    static CardBody of(ProspectStore.Card c) {
      return new CardBody(c.id(), c.contactId(), c.name(), c.stage(), code(c.outcome()), day(c.since()), c.winTags(),
          day(c.reconnectOn()));
    }
  }

  /** What a win would be for them and where they came from (source: referral, online, event, campaign). */
  public record ProspectInput(Long contactId, String winWords, List<String> winTags, String source,
      String sourceMemberId, String sourceDetail, String campaignCode) {
    Prospects.ProspectForm form() {
      return new Prospects.ProspectForm(winWords, winTags == null ? List.of() : winTags, parse(source, Source::ofCode),
          sourceMemberId, sourceDetail, campaignCode);
    }
  }

  public record StageInput(String stage, String on) {}

  public record OptionInput(String description, String on) {}

  public record FitInput(Boolean fit, String why) {}

  /**
   * outcome: not-a-fit or not-now (with reconnectOn), or joined-distributor / became-customer (with
   * an optional existing memberId and confirmStage2Skipped after a 409-free answer asking for it).
   */
  public record OutcomeInput(String outcome, String on, String reconnectOn, String memberId,
      Boolean confirmStage2Skipped) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record OutcomeBody(boolean needsConfirm, String reason, ProspectBody prospect, String memberId,
      Boolean existingMember) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record TouchBody(long id, long contactId, String kind, String channel, String on, boolean opening,
      String openingMessage, Boolean answered, String asked, String heard) {
    static TouchBody of(ProspectStore.Touch t) {
      return new TouchBody(t.id(), t.contactId(), code(t.kind()), t.channel(), day(t.on()), t.opening(),
          t.openingMessage(), t.answered(), t.asked(), t.heard());
    }
  }

  public record TouchInput(Long contactId, String kind, String channel, String on, Boolean opening,
      String openingMessage, Boolean answered, String asked, String heard) {}

  public record AnsweredInput(Boolean answered) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record FollowUpBody(long id, long contactId, String name, String dueOn, String what, String doneOn) {
    static FollowUpBody of(ProspectStore.FollowUp f) {
      return new FollowUpBody(f.id(), f.contactId(), f.name(), day(f.dueOn()), f.what(), day(f.doneOn()));
    }
  }

  public record FollowUpInput(Long contactId, String dueOn, String what) {}

  public record DoneInput(String on) {}

  public record Timeline(List<TouchBody> touches, List<FollowUpBody> followUps) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record TodayBody(String kind, Long contactId, String name, String memberId, long ref, String dueOn,
      int daysOverdue, String what, String segment, String step, String stepTitle, List<ChannelBody> reachBy) {}

  public record Today(String date, List<TodayBody> items) {}

  public record ResponseBody(String channel, String opening, int sent, int answered, BigDecimal ratePct) {}

  public record StageBody(String stage, int entered, int movedOn, BigDecimal conversionPct, int left,
      Integer medianDays) {}

  public record RetentionBody(String group, int afterDays, int eligible, int retained, BigDecimal sharePct) {}

  /** Figures only: counts, rates and shares (null where nothing to divide by), never a contact, prospect or community. */
  public record FiguresBody(String asOf, int distributors, List<ResponseBody> responses, BigDecimal benchmarkPct,
      List<StageBody> stages, Map<String, Integer> outcomes, int open, int letGo, List<RetentionBody> retention) {}

  // ---- contacts -----------------------------------------------------------------------------

  @GetMapping("/contacts")
  List<ContactLine> contacts(@RequestParam(required = false) String q, Authentication auth) {
    return map(app.contacts().list(actor(auth), q), r -> new ContactLine(r.id(), r.name(), code(r.tie()),
        day(r.lastTouch()), day(r.nextTouchDue()), r.doNotContact(), r.prospectId(), r.stage(), r.outcome()));
  }

  @GetMapping("/contacts/{id}")
  ContactBody contact(@PathVariable long id, Authentication auth) {
    return ContactBody.of(app.contacts().get(actor(auth), id));
  }

  @PostMapping("/contacts")
  @ResponseStatus(HttpStatus.CREATED)
  ContactBody createContact(@RequestBody(required = false) ContactInput body, Authentication auth) {
    Actor actor = actor(auth);
    return ContactBody.of(app.contacts().create(actor, required(body).form(), app.today()));
  }

  @PutMapping("/contacts/{id}")
  ContactBody updateContact(@PathVariable long id, @RequestBody(required = false) ContactInput body,
      Authentication auth) {
    return ContactBody.of(app.contacts().update(actor(auth), id, required(body).form()));
  }

  @PostMapping("/contacts/{id}/channels")
  @ResponseStatus(HttpStatus.CREATED)
  ChannelBody addChannel(@PathVariable long id, @RequestBody(required = false) ChannelInput body, Authentication auth) {
    ChannelInput in = required(body);
    return ChannelBody.of(app.contacts().addChannel(actor(auth), id,
        new Contacts.ChannelForm(parse(in.kind(), ChannelKind::ofCode), in.label(), in.value())));
  }

  @DeleteMapping("/channels/{id}")
  ResponseEntity<Void> removeChannel(@PathVariable long id, Authentication auth) {
    app.contacts().removeChannel(actor(auth), id);
    return ResponseEntity.noContent().build();
  }

  @PostMapping("/channels/{id}/consent")
  ChannelBody consent(@PathVariable long id, @RequestBody(required = false) ConsentInput body, Authentication auth) {
    ConsentInput in = required(body);
    return ChannelBody.of(app.contacts().recordConsent(actor(auth), id,
        new ContactStore.ConsentRecord(parse(in.consent(), Consent::ofCode), date("on", in.on()), in.how(), in.words())));
  }

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record ConsentBody(String consent, String on, String how, String words) {}

  @GetMapping("/channels/{id}/consent")
  List<ConsentBody> consentHistory(@PathVariable long id, Authentication auth) {
    return map(app.contacts().consentHistory(actor(auth), id),
        r -> new ConsentBody(code(r.consent()), day(r.on()), r.how(), r.words()));
  }

  @PutMapping("/contacts/{id}/do-not-contact")
  ContactBody doNotContact(@PathVariable long id, @RequestBody(required = false) DoNotContactInput body,
      Authentication auth) {
    DoNotContactInput in = required(body);
    if (in.doNotContact() == null) throw InvalidInputException.parameter("doNotContact", "doNotContact is required");
    Actor actor = actor(auth);
    app.contacts().setDoNotContact(actor, id, in.doNotContact());
    return ContactBody.of(app.contacts().get(actor, id));
  }

  /** The distributor's contacts as CSV (Contacts.EXPORT_HEADER); refused channels and do-not-contact left empty. */
  @GetMapping(value = "/contacts/export", produces = "text/csv")
  ResponseEntity<byte[]> export(Authentication auth) {
    return app.contactsCsv(actor(auth));
  }

  @DeleteMapping("/contacts/{id}")
  ResponseEntity<Void> delete(@PathVariable long id, Authentication auth) {
    app.contacts().delete(actor(auth), id);
    return ResponseEntity.noContent().build();
  }

  /** Erasure on the contact's request: everything about them goes, the erasure itself is audited. */
  @PostMapping("/contacts/{id}/erase")
  ResponseEntity<Void> erase(@PathVariable long id, Authentication auth) {
    app.contacts().erase(actor(auth), id);
    return ResponseEntity.noContent().build();
  }

  // ---- import, duplicates, merge ------------------------------------------------------------

  public record DuplicateLine(long line, long existingId, String by) {}

  /** read: rows or cards read; added: contacts written; duplicates: rows not added, each with the contact it matched. */
  public record ImportBody(String file, int read, int added, List<DuplicateLine> duplicates) {}

  /**
   * A distributor imports a CSV (ContactImport.CSV_HEADER) or vCard file sent as the body, named by
   * {@code file} (.vcf or .vcard is read as vCard); a bad row or card answers 422 naming file, line and
   * reason, and nothing is written. callingCode: digits given to national phone numbers.
   */
  @PostMapping(path = "/contacts/import", consumes = {"text/csv", "text/vcard", "text/x-vcard", "application/octet-stream"})
  ImportBody importContacts(@RequestParam(name = "file", defaultValue = "contacts.csv") String file,
      @RequestParam(required = false) String callingCode, jakarta.servlet.http.HttpServletRequest request,
      Authentication auth) throws java.io.IOException {
    Actor actor = actor(auth);
    actor.owner(); // staff are refused (403) before the body is read
    String name = org.downline.web.Imports.safeName(file);
    ContactImport.Report r = app.contactImport().upload(actor, name, request.getInputStream(), ProspectServices.callingCode(callingCode), app.today());
    return new ImportBody(name, r.read(), r.added(), map(r.duplicates(), d -> new DuplicateLine(d.line(), d.existingId(), d.by())));
  }

  public record DuplicatePairBody(long a, String aName, long b, String bName, String by) {}

  @GetMapping("/contacts/duplicates")
  List<DuplicatePairBody> duplicates(Authentication auth) {
    return map(app.contacts().duplicates(actor(auth)), d -> new DuplicatePairBody(d.a(), d.aName(), d.b(), d.bName(), d.by()));
  }

  /** merged: the contact merged into this one (then removed); its history moves here. */
  public record MergeInput(Long merged) {}

  @PostMapping("/contacts/{id}/merge")
  ContactBody merge(@PathVariable long id, @RequestBody(required = false) MergeInput body, Authentication auth) {
    MergeInput in = required(body);
    if (in.merged() == null) throw InvalidInputException.parameter("merged", "merged (the contact id merged into this one) is required");
    return ContactBody.of(app.contacts().merge(actor(auth), id, in.merged()));
  }

  // ---- communities, links, network ----------------------------------------------------------

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record CommunityLine(long id, String name, String kind, int members) {}

  public record CommunityInput(String name, String kind) {}

  @GetMapping("/communities")
  List<CommunityLine> communities(Authentication auth) {
    return map(app.relationships().communities(actor(auth)), c -> new CommunityLine(c.id(), c.name(), c.kind(), c.members()));
  }

  @PostMapping("/communities")
  @ResponseStatus(HttpStatus.CREATED)
  CommunityLine createCommunity(@RequestBody(required = false) CommunityInput body, Authentication auth) {
    CommunityInput in = required(body);
    ContactStore.Community c = app.relationships().createCommunity(actor(auth), in.name(), in.kind());
    return new CommunityLine(c.id(), c.name(), c.kind(), c.members());
  }

  @PutMapping("/communities/{id}/members/{contactId}")
  ResponseEntity<Void> addMember(@PathVariable long id, @PathVariable long contactId, Authentication auth) {
    app.relationships().addToCommunity(actor(auth), id, contactId);
    return ResponseEntity.noContent().build();
  }

  @DeleteMapping("/communities/{id}/members/{contactId}")
  ResponseEntity<Void> removeMember(@PathVariable long id, @PathVariable long contactId, Authentication auth) {
    app.relationships().removeFromCommunity(actor(auth), id, contactId);
    return ResponseEntity.noContent().build();
  }

  /** Two of the distributor's contacts who know each other (either order). */
  public record LinkInput(Long a, Long b) {
    long first() {
      if (a == null) throw InvalidInputException.parameter("a", "a (a contact id) is required");
      return a;
    }

    long second() {
      if (b == null) throw InvalidInputException.parameter("b", "b (a contact id) is required");
      return b;
    }
  }

  @PostMapping("/links")
  ResponseEntity<Void> link(@RequestBody(required = false) LinkInput body, Authentication auth) {
    LinkInput in = required(body);
    app.relationships().link(actor(auth), in.first(), in.second());
    return ResponseEntity.noContent().build();
  }

  @DeleteMapping("/links")
  ResponseEntity<Void> unlink(@RequestParam long a, @RequestParam long b, Authentication auth) {
    app.relationships().unlink(actor(auth), a, b);
    return ResponseEntity.noContent().build();
  }

  public record NodeBody(long id, String name, String tie, boolean prospect, boolean weakTieIntoDense, List<Long> communities) {}

  public record EdgeBody(long a, long b) {}

  /** densityPct: the share of the community's member pairs linked, in percent with two decimals. */
  public record CommunityFigureBody(long id, String name, String kind, int members, int links, BigDecimal densityPct,
      boolean dense) {}

  public record NetworkBody(List<NodeBody> nodes, List<EdgeBody> edges, List<CommunityFigureBody> communities,
      int weakTiesIntoDense) {}

  /** The relationship network as the network page shows it: contacts, recorded links, each community's density, weak ties. */
  @GetMapping("/network")
  NetworkBody network(Authentication auth) {
    Relationships.NetworkView v = app.relationships().network(actor(auth));
    return new NetworkBody(
        map(v.nodes(), n -> new NodeBody(n.contactId(), n.name(), code(n.tie()), n.prospect(), n.weakTieIntoDense(), n.communities())),
        map(v.links(), l -> new EdgeBody(l.a(), l.b())),
        map(v.communities(), c -> new CommunityFigureBody(c.id(), c.name(), c.kind(), c.members(), c.links(),
            pct(c.densityBasisPoints()), c.dense())),
        v.weakTiesIntoDense());
  }

  // ---- prospects ----------------------------------------------------------------------------

  /** Open prospects by stage code (every stage, in order), then closed ones by outcome code. */
  public record PipelineBody(Map<String, List<CardBody>> byStage, Map<String, List<CardBody>> byOutcome) {}

  @GetMapping("/prospects")
  PipelineBody pipeline(@RequestParam(required = false) String stage, Authentication auth) {
    Prospects.Pipeline p = app.prospects().pipeline(actor(auth));
    Map<String, List<CardBody>> byStage = new LinkedHashMap<>();
    for (var e : p.byStage().entrySet()) {
      if (stage == null || stage.isBlank() || stage.strip().equals(e.getKey())) byStage.put(e.getKey(), map(e.getValue(), CardBody::of));
    }
    if (stage != null && !stage.isBlank() && byStage.isEmpty()) p.stages().of(stage.strip()); // refuses an unknown stage
    Map<String, List<CardBody>> byOutcome = new LinkedHashMap<>();
    if (stage == null || stage.isBlank()) {
      for (var e : p.byOutcome().entrySet()) byOutcome.put(e.getKey().code(), map(e.getValue(), CardBody::of));
    }
    return new PipelineBody(byStage, byOutcome);
  }

  @GetMapping("/prospects/{id}")
  ProspectBody prospect(@PathVariable long id, Authentication auth) {
    return ProspectBody.of(app.prospects().get(actor(auth), id));
  }

  /** Opens a prospect for one of the distributor's contacts (contactId in the body). */
  @PostMapping("/prospects")
  @ResponseStatus(HttpStatus.CREATED)
  ProspectBody open(@RequestBody(required = false) ProspectInput body, Authentication auth) {
    ProspectInput in = required(body);
    if (in.contactId() == null) throw InvalidInputException.parameter("contactId", "contactId is required");
    return ProspectBody.of(app.prospects().open(actor(auth), in.contactId(), in.form(), app.today()));
  }

  @PutMapping("/prospects/{id}")
  ProspectBody update(@PathVariable long id, @RequestBody(required = false) ProspectInput body, Authentication auth) {
    return ProspectBody.of(app.prospects().update(actor(auth), id, required(body).form()));
  }

  @PostMapping("/prospects/{id}/stage")
  ProspectBody stage(@PathVariable long id, @RequestBody(required = false) StageInput body, Authentication auth) {
    StageInput in = required(body);
    return ProspectBody.of(app.prospects().moveToStage(actor(auth), id, in.stage(), dateOrToday("on", in.on())));
  }

  @PostMapping("/prospects/{id}/options")
  ProspectBody option(@PathVariable long id, @RequestBody(required = false) OptionInput body, Authentication auth) {
    OptionInput in = required(body);
    Actor actor = actor(auth);
    app.prospects().recordOption(actor, id, in.description(), dateOrToday("on", in.on()));
    return ProspectBody.of(app.prospects().get(actor, id));
  }

  @PostMapping("/prospects/{id}/fit")
  ProspectBody fit(@PathVariable long id, @RequestBody(required = false) FitInput body, Authentication auth) {
    FitInput in = required(body);
    if (in.fit() == null) throw InvalidInputException.parameter("fit", "fit is required (true or false)");
    return ProspectBody.of(app.prospects().setFit(actor(auth), id, in.fit(), in.why()));
  }

  /**
   * Records an outcome. A joining with no option recorded in stage 2 writes nothing and answers
   * needsConfirm=true until it is sent again with confirmStage2Skipped=true (the page's confirm).
   */
  @PostMapping("/prospects/{id}/outcome")
  OutcomeBody outcome(@PathVariable long id, @RequestBody(required = false) OutcomeInput body, Authentication auth) {
    OutcomeInput in = required(body);
    Actor actor = actor(auth);
    Outcome o = parse(in.outcome(), Outcome::ofCode);
    if (o == null) throw InvalidInputException.parameter("outcome", "outcome is required");
    LocalDate on = dateOrToday("on", in.on());
    switch (o) {
      case NOT_A_FIT -> app.prospects().letGo(actor, id, on);
      case NOT_NOW -> app.prospects().notNow(actor, id, on, date("reconnectOn", in.reconnectOn()));
      default -> {
        Joining.Joined j = app.joining().join(actor, id, new Joining.JoinRequest(o, blankToNull(in.memberId()), on,
            Boolean.TRUE.equals(in.confirmStage2Skipped())));
        if (j.needsConfirm()) {
          return new OutcomeBody(true, "no option was recorded in stage 2: send again with confirmStage2Skipped=true",
              ProspectBody.of(app.prospects().get(actor, id)), null, null);
        }
        return new OutcomeBody(false, null, ProspectBody.of(app.prospects().get(actor, id)), j.memberId(), j.existingMember());
      }
    }
    return new OutcomeBody(false, null, ProspectBody.of(app.prospects().get(actor, id)), null, null);
  }

  // ---- touches and follow-ups ---------------------------------------------------------------

  @GetMapping("/contacts/{id}/timeline")
  Timeline timeline(@PathVariable long id, Authentication auth) {
    Touches.Timeline t = app.touches().timeline(actor(auth), id);
    return new Timeline(map(t.touches(), TouchBody::of), map(t.followUps(), FollowUpBody::of));
  }

  /** Logs a touch (restarts the contact's stay-in-touch cadence). */
  @PostMapping("/touches")
  @ResponseStatus(HttpStatus.CREATED)
  TouchBody logTouch(@RequestBody(required = false) TouchInput body, Authentication auth) {
    TouchInput in = required(body);
    if (in.contactId() == null) throw InvalidInputException.parameter("contactId", "contactId is required");
    return TouchBody.of(app.touches().log(actor(auth), new Touches.TouchForm(in.contactId(), parse(in.kind(), TouchKind::ofCode),
        in.channel(), date("on", in.on()), Boolean.TRUE.equals(in.opening()), in.openingMessage(), in.answered(), in.asked(),
        in.heard())));
  }

  @PutMapping("/touches/{id}/answered")
  TouchBody answered(@PathVariable long id, @RequestBody(required = false) AnsweredInput body, Authentication auth) {
    AnsweredInput in = required(body);
    if (in.answered() == null) throw InvalidInputException.parameter("answered", "answered is required");
    return TouchBody.of(app.touches().setAnswered(actor(auth), id, in.answered()));
  }

  @GetMapping("/follow-ups")
  List<FollowUpBody> followUps(Authentication auth) {
    return map(app.touches().open(actor(auth)), FollowUpBody::of);
  }

  @PostMapping("/follow-ups")
  @ResponseStatus(HttpStatus.CREATED)
  FollowUpBody addFollowUp(@RequestBody(required = false) FollowUpInput body, Authentication auth) {
    FollowUpInput in = required(body);
    if (in.contactId() == null) throw InvalidInputException.parameter("contactId", "contactId is required");
    return FollowUpBody.of(app.touches().addFollowUp(actor(auth), in.contactId(), date("dueOn", in.dueOn()), in.what()));
  }

  @PostMapping("/follow-ups/{id}/done")
  FollowUpBody done(@PathVariable long id, @RequestBody(required = false) DoneInput body, Authentication auth) {
    return FollowUpBody.of(app.touches().done(actor(auth), id, dateOrToday("on", body == null ? null : body.on())));
  }

  // ---- today and figures --------------------------------------------------------------------

  @GetMapping("/today")
  Today today(Authentication auth) {
    LocalDate day = app.today();
    List<TodayBody> items = new ArrayList<>();
    for (TodayList.Entry e : app.todayList().today(actor(auth), day)) {
      items.add(new TodayBody(e.kind().code(), e.contactId() == 0 ? null : e.contactId(), e.name(), e.memberId(), e.ref(),
          day(e.dueOn()), e.daysOverdue(), e.what(), e.segment(), e.step(), e.stepTitle(), map(e.reachBy(), ChannelBody::of)));
    }
    return new Today(day.toString(), items);
  }

  /** The signed-in distributor's own figures (staff: 403). */
  @GetMapping("/prospect-figures/mine")
  FiguresBody mine(Authentication auth) {
    Snapshot s = data.current();
    LocalDate day = app.today();
    return figures(day, app.figures().mine(actor(auth), s.network(), s.book(), day));
  }

  /** The company's figures aggregated over distributors (staff only): no names. */
  @GetMapping("/prospect-figures/company")
  FiguresBody company(Authentication auth) {
    Snapshot s = data.current();
    LocalDate day = app.today();
    return figures(day, app.figures().company(actor(auth), s.network(), s.book(), day));
  }

  private static FiguresBody figures(LocalDate day, ProspectFigures.Figures f) {
    Map<String, Integer> outcomes = new LinkedHashMap<>();
    for (var e : f.outcomes().entrySet()) outcomes.put(e.getKey().code(), e.getValue());
    return new FiguresBody(day.toString(), f.distributors(),
        map(f.responses(), r -> new ResponseBody(r.channel(), r.opening(), r.sent(), r.answered(), r.sent() == 0 ? null : pct(r.rateBasisPoints()))),
        pct(f.benchmarkBasisPoints()),
        map(f.stages(), r -> new StageBody(r.stage().code(), r.entered(), r.movedOn(), r.entered() == 0 ? null : pct(r.conversionBasisPoints()), r.left(),
            r.medianDays() < 0 ? null : r.medianDays())),
        outcomes, f.open(), f.letGo(),
        map(f.retention(), r -> new RetentionBody(r.group(), r.afterDays(), r.eligible(), r.retained(), r.eligible() == 0 ? null : pct(r.shareBasisPoints()))));
  }

  // ---- helpers ------------------------------------------------------------------------------

  private static Actor actor(Authentication auth) {
    return ProspectServices.actor(Visibility.account(auth));
  }

  private static <T> T required(T body) {
    if (body == null) throw InvalidInputException.parameter("body", "a JSON body is required");
    return body;
  }

  private static <T> T parse(String code, Function<String, T> of) {
    return code == null || code.isBlank() ? null : of.apply(code.strip());
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  private static LocalDate date(String field, String text) {
    if (text == null || text.isBlank()) throw InvalidInputException.parameter(field, field + " is required (YYYY-MM-DD)");
    try {
      return LocalDate.parse(text.strip());
    } catch (java.time.format.DateTimeParseException e) {
      throw InvalidInputException.parameter(field, "'" + text.strip() + "' is not a date (YYYY-MM-DD)");
    }
  }

  private LocalDate dateOrToday(String field, String text) {
    return text == null || text.isBlank() ? app.today() : date(field, text);
  }

  private static String day(LocalDate d) {
    return d == null ? null : d.toString();
  }

  private static String code(Coded c) {
    return c == null ? null : c.code();
  }

  private static BigDecimal pct(long basisPoints) {
    return Decimals.toBigDecimal(basisPoints);
  }

  private static <S, T> List<T> map(List<S> in, Function<S, T> f) {
    List<T> out = new ArrayList<>(in.size());
    for (S s : in) out.add(f.apply(s));
    return out;
  }
}
