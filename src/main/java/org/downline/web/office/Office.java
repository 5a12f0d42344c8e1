package org.downline.web.office;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.downline.core.Periods;
import org.downline.network.Network;
import org.downline.web.CommissionViews;
import org.downline.web.CompanyData;
import org.downline.web.Genealogy;
import org.downline.web.MemberDirectory;
import org.downline.web.Snapshot;
import org.downline.web.Visibility;
import org.downline.web.pay.CommissionService;
import org.downline.web.security.Account;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A distributor's back office: my month (PV and GV from the arrays), my customers and first-level
 * team (my pay and statement are {@link OfficePay}'s). Rank and statements come from the commission engine through
 * {@link CommissionViews} once it is plugged in; the pages say so until then.
 */
@Controller
public class Office {
  private final CompanyData data;
  private final Genealogy genealogy;
  private final MemberDirectory directory;
  private final ObjectProvider<CommissionViews> commissions;
  private final CommissionService pay;

  public Office(CompanyData data, Genealogy genealogy, MemberDirectory directory,
      ObjectProvider<CommissionViews> commissions, ObjectProvider<CommissionService> pay) {
    this.pay = pay.getIfAvailable();
    this.data = data;
    this.genealogy = genealogy;
    this.directory = directory;
    this.commissions = commissions;
  }

  private static int me(Account account, Snapshot s) {
    return Visibility.root(account, s);
  }

  @GetMapping("/office")
  String month(@RequestParam(required = false) String period, Authentication auth, Model model) {
    Account account = Visibility.account(auth);
    Snapshot s = data.current();
    int me = me(account, s);
    int p = s.period(period);
    model.addAttribute("period", Periods.name(p));
    model.addAttribute("previous", Periods.name(p - 1));
    model.addAttribute("next", Periods.name(p + 1));
    model.addAttribute("me", genealogy.node(s, me, p));
    Network n = s.network();
    Snapshot.PeriodVolumes v = s.volumes(p);
    int firstLevelDistributors = 0;
    int activeFirstLevel = 0;
    int customers = 0;
    for (int c = n.childStart(me); c < n.childEnd(me); c++) {
      if (n.isDistributor(c)) {
        firstLevelDistributors++;
        if (v.active()[c]) activeFirstLevel++;
      } else {
        customers++;
      }
    }
    model.addAttribute("firstLevel", firstLevelDistributors);
    model.addAttribute("activeFirstLevel", activeFirstLevel);
    model.addAttribute("customers", customers);
    CommissionViews views = commissions.getIfAvailable();
    Optional<String> rank = views == null ? Optional.empty() : views.rank(me, p);
    model.addAttribute("rank", rank.orElse(null));
    model.addAttribute("nextStep", pay == null ? null : pay.nextRank(me, p));
    model.addAttribute("projected", pay != null && pay.isProjected(p));
    model.addAttribute("orders", directory.orders(account.memberId(), Periods.name(p), 1, 20));
    return "office/month";
  }

  @GetMapping("/office/team")
  String team(@RequestParam(required = false) String period, Authentication auth, Model model) {
    Account account = Visibility.account(auth);
    Snapshot s = data.current();
    int me = me(account, s);
    int p = s.period(period);
    Network n = s.network();
    int end = Math.min(n.childEnd(me), n.childStart(me) + 500);
    List<Integer> customers = new ArrayList<>();
    List<Integer> team = new ArrayList<>();
    for (int c = n.childStart(me); c < end; c++) (n.isDistributor(c) ? team : customers).add(c);
    model.addAttribute("period", Periods.name(p));
    model.addAttribute("customers", genealogy.nodes(s, customers.stream().mapToInt(Integer::intValue).toArray(), p));
    model.addAttribute("team", genealogy.nodes(s, team.stream().mapToInt(Integer::intValue).toArray(), p));
    model.addAttribute("truncated", n.childEnd(me) > end);
    return "office/team";
  }
}
