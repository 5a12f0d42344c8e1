package org.downline.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.downline.store.BothDatabases;
import org.downline.store.Database;

/** Failed sign-ins are counted in the database: a username's wait grows twofold per failure, sprayers are slowed per address. */
class LoginAttemptsTest {
  /** A clock the test moves by hand. */
  static final class Hand extends Clock {
    Instant now = Instant.parse("2026-12-01T10:00:00Z");

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }

    void pass(Duration d) {
      now = now.plus(d);
    }
  }

  @BothDatabases
  void aUsernameWaitsOneSecondAfterFiveFailuresThenTwoThenFour(Database db) {
    Hand clock = new Hand();
    LoginAttempts attempts = new LoginAttempts(db, clock);
    for (int i = 0; i < 4; i++) attempts.failed("Ana", "10.0.0.1");
    assertThat(attempts.waitFor("ana", "10.0.0.1")).isNull(); // 4 failures: no wait yet
    attempts.failed("ana", "10.0.0.2"); // 5th failure, another address, same username (case aside)
    assertThat(attempts.waitFor("ANA", "10.0.0.9")).isEqualTo(new LoginAttempts.Wait(LoginAttempts.Scope.USER, 1000));
    clock.pass(Duration.ofMillis(1000));
    assertThat(attempts.waitFor("ana", "10.0.0.9")).isNull();
    attempts.failed("ana", "10.0.0.1"); // 6th: 2 s
    assertThat(attempts.waitFor("ana", "10.0.0.1").millis()).isEqualTo(2000);
    clock.pass(Duration.ofSeconds(2));
    attempts.failed("ana", "10.0.0.1"); // 7th: 4 s
    assertThat(attempts.waitFor("ana", "10.0.0.1").millis()).isEqualTo(4000);
    // A restart is a new object on the same database: it remembers.
    assertThat(new LoginAttempts(db, clock).waitFor("ana", "10.0.0.1").millis()).isEqualTo(4000);
    clock.pass(Duration.ofSeconds(4));
    attempts.succeeded("ANA");
    attempts.failed("ana", "10.0.0.1");
    assertThat(attempts.waitFor("ana", "10.0.0.1")).isNull(); // the count started again at 1
  }

  /** A sign-in clears a username's count only when there is one: the usual sign-in (and API request) writes nothing. */
  @BothDatabases
  void theCheckSaysWhetherTheUsernameHasFailuresToClear(Database db) {
    Hand clock = new Hand();
    LoginAttempts attempts = new LoginAttempts(db, clock);
    assertThat(attempts.check("bea", "10.0.0.1")).isEqualTo(new LoginAttempts.Check(null, false));
    attempts.failed("bea", "10.0.0.1");
    assertThat(attempts.check("BEA", "10.0.0.2")).isEqualTo(new LoginAttempts.Check(null, true));
    attempts.succeeded("bea");
    assertThat(attempts.check("bea", "10.0.0.1").userFailures()).isFalse();
    // The address's count alone is no failure of the username's.
    assertThat(attempts.check("cal", "10.0.0.1")).isEqualTo(new LoginAttempts.Check(null, false));
  }

  @BothDatabases
  void oneAddressTryingManyUsernamesIsSlowedAcrossThem(Database db) {
    Hand clock = new Hand();
    LoginAttempts attempts = new LoginAttempts(db, clock);
    for (int i = 0; i < 19; i++) attempts.failed("user" + i, "203.0.113.7");
    assertThat(attempts.waitFor("fresh", "203.0.113.7")).isNull(); // 19 < 20
    attempts.failed("user19", "203.0.113.7"); // the 20th failure from the address
    assertThat(attempts.waitFor("fresh", "203.0.113.7")).isEqualTo(new LoginAttempts.Wait(LoginAttempts.Scope.ADDRESS, 1000));
    assertThat(attempts.waitFor("fresh", "198.51.100.1")).isNull(); // another address is not slowed
    // A good sign-in from the sprayer does not clear the address count.
    attempts.succeeded("user3");
    assertThat(attempts.waitFor("fresh", "203.0.113.7")).isNotNull();
    // Past the 15-minute window the count starts again.
    clock.pass(Duration.ofMinutes(16));
    assertThat(attempts.waitFor("fresh", "203.0.113.7")).isNull();
    attempts.failed("x", "203.0.113.7");
    assertThat(attempts.waitFor("fresh", "203.0.113.7")).isNull();
  }

  @org.junit.jupiter.api.Test
  void delaysDoubleAndAreCapped() {
    assertThat(LoginAttempts.delayMillis(4, 5, Duration.ofMinutes(15))).isZero();
    assertThat(LoginAttempts.delayMillis(5, 5, Duration.ofMinutes(15))).isEqualTo(1_000);
    assertThat(LoginAttempts.delayMillis(8, 5, Duration.ofMinutes(15))).isEqualTo(8_000); // 2^3 s
    assertThat(LoginAttempts.delayMillis(15, 5, Duration.ofMinutes(15))).isEqualTo(900_000); // 1024 s > 900 s cap
    assertThat(LoginAttempts.delayMillis(1_000, 5, Duration.ofMinutes(15))).isEqualTo(900_000);
  }
}
