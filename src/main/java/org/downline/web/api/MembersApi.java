package org.downline.web.api;

import java.util.ArrayList;
import java.util.List;
import org.downline.core.Decimals;
import org.downline.core.InvalidInputException;
import org.downline.core.Periods;
import org.downline.network.MemberProfile;
import org.downline.network.Network;
import org.downline.network.Subtrees;
import org.downline.web.CommissionViews;
import org.downline.web.CompanyData;
import org.downline.web.MemberDirectory;
import org.downline.web.Page;
import org.downline.web.Snapshot;
import org.downline.web.Visibility;
import org.downline.web.security.Account;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Members: staff list and search the whole company; a distributor lists their own organisation
 * (breadth-first from themselves) and reads only members in it.
 */
@RestController
@RequestMapping("/api/v1")
public class MembersApi {
  private final CompanyData data;
  private final MemberDirectory directory;
  private final ObjectProvider<CommissionViews> commissions;

  public MembersApi(CompanyData data, MemberDirectory directory, ObjectProvider<CommissionViews> commissions) {
    this.data = data;
    this.directory = directory;
    this.commissions = commissions;
  }

  @GetMapping("/me")
  Json.Me me(Authentication auth) {
    Account a = Visibility.account(auth);
    return new Json.Me(a.username(), a.role().code(), a.memberId());
  }

  @GetMapping("/members")
  Json.PageBody<Json.Member> list(@RequestParam(required = false) String q, @RequestParam(required = false) String kind,
      @RequestParam(required = false) String status, @RequestParam(required = false) String joined,
      @RequestParam(required = false) String period, @RequestParam(required = false) Integer page,
      @RequestParam(required = false) Integer size, Authentication auth) {
    Account account = Visibility.account(auth);
    int[] paging = Page.params(page, size);
    Snapshot s = data.current();
    int p = s.period(period);
    if (account.isAdmin()) {
      Page<MemberDirectory.MemberRow> found =
          directory.search(new MemberDirectory.MemberFilter(q, kind, status, joined), paging[0], paging[1]);
      List<Json.Member> items = new ArrayList<>();
      for (MemberDirectory.MemberRow r : found.items()) {
        int m = s.network().indexOf(r.id());
        if (m != Network.NONE) items.add(member(s, m, p, null, r.name(), r.country()));
      }
      return Json.PageBody.of(found, items);
    }
    if (q != null || kind != null || status != null || joined != null) {
      throw InvalidInputException.parameter("q", "filters are for staff; a distributor's list is their organisation, page by page");
    }
    int me = Visibility.root(account, s);
    int[] members = Subtrees.page(s.network(), me, (int) Math.min(Integer.MAX_VALUE, Page.offset(paging[0], paging[1])),
        paging[1]);
    List<String> ids = new ArrayList<>();
    for (int m : members) ids.add(s.network().id(m));
    var names = directory.names(ids);
    List<Json.Member> items = new ArrayList<>();
    for (int m : members) items.add(member(s, m, p, null, names.get(s.network().id(m)), null));
    return new Json.PageBody<>(items, paging[0], paging[1], s.subtreeSize(me));
  }

  @GetMapping("/members/{id}")
  Json.Member get(@PathVariable String id, @RequestParam(required = false) String period, Authentication auth) {
    Account account = Visibility.account(auth);
    Snapshot s = data.current();
    int m = Visibility.member(account, s, id);
    MemberProfile profile = directory.profile(id);
    boolean personal = account.isAdmin() || id.equals(account.memberId());
    return member(s, m, s.period(period), personal ? profile : null, profile.name(), profile.country());
  }

  /** One level of a member's recruits, a page at a time (the explorer's data). */
  @GetMapping("/members/{id}/downline")
  Json.PageBody<Json.Member> downline(@PathVariable String id, @RequestParam(required = false) String period,
      @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size, Authentication auth) {
    Account account = Visibility.account(auth);
    int[] paging = Page.params(page, size);
    Snapshot s = data.current();
    int m = Visibility.member(account, s, id);
    int p = s.period(period);
    Network n = s.network();
    long from = n.childStart(m) + Page.offset(paging[0], paging[1]);
    long to = Math.min(n.childEnd(m), from + paging[1]);
    List<String> ids = new ArrayList<>();
    for (long c = from; c < to; c++) ids.add(n.id((int) c));
    var names = directory.names(ids);
    List<Json.Member> items = new ArrayList<>();
    for (long c = from; c < to; c++) items.add(member(s, (int) c, p, null, names.get(n.id((int) c)), null));
    return new Json.PageBody<>(items, paging[0], paging[1], n.childEnd(m) - n.childStart(m));
  }

  /** A member's commission statement (CSV); 501 while the period has no run. Staff, or the distributor themselves. */
  @GetMapping("/members/{id}/statement")
  ResponseEntity<String> statement(@PathVariable String id, @RequestParam(required = false) String period,
      Authentication auth) {
    Account account = Visibility.account(auth);
    Snapshot s = data.current();
    int m = CommissionsApi.ownPayOnly(account, s, id); // a distributor reads only their own statement
    int p = s.period(period);
    String csv = CommissionViews.statement(commissions.getIfAvailable(), m, p);
    return ResponseEntity.ok().contentType(org.springframework.http.MediaType.parseMediaType("text/csv")).body(csv);
  }

  private static Json.Member member(Snapshot s, int m, int period, MemberProfile personal, String name, String country) {
    Network n = s.network();
    Snapshot.PeriodVolumes v = s.volumes(period);
    int sponsor = n.sponsor(m);
    return new Json.Member(n.id(m), name, n.kind(m).code(), n.status(m).code(), n.isPreferred(m),
        Periods.formatDay(n.joinDay(m)), sponsor == Network.NONE ? null : n.id(sponsor), Periods.name(period),
        Decimals.toBigDecimal(v.pv()[m]), Decimals.toBigDecimal(v.gv()[m]), s.subtreeSize(m),
        n.childEnd(m) - n.childStart(m), personal == null ? null : personal.email(),
        personal == null ? null : personal.phone(), country);
  }
}
