package org.downline.commission;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.downline.planfile.PlanFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The generation (breakaway) rule type, worked by hand, and the bundled {@code generations} plan. */
class GenerationPlanTest {
  @TempDir Path dir;

  private static final String OLD = "2026-01-01";

  /** Leader status by PV alone so the boundaries are easy to set: leader PV 500 (2 generations), senior PV 1000 (3). */
  private static final String PLAN = """
      plan: gen-test
      active: {pv: 100}
      ranks:
        - name: member
        - name: leader
          active: true
          pv: 500
        - name: senior
          active: true
          pv: 1000
      bonuses:
        - type: generation
          leader_rank: leader
          own_group: 10%
          rates: [5%, 3%, 2%]
          generations_by_rank: {member: 0, leader: 2, senior: 3}
      """;

  /**
   * The sponsor chain (every member a distributor):
   *
   * <pre>
   * L1 leader (PV 500)
   * `- x1 member            CV 100
   *    `- L2 leader (PV 500) CV 200
   *       |- y member        CV 300
   *       |  `- L3 leader (PV 500)
   *       |     `- z member  CV 1000
   *       `- L4 senior (PV 1000)
   *          `- L5 leader (PV 500)
   *             `- w member  CV 2000
   * </pre>
   */
  @Test
  void groupsStopAtTheNextLeaderBelowAndGenerationsArePaidByRank() throws Exception {
    Path plan = Files.writeString(dir.resolve("gen-test.yaml"), PLAN);
    Scenario s = new Scenario().plan(plan.toString())
        .distributor("L1", null, OLD).distributor("x1", "L1", OLD).distributor("L2", "x1", OLD).distributor("y", "L2", OLD)
        .distributor("L3", "y", OLD).distributor("z", "L3", OLD).distributor("L4", "L2", OLD).distributor("L5", "L4", OLD)
        .distributor("w", "L5", OLD);
    for (String[] pv : new String[][] {{"L1", "500"}, {"L2", "500"}, {"L3", "500"}, {"L4", "1000"}, {"L5", "500"}}) {
      s.sale("v-" + pv[0], pv[0], "2026-10-01", pv[1], "0");
    }
    s.sale("o-x1", "x1", "2026-10-02", "0", "100").sale("o-L2", "L2", "2026-10-02", "0", "200")
        .sale("o-y", "y", "2026-10-02", "0", "300").sale("o-z", "z", "2026-10-02", "0", "1000")
        .sale("o-w", "w", "2026-10-02", "0", "2000");
    Scenario.Outcome out = s.run(dir.resolve("run"));
    assertThat(out.exit()).as(out.err()).isZero();
    // o-x1: x1's group is L1's (no leader between): L1 own group 10% x 100 = 10.00; no leader above L1.
    // o-L2: L2 starts a group of their own (the breakaway): L2 own 10% x 200 = 20.00; L1 generation 1, 5% = 10.00.
    // o-y:  y is in L2's group: L2 own 30.00; L1 generation 1, 15.00.
    // o-z:  z is below L3, so in L3's group, not L2's: L3 own 100.00; L2 generation 1, 5% = 50.00; L1 generation 2, 3% = 30.00.
    // o-w:  L5 own 200.00; L4 generation 1 100.00; L2 generation 2, 3% = 60.00; L1 would be generation 3,
    //       but a leader opens only 2 generations (a senior would have earned 2% = 40.00).
    assertThat(out.lines()).containsExactly(
        "2026-10,L1,generation,10.00,o-L2,L2,1",
        "2026-10,L1,generation,10.00,o-x1,x1,0",
        "2026-10,L1,generation,15.00,o-y,y,1",
        "2026-10,L1,generation,30.00,o-z,z,2",
        "2026-10,L2,generation,20.00,o-L2,L2,0",
        "2026-10,L2,generation,60.00,o-w,w,2",
        "2026-10,L2,generation,30.00,o-y,y,0",
        "2026-10,L2,generation,50.00,o-z,z,1",
        "2026-10,L3,generation,100.00,o-z,z,0",
        "2026-10,L4,generation,100.00,o-w,w,1",
        "2026-10,L5,generation,200.00,o-w,w,0");

    // With L1 a senior (PV 1000), the third generation is paid: L1 earns 2% x 2000 = 40.00 on o-w.
    Scenario senior = new Scenario().plan(plan.toString());
    senior.members.addAll(s.members.subList(1, s.members.size()));
    senior.orders.addAll(s.orders.subList(1, s.orders.size()));
    senior.orders.replaceAll(o -> o.startsWith("v-L1,") ? "v-L1,L1,2026-10-01,1000,0," : o);
    Scenario.Outcome three = senior.run(dir.resolve("senior"));
    assertThat(three.exit()).as(three.err()).isZero();
    assertThat(three.lines()).contains("2026-10,L1,generation,40.00,o-w,w,3").hasSize(12);
  }

  @Test
  void bundledGenerationsPlanLoadsAndRuns() {
    Plan p = PlanFile.builtIn("generations");
    assertThat(p.lineKinds()).containsExactly("customer", "unilevel", "generation", "clawback");
    GenerationBonus g = (GenerationBonus) p.bonuses().get(2);
    assertThat(g.leaderRank()).isEqualTo(p.rankIndex("leader"));
    assertThat(g.ownGroup()).isEqualTo(Rate.ofPpm(40_000));
    assertThat(g.rates()).containsExactly(Rate.ofPpm(50_000), Rate.ofPpm(40_000), Rate.ofPpm(30_000), Rate.ofPpm(20_000));
    assertThat(g.generationsByRank()).containsExactly(0, 0, 2, 3, 4);
    Scenario.Outcome out = RandomCompany.of(7, 40).plan("generations").run(dir.resolve("random"));
    assertThat(out.exit()).as(out.err()).isZero();
  }
}
