package org.downline.store;

import org.downline.app.network.ImportFile;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.downline.core.Periods;
import org.downline.core.Progress;
import org.downline.nextstep.Goal;
import org.downline.nextstep.RecommendationRecord;
import org.junit.jupiter.api.io.TempDir;

class RecommendationStoreTest {
  @TempDir Path dir;

  @BothDatabases
  void recordsRoundTripAndAReIssueReplacesTheDay(Database db) throws IOException {
    Path members = Files.writeString(dir.resolve("members.csv"), "id,sponsor_id,kind,join_date\nD1,,distributor,2024-01-01\nC1,D1,customer,2024-01-01\n");
    new ImportFile(db, Progress.NONE).importMembers(members);
    int june = Periods.parseDay("2025-06-30");
    int july = Periods.parseDay("2025-07-31");
    RecommendationStore store = new RecommendationStore(db);
    RecommendationRecord a = new RecommendationRecord("C1", "customers/11+", "refer-or-join",
        List.of(Goal.REFERRAL, Goal.ENROLMENT), june, true, 0);
    RecommendationRecord b = new RecommendationRecord("D1", "leaders", "develop-leaders", List.of(Goal.LEADER_DEVELOPED), june, false, 3);
    RecommendationRecord c = new RecommendationRecord("D1", "sponsored-nobody", "first-recruit", List.of(Goal.FIRST_RECRUIT), july, false, 0);
    assertThat(store.replaceIssued(june, List.of(b, a))).isEqualTo(2);
    store.replaceIssued(july, List.of(c));
    assertThat(store.issued(june, july)).containsExactly(a, b, c); // by date, member, segment
    store.replaceIssued(june, List.of(b));
    assertThat(store.issued(june, june)).containsExactly(b);
    assertThat(store.issued(july, july)).containsExactly(c);
  }
}
