package org.downline.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.downline.core.Periods;
import org.downline.network.MemberKind;
import org.downline.network.MemberRow;
import org.downline.network.MemberStatus;
import org.downline.network.OrderRow;
import org.downline.network.Product;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shapes a 20,000-member company must have (docs/generate.md says why each matters), asserted
 * on one generated company. Building {@link CompanyStats} runs every row through NetworkBuilder and
 * OrderBookBuilder, so a row that an import would refuse fails here.
 */
class CompanyGeneratorTest {
  static final YearMonth START = YearMonth.of(2025, 11);
  static CollectingSink rows;
  static CompanyGenerator.Summary summary;
  static CompanyStats stats;

  @BeforeAll
  static void generate() {
    rows = new CollectingSink();
    summary = new CompanyGenerator(20_000, 12, 2024, START).generate(rows);
    stats = new CompanyStats(rows, summary);
  }

  @Test
  void everyRowPassesTheImportValidation() {
    assertThat(stats.network.size()).isEqualTo(20_000);
    assertThat(stats.book.size()).isEqualTo(rows.orders.size());
    assertThat((long) rows.orders.size()).isEqualTo(summary.sales() + summary.returns());
  }

  @Test
  void salesAreTheSumOfTheirLinesAndReturnsHaveNone() {
    Map<String, Product> bySku = new HashMap<>();
    rows.products.forEach(p -> bySku.put(p.sku(), p));
    Map<String, long[]> sums = new HashMap<>(); // order id -> {pv, cv, total}
    String previous = null;
    int lineNo = 0;
    List<String> wrong = new ArrayList<>();
    for (org.downline.network.OrderLine l : rows.lines) {
      Product p = bySku.get(l.sku());
      if (l.quantity() <= 0 || l.unitPrice() != p.price() || l.pv() != p.pv() * l.quantity()
          || l.cv() != p.cv() * l.quantity()) {
        wrong.add(l.toString());
      }
      lineNo = l.orderId().equals(previous) ? lineNo + 1 : 1;
      if (l.lineNo() != lineNo) wrong.add(l + " should be line " + lineNo);
      previous = l.orderId();
      long[] sum = sums.computeIfAbsent(l.orderId(), k -> new long[3]);
      sum[0] += l.pv();
      sum[1] += l.cv();
      sum[2] += l.unitPrice() * l.quantity();
    }
    for (OrderRow o : rows.orders) {
      long[] sum = sums.get(o.id());
      if (o.isReturn() ? sum != null : sum == null || sum[0] != o.pv() || sum[1] != o.cv() || sum[2] != o.total()) {
        wrong.add(o + " against lines " + java.util.Arrays.toString(sum));
      }
    }
    assertThat(wrong).isEmpty();
    assertThat(sums).hasSize((int) summary.sales());
  }

  @Test
  void windowIsTheTwelveMonthsFromStart() {
    // 2025-11-01 .. 2026-10-31; joins reach back 24 months to 2023-11-01.
    assertThat(Periods.formatDay(summary.startDay())).isEqualTo("2025-11-01");
    assertThat(Periods.formatDay(summary.endDay())).isEqualTo("2026-11-01");
    assertThat(Periods.formatDay(summary.firstJoinDay())).isEqualTo("2023-11-01");
    assertThat(CompanyGenerator.startBefore(YearMonth.of(2026, 11), 12)).isEqualTo(START);
    for (OrderRow o : rows.orders) assertThat(o.day()).isBetween(summary.startDay(), summary.endDay() - 1);
  }

  @Test
  void membersComeInJoinOrderWithSponsorsFirst() {
    Set<String> seen = new HashSet<>();
    List<String> wrong = new ArrayList<>();
    int lastJoin = Integer.MIN_VALUE;
    for (MemberRow m : rows.members) {
      if (m.sponsorId() != null && !seen.contains(m.sponsorId())) wrong.add(m.id() + " before its sponsor");
      if (m.joinDay() < lastJoin) wrong.add(m.id() + " out of join order");
      lastJoin = m.joinDay();
      seen.add(m.id());
    }
    assertThat(wrong).isEmpty();
  }

  @Test
  void distributorsArePlacedInABinaryTreeUnderTheirSponsor() {
    Map<String, MemberRow> byId = new HashMap<>();
    rows.members.forEach(m -> byId.put(m.id(), m));
    Set<String> takenSpots = new HashSet<>();
    int placed = 0;
    int spilled = 0; // placed below someone other than the sponsor
    int waiting = 0; // the holding tank
    int endDay = (int) START.plusMonths(12).atDay(1).toEpochDay();
    List<String> wrong = new ArrayList<>();
    for (MemberRow m : rows.members) {
      if (m.kind() != MemberKind.DISTRIBUTOR || m.sponsorId() == null) {
        if (m.placementId() != null || m.placementPosition() != -1) wrong.add(m.id() + " should not be placed");
        continue;
      }
      if (m.placementId() == null) {
        // In the holding tank: a recruit of the last two weeks (or recruited by, or due under, one of them,
        // who joined earlier still).
        if (m.joinDay() < endDay - 14) wrong.add(m.id() + " waits in the holding tank since long before the end");
        if (m.placementPosition() != -1) wrong.add(m.id() + " has a side but no parent");
        waiting++;
        continue;
      }
      placed++;
      if (!m.placementId().equals(m.sponsorId())) spilled++;
      if (m.placementPosition() != 0 && m.placementPosition() != 1) wrong.add(m.id() + " has no side");
      if (!takenSpots.add(m.placementId() + "/" + m.placementPosition())) wrong.add(m.id() + " shares a spot");
      // Up the placement links from the spot, the sponsor is reached: spillover stays in their tree.
      MemberRow up = byId.get(m.placementId());
      while (up != null && !up.id().equals(m.sponsorId())) up = up.placementId() == null ? null : byId.get(up.placementId());
      if (up == null) wrong.add(m.id() + " is placed outside their sponsor's tree");
    }
    assertThat(wrong).isEmpty();
    assertThat(placed + waiting).isEqualTo(stats.distributors - 1);
    // A few wait in the holding tank (recent recruits), far fewer than are placed.
    assertThat(waiting).isPositive().isLessThan(placed / 20);
    // A sponsor's first two recruits sit right under them, the rest spill over: with a few sponsors
    // of hundreds, about half of all distributors (54% for this seed).
    assertThat(spilled).isBetween(placed / 3, placed * 2 / 3);
  }

  @Test
  void aboutFortyPercentDistributors() {
    assertThat(stats.customerShare).isBetween(0.55, 0.65);
  }

  @Test
  void recruitingIsHeavyTailed() {
    assertThat(stats.zeroRecruitShare).isGreaterThan(0.5);
    assertThat(stats.medianRecruits).isLessThanOrEqualTo(1);
    assertThat(stats.maxRecruits).isGreaterThanOrEqualTo(50);
    assertThat(stats.maxDepth).isGreaterThanOrEqualTo(30);
  }

  @Test
  void mostDistributorsAreGoneWithinAYear() {
    // Of distributors who joined over a year before the end: gone by now, and gone within their first year.
    assertThat(stats.goneAfterAYear).isBetween(0.6, 0.8);
    assertThat(stats.goneWithinAYear).isBetween(0.6, 0.8).isLessThanOrEqualTo(stats.goneAfterAYear);
    Map<String, MemberRow> byId = new HashMap<>();
    for (MemberRow m : rows.members) {
      byId.put(m.id(), m);
      if (m.status() == MemberStatus.ACTIVE) {
        assertThat(m.statusDay()).isEqualTo(Integer.MIN_VALUE);
      } else {
        assertThat(m.statusDay()).isGreaterThan(m.joinDay()).isLessThan(summary.endDay());
      }
    }
    // Gone members stop buying: no sale on or after the day they left.
    for (OrderRow o : rows.orders) {
      MemberRow m = byId.get(o.memberId());
      if (!o.isReturn() && m.status() != MemberStatus.ACTIVE) assertThat(o.day()).isLessThan(m.statusDay());
    }
  }

  @Test
  void twoToFourCustomersPerDistributorAndCustomersReferCustomers() {
    assertThat(stats.customersPerOwningDistributor).isBetween(2.0, 4.0);
    double customers = stats.network.size() - stats.distributors;
    assertThat(stats.customersReferredByCustomers / customers).isBetween(0.05, 0.25);
  }

  @Test
  void purchaseCountsFillEveryBucket() {
    // 1, 2-3, 4-6, 7-10, 11+ sales in the 12 months, as shares of members who ordered.
    for (double share : stats.purchaseBuckets) assertThat(share).isGreaterThanOrEqualTo(0.05);
  }

  @Test
  void returnsSomeInTheSameMonthSomeLater() {
    int returns = stats.sameMonthReturns + stats.laterMonthReturns;
    assertThat((double) returns / summary.sales()).isBetween(0.02, 0.06);
    assertThat(stats.sameMonthReturns).isGreaterThan(returns / 5);
    assertThat(stats.laterMonthReturns).isGreaterThan(returns / 5);
  }

  @Test
  void campaignCodesOnAShareOfSales() {
    assertThat(stats.campaignShare).isBetween(0.05, 0.20);
    Set<String> codes = new HashSet<>();
    rows.campaigns.forEach(c -> codes.add(c.code()));
    List<String> wrong = new ArrayList<>();
    for (OrderRow o : rows.orders) {
      if (o.campaign() != null && !codes.contains(o.campaign())) wrong.add(o.id() + " has unknown code " + o.campaign());
      if (o.autoship() && o.campaign() != null) wrong.add(o.id() + " is an autoship shipment with a code");
    }
    assertThat(wrong).isEmpty();
  }

  @Test
  void laterMonthsHaveMoreJoins() {
    int[] j = stats.joinsPerWindowMonth;
    int first = j[0] + j[1] + j[2];
    int last = j[9] + j[10] + j[11];
    assertThat(last).isGreaterThan(first * 12 / 10);
  }

  @Test
  void catalogueHasKitsWithoutCv() {
    assertThat(rows.products).hasSizeBetween(25, 35);
    assertThat(rows.products).anyMatch(Product::kit);
    for (Product p : rows.products) {
      if (p.kit()) assertThat(p.cv()).isZero();
      assertThat(p.price()).isPositive();
    }
  }

  @Test
  void autoshipMembersOrderEveryMonth() {
    Map<String, MemberRow> byId = new HashMap<>();
    rows.members.forEach(m -> byId.put(m.id(), m));
    Map<String, Set<Integer>> autoshipMonths = new HashMap<>();
    for (OrderRow o : rows.orders) {
      if (!o.autoship()) continue;
      boolean firstInMonth = autoshipMonths.computeIfAbsent(o.memberId(), k -> new HashSet<>())
          .add(Periods.periodOfDay(o.day()));
      assertThat(firstInMonth).as("one shipment a month for %s", o.memberId()).isTrue();
    }
    // Subscribed before the window, still active at its end: a shipment in each of the 12 months.
    int checked = 0;
    for (Autoship a : rows.autoships) {
      MemberRow m = byId.get(a.memberId());
      if (a.status() == Autoship.Status.ACTIVE && m.joinDay() < summary.startDay()
          && m.status() == MemberStatus.ACTIVE) {
        assertThat(autoshipMonths.get(a.memberId())).hasSize(12);
        assertThat(a.nextDay()).isGreaterThanOrEqualTo(summary.endDay());
        checked++;
      }
    }
    assertThat(checked).isGreaterThan(100);
    assertThat(stats.autoshipOrders).isEqualTo(summary.autoshipOrders());
  }
}
