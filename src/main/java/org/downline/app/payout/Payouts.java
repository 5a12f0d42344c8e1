package org.downline.app.payout;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.downline.core.Decimals;
import org.downline.core.Periods;
import org.downline.core.RefusalTexts;
import org.downline.payout.Iban;
import org.downline.payout.PayoutRules;
import org.downline.payout.Rates;
import org.downline.store.Audit;
import org.downline.store.Database;
import org.downline.store.Jobs;
import org.downline.store.LedgerStore;
import org.downline.store.PayoutStore;

/**
 * The payout use cases. Each write is one transaction that also writes its audit row: a payout run
 * (locked against a concurrent one, so a balance is paid once), approving a batch, marking its
 * lines paid or failed (a failed line's payout is reversed back to the balance), holds, payout
 * details, markets and adjustments.
 */
public final class Payouts {
  /**
   * Refusals told from the {@code i18n/payouts} bundle in the reader's language (ADR 29); the payouts' API
   * and console tell their own from it too.
   */
  public static final RefusalTexts TEXTS = new RefusalTexts("i18n.payouts", "payouts.refusal.");

  private final Database db;

  public Payouts(Database db) {
    this.db = db;
  }

  /** What a payout run did: the batch (empty when nobody was due) and how many members carry a balance, by reason. */
  public record RunResult(Optional<PayoutStore.Batch> batch, Map<String, Integer> carried) {}

  /**
   * Pays every balance through {@code through} at or above {@code minimum} in the member's market
   * currency, at the given rates (ledger currency to that currency). Refused, with nothing written,
   * when a payee's currency has no rate.
   */
  public RunResult run(String through, long minimum, Map<String, BigDecimal> rates, String actor) {
    period(through, "through");
    if (minimum < 0) throw TEXTS.parameter("minimum", "minimumNegative", Decimals.format(minimum));
    for (Map.Entry<String, BigDecimal> r : rates.entrySet()) {
      if (r.getValue().signum() <= 0) throw TEXTS.parameter("rate", "ratePositive", r.getKey());
    }
    // A job of its own (seen on every server), in turn: the second run waits and then finds the balances paid.
    return new Jobs(db).inTurn("payout run", actor, () -> db.inTransaction(c -> {
      PayoutStore.lockPayoutRuns(c); // a concurrent run waits here and then sees this one's payouts
      String currency = LedgerStore.currency(c);
      Map<String, long[]> balances = LedgerStore.balances(c, currency, through);
      Set<String> holds = PayoutStore.onHold(c);
      Map<String, PayoutStore.Details> details = PayoutStore.details(c);
      Map<String, String> currencies = PayoutStore.memberCurrencies(c);
      String[] ids = balances.keySet().toArray(String[]::new);
      int n = ids.length;
      long[] thru = new long[n];
      long[] whole = new long[n];
      boolean[] hold = new boolean[n];
      boolean[] hasDetails = new boolean[n];
      for (int m = 0; m < n; m++) {
        long[] b = balances.get(ids[m]);
        thru[m] = b[0];
        whole[m] = b[1];
        hold[m] = holds.contains(ids[m]);
        hasDetails[m] = details.containsKey(ids[m]);
      }
      PayoutRules.Decisions d = PayoutRules.decide(thru, whole, hold, hasDetails, minimum);
      Map<String, Integer> carried = new TreeMap<>();
      Set<String> missing = new TreeSet<>();
      for (int m = 0; m < n; m++) {
        if (d.reason()[m] != PayoutRules.PAY) {
          if (d.reason()[m] != PayoutRules.NOTHING) carried.merge(PayoutRules.name(d.reason()[m]), 1, Integer::sum);
          continue;
        }
        String to = currencies.getOrDefault(ids[m], currency);
        if (!to.equals(currency) && !rates.containsKey(to)) missing.add(to);
      }
      if (!missing.isEmpty()) {
        throw TEXTS.parameter("rate", "noRate", currency, String.join(", ", missing), missing.iterator().next());
      }
      if (d.payees() == 0) return new RunResult(Optional.empty(), carried);
      long batch = PayoutStore.insertBatch(c, through, minimum, currency, actor);
      Set<String> used = new TreeSet<>();
      for (int m = 0; m < n; m++) {
        if (d.reason()[m] == PayoutRules.PAY) used.add(currencies.getOrDefault(ids[m], currency));
      }
      for (String to : used) if (!to.equals(currency)) PayoutStore.insertRate(c, batch, to, rates.get(to));
      long posting = LedgerStore.insertPosting(c, "payout", null, null, batch, "payout batch " + batch + " through " + through, actor);
      long total = 0;
      for (int m = 0; m < n; m++) {
        if (d.reason()[m] != PayoutRules.PAY) continue;
        long pay = d.pay()[m];
        String to = currencies.getOrDefault(ids[m], currency);
        BigDecimal rate = to.equals(currency) ? BigDecimal.ONE : rates.get(to);
        long entry = LedgerStore.insertEntry(c, posting, LedgerStore.MEMBER, ids[m], "payout", null, -pay, currency, null);
        PayoutStore.Details det = details.get(ids[m]);
        PayoutStore.insertLine(c, new PayoutStore.Line(batch, ids[m], pay, currency, Rates.convert(pay, rate), to, rate,
            det.accountHolder(), det.iban(), det.bic(), "pending", entry));
        total += pay;
      }
      LedgerStore.insertEntry(c, posting, LedgerStore.PAYOUTS, null, "company", null, total, currency, null);
      LedgerStore.requireBalanced(c, posting);
      Audit.write(c, actor, "payouts.run", "batch " + batch, "through " + through + ", minimum " + Decimals.format(minimum)
          + ", " + d.payees() + " payees, " + Decimals.format(total) + " " + currency);
      return new RunResult(PayoutStore.batch(c, batch), carried);
    }));
  }

  public PayoutStore.Batch approve(long batchId, String actor) {
    return db.inTransaction(c -> {
      String state = state(c, batchId);
      if (!"created".equals(state)) throw TEXTS.conflict("batchNotWaiting", batchId, state);
      PayoutStore.approve(c, batchId, actor);
      Audit.write(c, actor, "payouts.approve", "batch " + batchId, null);
      return PayoutStore.batch(c, batchId).orElseThrow();
    });
  }

  /** Marks the given members' pending lines (every pending line when empty) paid. */
  public PayoutStore.Batch markPaid(long batchId, List<String> members, String actor) {
    return settle(batchId, members, actor, false, null);
  }

  /** Marks lines failed: each payout is reversed back to the member's balance by a new posting that points at it. */
  public PayoutStore.Batch markFailed(long batchId, List<String> members, String reason, String actor) {
    if (members.isEmpty()) throw TEXTS.parameter("member", "failedWho");
    return settle(batchId, members, actor, true, reason);
  }

  private PayoutStore.Batch settle(long batchId, List<String> members, String actor, boolean failed, String reason) {
    return db.inTransaction(c -> {
      String state = state(c, batchId);
      if (!"approved".equals(state)) {
        throw TEXTS.conflict("batchNotApproved", batchId, state);
      }
      Map<String, PayoutStore.Line> lines = new LinkedHashMap<>();
      for (PayoutStore.Line l : PayoutStore.lines(c, batchId)) lines.put(l.memberId(), l);
      List<PayoutStore.Line> chosen = new ArrayList<>();
      if (members.isEmpty()) {
        for (PayoutStore.Line l : lines.values()) if ("pending".equals(l.state())) chosen.add(l);
      } else {
        for (String m : members) {
          PayoutStore.Line l = lines.get(m);
          if (l == null) throw TEXTS.notFound("noBatchLine", batchId, m);
          if (!"pending".equals(l.state())) throw TEXTS.conflict("lineAlready", m, batchId, l.state());
          chosen.add(l);
        }
      }
      for (PayoutStore.Line l : chosen) {
        PayoutStore.setLineState(c, batchId, l.memberId(), failed ? "failed" : "paid");
        if (failed) {
          long posting = LedgerStore.insertPosting(c, "payout_failed", null, null, batchId,
              "batch " + batchId + " line failed" + (reason == null || reason.isBlank() ? "" : ": " + reason), actor);
          LedgerStore.insertEntry(c, posting, LedgerStore.MEMBER, l.memberId(), "payout_failed", null, l.amount(), l.currency(), l.entryId());
          LedgerStore.insertEntry(c, posting, LedgerStore.PAYOUTS, null, "company", null, -l.amount(), l.currency(), null);
          LedgerStore.requireBalanced(c, posting);
        }
      }
      PayoutStore.closeIfDone(c, batchId);
      Audit.write(c, actor, failed ? "payouts.failed" : "payouts.paid", "batch " + batchId,
          chosen.size() + " lines" + (failed && reason != null ? ", reason: " + reason : ""));
      return PayoutStore.batch(c, batchId).orElseThrow();
    });
  }

  /** Sets a compliance hold: the member is not paid until it is lifted. */
  public long hold(String memberId, String reason, String actor) {
    if (reason == null || reason.isBlank()) throw TEXTS.parameter("reason", "holdReason");
    return db.inTransaction(c -> {
      member(c, memberId);
      long id = PayoutStore.insertHold(c, memberId, reason.strip(), actor);
      Audit.write(c, actor, "payouts.hold", "member " + memberId, "hold " + id);
      return id;
    });
  }

  /** Lifts the member's open holds; refused when there is none. */
  public int release(String memberId, String actor) {
    return db.inTransaction(c -> {
      member(c, memberId);
      int n = PayoutStore.releaseHolds(c, memberId, actor);
      if (n == 0) throw TEXTS.conflict("noHold", memberId);
      Audit.write(c, actor, "payouts.release", "member " + memberId, n + " holds lifted");
      return n;
    });
  }

  /** Where the member is paid; the IBAN's check digits are verified. Never logged (the audit row names the member only). */
  public void details(String memberId, String accountHolder, String iban, String bic, String actor) {
    if (accountHolder == null || accountHolder.isBlank()) throw TEXTS.parameter("name", "holderName");
    if (iban == null || !Iban.valid(iban)) throw TEXTS.parameter("iban", "iban");
    if (bic != null && !bic.isBlank() && !bic.strip().matches("[A-Za-z0-9]{8}([A-Za-z0-9]{3})?")) {
      throw TEXTS.parameter("bic", "bic");
    }
    db.inTransaction(c -> {
      member(c, memberId);
      PayoutStore.putDetails(c, new PayoutStore.Details(memberId, accountHolder.strip(), Iban.normal(iban),
          bic == null || bic.isBlank() ? null : bic.strip().toUpperCase(java.util.Locale.ROOT)));
      Audit.write(c, actor, "payouts.details", "member " + memberId, null);
      return null;
    });
  }

  /** Many members' payout details in one transaction and one audit row (an import of bank accounts). */
  public int details(List<PayoutStore.Details> all, String actor) {
    for (PayoutStore.Details d : all) {
      if (d.iban() == null || !Iban.valid(d.iban())) throw TEXTS.parameter("iban", "memberIban", d.memberId());
    }
    return db.inTransaction(c -> {
      for (PayoutStore.Details d : all) {
        member(c, d.memberId());
        PayoutStore.putDetails(c, new PayoutStore.Details(d.memberId(), d.accountHolder(), Iban.normal(d.iban()), d.bic()));
      }
      Audit.write(c, actor, "payouts.details", all.size() + " members", null);
      return all.size();
    });
  }

  /** A market: members of this country are paid in this currency. */
  public void market(String country, String currency, String actor) {
    if (country == null || country.isBlank()) throw TEXTS.parameter("country", "country");
    if (currency == null || !currency.matches("[A-Z]{3}")) throw TEXTS.parameter("currency", "currency");
    db.inTransaction(c -> {
      PayoutStore.putMarket(c, country.strip(), currency);
      Audit.write(c, actor, "payouts.market", "country " + country.strip(), currency);
      return null;
    });
  }

  /**
   * A staff adjustment: credits (or, negative, debits) a member for the period it concerns, against
   * the company's adjustment expense; {@code corrects} names the entry it corrects, if any.
   */
  public long adjust(String memberId, long amount, String period, String reason, Long corrects, String actor) {
    period(period, "period");
    if (amount == 0) throw TEXTS.parameter("amount", "adjustmentZero");
    if (reason == null || reason.isBlank()) throw TEXTS.parameter("reason", "adjustmentReason");
    return db.inTransaction(c -> {
      member(c, memberId);
      String currency = LedgerStore.currency(c);
      if (corrects != null) requireEntryOf(c, corrects, memberId);
      long posting = LedgerStore.insertPosting(c, "adjustment", period, null, null, reason.strip(), actor);
      LedgerStore.insertEntry(c, posting, LedgerStore.MEMBER, memberId, "adjustment", period, amount, currency, corrects);
      LedgerStore.insertEntry(c, posting, LedgerStore.ADJUSTMENT_EXPENSE, null, "company", period, -amount, currency, null);
      LedgerStore.requireBalanced(c, posting);
      Audit.write(c, actor, "payouts.adjust", "member " + memberId, Decimals.format(amount) + " " + currency + " for " + period
          + " (posting " + posting + ")");
      return posting;
    });
  }

  private static void requireEntryOf(Connection c, long entry, String memberId) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT member_id FROM ledger_entry WHERE id = ?")) {
      ps.setLong(1, entry);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next() || !memberId.equals(rs.getString(1))) {
          throw TEXTS.notFound("noEntry", memberId, entry);
        }
      }
    }
  }

  private static String state(Connection c, long batchId) throws SQLException {
    return PayoutStore.lockBatch(c, batchId).orElseThrow(() -> TEXTS.notFound("noBatch", batchId));
  }

  static void member(Connection c, String memberId) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM member WHERE id = ?")) {
      ps.setString(1, memberId);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) throw TEXTS.notFound("noMember", memberId);
      }
    }
  }

  static void period(String period, String field) {
    try {
      Periods.parse(period);
    } catch (RuntimeException e) {
      throw TEXTS.parameter(field, "notPeriod", period);
    }
  }
}
