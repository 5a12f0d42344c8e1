package org.downline.web.office;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Year;
import java.time.ZoneOffset;
import java.util.Locale;
import org.downline.app.payout.Statements;
import org.downline.core.Decimals;
import org.downline.payfile.BankFiles;
import org.downline.payfile.YearEndFiles;
import org.downline.store.Database;
import org.downline.store.PayoutStore;
import org.downline.store.RestatementStore;
import org.downline.web.Visibility;
import org.downline.web.api.ApiException;
import org.downline.web.security.Account;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
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
 * My earnings in the back office: balance, every entry with its source, payouts, what is pending
 * and why, what a restatement changed; and my year-end statement (CSV, PDF in my language).
 */
@Controller
public class OfficeEarnings {
  private final Statements statements;
  private final PayoutStore payouts;
  private final MessageSource messages;

  public OfficeEarnings(Database db, MessageSource messages) {
    this.statements = new Statements(db);
    this.payouts = new PayoutStore(db);
    this.messages = messages;
  }

  static int thisYear() {
    return Year.now(ZoneOffset.UTC).getValue();
  }

  @GetMapping("/office/earnings")
  String earnings(Authentication auth, Model model) {
    Account account = Visibility.account(auth);
    Statements.Statement s = statements.statement(account.memberId());
    model.addAttribute("statement", s);
    model.addAttribute("minimum", Decimals.format(s.minimum()));
    model.addAttribute("openHold", s.holds().stream().filter(h -> h.releasedAt() == null).findFirst().orElse(null));
    model.addAttribute("year", thisYear());
    return "office/earnings";
  }

  @GetMapping("/office/earnings/year-end.csv")
  ResponseEntity<byte[]> yearEndCsv(@RequestParam(required = false) Integer year, Authentication auth) throws IOException {
    Account account = Visibility.account(auth);
    int y = year == null ? thisYear() : year;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    YearEndFiles.csv(statements.yearEnd(account.memberId(), y), out);
    return download(out.toByteArray(), "earnings-" + account.memberId() + "-" + y + ".csv", new MediaType("text", "csv", StandardCharsets.UTF_8));
  }

  @GetMapping("/office/earnings/year-end.pdf")
  ResponseEntity<byte[]> yearEndPdf(@RequestParam(required = false) Integer year, Authentication auth, Locale locale) throws IOException {
    Account account = Visibility.account(auth);
    int y = year == null ? thisYear() : year;
    byte[] pdf = YearEndFiles.pdf(account.memberId(), y, statements.yearEnd(account.memberId(), y), payouts.setting("debtor_name"),
        key -> messages.getMessage(key, null, locale));
    return download(pdf, "earnings-" + account.memberId() + "-" + y + ".pdf", MediaType.APPLICATION_PDF);
  }

  public static ResponseEntity<byte[]> download(byte[] body, String name, MediaType type) {
    return ResponseEntity.ok().header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name.replace("\"", "") + "\"")
        .contentType(type).body(body);
  }
}
