package org.downline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.downline.store.Database;
import org.downline.store.PeriodStore;
import org.downline.web.security.UserStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo prepares a whole company: data, closed commission runs, segments and logins. */
class DemoCommandTest {
  @TempDir Path dir;

  @Test
  void preparesACompanyWithRunsSegmentsAndLogins() {
    Cli cli = Cli.run("demo", "--members", "400", "--months", "3", "--seed", "5", "--no-serve",
        "--data", dir.toString());
    assertThat(cli.status()).as(cli.err()).isZero();
    assertThat(cli.out()).contains("1. A company of 400 members", "2. Commissions of the demo plan",
        "3. Purchase-frequency segments", "4. Logins for the web app", "company console:     admin / ");

    try (Database db = Database.open("jdbc:h2:file:" + dir.resolve("demo"))) {
      Map<String, String> states = new PeriodStore(db).states();
      // Three months of orders: the first two closed, the last one calculated and still open to orders.
      assertThat(states.values()).containsExactly(PeriodStore.CLOSED, PeriodStore.CLOSED, PeriodStore.CALCULATED);
      assertThat(new UserStore(db).list()).extracting(UserStore.Listed::role).contains("admin", "distributor");
      // The closed months are posted and paid out: one batch per closed month with anyone due.
      assertThat(new org.downline.store.PayoutStore(db).batches()).isNotEmpty()
          .allSatisfy(b -> assertThat(b.state()).isEqualTo("closed"));
      assertThat(new org.downline.store.LedgerStore(db).accountTotals()).containsKey("commission_expense:USD");
    }
  }

  @Test
  void aSecondDemoStartsAfresh() {
    String[] args = {"demo", "--members", "200", "--months", "2", "--no-serve", "--data", dir.toString()};
    assertThat(Cli.run(args).status()).isZero();
    Cli again = Cli.run(args);
    assertThat(again.status()).as(again.err()).isZero();
    try (Database db = Database.open("jdbc:h2:file:" + dir.resolve("demo"))) {
      assertThat(new UserStore(db).list()).hasSizeBetween(2, 3); // a second distributor when one has a clawback
    }
  }
}
