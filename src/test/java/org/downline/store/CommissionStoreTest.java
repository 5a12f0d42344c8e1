package org.downline.store;

import org.downline.app.network.ImportFile;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.downline.commission.Plan;
import org.downline.core.InvalidInputException;
import org.downline.core.Progress;
import org.downline.planfile.PlanFile;
import org.junit.jupiter.api.io.TempDir;

/**
 * Database mode on H2 and PostgreSQL, with the worked example of DemoPlanRulesTest (a gold chain,
 * D's October order of CV 100 under the cap, 40 of it returned in November).
 */
public class CommissionStoreTest {
  @TempDir Path dir;

  public static final String MEMBERS = """
      id,sponsor_id,kind,join_date
      A5,,distributor,2026-01-01
      A4,A5,distributor,2026-01-01
      A3,A4,distributor,2026-01-01
      B,A3,distributor,2026-01-01
      C,B,distributor,2026-01-01
      D,C,distributor,2026-10-01
      Y1,A4,distributor,2026-01-01
      S2,A5,distributor,2026-01-01
      b21,S2,distributor,2026-01-01
      b22,S2,distributor,2026-01-01
      Z,A5,distributor,2026-01-01
      """;

  public static final String ORDERS = """
      id,member_id,date,pv,cv,return_of
      v-A5,A5,2026-10-02,100,0,
      v-A4,A4,2026-10-02,100,0,
      v-A3,A3,2026-10-02,300,0,
      v-B,B,2026-10-02,100,0,
      v-C,C,2026-10-02,100,0,
      v-Y1,Y1,2026-10-02,1400,0,
      v-S2,S2,2026-10-02,100,0,
      v-b21,b21,2026-10-02,1500,0,
      v-b22,b22,2026-10-02,1400,0,
      v-Z,Z,2026-10-02,3000,0,
      oD,D,2026-10-10,0,100,
      r1,D,2026-11-10,0,-40,oD
      """;

  // Worked by hand in DemoPlanRulesTest.capScalesUnilevelAndMatchingAndClawbackTakesBackWhatWasPaid.
  static final List<String> OCTOBER = List.of(
      "2026-10,A3,unilevel,5.64,oD,D,3",
      "2026-10,A4,rank_advancement,100.00,,,0",
      "2026-10,A4,unilevel,5.64,oD,D,4",
      "2026-10,A5,matching,0.56,oD,D,1",
      "2026-10,A5,rank_advancement,600.00,,,0",
      "2026-10,A5,unilevel,3.76,oD,D,5",
      "2026-10,B,unilevel,4.70,oD,D,2",
      "2026-10,C,fast_start,25.00,oD,D,1",
      "2026-10,C,unilevel,4.70,oD,D,1",
      "2026-10,S2,rank_advancement,100.00,,,0");
  static final List<String> NOVEMBER = List.of(
      "2026-11,A3,clawback,-2.26,r1,D,3",
      "2026-11,A4,clawback,-2.26,r1,D,4",
      "2026-11,A5,clawback,-0.22,r1,D,1",
      "2026-11,A5,clawback,-1.50,r1,D,5",
      "2026-11,B,clawback,-1.88,r1,D,2",
      "2026-11,C,clawback,-11.88,r1,D,1");

  @BothDatabases
  void runsCloseAndClosedPeriodsStayAsTheyWere(Database db) throws Exception {
    ImportFile importer = new ImportFile(db, Progress.NONE);
    importer.importMembers(Files.writeString(dir.resolve("members.csv"), MEMBERS));
    importer.importOrders(Files.writeString(dir.resolve("orders.csv"), ORDERS));
    Plan plan = PlanFile.builtIn("demo");
    String planText = PlanFile.source("demo");
    CommissionStore store = new CommissionStore(db);

    CommissionStore.Run oct = new org.downline.app.commission.RunPeriod(db).run("2026-10", plan, planText, Progress.NONE);
    assertThat(store.lines(oct.id())).containsExactlyElementsOf(OCTOBER);
    assertThat(oct.planName()).isEqualTo("demo");
    assertThat(new PeriodStore(db).states()).containsEntry("2026-10", PeriodStore.CALCULATED);

    // November while October is open: October is computed in memory for the clawback.
    CommissionStore.Run nov = new org.downline.app.commission.RunPeriod(db).run("2026-11", plan, planText, Progress.NONE);
    assertThat(store.lines(nov.id())).containsExactlyElementsOf(NOVEMBER);
    assertThatThrownBy(() -> new org.downline.app.commission.ClosePeriod(db).close("2026-11", nov.id())).hasMessageContaining("period 2026-10 is not closed yet");
    assertThatThrownBy(() -> new org.downline.app.commission.ClosePeriod(db).close("2026-11", oct.id())).hasMessageContaining("is of period 2026-10");

    CommissionStore.Run closed = new org.downline.app.commission.ClosePeriod(db).close("2026-10", oct.id());
    assertThat(closed.closed()).isTrue();
    assertThat(new PeriodStore(db).states()).containsEntry("2026-10", PeriodStore.CLOSED);
    assertThatThrownBy(() -> new org.downline.app.commission.ClosePeriod(db).close("2026-10", oct.id())).hasMessageContaining("already closed");

    // The closed period's inputs are refused from then on.
    assertThatThrownBy(() -> importer.importOrders(Files.writeString(dir.resolve("late.csv"),
        "id,member_id,date,pv,cv,return_of\nlate,C,2026-10-20,50,50,\n")))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("period 2026-10 is closed");

    // Running the closed period again reproduces its run exactly.
    CommissionStore.Run again = new org.downline.app.commission.RunPeriod(db).run("2026-10", plan, planText, Progress.NONE);
    assertThat(store.lines(again.id())).containsExactlyElementsOf(store.lines(oct.id()));
    assertThat(again.linesSha256()).isEqualTo(oct.linesSha256());
    assertThat(again.inputsSha256()).isEqualTo(oct.inputsSha256());

    // November now reads October's locked run: the same clawback of the later return.
    CommissionStore.Run nov2 = new org.downline.app.commission.RunPeriod(db).run("2026-11", plan, planText, Progress.NONE);
    assertThat(store.lines(nov2.id())).containsExactlyElementsOf(NOVEMBER);

    // New November data after a run: that run can no longer be closed.
    importer.importOrders(Files.writeString(dir.resolve("more.csv"), "id,member_id,date,pv,cv,return_of\nn1,C,2026-11-20,10,10,\n"));
    assertThatThrownBy(() -> new org.downline.app.commission.ClosePeriod(db).close("2026-11", nov2.id())).hasMessageContaining("the data changed since run");
    CommissionStore.Run nov3 = new org.downline.app.commission.RunPeriod(db).run("2026-11", plan, planText, Progress.NONE);
    assertThat(new org.downline.app.commission.ClosePeriod(db).close("2026-11", nov3.id()).closed()).isTrue();
  }
}
