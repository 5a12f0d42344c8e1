package org.downline.web;

import org.downline.web.security.Account;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** For every page: the signed-in account in the model, for the navigation bar (null on public pages), and the plan's kind. */
@ControllerAdvice(basePackages = {"org.downline.web.console", "org.downline.web.office", "org.downline.web.pages",
    "org.downline.web.placement"})
public class PageModel {
  private final CompanyData data;

  public PageModel(CompanyData data) {
    this.data = data;
  }

  @ModelAttribute("account")
  Account account(Authentication auth) {
    return signedIn(auth);
  }

  /** Whether the plan pays on a placement tree: the navigation then leads to the binary tree and the holding tank. */
  @ModelAttribute("binaryPlan")
  boolean binaryPlan() {
    var plan = data.current().plan();
    return plan != null && plan.legs() != null;
  }

  /** The account behind the authentication, or null (also used by the error pages). */
  public static Account signedIn(Authentication auth) {
    return auth != null && auth.getPrincipal() instanceof Account a ? a : null;
  }
}
