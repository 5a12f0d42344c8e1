package org.downline.web.office;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.downline.core.Periods;
import org.downline.network.Network;
import org.downline.web.CompanyData;
import org.downline.web.MemberDirectory;
import org.downline.web.NextStepsData;
import org.downline.web.Page;
import org.downline.web.Snapshot;
import org.downline.web.Visibility;
import org.downline.web.security.Account;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A distributor's next steps: those of their own customers and first-level team (the Recommender's
 * team view), a page at a time, and their own as a small fragment the month page loads. Held-out
 * members show their segment and reason but no step: they are the comparison for lift.
 */
@Controller
public class OfficeNextSteps {
  private final CompanyData data;
  private final NextStepsData nextSteps;
  private final MemberDirectory directory;

  public OfficeNextSteps(CompanyData data, NextStepsData nextSteps, MemberDirectory directory) {
    this.data = data;
    this.nextSteps = nextSteps;
    this.directory = directory;
  }

  /** One customer or team member with their lines. */
  public record Person(String id, String name, String relation, List<NextStepsData.StepLine> lines) {}

  @GetMapping("/office/next-steps")
  String team(@RequestParam(required = false) String asOf, @RequestParam(required = false) Integer page,
      Authentication auth, Model model) {
    Account account = Visibility.account(auth);
    Snapshot s = data.current();
    int me = Visibility.root(account, s);
    NextStepsData.View v = nextSteps.view(s, asOf);
    int[] paging = Page.params(page, Page.DEFAULT_SIZE);
    int[] team = NextStepsData.team(s, me);
    int from = (int) Math.min(team.length, Page.offset(paging[0], paging[1]));
    int to = Math.min(team.length, from + paging[1]);
    Network n = s.network();
    List<String> ids = new ArrayList<>();
    for (int k = from; k < to; k++) ids.add(n.id(team[k]));
    Map<String, String> names = directory.names(ids);
    List<Person> customers = new ArrayList<>();
    List<Person> distributors = new ArrayList<>();
    for (int k = from; k < to; k++) {
      int m = team[k];
      String relation = n.isDistributor(m) ? "team" : "customer";
      Person p = new Person(n.id(m), names.get(n.id(m)), relation, nextSteps.lines(v, m, relation, false));
      (n.isDistributor(m) ? distributors : customers).add(p);
    }
    model.addAttribute("asOf", Periods.formatDay(v.asOf()));
    model.addAttribute("customers", customers);
    model.addAttribute("team", distributors);
    model.addAttribute("page", new Page<>(List.of(), paging[0], paging[1], team.length));
    return "office/next-steps";
  }

  /**
   * My own next step: a fragment for the month page (loaded beside the rank tile). For a month
   * ({@code period}) the as-of date is its last day, or the latest order's day when that is earlier.
   */
  @GetMapping("/office/next-step")
  String mine(@RequestParam(required = false) String asOf, @RequestParam(required = false) String period,
      Authentication auth, Model model) {
    Account account = Visibility.account(auth);
    Snapshot s = data.current();
    int me = Visibility.root(account, s);
    if ((asOf == null || asOf.isBlank()) && period != null && !period.isBlank()) {
      int lastDay = Periods.firstDay(s.period(period) + 1) - 1;
      asOf = Periods.formatDay(Math.min(lastDay, NextStepsData.defaultAsOf(s)));
    }
    NextStepsData.View v = nextSteps.view(s, asOf);
    model.addAttribute("asOf", Periods.formatDay(v.asOf()));
    model.addAttribute("lines", nextSteps.lines(v, me, "self", false));
    return "office/next-step :: mine";
  }
}
