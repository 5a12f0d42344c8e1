package org.downline.web.pages;

import org.downline.core.Refusal;
import org.downline.web.security.Account;
import org.downline.web.security.AuditLog;
import org.downline.web.security.UserStore;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Sign-in, self-activation from an invitation code, and the start page that sends each role home. */
@Controller
public class PublicPages {
  private final UserStore users;
  private final AuditLog audit;

  public PublicPages(UserStore users, AuditLog audit) {
    this.users = users;
    this.audit = audit;
  }

  @GetMapping("/")
  String home(Authentication auth) {
    return auth != null && auth.getPrincipal() instanceof Account a && a.isAdmin() ? "redirect:/console" : "redirect:/office";
  }

  @GetMapping("/login")
  String login() {
    return "login";
  }

  @GetMapping("/activate")
  String activateForm() {
    return "activate";
  }

  @PostMapping("/activate")
  String activate(@RequestParam String code, @RequestParam String username, @RequestParam String password,
      Model model) {
    try {
      Account a = users.activate(code, username, password);
      audit.write(a.username(), "login.activate", "member " + a.memberId(), "login made from an invitation");
      return "redirect:/login?activated";
    } catch (Refusal e) {
      model.addAttribute("error", e.getMessage());
      model.addAttribute("username", username);
      return "activate";
    }
  }
}
