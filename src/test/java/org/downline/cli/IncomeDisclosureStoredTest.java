package org.downline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.downline.commission.Plan;
import org.downline.core.Progress;
import org.downline.disclosure.DisclosureCompany;
import org.downline.planfile.PlanFile;
import org.downline.store.BothDatabases;
import org.downline.app.commission.ClosePeriod;
import org.downline.app.commission.RunPeriod;
import org.downline.store.Database;
import org.downline.app.network.ImportFile;
import org.junit.jupiter.api.io.TempDir;

/** The year reports on stored data: from the closed runs, periods not closed named and left out. */
class IncomeDisclosureStoredTest {
  @TempDir Path dir;

  @BothDatabases
  void fromClosedRunsWithTheOpenPeriodsLeftOut(Database db) throws Exception {
    DisclosureCompany.write(dir);
    ImportFile importer = new ImportFile(db, Progress.NONE);
    importer.importMembers(dir.resolve("members.csv"));
    importer.importOrders(dir.resolve("orders.csv"));
    Plan plan = PlanFile.load(dir.resolve("plan.yaml").toString());
    String planText = Files.readString(dir.resolve("plan.yaml"));
    RunPeriod runs = new RunPeriod(db);
    ClosePeriod closes = new ClosePeriod(db);
    for (int m = 1; m <= 10; m++) closeMonth(runs, closes, plan, planText, m);
    String plans = dir.resolve("plan.yaml").toString();

    Cli partial = Cli.run("report", "income-disclosure", "--year", "2025", "--plan", plans, "--format", "csv", "--db", db.url());
    assertThat(partial.status()).as(partial.err()).isZero();
    assertThat(partial.err()).contains("periods of 2025 not closed, left out: 2025-11, 2025-12");
    // November and December left out: months P, S, U 10, T Mar-Oct 8, V 2. Per month, bronze:
    // T 6.00 / 8 = 0.75, P 12.25 / 10 = 1.225, S 16.50 / 10 = 1.65 -> position 2 -> 1.225 -> 1.23 (half away);
    // all: 0, 0, 0.75, 1.225, 1.65 -> position 3 -> 0.75. Everything else as the whole year (nothing happened later).
    assertThat(partial.out()).isEqualTo(DisclosureCompany.STATEMENT_CSV
        .replace(",16.50,1.02,-134.00,", ",16.50,1.23,-134.00,").replace(",16.50,0.60,-87.75,", ",16.50,0.75,-87.75,"));

    closeMonth(runs, closes, plan, planText, 11);
    closeMonth(runs, closes, plan, planText, 12);
    Cli whole = Cli.run("report", "income-disclosure", "--year", "2025", "--plan", plans, "--format", "csv", "--db", db.url());
    assertThat(whole.status()).as(whole.err()).isZero();
    assertThat(whole.err()).doesNotContain("left out");
    // The closed runs pay what file mode computes: the same statement.
    assertThat(whole.out()).isEqualTo(DisclosureCompany.STATEMENT_CSV);
  }

  static void closeMonth(RunPeriod runs, ClosePeriod closes, Plan plan, String planText, int month) {
    String period = String.format("2025-%02d", month);
    closes.close(period, runs.run(period, plan, planText, Progress.NONE).id());
  }
}
