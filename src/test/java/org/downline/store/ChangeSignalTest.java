package org.downline.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The change log's wake-up on PostgreSQL (ADR 27): a committed change signals a listener, a rolled
 * back one does not, and the log, not the signal, says what changed.
 */
class ChangeSignalTest {
  private Database db;

  @AfterEach
  void drop() {
    if (db != null) TestDatabases.drop(db);
  }

  @Test
  void aCommitWakesTheListenerAndARollbackDoesNot() {
    db = TestDatabases.fresh(TestDatabases.Kind.POSTGRESQL);
    ChangeLog log = new ChangeLog(db);
    assertThat(log.canListen()).isTrue();
    try (ChangeLog.Listener listener = log.listen()) {
      assertThat(listener.await(50)).isFalse(); // nothing yet: the wait times out
      long before = log.last();
      assertThatThrownBy(() -> db.inTransaction(c -> {
        ChangeLog.record(c, db, ChangeLog.RELOAD, List.of());
        throw new java.sql.SQLException("rolled back on purpose");
      })).isInstanceOf(StoreException.class);
      assertThat(listener.await(300)).isFalse(); // a rolled-back write signals nothing
      assertThat(log.last()).isEqualTo(before);
      log.askReload(); // a committed write (the reload command)
      assertThat(listener.await(5_000)).isTrue();
      assertThat(log.last()).isEqualTo(before + 1);
      assertThat(log.since(before, before + 1).reload()).isTrue();
      assertThat(listener.await(50)).isFalse(); // the signal was taken once
    }
  }

  @Test
  void h2HasNoSignalAndIsPolled() {
    db = TestDatabases.fresh(TestDatabases.Kind.H2);
    assertThat(new ChangeLog(db).canListen()).isFalse();
    new ChangeLog(db).askReload(); // recording works there without a NOTIFY
    assertThat(new ChangeLog(db).last()).isEqualTo(1);
  }
}
