package org.downline.web.office;

import java.util.Arrays;
import org.downline.app.disclosure.DisclosureYear;
import org.downline.disclosure.IncomeDisclosure;
import org.downline.disclosure.YearLedger;
import org.downline.web.Visibility;
import org.downline.web.disclosure.DisclosureService;
import org.downline.web.security.Account;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * My year in the back office: what I earned, what I bought, the difference, and where my pay came
 * from (customers' orders, distributors' orders, awards without an order), from the closed runs.
 * Always the signed-in distributor's own figures.
 */
@Controller
public class MyYear {
  private final DisclosureService disclosure;

  public MyYear(DisclosureService disclosure) {
    this.disclosure = disclosure;
  }

  /** The figures of the page, in cents. */
  public record Figures(long earned, long bought, long net, long fromCustomers, long fromParticipants, long awards,
      int months, boolean participant) {}

  @GetMapping("/office/my-year")
  String myYear(@RequestParam(required = false) Integer year, Authentication auth, Model model) {
    Account account = Visibility.account(auth);
    int y = year != null ? year : disclosure.defaultYear();
    DisclosureYear.checkYear("year", y);
    DisclosureYear d = disclosure.year(y);
    int me = Visibility.root(account, disclosure.company());
    model.addAttribute("year", Integer.toString(y));
    model.addAttribute("leftOut", d.leftOutPeriods());
    model.addAttribute("figures", figures(d, me));
    model.addAttribute("all", d.statement().all());
    return "office/my-year";
  }

  public static Figures figures(DisclosureYear d, int me) {
    YearLedger l = d.ledger();
    IncomeDisclosure.Participants p = IncomeDisclosure.participants(d.network(), d.book(), l);
    int i = Arrays.binarySearch(p.member(), me);
    long bought = i >= 0 ? p.purchases()[i] : 0;
    long earned = l.gross(me);
    return new Figures(earned, bought, earned - bought, l.fromCustomers(me), l.sourced(me) - l.fromCustomers(me),
        earned - l.sourced(me), i >= 0 ? p.months()[i] : 0, i >= 0);
  }
}
