package org.downline.app.payout;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.downline.core.Decimals;
import org.downline.payout.PayoutRules;
import org.downline.payout.YearEnd;
import org.downline.store.Database;
import org.downline.store.LedgerStore;
import org.downline.store.PayoutStore;
import org.downline.store.RestatementStore;

/**
 * What an earner (and the company) reads from the ledger: a member's statement (balance, every
 * entry with its source, payouts, what is pending and why), the year-end figures per earner, and
 * the earners above the reporting threshold with their tax-id presence (never the tax id).
 */
public final class Statements {
  private final LedgerStore ledger;
  private final PayoutStore payouts;
  private final RestatementStore restatements;

  public Statements(Database db) {
    this.ledger = new LedgerStore(db);
    this.payouts = new PayoutStore(db);
    this.restatements = new RestatementStore(db);
  }

  /** Why a balance is not paid yet: {@code due} (the next run pays it), or a {@link PayoutRules} reason. */
  public record Pending(String currency, long amount, String reason) {}

  public record Statement(String memberId, Map<String, Long> balance, List<LedgerStore.Entry> entries, List<PayoutStore.Line> payouts,
      List<Pending> pending, List<PayoutStore.Hold> holds, boolean hasDetails, long minimum,
      List<RestatementStore.Why> changes) {}

  public Statement statement(String memberId) {
    Map<String, Long> balance = ledger.balance(memberId);
    List<PayoutStore.Hold> holds = payouts.holds(memberId);
    boolean onHold = holds.stream().anyMatch(h -> h.releasedAt() == null);
    boolean details = payouts.hasDetails(memberId);
    long minimum = Decimals.parseCents(payouts.setting("minimum"));
    List<Pending> pending = new ArrayList<>();
    balance.forEach((currency, amount) -> {
      byte r = PayoutRules.decide(amount, amount, onHold, details, minimum);
      if (r != PayoutRules.NOTHING) pending.add(new Pending(currency, amount, r == PayoutRules.PAY ? "due" : PayoutRules.name(r)));
    });
    return new Statement(memberId, balance, ledger.entries(memberId, null), payouts.memberLines(memberId), pending, holds, details,
        minimum, restatements.lines(null, memberId));
  }

  /** One earner's year in one currency. */
  public record EarnerYear(int year, String memberId, String currency, YearEnd figures, boolean taxIdPresent) {}

  /** The member's year, one row per currency. */
  public List<EarnerYear> yearEnd(String memberId, int year) {
    return years(ledger.yearTotals(year, memberId), year, ledger.withTaxId());
  }

  /** Earners paid at least {@code threshold} in the year (in any one currency), in member order. */
  public List<EarnerYear> reportable(int year, long threshold) {
    List<EarnerYear> out = new ArrayList<>();
    for (EarnerYear y : years(ledger.yearTotals(year, null), year, ledger.withTaxId())) {
      if (y.figures().paid() >= threshold) out.add(y);
    }
    return out;
  }

  /** The company's reporting threshold setting (600.00 unless changed). */
  public long reportingThreshold() {
    return Decimals.parseCents(payouts.setting("reporting_threshold"));
  }

  private static List<EarnerYear> years(List<LedgerStore.KindTotal> totals, int year, Set<String> taxIds) {
    Map<String, List<LedgerStore.KindTotal>> byKey = new LinkedHashMap<>();
    for (LedgerStore.KindTotal t : totals) byKey.computeIfAbsent(t.memberId() + "\u0000" + t.currency(), k -> new ArrayList<>()).add(t);
    Map<String, EarnerYear> sorted = new TreeMap<>();
    for (Map.Entry<String, List<LedgerStore.KindTotal>> e : byKey.entrySet()) {
      List<LedgerStore.KindTotal> ts = e.getValue();
      String[] kinds = ts.stream().map(LedgerStore.KindTotal::kind).toArray(String[]::new);
      long[] amounts = ts.stream().mapToLong(LedgerStore.KindTotal::amount).toArray();
      LedgerStore.KindTotal first = ts.getFirst();
      sorted.put(e.getKey(), new EarnerYear(year, first.memberId(), first.currency(), YearEnd.of(kinds, amounts),
          taxIds.contains(first.memberId())));
    }
    return new ArrayList<>(sorted.values());
  }
}
