package org.downline.web.placement;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.downline.core.ConflictException;
import org.downline.network.PlacementRules;
import org.downline.web.MemberDirectory;
import org.downline.web.Page;
import org.downline.web.Visibility;
import org.downline.web.security.Account;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The holding tank (binary plans) as a page: staff see every distributor waiting to be placed
 * ({@code /console/holding-tank}), a distributor their own recruits ({@code /office/holding-tank});
 * each row places its recruit through {@link Placements}, the one use case the API calls too. A
 * broken rule is said in the reader's language (the rule's {@link PlacementRules.Reason}); placing
 * someone else's recruit, or a member that does not exist, is refused as by the API (403, 404).
 */
@Controller
public class HoldingTankPages {
  private final Placements placements;
  private final MemberDirectory directory;
  private final MessageSource messages;

  public HoldingTankPages(Placements placements, MemberDirectory directory, MessageSource messages) {
    this.placements = placements;
    this.directory = directory;
    this.messages = messages;
  }

  /** A row of the page: who waits, their name, their sponsor. */
  public record Row(String id, String name, String sponsorId, String joinDate) {}

  @GetMapping({"/console/holding-tank", "/office/holding-tank"})
  String tank(@RequestParam(required = false) Integer page, Authentication auth, Model model,
      jakarta.servlet.http.HttpServletRequest request) {
    Account account = Visibility.account(auth);
    List<Placements.Waiting> all = placements.holdingTank(account);
    int[] paging = Page.params(page, null);
    int from = (int) Math.min(all.size(), Page.offset(paging[0], paging[1]));
    List<Placements.Waiting> shown = all.subList(from, Math.min(all.size(), from + paging[1]));
    Map<String, String> names = directory.names(shown.stream().map(Placements.Waiting::id).toList());
    List<Row> rows = new ArrayList<>();
    for (Placements.Waiting w : shown) rows.add(new Row(w.id(), names.get(w.id()), w.sponsorId(), w.joinDate()));
    model.addAttribute("base", base(request));
    model.addAttribute("rows", new Page<>(rows, paging[0], paging[1], all.size()));
    return "placement/holding-tank";
  }

  @PostMapping({"/console/holding-tank/place", "/office/holding-tank/place"})
  String place(@RequestParam String recruit, @RequestParam(defaultValue = "") String parent,
      @RequestParam(defaultValue = "") String position, Authentication auth, RedirectAttributes redirect,
      jakarta.servlet.http.HttpServletRequest request) {
    Account account = Visibility.account(auth);
    String r = recruit.strip();
    String p = parent.strip();
    PlacementRules.Problem problem = placements.problem(account, r, p, position.strip());
    if (problem != null) {
      switch (problem.reason()) {
        // Someone else's recruit, or nobody: refused as the API refuses it (403, 404), not a form message.
        case NOT_SPONSOR, NO_RECRUIT -> throw problem.refusal();
        default -> redirect.addFlashAttribute("failure", text("binary.place." + problem.reason().code(),
            problem.recruit(), problem.parent(), problem.other()));
      }
      return "redirect:" + base(request);
    }
    try {
      placements.place(account, r, p, position.strip());
      redirect.addFlashAttribute("placed", text("binary.tank.placed", r, p, text("binary.side." + position.strip())));
    } catch (ConflictException e) {
      // Placed or taken by someone else between the check and the write (the store checks again).
      redirect.addFlashAttribute("failure", text("binary.place.raced", r, p, null));
    }
    return "redirect:" + base(request);
  }

  private String text(String key, Object... args) {
    return messages.getMessage(key, args, LocaleContextHolder.getLocale());
  }

  private static String base(jakarta.servlet.http.HttpServletRequest request) {
    return request.getRequestURI().startsWith("/office") ? "/office/holding-tank" : "/console/holding-tank";
  }
}
