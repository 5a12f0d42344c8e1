package org.downline.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.downline.core.ConflictException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The period locks an order, an import and a close take ({@link PeriodStore#lock},
 * {@link PeriodStore#lockShared}): a known period is locked on the writer's own connection (a second
 * one from a busy pool deadlocked two servers under load), orders share a period on PostgreSQL, and
 * a close or an import still waits for them.
 */
class PeriodLockTest {
  private Database db;

  @AfterEach
  void drop() {
    if (db != null) TestDatabases.drop(db);
  }

  @BothDatabases
  void aKnownPeriodIsLockedWithTheWritersConnectionAlone(Database db) throws SQLException {
    open(db, "2026-03");
    // A pool of two with one taken (opening migrates with two): asking it for a second connection
    // inside the transaction could never be answered.
    try (Database one = Database.open(db.url(), 2); java.sql.Connection taken = one.connection()) {
      Map<String, String> shared = one.inTransaction(c -> PeriodStore.lockShared(c, one, Set.of("2026-03")));
      Map<String, String> exclusive = one.inTransaction(c -> PeriodStore.lock(c, one, Set.of("2026-03")));
      assertThat(shared).containsExactly(Map.entry("2026-03", PeriodStore.OPEN));
      assertThat(exclusive).containsExactly(Map.entry("2026-03", PeriodStore.OPEN));
    }
  }

  /** The first order of a new month creates its period in its own transaction, with no second connection. */
  @BothDatabases
  void aNewPeriodIsCreatedWithTheWritersConnectionAlone(Database db) throws SQLException {
    try (Database one = Database.open(db.url(), 2); java.sql.Connection taken = one.connection()) {
      Map<String, String> shared = one.inTransaction(c -> PeriodStore.lockShared(c, one, Set.of("2026-06")));
      Map<String, String> exclusive = one.inTransaction(c -> PeriodStore.lock(c, one, Set.of("2026-07", "2026-06")));
      assertThat(shared).containsExactly(Map.entry("2026-06", PeriodStore.OPEN));
      assertThat(exclusive).containsExactly(Map.entry("2026-06", PeriodStore.OPEN), Map.entry("2026-07", PeriodStore.OPEN));
    }
    assertThat(new PeriodStore(db).states()).containsKeys("2026-06", "2026-07");
  }

  /** A write that fails leaves no period behind: the period is created in its transaction. */
  @BothDatabases
  void aPeriodCreatedByAFailedWriteIsNotKept(Database db) {
    assertThatThrownBy(() -> db.inTransaction(c -> {
      PeriodStore.lockShared(c, db, Set.of("2026-08"));
      throw new ConflictException("the order was refused");
    })).isInstanceOf(ConflictException.class);
    assertThat(new PeriodStore(db).states()).doesNotContainKey("2026-08");
  }

  @BothDatabases
  void aNewPeriodIsCreatedOpenAndLocked(Database db) {
    Map<String, String> states = db.inTransaction(c -> PeriodStore.lockShared(c, db, Set.of("2026-05", "2026-04")));
    assertThat(states).containsExactly(Map.entry("2026-04", PeriodStore.OPEN), Map.entry("2026-05", PeriodStore.OPEN));
    assertThat(new PeriodStore(db).states()).containsKeys("2026-04", "2026-05");
  }

  @Test
  @Tag("postgres")
  void ordersShareAPeriodAndACloseWaitsForThem() throws Exception {
    db = TestDatabases.fresh(TestDatabases.Kind.POSTGRESQL);
    open(db, "2026-03");
    CountDownLatch held = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    CompletableFuture<Void> firstOrder = CompletableFuture.runAsync(() -> db.inTransaction(c -> {
      PeriodStore.lockShared(c, db, Set.of("2026-03"));
      held.countDown();
      try {
        release.await(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return null;
    }));
    assertThat(held.await(30, TimeUnit.SECONDS)).isTrue();
    try {
      // A second order gets the period at once; a close (the exclusive lock) is kept waiting.
      Map<String, String> second = db.inTransaction(c -> {
        shortWait(c);
        return PeriodStore.lockShared(c, db, Set.of("2026-03"));
      });
      assertThat(second).containsEntry("2026-03", PeriodStore.OPEN);
      assertThatThrownBy(() -> db.inTransaction(c -> {
        shortWait(c);
        return PeriodStore.lock(c, db, Set.of("2026-03"));
      })).isInstanceOf(ConflictException.class).hasMessageContaining("busy");
    } finally {
      release.countDown();
    }
    firstOrder.get(30, TimeUnit.SECONDS);
    // Once the order has committed the close gets its lock.
    Map<String, String> closing = db.inTransaction(c -> {
      shortWait(c);
      return PeriodStore.lock(c, db, Set.of("2026-03"));
    });
    assertThat(closing).containsEntry("2026-03", PeriodStore.OPEN);
  }

  private static void open(Database db, String period) {
    db.inTransaction(c -> {
      PeriodStore.ensure(c, Set.of(period));
      return null;
    });
  }

  private static void shortWait(java.sql.Connection c) throws java.sql.SQLException {
    try (var s = c.createStatement()) {
      s.execute("SET LOCAL lock_timeout = '300ms'");
    }
  }
}
