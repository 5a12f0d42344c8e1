package org.downline.nextstep;

import static org.assertj.core.api.Assertions.assertThat;

import org.downline.commission.Plan;
import org.downline.planfile.PlanFile;
import org.junit.jupiter.api.Test;

class PaidAsRanksTest {
  @Test
  void theDemoPlansRanksOnTheAsOfMonth() {
    Company c = new Company()
        .distributor("A", null, "2024-01-01")
        .distributor("B", "A", "2024-01-01")
        .distributor("C", "A", "2024-01-01")
        .customer("CA", "A", "2024-01-01")
        .sale("a", "A", "2025-06-02", "1000.00", "900")
        .sale("ca", "CA", "2025-06-03", "100.00", "100") // A's customer: A's PV
        .sale("b", "B", "2025-06-04", "500.00", "500")
        .sale("c", "C", "2025-06-05", "500.00", "500")
        .sale("c2", "C", "2025-07-01", "5000.00", "5000"); // after the as-of date
    Plan demo = PlanFile.builtIn("demo");
    int[] rank = PaidAsRanks.ofMonth(c.network(), c.book(), Company.day("2025-06-30"), demo);
    // B and C: Active (PV 500 >= 100) and GV 500 >= 500: bronze (1). A: PV 900 + 100 = 1000, GV
    // 1000 + 500 + 500 = 2000 >= 2000 with two legs holding a bronze: silver (2). CA: a customer, 0.
    assertThat(rank[c.index("A")]).isEqualTo(2);
    assertThat(rank[c.index("B")]).isEqualTo(1);
    assertThat(rank[c.index("C")]).isEqualTo(1);
    assertThat(rank[c.index("CA")]).isZero();
    assertThat(PaidAsRanks.names(demo)).containsExactly("member", "bronze", "silver", "gold", "platinum");
  }
}
