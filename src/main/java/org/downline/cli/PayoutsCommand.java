package org.downline.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.downline.app.payout.Payouts;
import org.downline.payfile.BankFiles;
import org.downline.core.Decimals;
import org.downline.core.InvalidInputException;
import org.downline.core.NotFoundException;
import org.downline.store.Database;
import org.downline.store.PayoutStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code downline payouts ...}: pay the ledger's balances in batches; holds, payout details, markets, adjustments. */
@Command(
    name = "payouts",
    mixinStandardHelpOptions = true,
    description = "Pay earners from the earnings ledger: batches, holds, payout details, adjustments.",
    subcommands = {PayoutsCommand.Run.class, PayoutsCommand.Approve.class, PayoutsCommand.Paid.class, PayoutsCommand.Failed.class,
        PayoutsCommand.ListBatches.class, PayoutsCommand.Export.class, PayoutsCommand.Hold.class, PayoutsCommand.Release.class,
        PayoutsCommand.Details.class, PayoutsCommand.Market.class, PayoutsCommand.Adjust.class, PayoutsCommand.Restate.class,
        PayoutsCommand.Why.class})
public final class PayoutsCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  /** Who a command-line write is audited as. */
  static final class Actor {
    @Option(names = "--by", description = "who does this, for the audit log (default: cli:$USER)")
    String by;

    String name() {
      return by != null && !by.isBlank() ? by : "cli:" + System.getProperty("user.name", "unknown");
    }
  }

  abstract static class Write implements Callable<Integer> {
    @Mixin DatabaseOption db;
    @Mixin Actor actor;
    @Spec CommandSpec spec;

    PrintWriter out() {
      return spec.commandLine().getOut();
    }

    @Override
    public Integer call() throws IOException {
      try (Database database = db.open()) {
        work(database, new Payouts(database));
      }
      out().flush();
      return 0;
    }

    abstract void work(Database db, Payouts payouts) throws IOException;
  }

  static String totals(Map<String, Long> totals) {
    if (totals.isEmpty()) return "0.00";
    List<String> parts = new ArrayList<>();
    totals.forEach((cur, amount) -> parts.add(Decimals.format(amount) + " " + cur));
    return String.join("; ", parts);
  }

  static long cents(String text, String option) {
    try {
      return Decimals.parseCents(text);
    } catch (NumberFormatException e) {
      throw InvalidInputException.parameter(option, e.getMessage());
    }
  }

  @Command(name = "run", mixinStandardHelpOptions = true,
      description = "Pay every balance through PERIOD at or above the minimum; carry the rest (below the minimum, negative,"
          + " on hold, no payout details).")
  static final class Run extends Write {
    @Option(names = "--through", required = true, description = "last period paid, YYYY-MM")
    String through;

    @Option(names = "--minimum", defaultValue = "25.00", description = "smallest balance paid (default: 25.00)")
    String minimum;

    @Option(names = "--rate", description = "rate from the ledger currency to a market's, CUR=RATE (repeatable), e.g. EUR=0.9215")
    Map<String, BigDecimal> rates = new LinkedHashMap<>();

    @Override
    void work(Database db, Payouts payouts) {
      Payouts.RunResult r = payouts.run(through, cents(minimum, "--minimum"), rates, actor.name());
      List<String> carried = new ArrayList<>();
      r.carried().forEach((reason, n) -> carried.add(n + " " + reason.replace('_', ' ')));
      String carry = carried.isEmpty() ? "" : "; carried: " + String.join(", ", carried);
      if (r.batch().isEmpty()) {
        out().printf("nothing to pay through %s%s%n", through, carry);
      } else {
        PayoutStore.Batch b = r.batch().get();
        out().printf("batch %d through %s: %d payees, %s%s%n", b.id(), through, b.lines(), totals(b.paidTotals()), carry);
      }
    }
  }

  @Command(name = "approve", mixinStandardHelpOptions = true, description = "Approve a batch for payment.")
  static final class Approve extends Write {
    @Option(names = "--batch", required = true, description = "batch id") long batch;

    @Override
    void work(Database db, Payouts payouts) {
      PayoutStore.Batch b = payouts.approve(batch, actor.name());
      out().printf("batch %d approved by %s: %d payees, %s%n", b.id(), b.approvedBy(), b.lines(), totals(b.paidTotals()));
    }
  }

  @Command(name = "paid", mixinStandardHelpOptions = true, description = "Mark an approved batch's pending lines paid (all, or --member).")
  static final class Paid extends Write {
    @Option(names = "--batch", required = true, description = "batch id") long batch;
    @Option(names = "--member", description = "member id (repeatable; default: every pending line)") List<String> members = new ArrayList<>();

    @Override
    void work(Database db, Payouts payouts) {
      PayoutStore.Batch b = payouts.markPaid(batch, members, actor.name());
      out().printf("batch %d: %s%n", b.id(), b.state());
    }
  }

  @Command(name = "failed", mixinStandardHelpOptions = true,
      description = "Mark lines of an approved batch failed: each amount returns to the member's balance.")
  static final class Failed extends Write {
    @Option(names = "--batch", required = true, description = "batch id") long batch;
    @Option(names = "--member", required = true, description = "member id (repeatable)") List<String> members;
    @Option(names = "--reason", description = "what the bank said") String reason;

    @Override
    void work(Database db, Payouts payouts) {
      PayoutStore.Batch b = payouts.markFailed(batch, members, reason, actor.name());
      out().printf("batch %d: %d lines failed, returned to the balance; batch %s%n", b.id(), members.size(), b.state());
    }
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "The payout batches, newest first.")
  static final class ListBatches implements Callable<Integer> {
    @Mixin DatabaseOption db;
    @Option(names = "--batch", description = "show one batch's lines") Long batch;
    @Option(names = "--format", defaultValue = "table", description = "table, csv or json (default: table)") OutputFormat format;
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      try (Database database = db.open()) {
        PayoutStore store = new PayoutStore(database);
        Table t;
        if (batch == null) {
          t = new Table("batch", "through", "state", "payees", "paid", "rates", "created_by", "approved_by").numeric("batch", "payees");
          for (PayoutStore.Batch b : store.batches()) {
            List<String> rates = new ArrayList<>();
            b.rates().forEach((cur, rate) -> rates.add(cur + "=" + rate.toPlainString()));
            t.row(Long.toString(b.id()), b.throughPeriod(), b.state(), Integer.toString(b.lines()), totals(b.paidTotals()),
                String.join(" ", rates), b.createdBy(), b.approvedBy() == null ? "" : b.approvedBy());
          }
        } else {
          if (store.batch(batch).isEmpty()) throw new NotFoundException("no payout batch " + batch);
          t = new Table("member", "amount", "currency", "paid_amount", "paid_currency", "rate", "state")
              .numeric("amount", "paid_amount", "rate");
          for (PayoutStore.Line l : store.lines(batch)) {
            t.row(l.memberId(), Decimals.format(l.amount()), l.currency(), Decimals.format(l.paidAmount()), l.paidCurrency(),
                l.rate().toPlainString(), l.state());
          }
        }
        Printed.print(t, format, spec.commandLine().getOut());
      }
      return 0;
    }
  }

  @Command(name = "export", mixinStandardHelpOptions = true,
      description = "Write an approved batch as a bank file: CSV or SEPA credit transfer XML (pain.001.001.03).")
  static final class Export implements Callable<Integer> {
    @Mixin DatabaseOption db;
    @Option(names = "--batch", required = true, description = "batch id") long batch;
    @Option(names = "--format", defaultValue = "csv", description = "csv or pain001 (default: csv)") String format;
    @Option(names = "--out", required = true, description = "file to write") Path out;
    @Spec CommandSpec spec;

    @Override
    public Integer call() throws IOException {
      if (!format.equals("csv") && !format.equals("pain001")) {
        throw InvalidInputException.parameter("--format", "csv or pain001, not " + format);
      }
      try (Database database = db.open()) {
        PayoutStore store = new PayoutStore(database);
        PayoutStore.Batch b = store.batch(batch).orElseThrow(() -> new NotFoundException("no payout batch " + batch));
        if ("created".equals(b.state())) {
          throw new org.downline.core.ConflictException("batch " + batch + " is not approved yet; approve it before sending it to the bank");
        }
        Path tmp = Files.createTempFile(out.toAbsolutePath().getParent(), ".payout-", ".tmp");
        try (OutputStream os = Files.newOutputStream(tmp)) {
          if (format.equals("csv")) BankFiles.csv(b, store.lines(batch), os);
          else BankFiles.pain001(b, store.lines(batch), new BankFiles.Debtor(store.setting("debtor_name"),
              store.setting("debtor_iban"), store.setting("debtor_bic")), os);
        } catch (IOException | RuntimeException e) {
          Files.deleteIfExists(tmp);
          throw e;
        }
        Files.move(tmp, out, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        spec.commandLine().getOut().printf("wrote %s (batch %d, %s)%n", out, b.id(), format);
        spec.commandLine().getOut().flush();
      }
      return 0;
    }
  }

  @Command(name = "hold", mixinStandardHelpOptions = true, description = "Put a member's payouts on compliance hold, with a reason.")
  static final class Hold extends Write {
    @Option(names = "--member", required = true, description = "member id") String member;
    @Option(names = "--reason", required = true, description = "why (shown to staff and in the member's statement)") String reason;

    @Override
    void work(Database db, Payouts payouts) {
      long id = payouts.hold(member, reason, actor.name());
      out().printf("member %s on hold (hold %d)%n", member, id);
    }
  }

  @Command(name = "release", mixinStandardHelpOptions = true, description = "Lift a member's compliance hold.")
  static final class Release extends Write {
    @Option(names = "--member", required = true, description = "member id") String member;

    @Override
    void work(Database db, Payouts payouts) {
      payouts.release(member, actor.name());
      out().printf("member %s released%n", member);
    }
  }

  @Command(name = "details", mixinStandardHelpOptions = true, description = "Set where a member is paid (bank account).")
  static final class Details extends Write {
    @Option(names = "--member", required = true, description = "member id") String member;
    @Option(names = "--name", required = true, description = "account holder") String name;
    @Option(names = "--iban", required = true, description = "IBAN") String iban;
    @Option(names = "--bic", description = "BIC (optional)") String bic;

    @Override
    void work(Database db, Payouts payouts) {
      payouts.details(member, name, iban, bic, actor.name());
      out().printf("payout details of %s set%n", member);
    }
  }

  @Command(name = "market", mixinStandardHelpOptions = true, description = "Pay members of a country in a currency.")
  static final class Market extends Write {
    @Option(names = "--country", required = true, description = "country as member profiles have it, e.g. DE") String country;
    @Option(names = "--currency", required = true, description = "ISO 4217 code, e.g. EUR") String currency;

    @Override
    void work(Database db, Payouts payouts) {
      payouts.market(country, currency, actor.name());
      out().printf("members in %s are paid in %s%n", country, currency);
    }
  }

  @Command(name = "adjust", mixinStandardHelpOptions = true,
      description = "A staff adjustment: credit (or, negative, debit) a member for a period, with a reason; audited and posted.")
  static final class Adjust extends Write {
    @Option(names = "--member", required = true, description = "member id") String member;
    @Option(names = "--amount", required = true, description = "amount, e.g. 12.50 or -3.00") String amount;
    @Option(names = "--period", required = true, description = "the period it concerns, YYYY-MM") String period;
    @Option(names = "--reason", required = true, description = "why (shown to the member)") String reason;
    @Option(names = "--corrects", description = "ledger entry id it corrects") Long corrects;

    @Override
    void work(Database db, Payouts payouts) {
      long posting = payouts.adjust(member, cents(amount, "--amount"), period, reason, corrects, actor.name());
      out().printf("adjustment %s to %s for %s posted (posting %d)%n", Decimals.format(cents(amount, "--amount")), member, period, posting);
    }
  }

  @Command(name = "restate", mixinStandardHelpOptions = true,
      description = "Re-run a closed period with corrections (an orders file of late orders and returns dated in the period);"
          + " the closed run stays, the differences post as adjustments.")
  static final class Restate extends Write {
    @Option(names = "--period", required = true, description = "the closed period, YYYY-MM") String period;
    @Option(names = "--orders", required = true, description = "orders.csv of the corrections: id,member_id,date,pv,cv,return_of")
    Path orders;
    @Option(names = "--reason", required = true, description = "why (shown to the members affected)") String reason;
    @Option(names = "--plan", defaultValue = "demo", description = "the plan the period was closed with (default: demo)") String plan;

    @Override
    void work(Database db, Payouts payouts) {
      org.downline.app.payout.Restatements.Result r = new org.downline.app.payout.Restatements(db)
          .restate(period, org.downline.planfile.PlanFile.load(plan), orders, reason, actor.name());
      Map<String, Long> byEarner = org.downline.payout.Restatement.byEarner(r.differences());
      out().printf("restatement %d of %s: %d lines changed for %d members%n", r.id(), period, r.differences().size(), byEarner.size());
      byEarner.forEach((m, d) -> out().printf("  %s %s%n", m, (d > 0 ? "+" : "") + Decimals.format(d)));
    }
  }

  @Command(name = "why", mixinStandardHelpOptions = true, description = "Why a member's pay changed after close: every restated line.")
  static final class Why implements Callable<Integer> {
    @Mixin DatabaseOption db;
    @Option(names = "--member", required = true, description = "member id") String member;
    @Option(names = "--format", defaultValue = "table", description = "table, csv or json (default: table)") OutputFormat format;
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      try (Database database = db.open()) {
        Table t = new Table("restatement", "period", "bonus", "source_order", "source_member", "level", "was", "now", "change", "cause")
            .numeric("restatement", "level", "was", "now", "change");
        for (org.downline.store.RestatementStore.Why w : new org.downline.store.RestatementStore(database).lines(null, member)) {
          var d = w.difference();
          t.row(Long.toString(w.restatementId()), w.period(), d.bonus(), d.sourceOrder() == null ? "" : d.sourceOrder(),
              d.sourceMember() == null ? "" : d.sourceMember(), Integer.toString(d.level()), Decimals.format(d.original()),
              Decimals.format(d.restated()), Decimals.format(d.delta()), d.cause());
        }
        Printed.print(t, format, spec.commandLine().getOut());
      }
      return 0;
    }
  }
}
