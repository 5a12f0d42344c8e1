package org.downline.web.office;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.downline.core.Periods;
import org.downline.store.RunStore;
import org.downline.web.CompanyData;
import org.downline.web.NotYetAvailable;
import org.downline.web.Snapshot;
import org.downline.web.Visibility;
import org.downline.web.pay.CommissionService;
import org.downline.web.pay.MemberPay;
import org.downline.web.security.Account;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * My pay and my statement, sized for a top earner (ADR 23): the period by bonus and level with
 * totals, the lines 50 a page (htmx swaps the page in place; plain links without script), found by
 * source member or order, the statement streamed as CSV; how each figure was reached on a page of
 * its own, the one that computes the period.
 */
@Controller
public class OfficePay {
  private final CompanyData data;
  private final CommissionService pay;

  public OfficePay(CompanyData data, ObjectProvider<CommissionService> pay) {
    this.data = data;
    this.pay = pay.getIfAvailable();
  }

  /** The chosen period's name: the asked one, else the latest period with pay, else the open one. */
  private String chosen(String period, java.util.List<CommissionService.PaidPeriod> history, Snapshot s) {
    if (period != null && !period.isBlank()) return Periods.name(s.period(period));
    return history.isEmpty() ? Periods.name(s.defaultPeriod()) : history.getFirst().period();
  }

  /**
   * My pay: the open period's projected pay (before the payout cap), pay per period from the runs,
   * and the chosen period by bonus and level with a page of its lines.
   */
  @GetMapping("/office/pay")
  String pay(@RequestParam(required = false) String period, @RequestParam(required = false) String bonus,
      @RequestParam(required = false) Integer level, @RequestParam(required = false) String q,
      @RequestParam(defaultValue = "1") int page, Authentication auth, Model model) {
    Account account = Visibility.account(auth);
    Snapshot s = data.current();
    int me = Visibility.root(account, s);
    int open = s.defaultPeriod();
    if (pay.isProjected(open)) model.addAttribute("projected", pay.projected(me, open));
    var history = pay.history(account.memberId());
    model.addAttribute("history", history);
    String chosen = chosen(period, history, s);
    addStatement(model, account.memberId(), chosen, new RunStore.LineFilter(bonus, level, q), page);
    return "office/pay";
  }

  /** A page of lines alone (htmx swaps it into the pay page). */
  @GetMapping("/office/pay/lines")
  String lines(@RequestParam(required = false) String period, @RequestParam(required = false) String bonus,
      @RequestParam(required = false) Integer level, @RequestParam(required = false) String q,
      @RequestParam(defaultValue = "1") int page, Authentication auth, Model model) {
    Account account = Visibility.account(auth);
    Snapshot s = data.current();
    Visibility.root(account, s);
    addStatement(model, account.memberId(), Periods.name(s.period(period)), new RunStore.LineFilter(bonus, level, q), page);
    return "office/pay-parts :: lines";
  }

  private void addStatement(Model model, String memberId, String period, RunStore.LineFilter filter, int page) {
    MemberPay mp = pay.memberPay();
    MemberPay.Statement st = mp.statement(memberId, period);
    model.addAttribute("period", period);
    model.addAttribute("statement", st);
    model.addAttribute("filter", filter);
    model.addAttribute("lines", mp.lines(memberId, period, st.run(), filter, page));
  }

  /** How each figure of the period was reached: volumes, legs, rank checks, the rate and rule of each group. */
  @GetMapping("/office/pay/explained")
  String explained(@RequestParam(required = false) String period, Authentication auth, Model model) {
    Account account = Visibility.account(auth);
    Snapshot s = data.current();
    Visibility.root(account, s);
    String name = Periods.name(s.period(period));
    var e = pay.explain(account.memberId(), name);
    model.addAttribute("period", name);
    model.addAttribute("explanation", e);
    model.addAttribute("rules", MemberPay.rules(e));
    return "office/pay-explained";
  }

  /** My statement: the period by bonus and level, and its CSV. */
  @GetMapping("/office/statement")
  String statement(@RequestParam(required = false) String period, Authentication auth, Model model) {
    Account account = Visibility.account(auth);
    Snapshot s = data.current();
    Visibility.root(account, s);
    String name = Periods.name(s.period(period));
    model.addAttribute("period", name);
    Optional<RunStore.RunInfo> run = pay == null ? Optional.empty() : pay.runs().current(name);
    model.addAttribute("available", run.isPresent()); // the period has a run
    if (run.isPresent()) model.addAttribute("statement", pay.memberPay().statement(account.memberId(), name));
    return "office/statement";
  }

  /** The statement CSV, streamed row by row from the store (a top earner's is never held whole). */
  @GetMapping("/office/statement.csv")
  void statementCsv(@RequestParam(required = false) String period, Authentication auth, HttpServletResponse response)
      throws IOException {
    Account account = Visibility.account(auth);
    Snapshot s = data.current();
    int me = Visibility.root(account, s);
    int p = s.period(period);
    Optional<RunStore.RunInfo> run = pay == null ? Optional.empty() : pay.runs().current(Periods.name(p));
    if (run.isEmpty()) {
      throw new NotYetAvailable("statements come with the commission engine; none for " + Periods.name(p) + " yet");
    }
    response.setContentType("text/csv;charset=UTF-8");
    response.setHeader("Content-Disposition",
        "attachment; filename=\"statement-" + account.memberId() + "-" + Periods.name(p) + ".csv\"");
    pay.memberPay().writeStatement(me, run.get(), response.getOutputStream());
  }
}
