package org.downline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.downline.disclosure.DisclosureCompany;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code report payout-health} and {@code report retention} in file mode, figures by hand. */
class YearReportsCommandTest {
  @TempDir Path dir;

  @Test
  void payoutHealthPerComputedPeriod() throws Exception {
    DisclosureCompany.write(dir);
    Cli r = Cli.run("report", "payout-health", "--year", "2025", "--plan", dir.resolve("plan.yaml").toString(), "--members",
        dir.resolve("members.csv").toString(), "--orders", dir.resolve("orders.csv").toString(), "--format", "csv");
    assertThat(r.status()).as(r.err()).isZero();
    // The plan has no cap: no maximum, no breakage. Jan: CV 100 + 30 = 130.00, paid 4.00 (S alone): 3.08 -> 3.1,
    // S is the top 1% and 10% (ceil(1 / 100) = ceil(1 / 10) = 1): 100.0. Feb: nothing. Mar: CV 350.00, paid 38.50:
    // 11.0; earners P 12.50, S 15.00, T 11.00, the top one (ceil(3 / 100) = ceil(3 / 10) = 1) S: 15 / 38.50 = 38.96 -> 39.0.
    // Apr: CV 40.00 (t2; K's return is of a March sale and changes no April CV), paid the clawbacks -7.75: -19.4,
    // nobody paid more than zero. May: CV 0 (t2r returns an April sale): no share.
    assertThat(r.out()).isEqualTo("""
        period,cv,payout,payout_share_of_cv,max_share_of_cv,breakage,earners,top1_share,top10_share
        2025-01,130.00,4.00,3.1,,,1,100.0,100.0
        2025-02,0.00,0.00,,,,0,0.0,0.0
        2025-03,350.00,38.50,11.0,,,3,39.0,39.0
        2025-04,40.00,-7.75,-19.4,,,0,0.0,0.0
        2025-05,0.00,0.00,,,,0,0.0,0.0
        """);
  }

  @Test
  void retentionTriangle() throws Exception {
    Files.writeString(dir.resolve("members.csv"), """
        id,sponsor_id,kind,join_date,status,status_date
        R,,distributor,2024-12-31,,
        D1,R,distributor,2025-01-15,,
        D2,R,distributor,2025-01-31,cancelled,2025-04-30
        D3,R,distributor,2025-01-10,cancelled,2025-07-11
        K1,R,customer,2025-07-01,,
        """);
    Files.writeString(dir.resolve("orders.csv"), """
        id,member_id,date,pv,cv,return_of
        o1,D1,2025-04-03,10,10,
        o2,D1,2025-07-20,10,10,
        o3,D3,2025-03-01,10,10,
        o4,K1,2025-10-05,10,10,
        """);
    Cli r = Cli.run("report", "retention", "--year", "2025", "--as-of", "2025-12-31", "--members",
        dir.resolve("members.csv").toString(), "--orders", dir.resolve("orders.csv").toString(), "--format", "csv");
    assertThat(r.status()).as(r.err()).isZero();
    // January distributors D1, D2, D3 (R joined in 2024). Enrolled 3 months on: D1; D2 left on 2025-04-30, the day
    // 3 months after 01-31, so no; D3 left 07-11, after 04-10 and 07-10: 2 of 3 = 66.7 at 3 and at 6. Ordered in
    // April (3 months on): D1 (D3's order is in March) 1 of 3 = 33.3; in July: D1, 33.3. 12 months on is 2026-01,
    // not over on 2025-12-31: empty.
    assertThat(r.out()).startsWith("population,cohort,members,enrolled_3,enrolled_6,enrolled_12,ordered_3,ordered_6,ordered_12\n"
        + "distributors,2025-01,3,66.7,66.7,,33.3,33.3,\n"
        + "distributors,2025-02,0,,,,,,\n");
    // July customers: K1, enrolled and ordering in October (3 months on); 6 months on is 2026-01: unknown.
    assertThat(r.out()).contains("customers,2025-07,1,100.0,,,100.0,,\n").contains("customers,2025-06,0,,,,,,\n");
    assertThat(r.out().lines().count()).isEqualTo(25);
  }
}
