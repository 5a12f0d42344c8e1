package org.downline.payout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.downline.app.payout.Restatements;
import org.downline.core.ConflictException;
import org.downline.core.InvalidInputException;
import org.downline.planfile.PlanFile;
import org.downline.store.BothDatabases;
import org.downline.store.CommissionStore;
import org.downline.store.Database;
import org.downline.store.LedgerStore;
import org.downline.store.RestatementStore;
import org.downline.store.RunStore;
import org.junit.jupiter.api.io.TempDir;

/**
 * A restatement of October (PayoutsTest's example) with a late order: D's second order of CV 100
 * on 2026-10-20 ("late1"), which was not in the closed run.
 */
class RestatementTest {
  @TempDir Path dir;

  @BothDatabases
  void aLateOrderPostsOnlyTheDifferencesWithTheirCause(Database db) throws Exception {
    CommissionStore store = PayoutsTest.company(db, dir);
    PayoutsTest.close(db, "2026-10");
    long closedRun = new RunStore(db).current("2026-10").orElseThrow().id();
    Path late = Files.writeString(dir.resolve("late.csv"), "id,member_id,date,pv,cv,return_of\nlate1,D,2026-10-20,0,100,\n");

    // By hand (DemoPlanRulesTest's cap example, doubled): T = 200 CV, cap 50% = 100. Fast start
    // 25% x 100 per order to C: 50.00. Unilevel per order 5 + 5 + 6 + 6 + 4 = 26 and matching 0.60
    // (A5 on A4's 6.00), U = 2 x 26.60 = 53.20; 50 + 53.20 > 100, so unilevel and matching scale
    // by (100 - 50) / 53.20 = 25 / 26.60, the same factor as before: oD's lines stay as they were
    // and late1 gets the same lines: C fast_start 25.00 and unilevel 4.70 (5 x 0.9398 = 4.699),
    // B 4.70, A3 5.64 (6 x 0.9398 = 5.639), A4 5.64, A5 unilevel 3.76 and matching 0.56.
    // Per member: C +29.70, B +4.70, A3 +5.64, A4 +5.64, A5 +4.32; total 50.00.
    Restatements.Result r = new Restatements(db).restate("2026-10", PlanFile.builtIn("demo"), late, "late order from the shop", "staff");
    assertThat(r.differences()).extracting(d -> d.earner(), d -> d.bonus(), d -> d.sourceOrder(), d -> d.level(), d -> d.original(),
        d -> d.restated(), d -> d.cause()).containsExactly(
            tuple("A3", "unilevel", "late1", 3, 0L, 564L, "order late1"),
            tuple("A4", "unilevel", "late1", 4, 0L, 564L, "order late1"),
            tuple("A5", "matching", "late1", 1, 0L, 56L, "order late1"),
            tuple("A5", "unilevel", "late1", 5, 0L, 376L, "order late1"),
            tuple("B", "unilevel", "late1", 2, 0L, 470L, "order late1"),
            tuple("C", "fast_start", "late1", 1, 0L, 2500L, "order late1"),
            tuple("C", "unilevel", "late1", 1, 0L, 470L, "order late1"));
    assertThat(Restatement.byEarner(r.differences())).containsExactly(Map.entry("A3", 564L), Map.entry("A4", 564L),
        Map.entry("A5", 432L), Map.entry("B", 470L), Map.entry("C", 2970L));

    // The closed run is untouched; the ledger has the differences: C 29.70 + 29.70 = 59.40, A5
    // 604.32 + 4.32 = 608.64; the company's adjustment expense -50.00.
    assertThat(new RunStore(db).current("2026-10").orElseThrow().id()).isEqualTo(closedRun);
    assertThat(new RunStore(db).current("2026-10").orElseThrow().total()).isEqualTo(PayoutsTest.c("850.00"));
    LedgerStore ledger = new LedgerStore(db);
    assertThat(ledger.balance("C")).containsExactly(Map.entry("USD", PayoutsTest.c("59.40")));
    assertThat(ledger.balance("A5")).containsExactly(Map.entry("USD", PayoutsTest.c("608.64")));
    assertThat(ledger.accountTotals()).containsEntry("adjustment_expense:USD", PayoutsTest.c("-50.00"))
        .containsEntry("member:USD", PayoutsTest.c("900.00"));

    // C's "why this changed" list.
    assertThat(new RestatementStore(db).lines(null, "C")).extracting(w -> w.reason(), w -> w.difference().bonus(),
        w -> w.difference().delta(), w -> w.difference().cause())
        .containsExactly(tuple("late order from the shop", "fast_start", 2500L, "order late1"),
            tuple("late order from the shop", "unilevel", 470L, "order late1"));

    // Once per period; only closed periods; corrections dated in the period.
    assertThatThrownBy(() -> new Restatements(db).restate("2026-10", PlanFile.builtIn("demo"), late, "again", "staff"))
        .isInstanceOf(ConflictException.class).hasMessageContaining("already restated");
    assertThatThrownBy(() -> new Restatements(db).restate("2026-11", PlanFile.builtIn("demo"), late, "open", "staff"))
        .isInstanceOf(ConflictException.class).hasMessageContaining("not closed");
    PayoutsTest.close(db, "2026-11"); // late.csv's October order is not a correction of November
    assertThatThrownBy(() -> new Restatements(db).restate("2026-11", PlanFile.builtIn("demo"), late, "dates", "staff"))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("late.csv:2: column date: a correction of 2026-11 must be dated in it");
  }
}
