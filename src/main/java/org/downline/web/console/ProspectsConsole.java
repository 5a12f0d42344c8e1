package org.downline.web.console;

import java.util.Locale;
import org.downline.web.CompanyData;
import org.downline.web.Snapshot;
import org.downline.web.Visibility;
import org.downline.web.prospect.FiguresModel;
import org.downline.web.prospect.ProspectServices;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Prospecting across the company, for staff: the same figures as a distributor's own, aggregated
 * over every distributor (ProspectFigures.company). No contact or prospect is named: the use case
 * gives counts and shares only, and the page has nothing else to show.
 */
@Controller
public class ProspectsConsole {
  private final ProspectServices app;
  private final CompanyData data;

  public ProspectsConsole(ProspectServices app, CompanyData data) {
    this.app = app;
    this.data = data;
  }

  @GetMapping("/console/prospects")
  String company(Authentication auth, Model model, Locale locale) {
    Snapshot s = data.current();
    FiguresModel.add(model, app.figures().company(ProspectServices.actor(Visibility.account(auth)), s.network(), s.book(),
        app.today()), app, locale);
    model.addAttribute("company", true);
    return "prospects/figures";
  }
}
