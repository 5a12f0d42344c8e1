package org.downline.web.console;

import org.downline.core.NotFoundException;
import java.util.ArrayList;
import java.util.List;
import org.downline.network.Network;
import org.downline.web.CompanyData;
import org.downline.web.Genealogy;
import org.downline.web.MemberDirectory;
import org.downline.web.Page;
import org.downline.web.Snapshot;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** The member list (search, filters, pages) and a member's page. */
@Controller
public class Members {
  private final CompanyData data;
  private final MemberDirectory directory;
  private final Genealogy genealogy;

  public Members(CompanyData data, MemberDirectory directory, Genealogy genealogy) {
    this.data = data;
    this.directory = directory;
    this.genealogy = genealogy;
  }

  /** A list row with the period's volumes added from the snapshot. */
  public record Row(MemberDirectory.MemberRow member, long pv, long gv, int subtreeSize) {}

  @GetMapping("/console/members")
  String list(@RequestParam(required = false) String q, @RequestParam(required = false) String kind,
      @RequestParam(required = false) String status, @RequestParam(required = false) String joined,
      @RequestParam(required = false) Integer page, Model model) {
    int[] paging = Page.params(page, Page.DEFAULT_SIZE);
    MemberDirectory.MemberFilter filter = new MemberDirectory.MemberFilter(q, kind, status, joined);
    Page<MemberDirectory.MemberRow> found = directory.search(filter, paging[0], paging[1]);
    Snapshot s = data.current();
    int period = s.defaultPeriod();
    Snapshot.PeriodVolumes v = s.volumes(period);
    List<Row> rows = new ArrayList<>();
    for (MemberDirectory.MemberRow r : found.items()) {
      int i = s.network().indexOf(r.id());
      rows.add(i == Network.NONE ? new Row(r, 0, 0, 0) : new Row(r, v.pv()[i], v.gv()[i], s.subtreeSize(i)));
    }
    model.addAttribute("rows", rows);
    model.addAttribute("page", found);
    model.addAttribute("filter", filter);
    model.addAttribute("period", org.downline.core.Periods.name(period));
    return "console/members";
  }

  @GetMapping("/console/members/{id}")
  String member(@PathVariable String id, @RequestParam(required = false) String period, Model model) {
    Snapshot s = data.current();
    int m = s.network().indexOf(id);
    if (m == Network.NONE) throw new NotFoundException("no member '" + id + "'");
    int p = s.period(period);
    model.addAttribute("node", genealogy.node(s, m, p));
    model.addAttribute("profile", directory.profile(id));
    model.addAttribute("path", genealogy.path(s, m, Network.NONE, p));
    int sponsor = s.network().sponsor(m);
    model.addAttribute("sponsorId", sponsor == Network.NONE ? null : s.network().id(sponsor));
    model.addAttribute("preferred", s.network().isPreferred(m));
    model.addAttribute("orders", directory.orders(id, null, 1, 20));
    model.addAttribute("period", org.downline.core.Periods.name(p));
    return "console/member";
  }
}
