package org.downline.web.office;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.downline.app.prospect.Actor;
import org.downline.app.prospect.Joining;
import org.downline.app.prospect.Prospects;
import org.downline.app.prospect.Relationships;
import org.downline.app.prospect.Touches;
import org.downline.core.InvalidInputException;
import org.downline.store.ContactStore;
import org.downline.store.ProspectStore;
import org.downline.core.NotFoundException;
import org.downline.disclosure.IncomeDisclosure;
import org.downline.prospect.ChannelKind;
import org.downline.prospect.Consent;
import org.downline.prospect.Outcome;
import org.downline.prospect.Stage;
import org.downline.prospect.Tie;
import org.downline.prospect.TouchKind;
import org.downline.web.CompanyData;
import org.downline.web.Page;
import org.downline.web.Snapshot;
import org.downline.web.Visibility;
import org.downline.web.prospect.FiguresModel;
import org.downline.web.prospect.NetworkPicture;
import org.downline.web.prospect.ProspectServices;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A distributor's prospecting pages: today's list, relationships (the default view: people, not a
 * funnel), the pipeline by the prospect's own decision stage, a contact's and a prospect's page with
 * the timeline, the network picture and my figures. Every read goes through app.prospect with the
 * signed-in distributor as {@link Actor}: another distributor's contact or prospect is "not found"
 * there (404), and staff are kept off /office by the security rules (403). The forms are in
 * {@link ProspectForms}.
 */
@Controller
public class Prospecting {
  /** Cards drawn per pipeline column; a column's own page has the rest. */
  static final int CARDS = 30;

  private final ProspectServices app;
  private final CompanyData data;

  public Prospecting(ProspectServices app, CompanyData data) {
    this.app = app;
    this.data = data;
  }

  Actor actor(Authentication auth) {
    return ProspectServices.actor(Visibility.account(auth));
  }

  @GetMapping("/office/today")
  String today(Authentication auth, Model model) {
    Actor actor = actor(auth);
    var day = app.today();
    model.addAttribute("today", day);
    model.addAttribute("items", app.todayList().today(actor, day));
    return "prospects/today";
  }

  /** A line of the relationships list with its communities' names. */
  public record ContactLine(ContactStore.ContactRow row, List<String> communities) {}

  @GetMapping("/office/contacts")
  String relationships(@RequestParam(required = false) String q, @RequestParam(required = false) String tie,
      @RequestParam(required = false) Long community, @RequestParam(required = false) Integer page,
      Authentication auth, Model model) {
    Actor actor = actor(auth);
    Tie wanted = tie == null || tie.isBlank() ? null : Tie.ofCode(tie);
    int[] paging = Page.params(page, Page.DEFAULT_SIZE);
    List<ContactStore.Community> communities = app.relationships().communities(actor);
    Map<Long, String> communityNames = new HashMap<>();
    for (ContactStore.Community c : communities) communityNames.put(c.id(), c.name());
    if (community != null && !communityNames.containsKey(community)) {
      throw new NotFoundException("no community " + community + " of yours"); // as for a contact of someone else's
    }
    Map<Long, List<Long>> memberships = new HashMap<>();
    for (Relationships.Node n : app.relationships().network(actor).nodes()) memberships.put(n.contactId(), n.communities());
    List<ContactLine> lines = new ArrayList<>();
    for (ContactStore.ContactRow r : app.contacts().list(actor, q == null || q.isBlank() ? null : q.strip())) {
      List<Long> of = memberships.getOrDefault(r.id(), List.of());
      if (wanted != null && r.tie() != wanted) continue;
      if (community != null && !of.contains(community)) continue;
      lines.add(new ContactLine(r, of.stream().map(communityNames::get).toList()));
    }
    int from = (int) Math.min(lines.size(), Page.offset(paging[0], paging[1]));
    int to = Math.min(lines.size(), from + paging[1]);
    model.addAttribute("q", q);
    model.addAttribute("tie", wanted == null ? null : wanted.code());
    model.addAttribute("community", community);
    model.addAttribute("ties", codes(Tie.values()));
    model.addAttribute("communities", communities);
    model.addAttribute("contacts", lines.subList(from, to));
    model.addAttribute("page", new Page<>(List.of(), paging[0], paging[1], lines.size()));
    return "prospects/relationships";
  }

  @GetMapping("/office/contacts/{id}")
  String contact(@PathVariable long id, Authentication auth, Model model) {
    Actor actor = actor(auth);
    ContactStore.Contact c = app.contacts().get(actor, id);
    Relationships.NetworkView net = app.relationships().network(actor);
    Map<Long, String> names = new HashMap<>();
    for (Relationships.Node n : net.nodes()) names.put(n.contactId(), n.name());
    List<ContactStore.CommunityRef> knows = new ArrayList<>();
    for (Relationships.Link l : net.links()) {
      if (l.a() == id) knows.add(new ContactStore.CommunityRef(l.b(), names.get(l.b())));
      else if (l.b() == id) knows.add(new ContactStore.CommunityRef(l.a(), names.get(l.a())));
    }
    model.addAttribute("contact", c);
    model.addAttribute("knows", knows);
    model.addAttribute("channelKinds", codes(ChannelKind.values()));
    model.addAttribute("consents", codes(Consent.values()));
    timeline(actor, id, model);
    return "prospects/contact";
  }

  /** The timeline, follow-ups and the touch form's choices, for the contact page and the prospect page. */
  void timeline(Actor actor, long contactId, Model model) {
    Touches.Timeline t = app.touches().timeline(actor, contactId);
    model.addAttribute("contactId", contactId);
    model.addAttribute("touches", t.touches());
    model.addAttribute("followUps", t.followUps());
    model.addAttribute("touchKinds", codes(TouchKind.values()));
    model.addAttribute("touchChannels", ProspectForms.TOUCH_CHANNELS);
    model.addAttribute("todayIso", app.today().toString());
  }

  /** One pipeline column: a stage or an outcome, its label, how many, and the cards drawn. */
  public record Column(String code, String label, int count, List<ProspectStore.Card> prospects) {}

  @GetMapping("/office/pipeline")
  String pipeline(@RequestParam(required = false) String column, @RequestParam(required = false) Integer page,
      Authentication auth, Model model, Locale locale) {
    Actor actor = actor(auth);
    Prospects.Pipeline p = app.prospects().pipeline(actor);
    int[] paging = Page.params(page, Page.DEFAULT_SIZE);
    List<Column> stages = new ArrayList<>();
    int total = 0;
    for (Stage s : p.stages().list()) {
      List<ProspectStore.Card> cards = p.byStage().getOrDefault(s.code(), List.of());
      total += cards.size();
      stages.add(new Column(s.code(), app.label(s, locale), cards.size(), cards));
    }
    List<Column> outcomes = new ArrayList<>();
    for (Outcome o : Outcome.values()) {
      List<ProspectStore.Card> cards = p.byOutcome().getOrDefault(o, List.of());
      total += cards.size();
      outcomes.add(new Column(o.code(), null, cards.size(), cards));
    }
    Column chosen = null;
    if (column != null && !column.isBlank()) {
      for (Column c : stages) if (c.code().equals(column)) chosen = c;
      for (Column c : outcomes) if (c.code().equals(column)) chosen = c;
      if (chosen == null) throw InvalidInputException.parameter("column", "'" + column + "' is neither a stage nor an outcome");
      int from = (int) Math.min(chosen.count(), Page.offset(paging[0], paging[1]));
      int to = Math.min(chosen.count(), from + paging[1]);
      model.addAttribute("page", new Page<>(List.of(), paging[0], paging[1], chosen.count()));
      chosen = new Column(chosen.code(), chosen.label(), chosen.count(), chosen.prospects().subList(from, to));
    }
    model.addAttribute("column", chosen);
    model.addAttribute("total", total);
    model.addAttribute("stages", stages.stream().map(Prospecting::drawn).toList());
    model.addAttribute("outcomes", outcomes.stream().map(Prospecting::drawn).toList());
    return "prospects/pipeline";
  }

  private static Column drawn(Column c) {
    return c.count() <= CARDS ? c : new Column(c.code(), c.label(), c.count(), c.prospects().subList(0, CARDS));
  }

  /** What the join section shows: the latest income disclosure's figures (when one exists) and the matching members. */
  public record Disclosure(int year, int participants, long medianGross, long medianNet) {}

  @GetMapping("/office/prospects/{id}")
  String prospect(@PathVariable long id, Authentication auth, Model model, Locale locale) {
    Actor actor = actor(auth);
    ProspectStore.Prospect p = app.prospects().get(actor, id);
    model.addAttribute("prospect", p);
    model.addAttribute("stageLabel", app.label(app.prospects().stages().of(p.stage()), locale));
    model.addAttribute("stages", app.prospects().stages().list().stream()
        .map(s -> new Column(s.code(), app.label(s, locale), 0, List.of())).toList());
    model.addAttribute("winTags", Prospects.SUGGESTED_TAGS);
    model.addAttribute("closingOutcomes", List.of(Outcome.NOT_A_FIT.code(), Outcome.NOT_NOW.code()));
    if (p.memberId() == null) {
      Joining.JoinCheck check = app.joining().check(actor, id, Outcome.JOINED_DISTRIBUTOR);
      model.addAttribute("matches", check.matches());
      model.addAttribute("needsStage2Confirm", check.needsStage2Confirm());
      if (check.disclosure() != null) {
        IncomeDisclosure.Row all = check.disclosure().all();
        model.addAttribute("disclosure", new Disclosure(check.disclosureYear(), all.participants(), all.median(), all.medianNet()));
      }
    }
    timeline(actor, p.contactId(), model);
    model.addAttribute("back", "/office/prospects/" + id);
    return "prospects/prospect";
  }

  @GetMapping("/office/network")
  String network(@RequestParam(required = false) Integer page, Authentication auth, Model model) {
    Actor actor = actor(auth);
    NetworkPicture picture = NetworkPicture.of(app.relationships().network(actor));
    int[] paging = Page.params(page, Page.DEFAULT_SIZE);
    List<NetworkPicture.ContactRow> rows = picture.rows();
    int from = (int) Math.min(rows.size(), Page.offset(paging[0], paging[1]));
    int to = Math.min(rows.size(), from + paging[1]);
    model.addAttribute("net", picture);
    model.addAttribute("drawn", picture.drawn());
    model.addAttribute("rows", rows.subList(from, to));
    model.addAttribute("page", new Page<>(List.of(), paging[0], paging[1], rows.size()));
    return "prospects/network";
  }

  @GetMapping(value = "/office/network/graph.json", produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<NetworkPicture.Graph> graph(Authentication auth) {
    return ResponseEntity.ok(NetworkPicture.of(app.relationships().network(actor(auth))).graph());
  }

  @GetMapping("/office/prospect-figures")
  String figures(Authentication auth, Model model, Locale locale) {
    Actor actor = actor(auth);
    Snapshot s = data.current();
    FiguresModel.add(model, app.figures().mine(actor, s.network(), s.book(), app.today()), app, locale);
    return "prospects/figures";
  }

  static List<String> codes(org.downline.prospect.Coded[] values) {
    List<String> out = new ArrayList<>();
    for (var v : values) out.add(v.code());
    return out;
  }
}
