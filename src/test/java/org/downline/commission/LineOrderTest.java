package org.downline.commission;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.downline.planfile.PlanFile;
import org.junit.jupiter.api.Test;

/** The order of lines inside one earner: kind, source order (none first), source member, level as a number. */
class LineOrderTest {
  @Test
  void levelsSortAsNumbersAndMemberSourcesBeforeOrders() throws IOException {
    Plan plan = PlanFile.builtIn("demo");
    String[] members = {"m-b", "m-a", "m-c"};
    String[] orders = {"o2", "o1"};
    OutputOrder order = new OutputOrder(members, orders, plan);
    Lines lines = new Lines();
    lines.begin(0);
    // One earner (m-a, index 1), one kind: levels 10 and 2 of order o1, level 3 of o2, a line with
    // no source, and lines whose source is a member (m-c, then m-b).
    lines.add(1, 1, 10, 1_000_000);
    lines.add(1, 1, 2, 2_000_000);
    lines.add(1, 0, 3, 3_000_000);
    lines.add(1, Lines.NO_SOURCE, 0, 4_000_000);
    lines.add(1, Lines.memberSource(2), 1, 5_000_000);
    lines.add(1, Lines.memberSource(0), 7, 6_000_000);
    lines.endMicro();
    List<String> seen = new ArrayList<>();
    order.forEach(lines, (earner, kind, source, level, amount) -> seen.add(members[earner] + " "
        + (Lines.isOrder(source) ? orders[source] : source == Lines.NO_SOURCE ? "-" : "member " + members[Lines.sourceMember(source)])
        + " " + level + " " + amount));
    // Text order of levels would put 10 before 2; the spec says level as a number.
    // Sources: none ("" sorts first), then member sources by member id (m-b before m-c; their
    // order id is empty), then orders by id (o1 before o2).
    assertThat(seen).containsExactly(
        "m-a - 0 4",
        "m-a member m-b 7 6",
        "m-a member m-c 1 5",
        "m-a o1 2 2",
        "m-a o1 10 1",
        "m-a o2 3 3");
  }
}
