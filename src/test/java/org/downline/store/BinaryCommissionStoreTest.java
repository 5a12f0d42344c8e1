package org.downline.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import org.downline.commission.Explanation;
import org.downline.commission.Plan;
import org.downline.core.Progress;
import org.downline.planfile.PlanFile;
import org.junit.jupiter.api.io.TempDir;

/**
 * Database mode of the binary plan on H2 and PostgreSQL, with the worked example of
 * BinaryPlanRulesTest.carryForwardTheCarryLimitAndReturnsOffTheLegs: R with A (left) and B (right).
 */
class BinaryCommissionStoreTest {
  @TempDir Path dir;

  static final String MEMBERS = """
      id,sponsor_id,kind,join_date,placement_id,position
      R,,distributor,2026-01-01,,
      A,R,distributor,2026-01-01,R,left
      B,R,distributor,2026-01-01,R,right
      """;

  static final String ORDERS = """
      id,member_id,date,pv,cv,return_of
      r10,R,2026-10-02,100,0,
      a10,A,2026-10-02,100,25000,
      b10,B,2026-10-02,100,1000,
      r11,R,2026-11-02,100,0,
      a11,A,2026-11-02,100,0,
      b11,B,2026-11-02,100,3000,
      x11,A,2026-11-20,0,-1500,a10
      """;

  @BothDatabases
  void legsAreKeptWithTheRunAndTheNextPeriodReadsTheClosedCarry(Database db) throws Exception {
    org.downline.app.network.ImportFile importer = new org.downline.app.network.ImportFile(db, Progress.NONE);
    importer.importMembers(Files.writeString(dir.resolve("members.csv"), MEMBERS));
    importer.importOrders(Files.writeString(dir.resolve("orders.csv"), ORDERS));
    Plan plan = PlanFile.builtIn("binary");
    String planText = PlanFile.source("binary");
    CommissionStore store = new CommissionStore(db);

    // October (worked in BinaryPlanRulesTest): pairs 1000, pays the star cap 100.00; carry left 20000 (the limit).
    CommissionStore.Run oct = new org.downline.app.commission.RunPeriod(db).run("2026-10", plan, planText, Progress.NONE);
    assertThat(store.lines(oct.id())).containsExactly("2026-10,R,binary,100.00,,,0");
    assertThat(store.legRows(oct.id())).containsExactly(
        "2026-10,R,left,0.00,25000.00,0.00,25000.00,1000.00,20000.00",
        "2026-10,R,right,0.00,1000.00,0.00,1000.00,1000.00,0.00");

    // November while October is open: October computed in memory gives the same carry in.
    CommissionStore.Run nov = new org.downline.app.commission.RunPeriod(db).run("2026-11", plan, planText, Progress.NONE);
    assertThat(store.lines(nov.id())).containsExactly("2026-11,R,binary,300.00,,,0");
    assertThat(store.legRows(nov.id())).containsExactly(
        "2026-11,R,left,20000.00,0.00,1500.00,18500.00,3000.00,15500.00",
        "2026-11,R,right,0.00,3000.00,0.00,3000.00,3000.00,0.00");

    new org.downline.app.commission.ClosePeriod(db).close("2026-10", oct.id());
    // A closed period's re-run is byte-identical: lines and legs.
    CommissionStore.Run again = new org.downline.app.commission.RunPeriod(db).run("2026-10", plan, planText, Progress.NONE);
    assertThat(again.linesSha256()).isEqualTo(oct.linesSha256());
    assertThat(store.legRows(again.id())).isEqualTo(store.legRows(oct.id()));

    // November now takes its carry in from October's closed run as stored, not from a recomputation:
    // with the stored carry out of R's left leg set to 12000, November's left leg is
    // 12000 - 1500 returned = 10500; paired min(10500, 3000) = 3000 as before; carry 7500.
    try (Connection c = db.connection();
        PreparedStatement ps = c.prepareStatement(
            "UPDATE commission_leg SET carry_out = 12000 WHERE run_id = ? AND member_id = 'R' AND side = 'left'")) {
      ps.setLong(1, oct.id());
      assertThat(ps.executeUpdate()).isEqualTo(1);
    }
    CommissionStore.Run nov2 = new org.downline.app.commission.RunPeriod(db).run("2026-11", plan, planText, Progress.NONE);
    assertThat(store.legRows(nov2.id())).containsExactly(
        "2026-11,R,left,12000.00,0.00,1500.00,10500.00,3000.00,7500.00",
        "2026-11,R,right,0.00,3000.00,0.00,3000.00,3000.00,0.00");

    // Explain (database mode) shows the same legs and who qualified R: A on the left, B on the right.
    org.downline.app.commission.ComputePeriod.Computed c =
        new org.downline.app.commission.ComputePeriod(db).compute("2026-11", plan, Progress.NONE);
    Explanation.Placement p = Explanation.of(c.result(), c.network().indexOf("R")).placement();
    assertThat(p.sides().get(0).carryIn()).isEqualTo(12000_00);
    assertThat(p.sides().get(0).volume()).isEqualTo(10500_00);
    assertThat(p.paired()).isEqualTo(3000_00);
    assertThat(p.reason()).isEqualTo("qualified (sponsored Active left: A; right: B)");
  }
}
