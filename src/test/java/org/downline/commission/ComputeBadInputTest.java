package org.downline.commission;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every input rule of docs/plans.md broken once: exit status 2, a message naming file and line, nothing written. */
class ComputeBadInputTest {
  @TempDir Path dir;

  private static final List<String> GOOD_MEMBERS = List.of(
      "A,,distributor,2026-01-01", "B,A,distributor,2026-01-01", "K,B,customer,2026-01-01");

  static Stream<Arguments> cases() {
    return Stream.of(
        // members.csv: line 2 is the first data row
        bad(List.of(",,distributor,2026-01-01"), List.of(), "members.csv:2: column id: is empty"),
        bad(List.of("A,,distributor,2026-01-01", "A,,distributor,2026-01-01"), List.of(),
            "members.csv:3: column id: duplicate member id 'A'"),
        bad(List.of("A,Z,distributor,2026-01-01"), List.of(), "members.csv:2: column sponsor_id: unknown sponsor 'Z'"),
        bad(List.of("A,,reseller,2026-01-01"), List.of(), "members.csv:2: column kind: 'reseller' is not a member kind"),
        bad(List.of("A,,distributor,2026-01-01", "K,A,customer,2026-01-01", "D,K,distributor,2026-01-01"), List.of(),
            "members.csv:4: column sponsor_id: distributor 'D' has customer 'K' as sponsor"),
        bad(List.of("K,,customer,2026-01-01"), List.of(), "members.csv:2: column sponsor_id: customer 'K' has no sponsor"),
        bad(List.of("A,B,distributor,2026-01-01", "B,A,distributor,2026-01-01"), List.of(),
            "members.csv:2: column sponsor_id: sponsor chain forms a cycle"),
        bad(List.of("A,,distributor,2026-13-01"), List.of(), "members.csv:2: column join_date:"),
        // orders.csv
        bad(GOOD_MEMBERS, List.of("o1,A,2026-10-01,1,1,", "o1,A,2026-10-02,1,1,"),
            "orders.csv:3: column id: duplicate order id 'o1'"),
        bad(GOOD_MEMBERS, List.of("o1,Q,2026-10-01,1,1,"), "orders.csv:2: column member_id: unknown member 'Q'"),
        bad(GOOD_MEMBERS, List.of("o1,A,2026-10-1,1,1,"), "orders.csv:2: column date:"),
        bad(GOOD_MEMBERS, List.of("o1,A,2025-12-31,1,1,"), "orders.csv:2: column date: order dated 2025-12-31 is before member 'A' joined"),
        bad(GOOD_MEMBERS, List.of("o1,A,2026-10-01,-1,1,"), "orders.csv:2: column pv: a sale's pv must not be negative"),
        bad(GOOD_MEMBERS, List.of("o1,A,2026-10-01,1,-1,"), "orders.csv:2: column cv: a sale's cv must not be negative"),
        bad(GOOD_MEMBERS, List.of("o1,A,2026-10-01,1.001,1,"), "orders.csv:2: column pv: '1.001' has more than two decimal places"),
        bad(GOOD_MEMBERS, List.of("o1,A,2026-10-01,ten,1,"), "orders.csv:2: column pv:"),
        bad(GOOD_MEMBERS, List.of("o1,A,2026-10-01,5,5,", "r1,A,2026-10-02,1,0,o1"),
            "orders.csv:3: column pv: a return's pv must not be positive"),
        bad(GOOD_MEMBERS, List.of("o1,A,2026-10-01,5,5,", "r1,A,2026-10-02,0,1,o1"),
            "orders.csv:3: column cv: a return's cv must not be positive"),
        bad(GOOD_MEMBERS, List.of("r1,A,2026-10-02,-1,-1,o9"), "orders.csv:2: column return_of: return of unknown sale 'o9'"),
        bad(GOOD_MEMBERS, List.of("o1,A,2026-10-01,5,5,", "r1,B,2026-10-02,-1,-1,o1"),
            "orders.csv:3: column return_of: return of sale 'o1' placed by another member"),
        bad(GOOD_MEMBERS, List.of("o1,A,2026-10-05,5,5,", "r1,A,2026-10-04,-1,-1,o1"),
            "orders.csv:3: column date: return dated 2026-10-04 is before its sale 'o1'"),
        bad(GOOD_MEMBERS, List.of("o1,A,2026-10-01,5,5,", "r1,A,2026-10-02,-3,-3,o1", "r2,A,2026-11-02,-3,-1,o1"),
            "orders.csv:4: column return_of: returns of sale 'o1' exceed it"),
        bad(GOOD_MEMBERS, List.of("o1,A,2026-10-01,5,5,", "r1,A,2026-10-02,-1,-1,o1", "r2,A,2026-10-03,-1,-1,r1"),
            "orders.csv:4: column return_of: 'r1' is a return, not a sale"));
  }

  private static Arguments bad(List<String> members, List<String> orders, String message) {
    return Arguments.of(members, orders, message);
  }

  @ParameterizedTest
  @MethodSource("cases")
  void refusedWithExit2AndNothingWritten(List<String> members, List<String> orders, String message) {
    Scenario s = new Scenario();
    s.members.addAll(members);
    s.orders.addAll(orders);
    Scenario.Outcome out = s.run(dir);
    assertThat(out.exit()).isEqualTo(2);
    assertThat(out.err()).contains(message).contains("nothing written");
    assertThat(Files.exists(out.out())).as("output directory").isFalse();
  }

  @org.junit.jupiter.api.Test
  void missingColumnUnknownPlanAndExistingOutputAreHandled() throws Exception {
    Scenario s = new Scenario();
    s.members.set(0, "id,sponsor_id,join_date");
    s.members.add("A,,2026-01-01");
    Scenario.Outcome out = s.run(dir.resolve("a"));
    assertThat(out.exit()).isEqualTo(2);
    assertThat(out.err()).contains("members.csv:1: column kind: required column 'kind' is missing from the header");

    Scenario.Outcome plan = new Scenario().plan("no-such-plan").run(dir.resolve("b"));
    assertThat(plan.exit()).isEqualTo(2);
    assertThat(plan.err()).contains("plan 'no-such-plan' is neither a built-in plan");

    // Earlier results in --out survive a refused run untouched.
    Path outDir = dir.resolve("c/out");
    Files.createDirectories(outDir);
    Files.writeString(outDir.resolve("lines.csv"), "old");
    Scenario bad = new Scenario();
    bad.members.add("A,Z,distributor,2026-01-01");
    assertThat(bad.run(dir.resolve("c")).exit()).isEqualTo(2);
    assertThat(Files.readString(outDir.resolve("lines.csv"))).isEqualTo("old");
    try (var files = Files.list(outDir)) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactly("lines.csv");
    }
  }
}
