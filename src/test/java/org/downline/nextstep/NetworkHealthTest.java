package org.downline.nextstep;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NetworkHealthTest {
  static final int AS_OF = Company.day("2025-06-30");

  /**
   * A sponsors B, C, E (and D, who joins after the as-of date) and the customer CA; B sponsors B1,
   * B1 sponsors B11.
   */
  static Company company() {
    return new Company()
        .distributor("A", null, "2023-01-01")
        .distributor("B", "A", "2024-01-01")
        .distributor("C", "A", "2025-03-01")
        .distributor("E", "A", "2024-06-01")
        .distributor("D", "A", "2025-07-01")
        .customer("CA", "A", "2024-01-01")
        .distributor("B1", "B", "2025-01-01")
        .distributor("B11", "B1", "2025-05-01")
        // June 2025 PV: A 100 + CA 60 = 160; B 200; B1 300 - 100 returned in June = 200; B11 50; C 40
        .sale("a", "A", "2025-06-05", "100.00", "100")
        .sale("ca", "CA", "2025-06-06", "60.00", "60")
        .sale("b", "B", "2025-06-07", "200.00", "200")
        .sale("b1", "B1", "2025-06-08", "300.00", "300")
        .refund("b1r", "b1", "B1", "2025-06-20", "100")
        .sale("b11", "B11", "2025-06-09", "50.00", "50")
        .sale("c0", "C", "2025-05-15", "999.00", "999")
        .refund("c0r", "c0", "C", "2025-06-11", "500") // a May sale's return changes no June volume
        .sale("c", "C", "2025-06-10", "40.00", "40")
        .sale("e", "E", "2024-07-01", "10.00", "10"); // E's only order
  }

  @Test
  void perDistributorByHand() {
    Company c = company();
    NetworkHealth h = NetworkHealth.compute(c.network(), c.book(), AS_OF);
    int a = c.index("A");
    int b = c.index("B");
    int b11 = c.index("B11");
    // GV: B11 50; B1 200 + 50 = 250; B 200 + 250 = 450; C 40; E 0; A 160 + 450 + 40 + 0 = 650
    assertThat(h.gv(a)).isEqualTo(650_00);
    assertThat(h.gv(b)).isEqualTo(450_00);
    // A: frontline B, C, E (D joins later): 3 legs, B11 three levels down
    assertThat(h.frontline(a)).isEqualTo(3);
    assertThat(h.legs(a)).isEqualTo(3);
    assertThat(h.depth(a)).isEqualTo(3);
    // largest leg B 450 of 450 + 40 + 0 = 490: 91.8367..% -> 9184
    assertThat(h.largestLegShare(a)).isEqualTo(9184);
    // only B of B, C, E sponsored someone: 1/3 -> 3333
    assertThat(h.duplication(a)).isEqualTo(3333);
    // 90 days: B (2024-03-31), C (2025-05-30), E (2024-08-30) are old enough; B and C bought on or
    // after that day (June 2025), E last bought 2024-07-01: 2/3 -> 6667.
    assertThat(h.retention90(a)).isEqualTo(6667);
    // 12 months: B (2025-01-01) and E (2025-06-01); only B bought since: 1/2 -> 5000
    assertThat(h.retention12Months(a)).isEqualTo(5000);

    assertThat(h.depth(b)).isEqualTo(2);
    assertThat(h.largestLegShare(b)).isEqualTo(10_000); // one leg
    assertThat(h.duplication(b)).isEqualTo(10_000); // B1 sponsored B11
    assertThat(h.retention90(b)).isEqualTo(10_000); // B1 joined 2025-01-01, bought in June
    assertThat(h.retention12Months(b)).isEqualTo(NetworkHealth.UNKNOWN); // B1 not a year in yet

    assertThat(h.frontline(b11)).isZero();
    assertThat(h.depth(b11)).isZero();
    assertThat(h.largestLegShare(b11)).isEqualTo(NetworkHealth.UNKNOWN);
    assertThat(h.duplication(b11)).isEqualTo(NetworkHealth.UNKNOWN);
  }

  @Test
  void companyByHand() {
    Company c = company();
    // Distributors: A, B, C, E, B1, B11 (D joins later). With a sponsor: B, C, E, B1, B11, of whom B
    // and B1 sponsored someone: 2/5. Recruits old enough at 90 days: A's 3 (2 kept), B's 1 (kept);
    // B11 joined 2025-05-01, not yet 90 days: 3/4. At 12 months: A's 2 (1 kept): 1/2.
    assertThat(NetworkHealth.compute(c.network(), c.book(), AS_OF).company())
        .isEqualTo(new NetworkHealth.Company(6, 3, 4000, 7500, 5000));
  }
}
