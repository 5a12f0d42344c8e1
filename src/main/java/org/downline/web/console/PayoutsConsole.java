package org.downline.web.console;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Year;
import java.time.ZoneOffset;
import java.util.Locale;
import org.downline.app.payout.Payouts;
import org.downline.app.payout.Statements;
import org.downline.core.Decimals;
import org.downline.core.Reason;
import org.downline.payfile.BankFiles;
import org.downline.payfile.YearEndFiles;
import org.downline.store.Database;
import org.downline.store.PayoutStore;
import org.downline.store.RestatementStore;
import org.downline.web.Visibility;
import org.downline.web.security.Account;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Paying people on the web. Back office: my earnings (balance, every entry with its source,
 * payouts, what is pending and why, what a restatement changed) and my year-end statement (CSV,
 * PDF). Console: payout batches with their lines and bank files, open holds, restatements, and the
 * earners above the reporting threshold.
 */
/**
 * Payouts in the console: batches with their lines and bank files (CSV, pain.001), open holds,
 * restatements, and the earners above the reporting threshold with their tax-id presence.
 */
@Controller
public class PayoutsConsole {
  private final Statements statements;
  private final PayoutStore payouts;
  private final RestatementStore restatements;

  private final org.downline.app.payout.Payouts paying;

  public PayoutsConsole(Database db) {
    this.paying = new org.downline.app.payout.Payouts(db);
    this.statements = new Statements(db);
    this.payouts = new PayoutStore(db);
    this.restatements = new RestatementStore(db);
  }

  static int thisYear() {
    return Year.now(ZoneOffset.UTC).getValue();
  }

  @GetMapping("/console/payouts")
  String console(@RequestParam(required = false) Long adjusted, Model model) {
    model.addAttribute("adjusted", adjusted);
    return console(model);
  }

  String console(Model model) {
    model.addAttribute("batches", payouts.batches());
    model.addAttribute("holds", payouts.holds(null));
    model.addAttribute("restatements", restatements.all());
    return "console/payouts";
  }

  // Staff writes from the console, through the same use cases as the CLI and the API (each audits itself).

  /** Runs a payout through a period at the configured (or given) minimum, in the company's currency. */
  @org.springframework.web.bind.annotation.PostMapping("/console/payouts/run")
  String run(@org.springframework.web.bind.annotation.RequestParam String through,
      @org.springframework.web.bind.annotation.RequestParam(required = false) String minimum,
      org.springframework.security.core.Authentication auth, Model model) {
    long min = org.downline.core.InvalidInputException.amount("minimum",
        minimum == null || minimum.isBlank() ? payouts.setting("minimum") : minimum.strip());
    org.downline.core.InvalidInputException.period("through", through.strip());
    var r = paying.run(through.strip(), min, java.util.Map.of(), auth.getName());
    model.addAttribute("ran", r.batch().map(b -> b.id()).orElse(null));
    return console(model);
  }

  @org.springframework.web.bind.annotation.PostMapping("/console/payouts/batches/{id}/approve")
  String approve(@org.springframework.web.bind.annotation.PathVariable long id,
      org.springframework.security.core.Authentication auth) {
    paying.approve(id, auth.getName());
    return "redirect:/console/payouts";
  }

  @org.springframework.web.bind.annotation.PostMapping("/console/payouts/holds")
  String hold(@org.springframework.web.bind.annotation.RequestParam String memberId,
      @org.springframework.web.bind.annotation.RequestParam String reason, org.springframework.security.core.Authentication auth) {
    paying.hold(memberId.strip(), reason.strip(), auth.getName());
    return "redirect:/console/payouts";
  }

  @org.springframework.web.bind.annotation.PostMapping("/console/payouts/holds/release")
  String release(@org.springframework.web.bind.annotation.RequestParam String memberId,
      org.springframework.security.core.Authentication auth) {
    paying.release(memberId.strip(), auth.getName());
    return "redirect:/console/payouts";
  }

  /** Marks the chosen member's line paid, or every pending line when none is named. */
  @org.springframework.web.bind.annotation.PostMapping("/console/payouts/batches/{id}/paid")
  String paid(@PathVariable long id, @RequestParam(required = false) String memberId, Authentication auth) {
    paying.markPaid(id, memberId == null || memberId.isBlank() ? java.util.List.of() : java.util.List.of(memberId.strip()),
        auth.getName());
    return "redirect:/console/payouts/batches/" + id;
  }

  /** Marks one member's line failed: the payout returns to their balance, with the reason. */
  @org.springframework.web.bind.annotation.PostMapping("/console/payouts/batches/{id}/failed")
  String failed(@PathVariable long id, @RequestParam String memberId, @RequestParam(required = false) String reason,
      Authentication auth) {
    paying.markFailed(id, java.util.List.of(memberId.strip()), reason == null ? null : reason.strip(), auth.getName());
    return "redirect:/console/payouts/batches/" + id;
  }

  /** A staff adjustment (amount, member, reason, the period it concerns), posted and audited by the use case. */
  @org.springframework.web.bind.annotation.PostMapping("/console/payouts/adjustments")
  String adjust(@RequestParam String memberId, @RequestParam String amount, @RequestParam String period,
      @RequestParam String reason, @RequestParam(required = false) String corrects, Authentication auth) {
    long cents = org.downline.core.InvalidInputException.amount("amount", amount.strip());
    Long entry = corrects == null || corrects.isBlank() ? null
        : org.downline.core.InvalidInputException.parsing("corrects", () -> Long.parseLong(corrects.strip()),
            e -> Reason.of("notWhole", corrects.strip()));
    long posting = paying.adjust(memberId.strip(), cents, period.strip(), reason, entry, auth.getName());
    return "redirect:/console/payouts?adjusted=" + posting;
  }

  @GetMapping("/console/payouts/batches/{id}")
  String batch(@PathVariable long id, Model model) {
    model.addAttribute("batch", payouts.batch(id).orElseThrow(() -> Payouts.TEXTS.notFound("noBatch", id)));
    model.addAttribute("lines", payouts.lines(id));
    return "console/payout-batch";
  }

  @GetMapping("/console/payouts/batches/{id}/bank.csv")
  ResponseEntity<byte[]> bankCsv(@PathVariable long id) throws IOException {
    PayoutStore.Batch b = approved(id);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    BankFiles.csv(b, payouts.lines(id), out);
    return download(out.toByteArray(), "payout-batch-" + id + ".csv", new MediaType("text", "csv", StandardCharsets.UTF_8));
  }

  @GetMapping("/console/payouts/batches/{id}/pain001.xml")
  ResponseEntity<byte[]> bankXml(@PathVariable long id) throws IOException {
    PayoutStore.Batch b = approved(id);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    BankFiles.pain001(b, payouts.lines(id), new BankFiles.Debtor(payouts.setting("debtor_name"), payouts.setting("debtor_iban"),
        payouts.setting("debtor_bic")), out);
    return download(out.toByteArray(), "payout-batch-" + id + ".xml", MediaType.APPLICATION_XML);
  }

  @GetMapping("/console/payouts/tax")
  String tax(@RequestParam(required = false) Integer year, @RequestParam(required = false) String threshold, Model model) {
    int y = year == null ? thisYear() : year;
    long t = threshold(threshold);
    model.addAttribute("year", y);
    model.addAttribute("threshold", Decimals.format(t));
    model.addAttribute("rows", statements.reportable(y, t));
    return "console/payout-tax";
  }

  @GetMapping("/console/payouts/tax.csv")
  ResponseEntity<byte[]> taxCsv(@RequestParam(required = false) Integer year, @RequestParam(required = false) String threshold)
      throws IOException {
    int y = year == null ? thisYear() : year;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    YearEndFiles.csv(statements.reportable(y, threshold(threshold)), out);
    return download(out.toByteArray(), "earners-" + y + ".csv", new MediaType("text", "csv", StandardCharsets.UTF_8));
  }

  private long threshold(String text) {
    if (text == null || text.isBlank()) return statements.reportingThreshold();
    try {
      return Decimals.parseCents(text);
    } catch (ArithmeticException e) { // past what a long holds in hundredths
      throw Payouts.TEXTS.parameter("threshold", "thresholdTooLarge", text);
    } catch (NumberFormatException e) {
      throw Payouts.TEXTS.parameter("threshold", Decimals.tooManyDecimals(e) ? "thresholdDecimals" : "thresholdNotNumber", text);
    }
  }

  private PayoutStore.Batch approved(long id) {
    PayoutStore.Batch b = payouts.batch(id).orElseThrow(() -> Payouts.TEXTS.notFound("noBatch", id));
    if ("created".equals(b.state())) throw Payouts.TEXTS.conflict("notApprovedYet", id);
    return b;
  }

  static ResponseEntity<byte[]> download(byte[] body, String name, MediaType type) {
    return org.downline.web.office.OfficeEarnings.download(body, name, type);
  }
}
