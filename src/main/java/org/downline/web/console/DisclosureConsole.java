package org.downline.web.console;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import org.downline.app.disclosure.DisclosureYear;
import org.downline.core.Periods;
import org.downline.disclosure.Alerts;
import org.downline.disclosure.IncomeDisclosure;
import org.downline.disclosure.RetailShare;
import org.downline.document.StatementDocument;
import org.downline.network.Network;
import org.downline.network.OrderBook;
import org.downline.web.Snapshot;
import org.downline.core.NotFoundException;
import org.downline.web.disclosure.DisclosureService;
import org.downline.web.disclosure.StatementModel;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Honest numbers in the console (docs/honest-numbers.md): the income disclosure statement, the
 * retail share against two thirds, loading and stacking alerts with their orders, retention cohorts.
 * Staff only (the security configuration keeps {@code /console} for admins).
 */
@Controller
public class DisclosureConsole {
  private final DisclosureService disclosure;

  public DisclosureConsole(DisclosureService disclosure) {
    this.disclosure = disclosure;
  }

  private int year(Integer year) {
    int y = year != null ? year : disclosure.defaultYear();
    return DisclosureYear.checkYear("year", y);
  }

  @GetMapping("/console/disclosure")
  String statement(@RequestParam(required = false) Integer year, Model model) {
    int y = year(year);
    StatementModel.add(model, disclosure.year(y));
    return "console/disclosure";
  }

  @GetMapping("/console/disclosure/statement.pdf")
  ResponseEntity<byte[]> pdf(@RequestParam(required = false) Integer year) throws IOException {
    DisclosureYear y = disclosure.year(year(year));
    String html = StatementDocument.html(y.statement(), y.source(), y.leftOutPeriods());
    Path tmp = Files.createTempFile("statement-", ".pdf");
    try {
      StatementDocument.pdf(html, tmp);
      return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
          .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"income-disclosure-" + y.ledger().year() + ".pdf\"")
          .body(Files.readAllBytes(tmp));
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /** One month of the retail share, named for the page. */
  public record Month(String period, RetailShare.Row row) {}

  /** One flagged earner, named for the page. */
  public record Flagged(String id, RetailShare.Earner earner) {}

  @GetMapping("/console/disclosure/retail")
  String retail(@RequestParam(required = false) Integer year, Model model) {
    int y = year(year);
    DisclosureYear d = disclosure.year(y);
    List<Month> months = RetailShare.byMonth(d.ledger()).stream()
        .map(r -> new Month(r.month() == 0 ? Integer.toString(y) : Periods.name(y * 12 + r.month() - 1), r)).toList();
    List<Flagged> flagged = RetailShare.byEarner(d.network(), d.book(), d.ledger()).stream()
        .filter(e -> e.mostlyParticipants() || e.noRetailCustomer())
        .sorted(Comparator.comparingLong(RetailShare.Earner::rewards).reversed())
        .limit(100).map(e -> new Flagged(d.network().id(e.member()), e)).toList();
    model.addAttribute("year", Integer.toString(y));
    model.addAttribute("months", months);
    model.addAttribute("flagged", flagged);
    model.addAttribute("leftOut", d.leftOutPeriods());
    model.addAttribute("twoThirds", RetailShare.TWO_THIRDS_TENTHS);
    return "console/disclosure-retail";
  }

  /** One alert, with ids for the page. */
  public record AlertView(String kind, String member, String figures, int orders, String members) {}

  private int period(String period, Snapshot s) {
    return s.period(period);
  }

  @GetMapping("/console/disclosure/alerts")
  String alerts(@RequestParam(required = false) String period, Model model) {
    Snapshot s = disclosure.company();
    int p = period(period, s);
    Network net = s.network();
    List<AlertView> views = disclosure.alerts(p).stream().map(a -> new AlertView(a.kind().code(), net.id(a.member()),
        a.figures(), a.orders().length, ids(a.members(), net))).toList();
    model.addAttribute("period", Periods.name(p));
    model.addAttribute("alerts", views);
    return "console/disclosure-alerts";
  }

  /** One order of an alert's drill-down. */
  public record OrderView(String id, String member, String day, long pv, long cv, long total, String returnOf) {}

  @GetMapping("/console/disclosure/alerts/{kind}/{member}")
  String alert(@PathVariable String kind, @PathVariable String member, @RequestParam(required = false) String period,
      Model model) {
    Snapshot s = disclosure.company();
    int p = period(period, s);
    Network net = s.network();
    OrderBook book = s.book();
    Alerts.Alert a = disclosure.alerts(p).stream()
        .filter(x -> x.kind().code().equals(kind) && net.id(x.member()).equals(member)).findFirst()
        .orElseThrow(() -> new NotFoundException("no " + kind + " alert for " + member + " in " + Periods.name(p)));
    List<OrderView> orders = java.util.Arrays.stream(a.orders()).mapToObj(o -> new OrderView(book.id(o),
        net.id(book.members()[o]), Periods.formatDay(book.days()[o]), book.pv()[o], book.cv()[o], book.totals()[o],
        book.isReturn(o) ? book.id(book.returnOf()[o]) : "")).toList();
    model.addAttribute("period", Periods.name(p));
    model.addAttribute("alert", new AlertView(kind, member, a.figures(), a.orders().length, ids(a.members(), net)));
    model.addAttribute("orders", orders);
    model.addAttribute("members", java.util.Arrays.stream(a.members()).mapToObj(net::id).toList());
    return "console/disclosure-alert";
  }

  @GetMapping("/console/disclosure/retention")
  String retention(@RequestParam(required = false) Integer year, Model model) {
    int y = year != null ? year(year) : Math.max(1, Periods.yearMonth(disclosure.company().defaultPeriod()).getYear() - 1);
    model.addAttribute("year", Integer.toString(y));
    model.addAttribute("cohorts", disclosure.retention(y).stream()
        .map(c -> new Cohort(c.distributors() ? "distributors" : "customers", Periods.name(c.period()), c)).toList());
    model.addAttribute("after", org.downline.disclosure.Retention.AFTER);
    return "console/disclosure-retention";
  }

  /** A cohort named for the page. */
  public record Cohort(String population, String period, org.downline.disclosure.Retention.Cohort cohort) {}

  private static String ids(int[] members, Network net) {
    StringBuilder sb = new StringBuilder();
    for (int m : members) sb.append(sb.isEmpty() ? "" : " ").append(net.id(m));
    return sb.toString();
  }
}
