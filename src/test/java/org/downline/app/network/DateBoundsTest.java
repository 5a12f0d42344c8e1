package org.downline.app.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.downline.app.commission.RunPeriod;
import org.downline.core.InputError;
import org.downline.core.InvalidInputException;
import org.downline.core.Progress;
import org.downline.network.DateBounds;
import org.downline.planfile.PlanFile;
import org.downline.store.BothDatabases;
import org.downline.store.Database;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Stored records are facts: nothing dated after today plus the allowance; runs only of periods that exist. */
class DateBoundsTest {
  @TempDir Path dir;

  private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

  @Test
  void theAllowanceIsOneDayByDefault() {
    // 2026-12-01 is epoch day 20788; with one day's allowance 2026-12-02 passes and 2026-12-03 does not.
    DateBounds b = DateBounds.of(20788, 1);
    List<String> problems = new ArrayList<>();
    b.check(20789, "date", (c, r) -> problems.add(c + ": " + r.english()));
    assertThat(problems).isEmpty();
    b.check(20790, "date", (c, r) -> problems.add(c + ": " + r.english()));
    assertThat(problems).containsExactly(
        "date: is after 2026-12-02 (today plus the allowance of 1 day); records dated in the future are refused");
  }

  @BothDatabases
  void futureJoinsAndOrdersAreRefusedOnImportAndNothingIsWritten(Database db) throws Exception {
    ImportFile importer = new ImportFile(db, Progress.NONE);
    Path members = Files.writeString(dir.resolve("members.csv"), "id,sponsor_id,kind,join_date\n"
        + "D1,,distributor,2026-01-05\n"
        + "D2,D1,distributor,9999-01-01\n");
    assertThatThrownBy(() -> importer.importMembers(members)).isInstanceOfSatisfying(InvalidInputException.class,
        e -> assertThat(e.errors()).extracting(InputError::toString).containsExactly("members.csv:3: column join_date: is"
            + " after " + TODAY.plusDays(1) + " (today plus the allowance of 1 day); records dated in the future are refused"));
    Path good = Files.writeString(dir.resolve("good.csv"), "id,sponsor_id,kind,join_date\nD1,,distributor,2026-01-05\n");
    assertThat(importer.importMembers(good).inserted()).isEqualTo(1); // the refused file wrote nothing: D1 is new here
    Path orders = Files.writeString(dir.resolve("orders.csv"), "id,member_id,date,pv,cv,return_of\n"
        + "o1,D1,2026-02-01,100,80,\n"
        + "o2,D1,2035-01-01,100,80,\n"
        + "o3,D1,9999-12-31,100,80,\n");
    assertThatThrownBy(() -> importer.importOrders(orders)).isInstanceOfSatisfying(InvalidInputException.class,
        e -> assertThat(e.errors()).extracting(InputError::line).containsExactly(3L, 4L));
  }

  @BothDatabases
  void aRunOfAPeriodBeforeTheCompanyOrAfterTodayIsRefused(Database db) throws Exception {
    ImportFile importer = new ImportFile(db, Progress.NONE);
    importer.importMembers(Files.writeString(dir.resolve("m.csv"), "id,sponsor_id,kind,join_date\nD1,,distributor,2026-01-05\n"));
    importer.importOrders(Files.writeString(dir.resolve("o.csv"), "id,member_id,date,pv,cv,return_of\no1,D1,2026-02-01,100,80,\n"));
    RunPeriod run = new RunPeriod(db);
    String plan = PlanFile.source("demo");
    assertThatThrownBy(() -> run.run("1999-01", PlanFile.load("demo"), plan, Progress.NONE))
        .isInstanceOf(InvalidInputException.class).hasMessage("period 1999-01 is before the company's first period 2026-01");
    String next = TODAY.plusMonths(1).toString().substring(0, 7);
    String current = TODAY.toString().substring(0, 7);
    assertThatThrownBy(() -> run.run(next, PlanFile.load("demo"), plan, Progress.NONE))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("period " + next + " is after the current period " + current + "; a period is run once it has begun");
    assertThat(run.run("2026-01", PlanFile.load("demo"), plan, Progress.NONE).period()).isEqualTo("2026-01");
  }
}
