package org.downline.commission.compare;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.downline.cli.Downline;
import org.downline.planfile.PlanFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code commissions compare} on the company of BinaryPlanRulesTest.legsQualificationRanksPayAndMatchInOnePeriod:
 * plan A is {@code binary}, plan B the same with a pair rate of 20%.
 *
 * <pre>
 * R (root) cv 100;  L: A cv 3000 (L: C cv 100 + customer K cv 50, R: D cv 200);  R: B cv 500 (L: E cv 2000, R's recruit)
 * </pre>
 */
class PlanComparisonTest {
  @TempDir Path dir;

  private static final String MEMBERS = """
      id,sponsor_id,kind,join_date,placement_id,position
      R,,distributor,2026-01-01,,
      A,R,distributor,2026-01-01,R,left
      B,R,distributor,2026-01-01,R,right
      C,A,distributor,2026-01-01,A,left
      D,A,distributor,2026-01-01,A,right
      E,R,distributor,2026-01-01,B,left
      K,C,customer,2026-01-01,,
      """;

  private static final String ORDERS = """
      id,member_id,date,pv,cv,return_of
      oR,R,2026-10-02,100,100,
      oA,A,2026-10-02,100,3000,
      oB,B,2026-10-02,100,500,
      oC,C,2026-10-02,100,100,
      oD,D,2026-10-02,100,200,
      oE,E,2026-10-02,100,2000,
      oK,K,2026-10-03,50,50,
      """;

  private String compare(String format) throws Exception {
    Path members = Files.writeString(dir.resolve("members.csv"), MEMBERS);
    Path orders = Files.writeString(dir.resolve("orders.csv"), ORDERS);
    String rich = PlanFile.source("binary").replace("plan: binary\n", "plan: binary20\n")
        .replace("    rate: 10%                  # of the paired", "    rate: 20%                  # of the paired");
    assertThat(rich).contains("rate: 20%").contains("plan: binary20");
    Path b = Files.writeString(dir.resolve("binary20.yaml"), rich);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = Downline.commandLine();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    int exit = cl.execute("commissions", "compare", "--plan", "binary", "--plan", b.toString(), "--members", members.toString(),
        "--orders", orders.toString(), "--format", format);
    assertThat(exit).as(err.toString()).isZero();
    return out.toString();
  }

  @Test
  void sideBySideFiguresWorkedByHand() throws Exception {
    List<String> rows = compare("csv").lines().toList();
    // A (10%): R binary 10% x min(3350, 2500) = 250.00 (ruby), A binary 10% x min(150, 200) = 15.00 (star),
    //   R's match on A: 20% x 15.00 = 3.00, C customer 20% x 50 = 10.00. Total 278.00.
    // B (20%): R 20% x 2500 = 500.00 (ruby cap 500), A 20% x 150 = 30.00 (star cap 100),
    //   R's match 20% x 30.00 = 6.00, C 10.00. Total 546.00.
    // CV = 100 + 3000 + 500 + 100 + 200 + 2000 + 50 = 5950: 278 / 5950 = 4.672% -> 4.67; 546 / 5950 = 9.176% -> 9.18.
    // Distributors R, A, B, C, D, E = 6; earning R, A, C = 3 under both: 50.00%.
    assertThat(rows).containsExactly(
        "period,section,item,a,b,change",
        "2026-10,total,paid,278.00,546.00,268.00",
        "2026-10,total,cv,5950.00,5950.00,0.00",
        "2026-10,total,share_of_cv_percent,4.67,9.18,4.51",
        "2026-10,total,distributors,6,6,0",
        "2026-10,total,earning,3,3,0",
        "2026-10,total,earning_percent,50.00,50.00,0.00",
        "2026-10,bonus_lines,customer,1,1,0",
        "2026-10,bonus_lines,binary,2,2,0",
        "2026-10,bonus_lines,binary_match,1,1,0",
        "2026-10,bonus_lines,clawback,0,0,0",
        "2026-10,bonus_paid,customer,10.00,10.00,0.00",
        "2026-10,bonus_paid,binary,265.00,530.00,265.00",
        "2026-10,bonus_paid,binary_match,3.00,6.00,3.00",
        "2026-10,bonus_paid,clawback,0.00,0.00,0.00",
        // member: B, C, D, E (C's 10.00); star: A; ruby: R (250 + 3 = 253.00 / 500 + 6 = 506.00).
        "2026-10,rank_distributors,member,4,4,0",
        "2026-10,rank_paid,member,10.00,10.00,0.00",
        "2026-10,rank_distributors,star,1,1,0",
        "2026-10,rank_paid,star,15.00,30.00,15.00",
        "2026-10,rank_distributors,ruby,1,1,0",
        "2026-10,rank_paid,ruby,253.00,506.00,253.00",
        "2026-10,rank_distributors,diamond,0,0,0",
        "2026-10,rank_paid,diamond,0.00,0.00,0.00",
        "2026-10,gainer,R,253.00,506.00,253.00",
        "2026-10,gainer,A,15.00,30.00,15.00");
  }

  @Test
  void jsonAndTable() throws Exception {
    assertThat(compare("json"))
        .contains("{\"period\": \"2026-10\", \"section\": \"total\", \"item\": \"paid\", \"a\": 278.00, \"b\": 546.00, \"change\": 268.00}");
    assertThat(compare("table")).startsWith("a: binary    b: binary20").contains("gainer");
  }

  @Test
  void losersAndPlansWithDifferentBonusesAndRanks() throws Exception {
    // demo (a) against binary (b) on the same company: the names of one plan are blank in the other.
    Path members = Files.writeString(dir.resolve("members.csv"), MEMBERS);
    Path orders = Files.writeString(dir.resolve("orders.csv"), ORDERS);
    StringWriter out = new StringWriter();
    CommandLine cl = Downline.commandLine();
    cl.setOut(new PrintWriter(out, true));
    int exit = cl.execute("commissions", "compare", "--plan", "demo", "--plan", "binary", "--members", members.toString(),
        "--orders", orders.toString(), "--format", "csv", "--top", "1");
    assertThat(exit).isZero();
    List<String> rows = out.toString().lines().toList();
    // demo: everyone Active; R GV 650 -> bronze (3 levels), A GV 350 -> member. Unilevel, 5% at levels 1 and 2:
    //   R level 1 on oA 3000, oB 500, oE 2000: 150 + 25 + 100; level 2 on oC 100, oD 200, oK 50: 5 + 10 + 2.50 -> R 292.50;
    //   A level 1 on oC, oD, oK: 5 + 10 + 2.50 = 17.50. Customer C 10.00. Total 320.00 (no cap: 320 < 50% of 5950).
    // binary (b): R 253.00, A 15.00, C 10.00 = 278.00. Losers: R -39.50, A -2.50; the top one is R.
    assertThat(rows).contains(
        "2026-10,total,paid,320.00,278.00,-42.00",
        "2026-10,bonus_paid,unilevel,310.00,,-310.00",
        "2026-10,bonus_paid,binary,,265.00,265.00",
        "2026-10,rank_paid,bronze,292.50,,-292.50",
        "2026-10,rank_paid,ruby,,253.00,253.00",
        "2026-10,rank_paid,member,27.50,10.00,-17.50",
        "2026-10,loser,R,292.50,253.00,-39.50");
    assertThat(rows).filteredOn(r -> r.contains(",loser,") || r.contains(",gainer,")).hasSize(1);
  }
}
