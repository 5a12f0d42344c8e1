package org.downline.nextstep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.downline.nextstep.DistributorSegments.NEVER;

import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class StepDetectionTest {
  static final int ISSUED = Company.day("2025-06-30");
  static final int UNTIL = Company.day("2025-09-30");

  /** The later data, as of 2025-09-30. */
  static Company later() {
    return new Company()
        .distributor("ROOT", null, "2023-01-01")
        .customer("M1", "ROOT", "2024-01-01")
        .customer("M2", "ROOT", "2024-01-01")
        .customer("M3", "ROOT", "2024-01-01")
        .customer("M4", "ROOT", "2024-01-01")
        .customer("M5", "ROOT", "2024-01-01")
        .customer("R5", "M5", "2025-07-20") // referred by M5 after the issue
        .distributor("M6", "ROOT", "2024-01-01") // a customer when recommended, now a distributor
        .distributor("D1", "ROOT", "2024-01-01")
        .customer("C1", "D1", "2024-02-01")
        .customer("C1a", "C1", "2024-03-01") // referred by D1's customer: D1's customer too
        .distributor("D2", "ROOT", "2024-01-01")
        .distributor("R2", "D2", "2025-09-30") // joins on the last day observed
        .distributor("R3", "D2", "2025-10-01") // after it
        .distributor("D3", "ROOT", "2024-01-01")
        .distributor("F3", "D3", "2024-01-01")
        .distributor("G3", "F3", "2025-07-05") // D3's frontline sponsors someone
        .distributor("D4", "ROOT", "2024-01-01")
        .distributor("D5", "ROOT", "2024-01-01")
        .distributor("D6", "ROOT", "2024-01-01")
        .distributor("L6", "D6", "2024-01-01")
        .sale("m1a", "M1", "2025-03-01", "10.00")
        .sale("m1b", "M1", "2025-07-10", "10.00") // the second order
        .sale("m2a", "M2", "2025-06-30", "10.00") // on the issue day: not after it
        .autoship("m3a", "M3", "2025-08-01", "30.00") // first autoship
        .autoship("m4a", "M4", "2025-03-01", "30.00") // already on autoship in the year before
        .autoship("m4b", "M4", "2025-07-01", "30.00")
        .sale("c1a", "C1a", "2025-08-05", "12.00");
  }

  static RecommendationRecord rec(String member, String segment, Goal goal, int baseline) {
    return new RecommendationRecord(member, segment, goal.code(), List.of(goal), ISSUED, false, baseline);
  }

  @Test
  void everyGoalDetectedFromLaterData() {
    Company c = later();
    // Later paid-as ranks: D4 silver (2), D5 silver (2), D6 member, L6 silver: D6 has 1 leader below.
    DistributorSegments segs = DistributorSegments.compute(c.network(), c.book(), UNTIL, DistributorRules.DEFAULT,
        c.perMember("D4", 2, "D5", 2, "L6", 2));
    StepDetection detection = new StepDetection(c.network(), c.book(), UNTIL, segs);
    List<RecommendationRecord> records = List.of(
        rec("M1", "customers/1", Goal.NEXT_ORDER, 0),
        rec("M2", "customers/1", Goal.NEXT_ORDER, 0),
        rec("M3", "customers/2-3", Goal.AUTOSHIP, 0),
        rec("M4", "customers/2-3", Goal.AUTOSHIP, 0),
        rec("M5", "customers/7-10", Goal.REFERRAL, 0),
        new RecommendationRecord("M6", "customers/11+", "refer-or-join", List.of(Goal.REFERRAL, Goal.ENROLMENT), ISSUED, false, 0),
        rec("D1", "no-first-sale", Goal.FIRST_SALE, 0),
        rec("D2", "sponsored-nobody", Goal.FIRST_RECRUIT, 0),
        rec("D3", "wide-not-deep", Goal.FRONTLINE_RECRUIT, 0),
        rec("D4", "leaders", Goal.RANK_REACHED, 1), // bronze when recommended, silver now
        rec("D5", "leaders", Goal.RANK_REACHED, 2), // silver then and now
        rec("D6", "leaders", Goal.LEADER_DEVELOPED, 0),
        rec("D1", "months-active/0", Goal.ENROLMENT, 0), // a distributor cannot enrol
        rec("NOBODY", "customers/1", Goal.NEXT_ORDER, 0));
    assertThat(detection.takenDays(records)).containsExactly(
        Company.day("2025-07-10"), // M1: second order
        NEVER, // M2: only an order on the issue day
        Company.day("2025-08-01"), // M3: autoship started
        NEVER, // M4: was on autoship already (2025-03-01)
        Company.day("2025-07-20"), // M5: R5 joined
        UNTIL, // M6: a distributor in the later data (no referral)
        Company.day("2025-08-05"), // D1: C1a, a customer referred by D1's customer, bought
        UNTIL, // D2: R2 joined on 2025-09-30; R3 after
        Company.day("2025-07-05"), // D3: G3 joined under frontline F3
        UNTIL, // D4: rank 2 > baseline 1
        NEVER, // D5: rank 2, baseline 2
        UNTIL, // D6: 1 leader below > baseline 0
        NEVER,
        NEVER);
    // Without later ranks the rank goals are never taken
    assertThat(new StepDetection(c.network(), c.book(), UNTIL, null).takenDay(rec("D4", "leaders", Goal.RANK_REACHED, 1)))
        .isEqualTo(NEVER);
    // An earlier observation end: M3's autoship of 2025-08-01 is not seen by 2025-07-31
    assertThat(new StepDetection(c.network(), c.book(), Company.day("2025-07-31"), null)
        .takenDay(rec("M3", "customers/2-3", Goal.AUTOSHIP, 0))).isEqualTo(NEVER);
  }

  @Test
  void conversionAndLiftAgainstTheHoldout() {
    // customers/1: 8 recommended, 3 took it; 4 held out, 1 took it anyway.
    // customers/2-3: 3 recommended, 1 took it; 3 held out, none took it.
    java.util.ArrayList<RecommendationRecord> records = new java.util.ArrayList<>();
    java.util.ArrayList<Integer> taken = new java.util.ArrayList<>();
    for (int k = 0; k < 12; k++) {
      boolean holdout = k >= 8;
      records.add(new RecommendationRecord("M" + k, "customers/1", "second-order", List.of(Goal.NEXT_ORDER), ISSUED, holdout, 0));
      taken.add(k < 3 || k == 8 ? ISSUED + 5 : NEVER);
    }
    for (int k = 0; k < 6; k++) {
      records.add(new RecommendationRecord("N" + k, "customers/2-3", "autoship", List.of(Goal.AUTOSHIP), ISSUED, k >= 3, 0));
      taken.add(k == 0 ? ISSUED + 9 : NEVER);
    }
    ConversionReport report = ConversionReport.of(records, taken.stream().mapToInt(Integer::intValue).toArray());
    ConversionReport.Row one = report.row("customers/1");
    assertThat(one).isEqualTo(new ConversionReport.Row("customers/1", "second-order", 8, 3, 4, 1));
    assertThat(one.treatedRate()).hasValue(3750); // 3 / 8 = 37.50%
    assertThat(one.holdoutRate()).hasValue(2500); // 1 / 4 = 25.00%
    // (3 x 4 - 1 x 8) / (8 x 4) = 4 / 32 = 12.50 percentage points
    assertThat(one.lift()).hasValue(1250);
    // (3 x 4 - 1 x 8) / (1 x 8) = 4 / 8 = +50.00%
    assertThat(one.relativeLift()).hasValue(5000);

    ConversionReport.Row two = report.row("customers/2-3");
    assertThat(two).isEqualTo(new ConversionReport.Row("customers/2-3", "autoship", 3, 1, 3, 0));
    assertThat(two.treatedRate()).hasValue(3333); // 1 / 3 = 33.333..% -> 33.33%
    assertThat(two.holdoutRate()).hasValue(0);
    assertThat(two.lift()).hasValue(3333); // (1 x 3 - 0 x 3) / (3 x 3) = 3 / 9 -> 33.33 points
    assertThat(two.relativeLift()).isEqualTo(OptionalLong.empty()); // nobody held out took it
    assertThat(report.rows()).hasSize(2);
  }
}
