package org.downline.web.pages;

import java.util.List;
import org.downline.core.Periods;
import org.downline.network.Network;
import org.downline.web.CompanyData;
import org.downline.web.Genealogy;
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
 * The genealogy explorer, for staff over the whole company ({@code /console/genealogy}) and for a
 * distributor over their own organisation ({@code /office/downline}). Each level of recruits is
 * fetched when its member is opened (htmx), a page of {@link Genealogy#CHILDREN_PAGE} at a time.
 */
@Controller
public class GenealogyPages {
  private static final int MAX_ROOTS = 50;

  private final CompanyData data;
  private final Genealogy genealogy;

  public GenealogyPages(CompanyData data, Genealogy genealogy) {
    this.data = data;
    this.genealogy = genealogy;
  }

  @GetMapping({"/console/genealogy", "/office/downline"})
  String explorer(@RequestParam(required = false) String member, @RequestParam(required = false) String period,
      Authentication auth, Model model, jakarta.servlet.http.HttpServletRequest request) {
    Account account = Visibility.account(auth);
    Snapshot s = data.current();
    int p = s.period(period);
    int top = Visibility.root(account, s);
    String base = request.getRequestURI().startsWith("/office") ? "/office/downline" : "/console/genealogy";
    model.addAttribute("base", base);
    model.addAttribute("period", Periods.name(p));
    model.addAttribute("query", member);
    if ((member == null || member.isBlank()) && top == Network.NONE) {
      // The company's top: its roots (sponsor-less members) come first in breadth-first order.
      int roots = 0;
      while (roots < s.network().size() && s.network().sponsor(roots) == Network.NONE && roots < MAX_ROOTS) roots++;
      int[] ids = new int[roots];
      for (int i = 0; i < roots; i++) ids[i] = i;
      model.addAttribute("focus", null);
      model.addAttribute("path", List.of());
      model.addAttribute("children", new Genealogy.Children(null, genealogy.nodes(s, ids, p), -1, roots));
      return "genealogy";
    }
    int focus = member == null || member.isBlank() ? top : Visibility.member(account, s, member.strip());
    model.addAttribute("focus", genealogy.node(s, focus, p));
    List<Genealogy.Node> path = genealogy.path(s, focus, top, p);
    model.addAttribute("path", path.subList(0, path.size() - 1));
    model.addAttribute("children", genealogy.children(s, focus, p, 0));
    return "genealogy";
  }

  @GetMapping({"/console/genealogy/children/{id}", "/office/downline/children/{id}"})
  String children(@PathVariable String id, @RequestParam(defaultValue = "0") int offset,
      @RequestParam(required = false) String period, Authentication auth, Model model,
      jakarta.servlet.http.HttpServletRequest request) {
    Account account = Visibility.account(auth);
    Snapshot s = data.current();
    int m = Visibility.member(account, s, id);
    int p = s.period(period);
    model.addAttribute("base", request.getRequestURI().startsWith("/office") ? "/office/downline" : "/console/genealogy");
    model.addAttribute("period", Periods.name(p));
    model.addAttribute("children", genealogy.children(s, m, p, Math.max(0, offset)));
    return "tree :: children";
  }
}
