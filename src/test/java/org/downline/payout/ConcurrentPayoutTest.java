package org.downline.payout;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.downline.app.payout.Payouts;
import org.downline.store.CommissionStore;
import org.downline.store.Database;
import org.downline.store.LedgerStore;
import org.downline.store.PayoutStore;
import org.downline.store.TestDatabases;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two payout runs started at the same moment on PostgreSQL: the payout lock makes the second wait
 * for the first and then find nothing due, so each balance is paid once (A5 604.32 + A4 105.64 +
 * C 29.70 + S2 100.00 = 839.66, minimum 25.00, details for all of them).
 */
@org.junit.jupiter.api.Tag("postgres") // the PostgreSQL tier: failsafe in `verify`
class ConcurrentPayoutTest {
  @TempDir Path dir;

  @RepeatedTest(3)
  void twoRunsAtOncePayEachBalanceOnce() throws Exception {
    Database db = TestDatabases.fresh(TestDatabases.Kind.POSTGRESQL);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      CommissionStore store = PayoutsTest.company(db, dir);
      PayoutsTest.close(db, "2026-10");
      Payouts payouts = new Payouts(db);
      for (String m : List.of("A5", "A4", "C", "S2")) payouts.details(m, "Holder", PayoutsTest.IBAN, null, "staff");
      CountDownLatch start = new CountDownLatch(1);
      List<Future<Payouts.RunResult>> runs = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        runs.add(pool.submit(() -> {
          start.await();
          return payouts.run("2026-10", PayoutsTest.c("25.00"), Map.of(), "staff");
        }));
      }
      start.countDown();
      int batches = 0;
      for (Future<Payouts.RunResult> f : runs) if (f.get().batch().isPresent()) batches++;
      assertThat(batches).isEqualTo(1);
      assertThat(new PayoutStore(db).batches()).hasSize(1);
      assertThat(new PayoutStore(db).batches().getFirst().paidTotals()).containsExactly(Map.entry("USD", PayoutsTest.c("839.66")));
      assertThat(new LedgerStore(db).accountTotals()).containsEntry("payouts:USD", PayoutsTest.c("839.66"));
      for (String m : List.of("A5", "A4", "C", "S2")) assertThat(new LedgerStore(db).balance(m)).containsEntry("USD", 0L);
    } finally {
      pool.shutdownNow();
      TestDatabases.drop(db);
    }
  }
}
