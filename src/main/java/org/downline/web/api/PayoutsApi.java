package org.downline.web.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.downline.app.payout.Payouts;
import org.downline.app.payout.Statements;
import org.downline.core.Decimals;
import org.downline.store.Database;
import org.downline.store.LedgerStore;
import org.downline.store.PayoutStore;
import org.downline.web.Visibility;
import org.downline.web.security.Account;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The earnings ledger and payouts over HTTP. A distributor reads their own balance, entries and
 * statement only (another member's answers 404); staff read anyone's and alone may run, approve and
 * settle batches, make adjustments and set holds. Every write is audited by its use case, in its
 * transaction, as the signed-in user.
 */
@RestController
@RequestMapping("/api/v1/payouts")
public class PayoutsApi {
  private final Payouts payouts;
  private final Statements statements;
  private final LedgerStore ledger;
  private final PayoutStore store;

  public PayoutsApi(Database db) {
    this.payouts = new Payouts(db);
    this.statements = new Statements(db);
    this.ledger = new LedgerStore(db);
    this.store = new PayoutStore(db);
  }

  public record Money(BigDecimal amount, String currency) {}

  public record Balance(String memberId, List<Money> balance, List<Pending> pending) {}

  public record Pending(BigDecimal amount, String currency, String reason) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Entry(long id, long postingId, String kind, String period, BigDecimal amount, String currency, String bonus,
      String sourceOrderId, String sourceMemberId, Integer level, Long correctsEntry, Long runId, Long batchId, String memo,
      String postedAt) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Batch(long id, String through, BigDecimal minimum, String currency, String state, int payees, List<Money> paid,
      Map<String, BigDecimal> rates, String createdBy, String approvedBy, List<Line> lines) {}

  public record Line(String memberId, BigDecimal amount, String currency, BigDecimal paidAmount, String paidCurrency, BigDecimal rate,
      String state) {}

  public record NewBatch(String through, BigDecimal minimum, Map<String, BigDecimal> rates) {}

  public record Settle(List<String> members, String reason) {}

  public record NewAdjustment(String memberId, BigDecimal amount, String period, String reason, Long corrects) {}

  public record NewHold(String memberId, String reason) {}

  /** The member a request is about: a distributor only ever themselves; staff must name one. */
  private static String subject(Account account, String member) {
    if (account.isAdmin()) {
      if (member == null || member.isBlank()) throw refused(HttpStatus.BAD_REQUEST, "nameTheMember");
      return member;
    }
    if (member != null && !member.equals(account.memberId())) throw refused(HttpStatus.NOT_FOUND, "notYourMember", member);
    return account.memberId();
  }

  private static Account staff(Authentication auth) {
    Account a = Visibility.account(auth);
    if (!a.isAdmin()) throw refused(HttpStatus.FORBIDDEN, "staffOnly");
    return a;
  }

  @GetMapping("/balance")
  Balance balance(@RequestParam(required = false) String member, Authentication auth) {
    String id = subject(Visibility.account(auth), member);
    Statements.Statement s = statements.statement(id);
    List<Money> balance = new ArrayList<>();
    s.balance().forEach((cur, cents) -> balance.add(new Money(Decimals.toBigDecimal(cents), cur)));
    List<Pending> pending = s.pending().stream().map(p -> new Pending(Decimals.toBigDecimal(p.amount()), p.currency(), p.reason())).toList();
    return new Balance(id, balance, pending);
  }

  @GetMapping("/entries")
  List<Entry> entries(@RequestParam(required = false) String member, @RequestParam(required = false) Integer year, Authentication auth) {
    String id = subject(Visibility.account(auth), member);
    return ledger.entries(id, year).stream().map(e -> new Entry(e.id(), e.postingId(), e.kind(), e.period(),
        Decimals.toBigDecimal(e.amount()), e.currency(), e.bonus(), e.sourceOrderId(), e.sourceMemberId(), e.level(), e.correctsEntry(),
        e.runId(), e.batchId(), e.memo(), e.createdAt().toString())).toList();
  }

  @GetMapping("/batches")
  List<Batch> batches(Authentication auth) {
    staff(auth);
    return store.batches().stream().map(b -> batch(b, null)).toList();
  }

  @GetMapping("/batches/{id}")
  Batch batch(@PathVariable long id, Authentication auth) {
    staff(auth);
    PayoutStore.Batch b = store.batch(id).orElseThrow(() -> refused(HttpStatus.NOT_FOUND, "noBatch", id));
    return batch(b, store.lines(id));
  }

  @PostMapping("/batches")
  ResponseEntity<?> run(@RequestBody NewBatch body, Authentication auth) {
    Account a = staff(auth);
    if (body.through() == null) throw refused(HttpStatus.BAD_REQUEST, "throughRequired");
    long minimum = body.minimum() == null ? Decimals.parseCents(store.setting("minimum")) : cents("minimum", body.minimum());
    Payouts.RunResult r = payouts.run(body.through(), minimum, body.rates() == null ? Map.of() : body.rates(), a.username());
    if (r.batch().isEmpty()) return ResponseEntity.ok(Map.of("batch", "none", "carried", r.carried()));
    return ResponseEntity.status(HttpStatus.CREATED).body(batch(r.batch().get(), store.lines(r.batch().get().id())));
  }

  @PostMapping("/batches/{id}/approve")
  Batch approve(@PathVariable long id, Authentication auth) {
    return batch(payouts.approve(id, staff(auth).username()), store.lines(id));
  }

  @PostMapping("/batches/{id}/paid")
  Batch paid(@PathVariable long id, @RequestBody(required = false) Settle body, Authentication auth) {
    Account a = staff(auth);
    return batch(payouts.markPaid(id, body == null || body.members() == null ? List.of() : body.members(), a.username()), store.lines(id));
  }

  @PostMapping("/batches/{id}/failed")
  Batch failed(@PathVariable long id, @RequestBody Settle body, Authentication auth) {
    Account a = staff(auth);
    return batch(payouts.markFailed(id, body.members() == null ? List.of() : body.members(), body.reason(), a.username()),
        store.lines(id));
  }

  @PostMapping("/adjustments")
  ResponseEntity<Map<String, Object>> adjust(@RequestBody NewAdjustment body, Authentication auth) {
    Account a = staff(auth);
    if (body.amount() == null || body.memberId() == null) throw refused(HttpStatus.BAD_REQUEST, "adjustmentRequired");
    long cents = cents("amount", body.amount());
    long posting = payouts.adjust(body.memberId(), cents, body.period(), body.reason(), body.corrects(), a.username());
    return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("posting", posting));
  }

  @PostMapping("/holds")
  ResponseEntity<Map<String, Object>> hold(@RequestBody NewHold body, Authentication auth) {
    Account a = staff(auth);
    if (body.memberId() == null) throw refused(HttpStatus.BAD_REQUEST, "memberRequired");
    return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("hold", payouts.hold(body.memberId(), body.reason(), a.username())));
  }

  @DeleteMapping("/holds/{member}")
  Map<String, Object> release(@PathVariable String member, Authentication auth) {
    return Map.of("released", payouts.release(member, staff(auth).username()));
  }

  /** A refusal of this API, told from the payouts bundle (English here, the reader's language in the answer). */
  private static ApiException refused(HttpStatus status, String name, Object... args) {
    return ApiException.refused(status, Payouts.TEXTS.reason(name, args));
  }

  /** An amount of the body in hundredths; a third decimal place (or beyond a long) is refused, naming the field. */
  private static long cents(String field, BigDecimal amount) {
    try {
      return Decimals.fromBigDecimal(amount);
    } catch (ArithmeticException e) {
      throw refused(HttpStatus.BAD_REQUEST, "fieldDecimals", field);
    }
  }

  private static Batch batch(PayoutStore.Batch b, List<PayoutStore.Line> lines) {
    List<Money> paid = new ArrayList<>();
    b.paidTotals().forEach((cur, cents) -> paid.add(new Money(Decimals.toBigDecimal(cents), cur)));
    return new Batch(b.id(), b.throughPeriod(), Decimals.toBigDecimal(b.minimum()), b.currency(), b.state(), b.lines(), paid, b.rates(),
        b.createdBy(), b.approvedBy(), lines == null ? null : lines.stream().map(l -> new Line(l.memberId(),
            Decimals.toBigDecimal(l.amount()), l.currency(), Decimals.toBigDecimal(l.paidAmount()), l.paidCurrency(), l.rate(),
            l.state())).toList());
  }
}
