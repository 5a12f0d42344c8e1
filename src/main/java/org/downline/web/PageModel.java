package org.downline.web;

import org.downline.web.security.Account;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** For every page: the signed-in account in the model, for the navigation bar (null on public pages). */
@ControllerAdvice(basePackages = {"org.downline.web.console", "org.downline.web.office", "org.downline.web.pages",
    "org.downline.web.placement"})
public class PageModel {
  @ModelAttribute("account")
  Account account(Authentication auth) {
    return signedIn(auth);
  }

  /** The account behind the authentication, or null (also used by the error pages). */
  public static Account signedIn(Authentication auth) {
    return auth != null && auth.getPrincipal() instanceof Account a ? a : null;
  }
}
