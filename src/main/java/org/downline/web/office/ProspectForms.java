package org.downline.web.office;

import java.net.URI;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.downline.app.prospect.Actor;
import org.downline.app.prospect.Contacts;
import org.downline.app.prospect.Joining;
import org.downline.app.prospect.Prospects;
import org.downline.app.prospect.Touches;
import org.downline.core.InvalidInputException;
import org.downline.core.Reason;
import org.downline.store.ContactStore;
import org.downline.store.ProspectStore;
import org.downline.core.NotFoundException;
import org.downline.prospect.ChannelKind;
import org.downline.prospect.Consent;
import org.downline.prospect.Outcome;
import org.downline.prospect.Tie;
import org.downline.prospect.TodayItem;
import org.downline.prospect.TouchKind;
import org.downline.web.Visibility;
import org.downline.web.prospect.ProspectServices;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The prospecting pages' forms (CSRF-protected POSTs, each redirecting back to its page): add a
 * contact, log a touch, add a follow-up and mark it done, mark a customer-care item done, make a
 * contact a prospect, their win and fit, an option weighed, move their stage, record an outcome,
 * and join. A joining with no option recorded in stage 2 answers with a page that asks the
 * distributor to confirm, and only the confirmed form records it (as "stage 2 skipped"). The rules
 * are the use cases'; this class turns form fields into their arguments.
 */
@Controller
public class ProspectForms {
  /** Where a touch happened, in the order the form offers them (the use case checks the value). */
  static final List<String> TOUCH_CHANNELS = List.of("phone", "email", "messaging", "in-person");

  private final ProspectServices app;

  public ProspectForms(ProspectServices app) {
    this.app = app;
  }

  Actor actor(Authentication auth) {
    return ProspectServices.actor(Visibility.account(auth));
  }

  static LocalDate date(String field, String value) {
    if (value == null || value.isBlank()) throw InvalidInputException.parameter(field, Reason.of("dateNeeded"));
    return LocalDate.ofEpochDay(InvalidInputException.day(field, value.strip()));
  }

  static String text(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  @PostMapping("/office/contacts")
  String addContact(@RequestParam(required = false) String name, @RequestParam(required = false) String howWeKnow,
      @RequestParam(required = false) String tie, @RequestParam(required = false) Integer cadenceDays,
      Authentication auth) {
    ContactStore.Contact c = app.contacts().create(actor(auth), new Contacts.ContactForm(text(name), text(howWeKnow),
        tie == null || tie.isBlank() ? Tie.ACQUAINTANCE : Tie.ofCode(tie), null, null, cadenceDays), app.today());
    return "redirect:/office/contacts/" + c.id();
  }

  @PostMapping("/office/contacts/{id}/touches")
  String logTouch(@PathVariable long id, @RequestParam(required = false) String kind,
      @RequestParam(required = false) String channel, @RequestParam(required = false) String on,
      @RequestParam(required = false) boolean opening, @RequestParam(required = false) String openingMessage,
      @RequestParam(required = false) Boolean answered, @RequestParam(required = false) String asked,
      @RequestParam(required = false) String heard, @RequestParam(required = false) String back,
      Authentication auth) {
    // An unticked box sends nothing: for an opening message that means "not answered (yet)".
    Boolean heardBack = opening ? Boolean.valueOf(Boolean.TRUE.equals(answered)) : answered;
    app.touches().log(actor(auth), new Touches.TouchForm(id, TouchKind.ofCode(kind == null ? "" : kind), text(channel),
        date("on", on), opening, text(openingMessage), heardBack, text(asked), text(heard)));
    return back(back, id);
  }

  @PostMapping("/office/contacts/{id}/channels")
  String addChannel(@PathVariable long id, @RequestParam(required = false) String kind,
      @RequestParam(required = false) String value, Authentication auth) {
    app.contacts().addChannel(actor(auth), id, new Contacts.ChannelForm(ChannelKind.ofCode(kind == null ? "" : kind), null,
        text(value)));
    return "redirect:/office/contacts/" + id;
  }

  /** A consent given or refused on one of the contact's channels; the history keeps every one. */
  @PostMapping("/office/contacts/{id}/consent")
  String consent(@PathVariable long id, @RequestParam(required = false) Long channel,
      @RequestParam(required = false) String consent, @RequestParam(required = false) String on,
      @RequestParam(required = false) String how, @RequestParam(required = false) String words, Authentication auth) {
    Actor actor = actor(auth);
    // The channel must be this contact's (and so the distributor's): the contact is read first.
    ContactStore.Contact c = app.contacts().get(actor, id);
    if (channel == null || c.channels().stream().noneMatch(ch -> ch.id() == channel)) {
      throw new NotFoundException("no channel " + channel + " of this contact");
    }
    app.contacts().recordConsent(actor, channel, new ContactStore.ConsentRecord(Consent.ofCode(consent == null ? "" : consent),
        date("on", on), text(how), text(words)));
    return "redirect:/office/contacts/" + id;
  }

  @PostMapping("/office/contacts/{id}/do-not-contact")
  String doNotContact(@PathVariable long id, @RequestParam(required = false) boolean value, Authentication auth) {
    app.contacts().setDoNotContact(actor(auth), id, value);
    return "redirect:/office/contacts/" + id;
  }

  /** An opening message logged as not answered got its answer later. */
  @PostMapping("/office/touches/{id}/answered")
  String answered(@PathVariable long id, @RequestParam(required = false) String back, Authentication auth) {
    ProspectStore.Touch t = app.touches().setAnswered(actor(auth), id, true);
    return back(back, t.contactId());
  }

  @PostMapping("/office/contacts/{id}/follow-ups")
  String addFollowUp(@PathVariable long id, @RequestParam(required = false) String what,
      @RequestParam(required = false) String due, @RequestParam(required = false) String back, Authentication auth) {
    app.touches().addFollowUp(actor(auth), id, date("due", due), text(what));
    return back(back, id);
  }

  /** Back to the prospect page when the form was sent from there, else to the contact page. */
  private String back(String back, long contactId) {
    if (back != null && back.matches("/office/prospects/[0-9]+")) return "redirect:" + back;
    return "redirect:/office/contacts/" + contactId;
  }

  /** From the today list. */
  @PostMapping("/office/follow-ups/{id}/done")
  ResponseEntity<String> followUpDone(@PathVariable long id, @RequestHeader(value = "HX-Request", required = false) String htmx,
      Authentication auth) {
    app.touches().done(actor(auth), id, app.today());
    return doneAnswer(htmx);
  }

  @PostMapping("/office/care/done")
  ResponseEntity<String> careDone(@RequestParam(required = false) String kind, @RequestParam(required = false) String memberId,
      @RequestParam(required = false) String due, @RequestHeader(value = "HX-Request", required = false) String htmx,
      Authentication auth) {
    TodayItem.Kind k = TodayItem.Kind.ofCode(kind == null ? "" : kind);
    if (k != TodayItem.Kind.REORDER && k != TodayItem.Kind.CHECK_IN && k != TodayItem.Kind.THANK_YOU) {
      throw InvalidInputException.parameter("kind", "only customer care (reorder, check-in, thank-you) is marked done here");
    }
    app.todayList().careDone(actor(auth), k, text(memberId), date("due", due), app.today());
    return doneAnswer(htmx);
  }

  @PostMapping("/office/contacts/{id}/prospect")
  String makeProspect(@PathVariable long id, Authentication auth) {
    ProspectStore.Prospect p = app.prospects().open(actor(auth), id,
        new Prospects.ProspectForm(null, List.of(), null, null, null, null), app.today());
    return "redirect:/office/prospects/" + p.id();
  }

  @PostMapping("/office/prospects/{id}/fit")
  String fit(@PathVariable long id, @RequestParam(required = false) String winWords,
      @RequestParam(required = false) List<String> tags, @RequestParam(required = false) String fit,
      @RequestParam(required = false) String fitWhy, Authentication auth) {
    // Checked before anything is written: a refused form changes nothing.
    if (fit != null && !fit.isBlank() && !fit.equals("yes") && !fit.equals("no")) {
      throw InvalidInputException.parameter("fit", "'" + fit + "' is not yes or no");
    }
    Actor actor = actor(auth);
    ProspectStore.Prospect p = app.prospects().get(actor, id);
    app.prospects().update(actor, id, new Prospects.ProspectForm(text(winWords), tags == null ? List.of() : tags,
        p.source(), p.sourceMemberId(), p.sourceDetail(), p.campaignCode()));
    if (fit != null && !fit.isBlank()) {
      app.prospects().setFit(actor, id, fit.equals("yes"), text(fitWhy));
    }
    return "redirect:/office/prospects/" + id;
  }

  @PostMapping("/office/prospects/{id}/options")
  String option(@PathVariable long id, @RequestParam(required = false) String description, Authentication auth) {
    app.prospects().recordOption(actor(auth), id, text(description), app.today());
    return "redirect:/office/prospects/" + id;
  }

  @PostMapping("/office/prospects/{id}/stage")
  String stage(@PathVariable long id, @RequestParam(required = false) String stage, Authentication auth) {
    app.prospects().moveToStage(actor(auth), id, stage == null ? "" : stage, app.today());
    return "redirect:/office/prospects/" + id;
  }

  @PostMapping("/office/prospects/{id}/outcome")
  String outcome(@PathVariable long id, @RequestParam(required = false) String outcome,
      @RequestParam(required = false) String reconnectOn, Authentication auth) {
    Outcome o = Outcome.ofCode(outcome == null ? "" : outcome);
    Actor actor = actor(auth);
    switch (o) {
      case NOT_A_FIT -> app.prospects().letGo(actor, id, app.today());
      case NOT_NOW -> app.prospects().notNow(actor, id, app.today(), date("reconnectOn", reconnectOn));
      default -> throw InvalidInputException.parameter("outcome", "a joining is recorded with the join form");
    }
    return "redirect:/office/prospects/" + id;
  }

  @PostMapping("/office/prospects/{id}/join")
  String join(@PathVariable long id, @RequestParam(required = false) String kind,
      @RequestParam(required = false) String memberId, @RequestParam(required = false) boolean confirmSkip,
      Authentication auth, Model model) {
    Outcome o = switch (kind == null ? "" : kind) {
      case "distributor" -> Outcome.JOINED_DISTRIBUTOR;
      case "customer" -> Outcome.BECAME_CUSTOMER;
      default -> throw InvalidInputException.parameter("kind", "'" + kind + "' is not distributor or customer");
    };
    Actor actor = actor(auth);
    Joining.Joined joined = app.joining().join(actor, id,
        new Joining.JoinRequest(o, text(memberId), app.today(), confirmSkip));
    if (joined.needsConfirm()) {
      Map<String, String> fields = new LinkedHashMap<>();
      fields.put("kind", kind);
      if (text(memberId) != null) fields.put("memberId", memberId.strip());
      model.addAttribute("name", app.prospects().get(actor, id).name());
      model.addAttribute("prospectId", id);
      model.addAttribute("action", "/office/prospects/" + id + "/join");
      model.addAttribute("fields", fields);
      return "prospects/confirm-skip";
    }
    return "redirect:/office/prospects/" + id;
  }

  /** With htmx the item's line is replaced by nothing; a plain form sees the list again. */
  private static ResponseEntity<String> doneAnswer(String htmx) {
    return htmx != null ? ResponseEntity.ok("")
        : ResponseEntity.status(HttpStatus.SEE_OTHER).location(URI.create("/office/today")).build();
  }
}
