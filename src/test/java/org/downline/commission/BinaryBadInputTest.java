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

/**
 * Every placement rule of binary-plan.md broken once: exit status 2, the file, line and reason,
 * nothing written. Rows are {@code id,sponsor_id,kind,join_date,placement_id,position}.
 */
class BinaryBadInputTest {
  @TempDir Path dir;

  private static final String D = ",distributor,2026-01-01,";

  static Stream<Arguments> cases() {
    return Stream.of(
        bad(List.of("R,,distributor,2026-01-01,,", "A,R" + D + "R,up"),
            "members.csv:3: column position: 'up' is not a position (left, right, or empty for the holding tank)"),
        bad(List.of("R,,distributor,2026-01-01,,", "A,R" + D + "R,"),
            "members.csv:3: column position: placement_id and position go together"),
        bad(List.of("R,,distributor,2026-01-01,,", "A,R" + D + ",left"),
            "members.csv:3: column placement_id: placement_id and position go together"),
        bad(List.of("R,,distributor,2026-01-01,,", "K,R,customer,2026-01-01,R,left"),
            "members.csv:3: column placement_id: customer 'K' cannot be placed in the placement tree"),
        bad(List.of("R,,distributor,2026-01-01,,", "S,,distributor,2026-01-01,R,left"),
            "members.csv:3: column placement_id: root 'S' (no sponsor) is the top of its placement tree"),
        bad(List.of("R,,distributor,2026-01-01,,", "A,R" + D + "Z,left"),
            "members.csv:3: column placement_id: unknown placement parent 'Z'"),
        // H is in the holding tank, so nobody can be placed under H.
        bad(List.of("R,,distributor,2026-01-01,,", "H,R" + D + ",", "A,R" + D + "H,left"),
            "members.csv:4: column placement_id: placement parent 'H' is not placed itself"),
        bad(List.of("R,,distributor,2026-01-01,,", "K,R,customer,2026-01-01,,", "A,R" + D + "K,left"),
            "members.csv:4: column placement_id: placement parent 'K' is not placed itself"),
        bad(List.of("R,,distributor,2026-01-01,,", "A,R" + D + "R,left", "B,R" + D + "R,left"),
            "members.csv:4: column position: position left under 'R' is already taken by 'A' (line 3)"),
        // A and B sit under each other: walking up never reaches a root.
        bad(List.of("R,,distributor,2026-01-01,,", "A,R" + D + "B,left", "B,R" + D + "A,left"),
            "members.csv:3: column placement_id: placement links form a cycle"),
        // X is R's recruit placed under R; Y is X's recruit placed under Z, who is in R's other leg.
        bad(List.of("R,,distributor,2026-01-01,,", "X,R" + D + "R,left", "Z,R" + D + "R,right", "Y,X" + D + "Z,left"),
            "members.csv:5: column placement_id: placement parent 'Z' is outside the placement organisation of sponsor 'X'"),
        // Under another root's tree altogether.
        bad(List.of("R,,distributor,2026-01-01,,", "S,,distributor,2026-01-01,,", "A,R" + D + "S,left"),
            "members.csv:4: column placement_id: placement parent 'S' is outside the placement organisation of sponsor 'R'"),
        // The sponsor is in the holding tank: their recruit cannot be placed anywhere yet.
        bad(List.of("R,,distributor,2026-01-01,,", "H,R" + D + ",", "A,H" + D + "R,left"),
            "members.csv:4: column placement_id: placement parent 'R' is outside the placement organisation of sponsor 'H'"));
  }

  private static Arguments bad(List<String> members, String message) {
    return Arguments.of(members, message);
  }

  @ParameterizedTest
  @MethodSource("cases")
  void refusedWithExit2AndNothingWritten(List<String> members, String message) {
    Scenario s = new Scenario().plan("binary");
    s.members.set(0, "id,sponsor_id,kind,join_date,placement_id,position");
    s.members.addAll(members);
    s.sale("o1", "R", "2026-10-01", "100", "100");
    Scenario.Outcome out = s.run(dir);
    assertThat(out.exit()).as(out.err()).isEqualTo(2);
    assertThat(out.err()).contains(message).contains("nothing written");
    assertThat(Files.exists(out.out())).as("output directory").isFalse();
  }
}
