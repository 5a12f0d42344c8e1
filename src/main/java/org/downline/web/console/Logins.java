package org.downline.web.console;

import org.downline.core.Refusal;
import java.time.Duration;
import org.downline.web.security.Account;
import org.downline.web.security.AuditLog;
import org.downline.web.security.UserStore;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Staff make distributor logins (a generated first password) or invitation codes, and read the audit log. */
@Controller
public class Logins {
  static final Duration INVITATION_VALIDITY = Duration.ofDays(14);

  private final UserStore users;
  private final AuditLog audit;

  public Logins(UserStore users, AuditLog audit) {
    this.users = users;
    this.audit = audit;
  }

  @GetMapping("/console/users")
  String list(Model model) {
    model.addAttribute("users", users.list());
    return "console/users";
  }

  @PostMapping("/console/users")
  String add(@RequestParam String memberId, @RequestParam(required = false) String username, Authentication auth,
      Model model) {
    String name = username == null || username.isBlank() ? memberId.strip() : username.strip();
    try {
      String password = UserStore.randomSecret(14);
      users.add(name, password, Account.Role.DISTRIBUTOR, memberId.strip());
      audit.write(auth.getName(), "login.create", "member " + memberId.strip(), "distributor login '" + name + "'");
      model.addAttribute("created", name);
      model.addAttribute("password", password); // shown once, never stored in clear or logged
    } catch (Refusal e) {
      model.addAttribute("failure", e.getMessage());
    }
    return list(model);
  }

  @PostMapping("/console/invitations")
  String invite(@RequestParam String memberId, Authentication auth, Model model) {
    try {
      String code = users.invite(memberId.strip(), auth.getName(), INVITATION_VALIDITY);
      audit.write(auth.getName(), "invitation.create", "member " + memberId.strip(), "valid 14 days");
      model.addAttribute("invitation", code);
      model.addAttribute("invitedMember", memberId.strip());
    } catch (Refusal e) {
      model.addAttribute("failure", e.getMessage());
    }
    return list(model);
  }

  @GetMapping("/console/audit")
  String audit(Model model) {
    model.addAttribute("entries", audit.latest(200));
    return "console/audit";
  }
}
