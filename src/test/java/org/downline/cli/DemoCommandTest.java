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
  void preparesACompanyWithRunsSegmentsAndLogins() throws java.sql.SQLException {
    Cli cli = Cli.run("demo", "--members", "400", "--months", "3", "--seed", "5", "--no-serve",
        "--data", dir.toString());
    assertThat(cli.status()).as(cli.err()).isZero();
    assertThat(cli.out()).contains("1. A company of 400 members", "2. Commissions of the demo plan",
        "3. Purchase-frequency segments", "4. A strategy, 7 objectives and 12 tactics", "5. Logins for the web app", "company console:     admin / ",
        "In Romanian: sign in, then open /office?lang=ro", "in Polish: ?lang=pl");
    // The statement of the latest year with closed periods (two of the three months are closed), its all row printed.
    assertThat(cli.out()).contains("3b. Income disclosure statement ", "periods not closed, left out: ",
        "   year,group,participants,share_of_participants,").containsPattern("\n   \\d{4},all,\\d+,100\\.0,");
    assertThat(dir.toFile().list()).anyMatch(f -> f.startsWith("demo-income-disclosure-") && f.endsWith(".html"));

    try (Database db = Database.open("jdbc:h2:file:" + dir.resolve("demo"))) {
      Map<String, String> states = new PeriodStore(db).states();
      // Three months of orders: the first two closed, the last one calculated and still open to orders.
      assertThat(states.values()).containsExactly(PeriodStore.CLOSED, PeriodStore.CLOSED, PeriodStore.CALCULATED);
      // Plan modelling: the generator leaves a few recruits in the holding tank, and the comparison's demo
      // figure of each month is what that month's stored run of the demo plan paid.
      assertThat(cli.out()).containsPattern("3a\\. The binary plan: [\\d,]+ distributors in the placement tree, [1-9][\\d,]* in the holding tank");
      org.downline.store.RunStore runs = new org.downline.store.RunStore(db);
      for (String period : states.keySet()) {
        String paid = org.downline.core.Decimals.format(runs.current(period).orElseThrow().total());
        assertThat(cli.out()).containsPattern("\n   " + period + " +" + java.util.regex.Pattern.quote(paid) + " +-?[\\d.]+ +-?[\\d.]+\n");
      }
      // The strategy: 12 tactics (the 8 generated campaigns and 4 more), 7 objectives, 3 problems.
      assertThat(new org.downline.store.TacticStore(db).load()).hasSize(12);
      assertThat(new org.downline.store.StrategyStore(db).objectives()).hasSize(7);
      assertThat(new org.downline.store.StrategyStore(db).problems()).hasSize(3);
      // The demo recodes orders' campaigns in place, which the log does not follow row by row: it logs a
      // reload (the only one: 400 members are logged row by row), so no server and no stored model (ADR
      // 38) keeps the codes from before.
      try (var c = db.connection(); var st = c.createStatement();
          var rs = st.executeQuery("SELECT COUNT(*) FROM change_log WHERE kind = 'reload'")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getLong(1)).isEqualTo(1);
      }
      assertThat(new UserStore(db).list()).extracting(UserStore.Listed::role).contains("admin", "distributor");
      // The demo's generated members carry their market's locale; a Polish one, if any, has a login of its own.
      String polish = DemoCommand.firstDistributorWithLocale(db, "pl-PL");
      if (polish != null) {
        assertThat(cli.out()).contains("distributor " + polish + ": " + polish.toLowerCase(java.util.Locale.ROOT) + " / ",
            "(in Poland: the back office opens in Polish)");
        assertThat(new UserStore(db).language(polish.toLowerCase(java.util.Locale.ROOT))).isEqualTo("pl-PL");
      }
      // The closed months are posted and paid out: one batch per closed month with anyone due.
      assertThat(new org.downline.store.PayoutStore(db).batches()).isNotEmpty()
          .allSatisfy(b -> assertThat(b.state()).isEqualTo("closed"));
      assertThat(new org.downline.store.LedgerStore(db).accountTotals()).containsKey("commission_expense:USD");
      // Prospecting for each distributor login (DemoProspects): 24 contacts in 3 communities, 16 prospects;
      // contacts 0-5 open two per stage; 6-15 by i % 5: 0 not a fit (10, 15), 1 not now (6, 11),
      // 2 joined as a distributor (7, 12), 3 and 4 became customers (8, 9, 13, 14): 6 joined; touches:
      // one opening message each (24) and a call for every even contact (12) = 36.
      assertThat(cli.out()).containsPattern("     [^:]+: 24 contacts in 3 communities, 16 prospects \\(6 joined\\), 36 touches\n");
      try (java.sql.Connection c = db.connection(); java.sql.Statement st = c.createStatement()) {
        java.sql.ResultSet rs = st.executeQuery("SELECT owner_id, COUNT(*) FROM prospect GROUP BY owner_id");
        int owners = 0;
        while (rs.next()) {
          owners++;
          assertThat(rs.getInt(2)).isEqualTo(16);
        }
        assertThat(owners).isPositive();
        rs = st.executeQuery("SELECT COALESCE(outcome, stage), COUNT(*) FROM prospect GROUP BY COALESCE(outcome, stage)");
        Map<String, Integer> by = new java.util.TreeMap<>();
        while (rs.next()) by.put(rs.getString(1), rs.getInt(2) / owners);
        assertThat(by).containsExactlyInAnyOrderEntriesOf(Map.of("understanding", 2, "exploring", 2, "choosing", 2,
            "not-a-fit", 2, "not-now", 2, "joined-distributor", 2, "became-customer", 4));
        rs = st.executeQuery("SELECT COUNT(*) FROM touch");
        rs.next();
        assertThat(rs.getInt(1)).isEqualTo(36 * owners);
        rs = st.executeQuery("SELECT COUNT(*) FROM prospect WHERE stage2_skipped");
        rs.next();
        assertThat(rs.getInt(1)).isEqualTo(owners); // contact 14 joined without an option in stage 2, confirmed
      }
    }
  }

  @Test
  void aSecondDemoStartsAfresh() {
    String[] args = {"demo", "--members", "200", "--months", "2", "--no-serve", "--data", dir.toString()};
    assertThat(Cli.run(args).status()).isZero();
    Cli again = Cli.run(args);
    assertThat(again.status()).as(again.err()).isZero();
    try (Database db = Database.open("jdbc:h2:file:" + dir.resolve("demo"))) {
      // admin, the top earner, and when the company has them a distributor with a clawback and one in Poland.
      assertThat(new UserStore(db).list()).hasSizeBetween(2, 4);
    }
  }
}
