package org.downline.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.downline.core.Refusal;
import org.downline.store.BothDatabases;
import org.downline.store.Database;

/** Twelve parallel activations of one invitation code: exactly one login is made, the rest are refused plainly. */
class ActivationRaceTest {
  @BothDatabases
  void oneCodeMakesOneLoginHoweverManyUseItAtOnce(Database db) throws Exception {
    try (Connection c = db.connection(); Statement s = c.createStatement()) {
      s.execute("INSERT INTO member (id, sponsor_id, kind, join_date) VALUES ('D1', NULL, 'distributor', DATE '2026-01-05')");
    }
    UserStore users = new UserStore(db);
    String code = users.invite("D1", "staff", Duration.ofDays(1));
    int n = 12;
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(n);
    List<Future<String>> answers = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      int k = i;
      answers.add(pool.submit(() -> {
        start.await();
        try {
          return "made " + users.activate(code, "user" + k, "tulip-secret-" + k).username();
        } catch (Refusal e) {
          return "refused";
        }
      }));
    }
    start.countDown();
    List<String> results = new ArrayList<>();
    for (Future<String> f : answers) results.add(f.get()); // any other exception fails the test here
    pool.shutdown();
    assertThat(results.stream().filter(r -> r.startsWith("made")).count()).isEqualTo(1);
    assertThat(results.stream().filter(r -> r.equals("refused")).count()).isEqualTo(n - 1);
    try (Connection c = db.connection(); Statement s = c.createStatement();
        var rs = s.executeQuery("SELECT COUNT(*) FROM users WHERE member_id = 'D1'")) {
      rs.next();
      assertThat(rs.getInt(1)).isEqualTo(1);
    }
  }
}
