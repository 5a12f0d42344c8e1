package org.downline.web;

import java.util.ArrayList;
import java.util.List;
import org.downline.network.MemberKind;
import org.downline.network.MemberRow;
import org.downline.store.Database;
import org.downline.store.TestDatabases;
import org.downline.testing.Property;
import org.junit.jupiter.api.Test;

/**
 * The in-memory company kept current from the change log (ADR 22) shows what a fresh load shows:
 * after a random stream of new members, sales, returns (in their sale's period and later ones),
 * placements and status changes, written through the use cases the API and imports use, every
 * page figure (PV, GV, Active, rank, projected pay, subtree sizes, owners, placement legs; month
 * figures once the book has caught up) equals a fresh load's, member by member.
 */
class IncrementalSnapshotTest {
  @Test
  void figuresAfterAStreamOfChangesAreAFreshLoads() {
    Property.forAll(8, g -> {
      Database db = TestDatabases.fresh(TestDatabases.Kind.H2);
      CompanyData followed = null;
      try {
        CompanyChanges changes = new CompanyChanges(db, g.random(), "", new ArrayList<>(List.of("D0")), new ArrayList<>(List.of("D0")));
        List<MemberRow> start = new ArrayList<>(List.of(MemberRow.of(1, "D0", null, MemberKind.DISTRIBUTOR, CompanyChanges.JOIN)));
        int size = g.intBetween("members", 1, 25);
        for (int i = 1; i <= size; i++) start.add(changes.newMember("M" + i));
        changes.importing().importAll("start", start, List.of(), List.of(), List.of(), List.of());
        followed = new CompanyData(db, "demo", 3_600_000); // the test reads the log itself, not a timer

        int steps = g.intBetween("steps", 0, 30);
        for (int step = 0; step < steps; step++) {
          changes.step(step, followed.current().network());
          followed.catchUp();
        }

        CompanyData fresh = new CompanyData(db, "demo", 3_600_000, false); // every row, not the stored model
        try {
          // In place: the projections already hold every order; the book has not caught up yet.
          CompanyChanges.sameFigures(followed.current(), fresh.current(), false);
          followed.settle();
          CompanyChanges.sameFigures(followed.current(), fresh.current(), true);
        } finally {
          fresh.destroy();
        }
      } finally {
        if (followed != null) followed.destroy();
        TestDatabases.drop(db);
      }
    });
  }
}
