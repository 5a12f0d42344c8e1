package org.downline.web.pages;

import org.downline.web.disclosure.DisclosureService;
import org.downline.web.disclosure.StatementModel;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The latest income disclosure statement for anyone, signed in or not: what a prospect should see before joining. */
@Controller
public class PublicStatement {
  private final DisclosureService disclosure;

  public PublicStatement(DisclosureService disclosure) {
    this.disclosure = disclosure;
  }

  @GetMapping("/disclosure")
  String statement(Model model) {
    StatementModel.add(model, disclosure.year(disclosure.defaultYear()));
    return "disclosure";
  }
}
