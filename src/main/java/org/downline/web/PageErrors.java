package org.downline.web;

import jakarta.servlet.http.HttpServletResponse;
import org.downline.web.api.ApiException;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/** For every page: the signed-in account in the model; refusals render the error page with the status and a plain sentence. */
@ControllerAdvice(basePackages = {"org.downline.web.console", "org.downline.web.office", "org.downline.web.pages"})
public class PageErrors {
  /** The signed-in account for the navigation bar (null on public pages). */
  @org.springframework.web.bind.annotation.ModelAttribute("account")
  org.downline.web.security.Account account(org.springframework.security.core.Authentication auth) {
    return auth != null && auth.getPrincipal() instanceof org.downline.web.security.Account a ? a : null;
  }

  @ExceptionHandler(ApiException.class)
  String refused(ApiException e, Model model, HttpServletResponse response) {
    response.setStatus(e.status().value());
    model.addAttribute("status", e.status().value());
    model.addAttribute("message", e.getMessage());
    return "problem";
  }

  @ExceptionHandler(IllegalArgumentException.class)
  String bad(IllegalArgumentException e, Model model, HttpServletResponse response) {
    response.setStatus(400);
    model.addAttribute("status", 400);
    model.addAttribute("message", e.getMessage());
    return "problem";
  }
}
