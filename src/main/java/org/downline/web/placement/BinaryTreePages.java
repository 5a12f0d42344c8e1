package org.downline.web.placement;

import java.util.List;
import java.util.Optional;
import org.downline.core.Periods;
import org.downline.network.Network;
import org.downline.store.RunStore;
import org.downline.web.CompanyData;
import org.downline.web.Snapshot;
import org.downline.web.Visibility;
import org.downline.web.security.Account;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The binary genealogy (the placement tree), next to the sponsor-tree explorer: for staff
 * ({@code /console/binary}) and for a distributor over their own placement organisation
 * ({@code /office/binary}). A member's two positions are fetched when it is opened (htmx), so a
 * tree of a million members is never rendered whole. Leg figures are those of the run that counts
 * for the period asked, else of the newest run.
 */
@Controller
public class BinaryTreePages {
  private static final int MAX_ROOTS = 50;
  private static final int MAX_PATH = 30;

  private final CompanyData data;
  private final BinaryTree tree;

  public BinaryTreePages(CompanyData data, BinaryTree tree) {
    this.data = data;
    this.tree = tree;
  }

  @GetMapping({"/console/binary", "/office/binary"})
  String explorer(@RequestParam(required = false) String member, @RequestParam(required = false) String period,
      Authentication auth, Model model, jakarta.servlet.http.HttpServletRequest request) {
    Account account = Visibility.account(auth);
    Snapshot s = data.current();
    String asked = period == null || period.isBlank() ? null : Periods.name(s.period(period));
    Optional<RunStore.RunRef> run = tree.run(asked);
    Long runId = run.map(RunStore.RunRef::id).orElse(null);
    String base = base(request);
    model.addAttribute("base", base);
    model.addAttribute("run", run.orElse(null));
    model.addAttribute("runId", runId);
    model.addAttribute("period", asked);
    model.addAttribute("query", member);
    int top = BinaryTree.top(account, s);
    Network net = s.network();
    if (top != Network.NONE && !net.placementTree().inTree(top)) {
      // A distributor still in the holding tank has no legs yet.
      model.addAttribute("unplaced", true);
      model.addAttribute("focus", null);
      model.addAttribute("path", List.of());
      model.addAttribute("children", List.of());
      return "placement/binary";
    }
    model.addAttribute("unplaced", false);
    if ((member == null || member.isBlank()) && top == Network.NONE) {
      model.addAttribute("focus", null);
      model.addAttribute("path", List.of());
      model.addAttribute("children", tree.roots(account, s, runId, MAX_ROOTS));
      return "placement/binary";
    }
    int focus = member == null || member.isBlank() ? top : BinaryTree.member(account, s, member.strip());
    model.addAttribute("focus", tree.node(account, s, focus, runId));
    model.addAttribute("path", tree.path(s, focus, top, MAX_PATH));
    model.addAttribute("children", tree.children(account, s, focus, runId));
    return "placement/binary";
  }

  @GetMapping({"/console/binary/children/{id}", "/office/binary/children/{id}"})
  String children(@PathVariable String id, @RequestParam(required = false) Long run, Authentication auth, Model model,
      jakarta.servlet.http.HttpServletRequest request) {
    Account account = Visibility.account(auth);
    Snapshot s = data.current();
    int m = BinaryTree.member(account, s, id);
    model.addAttribute("base", base(request));
    model.addAttribute("runId", run);
    model.addAttribute("children", tree.children(account, s, m, run));
    return "placement/binary-nodes :: nodes";
  }

  private static String base(jakarta.servlet.http.HttpServletRequest request) {
    return request.getRequestURI().startsWith("/office") ? "/office/binary" : "/console/binary";
  }
}
