package org.downline.app.payout;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.downline.commission.Plan;
import org.downline.core.Decimals;
import org.downline.core.InputErrors;
import org.downline.core.Periods;
import org.downline.core.Progress;
import org.downline.csv.OrderCsv;
import org.downline.network.Network;
import org.downline.network.OrderBook;
import org.downline.network.OrderBookBuilder;
import org.downline.network.OrderRow;
import org.downline.payout.Restatement;
import org.downline.store.Audit;
import org.downline.app.commission.ComputePeriod;
import org.downline.commission.Lines;
import org.downline.commission.OutputOrder;
import org.downline.store.CompanyStore;
import org.downline.store.Database;
import org.downline.store.LedgerStore;
import org.downline.store.PeriodStore;
import org.downline.store.RestatementStore;
import org.downline.store.RunStore;

/**
 * Re-running a closed period with corrected inputs. The closed run stays as it was; the period is
 * computed again from the stored orders plus the corrections file (late orders, further returns,
 * all dated in the period), and each line that changed posts its difference to its earner as a
 * restatement entry, against the company's adjustment expense, in one transaction with the
 * restatement's record and "why this changed" lines.
 */
public final class Restatements {
  private final Database db;

  public Restatements(Database db) {
    this.db = db;
  }

  public record Result(long id, List<Restatement.Difference> differences) {}

  public Result restate(String period, Plan plan, Path corrections, String reason, String actor) {
    Payouts.period(period, "period");
    if (reason == null || reason.isBlank()) throw Payouts.TEXTS.parameter("reason", "restatementReason");
    if (!PeriodStore.CLOSED.equals(new PeriodStore(db).states().get(period))) {
      throw Payouts.TEXTS.conflict("notClosed", period);
    }
    RunStore.RunInfo original = new RunStore(db).current(period).orElseThrow();
    CompanyStore company = new CompanyStore(db);
    Network net = company.loadNetwork();
    OrderBook stored = company.loadOrders(net);
    String file = corrections.getFileName().toString();
    InputErrors errors = new InputErrors();
    List<OrderRow> rows = new ArrayList<>();
    int p = Periods.index(Periods.parse(period));
    OrderCsv.read(corrections, errors, Progress.NONE, row -> {
      if (Periods.periodOfDay(row.day()) != p) errors.add(file, row.line(), "date", "a correction of " + period + " must be dated in it");
      rows.add(row);
    });
    errors.throwIfAny();
    if (rows.isEmpty()) throw Payouts.TEXTS.parameter("orders", "noCorrections", file);
    OrderBookBuilder builder = new OrderBookBuilder(file, net, stored.size() + rows.size()).addAll(stored, net);
    Set<String> ids = new LinkedHashSet<>();
    for (OrderRow r : rows) {
      builder.add(r);
      ids.add(r.id());
    }
    OrderBook book = builder.build(errors);
    errors.throwIfAny();
    List<Restatement.Line> restated = lines(new ComputePeriod(db).compute(period, plan, net, book), plan);
    List<Restatement.Line> before = new ArrayList<>();
    for (RunStore.Line l : new RunStore(db).lines(original.id(), 0, Integer.MAX_VALUE)) {
      before.add(new Restatement.Line(l.earnerId(), l.bonus(), l.sourceOrderId(), l.sourceMemberId(), l.level(), l.amount()));
    }
    List<Restatement.Difference> differences = Restatement.differences(before, restated, ids);
    long id = db.inTransaction(c -> {
      RestatementStore.ofPeriod(c, period).ifPresent(prior -> {
        throw Payouts.TEXTS.conflict("restated", period, prior);
      });
      String currency = LedgerStore.currency(c);
      long posting = LedgerStore.insertPosting(c, "restatement", period, null, null, "restatement of " + period + ": " + reason.strip(), actor);
      long total = 0;
      for (Restatement.Difference d : differences) {
        LedgerStore.insertLineEntry(c, posting, d.earner(), "restatement", period, d.delta(), currency, d.bonus(), d.sourceOrder(),
            d.sourceMember(), d.level());
        total += d.delta();
      }
      if (total != 0) LedgerStore.insertEntry(c, posting, LedgerStore.ADJUSTMENT_EXPENSE, null, "company", period, -total, currency, null);
      LedgerStore.requireBalanced(c, posting);
      long rid = RestatementStore.insert(c, period, original.id(), plan.name(), reason.strip(), String.join(",", ids), posting, actor,
          differences);
      Audit.write(c, actor, "payouts.restate", "period " + period, "restatement " + rid + ": " + differences.size()
          + " lines changed, " + Decimals.format(total) + " " + currency + ", corrections " + String.join(",", ids));
      return rid;
    });
    return new Result(id, differences);
  }

  /** A computed period's lines (amount 0 left out), each with its earner, bonus, source order and member, level. */
  static List<Restatement.Line> lines(ComputePeriod.Computed computed, Plan plan) {
    Network net = computed.network();
    OrderBook book = computed.book();
    OutputOrder order = new OutputOrder(net.ids(), book.ids(), plan);
    List<String> kinds = plan.lineKinds();
    List<Restatement.Line> out = new ArrayList<>();
    try {
      order.forEach(computed.result().lines(), (earner, kind, src, level, amount) -> {
        if (amount == 0) return;
        out.add(new Restatement.Line(net.id(earner), kinds.get(kind), src == Lines.NO_SOURCE ? null : book.id(src),
            src == Lines.NO_SOURCE ? null : net.id(book.members()[src]), level, amount));
      });
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
    return out;
  }
}
