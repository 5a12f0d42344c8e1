package org.downline.payout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.downline.app.payout.Payouts;
import org.downline.commission.Plan;
import org.downline.core.ConflictException;
import org.downline.core.InvalidInputException;
import org.downline.core.Progress;
import org.downline.planfile.PlanFile;
import org.downline.store.BothDatabases;
import org.downline.store.CommissionStore;
import org.downline.store.Database;
import org.downline.app.network.ImportFile;
import org.downline.store.LedgerStore;
import org.downline.store.PayoutStore;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ledger and payouts on the worked example of CommissionStoreTest (October: A5 604.32 = 600 +
 * 3.76 + 0.56, A4 105.64 = 100 + 5.64, A3 5.64, B 4.70, C 29.70 = 25 + 4.70, S2 100.00, total
 * 850.00; November: D returns 40 of CV, clawbacks A3 -2.26, A4 -2.26, A5 -1.72 = -0.22 - 1.50, B
 * -1.88, C -11.88, total -20.00).
 */
public class PayoutsTest {
  @TempDir Path dir;

  // The gold chain of CommissionStoreTest: D's October order oD of CV 100, 40 of it returned (r1) in November.
  static final String MEMBERS = org.downline.store.CommissionStoreTest.MEMBERS;
  static final String ORDERS = org.downline.store.CommissionStoreTest.ORDERS;

  public static final String IBAN = "DE89370400440532013000";

  /** Imports the example and returns its store. */
  public static CommissionStore company(Database db, Path dir) throws Exception {
    ImportFile importer = new ImportFile(db, Progress.NONE);
    importer.importMembers(Files.writeString(dir.resolve("members.csv"), MEMBERS));
    importer.importOrders(Files.writeString(dir.resolve("orders.csv"), ORDERS));
    return new CommissionStore(db);
  }

  public static void close(Database db, String period) {
    Plan plan = PlanFile.builtIn("demo");
    CommissionStore.Run run = new org.downline.app.commission.RunPeriod(db).run(period, plan, PlanFile.source("demo"),
        Progress.NONE);
    new org.downline.app.commission.ClosePeriod(db).close(period, run.id());
  }

  public static long c(String amount) {
    return org.downline.core.Decimals.parseCents(amount);
  }

  @BothDatabases
  void closingPostsTheRunAndPayoutsPayCarryHoldFailAndAdjust(Database db) throws Exception {
    CommissionStore store = company(db, dir);
    LedgerStore ledger = new LedgerStore(db);
    Payouts payouts = new Payouts(db);

    close(db, "2026-10");
    assertThat(ledger.balance("A5")).containsExactly(Map.entry("USD", c("604.32")));
    assertThat(ledger.balance("C")).containsExactly(Map.entry("USD", c("29.70")));
    assertThat(ledger.balance("D")).isEmpty();
    // 850.00 owed to earners against the company's commission expense
    assertThat(ledger.accountTotals()).containsEntry("member:USD", c("850.00")).containsEntry("commission_expense:USD", c("-850.00"));

    for (String m : List.of("A5", "A4", "A3", "B", "C")) payouts.details(m, "Holder " + m, IBAN, "COBADEFFXXX", "staff");
    payouts.hold("A4", "identity documents missing", "staff");

    // Through October, minimum 25.00: A5 604.32 and C 29.70 paid (634.02); A4 on hold; S2 has no
    // details; A3 5.64 and B 4.70 below the minimum.
    Payouts.RunResult first = payouts.run("2026-10", c("25.00"), Map.of(), "staff");
    PayoutStore.Batch batch = first.batch().orElseThrow();
    assertThat(first.carried()).containsExactlyInAnyOrderEntriesOf(Map.of("on_hold", 1, "no_details", 1, "below_minimum", 2));
    assertThat(batch.paidTotals()).containsExactly(Map.entry("USD", c("634.02")));
    assertThat(new PayoutStore(db).lines(batch.id())).extracting(PayoutStore.Line::memberId, PayoutStore.Line::amount)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("A5", c("604.32")), org.assertj.core.groups.Tuple.tuple("C", c("29.70")));
    assertThat(ledger.balance("A5")).containsExactly(Map.entry("USD", 0L));

    // The same run again pays nothing twice.
    Payouts.RunResult again = payouts.run("2026-10", c("25.00"), Map.of(), "staff");
    assertThat(again.batch()).isEmpty();

    // November's clawbacks: C 29.70 - 29.70 - 11.88 = -11.88 and A5 604.32 - 604.32 - 1.72 = -1.72,
    // negative; A4 105.64 - 2.26 = 103.38; A3 5.64 - 2.26 = 3.38; B 4.70 - 1.88 = 2.82.
    close(db, "2026-11");
    assertThat(ledger.balance("C")).containsExactly(Map.entry("USD", c("-11.88")));
    assertThat(ledger.balance("A5")).containsExactly(Map.entry("USD", c("-1.72")));

    assertThatThrownBy(() -> payouts.markPaid(batch.id(), List.of(), "staff")).isInstanceOf(ConflictException.class)
        .hasMessageContaining("once it is approved");
    payouts.approve(batch.id(), "approver");
    assertThatThrownBy(() -> payouts.approve(batch.id(), "approver")).isInstanceOf(ConflictException.class);
    // C's transfer fails: the 29.70 returns, -11.88 + 29.70 = 17.82.
    payouts.markFailed(batch.id(), List.of("C"), "account closed", "staff");
    assertThat(ledger.balance("C")).containsExactly(Map.entry("USD", c("17.82")));
    PayoutStore.Batch settled = payouts.markPaid(batch.id(), List.of(), "staff");
    assertThat(settled.state()).isEqualTo("closed");
    assertThat(settled.paidTotals()).containsExactly(Map.entry("USD", c("604.32")));
    assertThat(new PayoutStore(db).lines(batch.id())).extracting(PayoutStore.Line::state).containsExactly("paid", "failed");

    // A4's hold lifted: through November A4's 103.38 is paid; C 17.82 below the minimum; A5
    // negative; S2 no details; A3 3.38 and B 2.82 below.
    payouts.release("A4", "staff");
    assertThatThrownBy(() -> payouts.release("A4", "staff")).isInstanceOf(ConflictException.class);
    Payouts.RunResult second = payouts.run("2026-11", c("25.00"), Map.of(), "staff");
    assertThat(second.batch().orElseThrow().paidTotals()).containsExactly(Map.entry("USD", c("103.38")));
    assertThat(second.carried()).containsExactlyInAnyOrderEntriesOf(Map.of("negative", 1, "no_details", 1, "below_minimum", 3));

    // A staff adjustment of 30.00 to B: 2.82 + 30.00 = 32.82.
    payouts.adjust("B", c("30.00"), "2026-11", "order entered late", null, "staff");
    assertThat(ledger.balance("B")).containsExactly(Map.entry("USD", c("32.82")));

    // Company: closed runs 850.00 - 20.00 = 830.00, adjustments 30.00, payouts 634.02 - 29.70 +
    // 103.38 = 707.70: owed 830.00 + 30.00 - 707.70 = 152.30 = A5 -1.72 + A3 3.38 + B 32.82 + C
    // 17.82 + S2 100.00.
    assertThat(ledger.accountTotals()).containsEntry("member:USD", c("152.30"))
        .containsEntry("commission_expense:USD", c("-830.00"))
        .containsEntry("adjustment_expense:USD", c("-30.00"))
        .containsEntry("payouts:USD", c("707.70"));

    // Every write by staff is in the audit log.
    try (var conn = db.connection(); var st = conn.createStatement();
        var rs = st.executeQuery("SELECT action, COUNT(*) FROM audit_log GROUP BY action ORDER BY action")) {
      StringBuilder sb = new StringBuilder();
      while (rs.next()) sb.append(rs.getString(1)).append('=').append(rs.getInt(2)).append(' ');
      assertThat(sb.toString().strip()).isEqualTo("payouts.adjust=1 payouts.approve=1 payouts.details=5 payouts.failed=1 payouts.hold=1"
          + " payouts.paid=1 payouts.release=1 payouts.run=2");
    }
  }

  @BothDatabases
  void refusalsChangeNothing(Database db) throws Exception {
    CommissionStore store = company(db, dir);
    Payouts payouts = new Payouts(db);
    close(db, "2026-10");
    assertThatThrownBy(() -> payouts.details("A5", "Holder", "DE89370400440532013001", null, "staff"))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("not a valid IBAN");
    assertThatThrownBy(() -> payouts.adjust("A5", 0, "2026-10", "nothing", null, "staff")).isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> payouts.adjust("nobody", 100, "2026-10", "x", null, "staff"))
        .isInstanceOf(org.downline.core.NotFoundException.class);
    assertThatThrownBy(() -> payouts.hold("A5", " ", "staff")).isInstanceOf(InvalidInputException.class);

    // A5 is in a EUR market with payout details: without a rate, the run is refused and writes nothing.
    payouts.market("DE", "EUR", "staff");
    try (var conn = db.connection(); var st = conn.createStatement()) {
      st.executeUpdate("INSERT INTO member_profile (member_id, country) VALUES ('A5', 'DE')");
    }
    payouts.details("A5", "Holder", IBAN, null, "staff");
    assertThatThrownBy(() -> payouts.run("2026-10", c("25.00"), Map.of(), "staff")).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("no rate from USD to EUR");
    assertThat(new PayoutStore(db).batches()).isEmpty();
    assertThat(new LedgerStore(db).balance("A5")).containsExactly(Map.entry("USD", c("604.32")));

    // With a rate of 0.9215 EUR per USD: 604.32 x 0.9215 = 556.88088 -> 556.88 EUR, recorded with the batch.
    PayoutStore.Batch b = payouts.run("2026-10", c("25.00"), Map.of("EUR", new BigDecimal("0.9215")), "staff").batch().orElseThrow();
    assertThat(b.paidTotals()).containsExactly(Map.entry("EUR", c("556.88")));
    assertThat(b.rates()).containsExactly(Map.entry("EUR", new BigDecimal("0.9215")));
    PayoutStore.Line line = new PayoutStore(db).lines(b.id()).getFirst();
    assertThat(line.amount()).isEqualTo(c("604.32"));
    assertThat(line.currency()).isEqualTo("USD");
    assertThat(line.paidCurrency()).isEqualTo("EUR");
  }
}
