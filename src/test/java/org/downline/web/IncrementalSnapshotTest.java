package org.downline.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.downline.app.network.CreateOrder;
import org.downline.app.network.ImportFile;
import org.downline.app.network.PlaceRecruit;
import org.downline.core.Periods;
import org.downline.core.Progress;
import org.downline.core.Refusal;
import org.downline.network.MemberKind;
import org.downline.network.MemberRow;
import org.downline.network.MemberStatus;
import org.downline.network.Network;
import org.downline.network.OrderRow;
import org.downline.network.PlacementTree;
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
  private static final int JOIN = Periods.parseDay("2026-08-01");
  private static final int FIRST_DAY = Periods.parseDay("2026-09-01");
  private static final int LAST_DAY = Periods.parseDay("2026-11-30");
  private static final int FIRST = Periods.periodOfDay(FIRST_DAY);
  private static final int LAST = Periods.periodOfDay(LAST_DAY);

  private record Sale(String id, String member, int day, long pv, long cv, long[] returned) {}

  @Test
  void figuresAfterAStreamOfChangesAreAFreshLoads() {
    Property.forAll(8, g -> {
      Database db = TestDatabases.fresh(TestDatabases.Kind.H2);
      CompanyData followed = null;
      try {
        Random r = g.random();
        ImportFile importing = new ImportFile(db, Progress.NONE);
        List<String> distributors = new ArrayList<>(List.of("D0"));
        List<String> everyone = new ArrayList<>(List.of("D0"));
        List<MemberRow> start = new ArrayList<>(List.of(MemberRow.of(1, "D0", null, MemberKind.DISTRIBUTOR, JOIN)));
        int size = g.intBetween("members", 1, 25);
        for (int i = 1; i <= size; i++) start.add(newMember(r, "M" + i, distributors, everyone));
        importing.importAll("start", start, List.of(), List.of(), List.of(), List.of());
        List<Sale> sales = new ArrayList<>();
        followed = new CompanyData(db, "demo", 3_600_000); // the test reads the log itself, not a timer
        CreateOrder ordering = new CreateOrder(db);
        PlaceRecruit placing = new PlaceRecruit(db);

        int steps = g.intBetween("steps", 0, 30);
        for (int step = 0; step < steps; step++) {
          Network net = followed.current().network();
          switch (r.nextInt(7)) {
            case 0 -> importing.importAll("member " + step, List.of(newMember(r, "N" + step, distributors, everyone)),
                List.of(), List.of(), List.of(), List.of());
            case 1, 2, 3 -> {
              String member = everyone.get(r.nextInt(everyone.size()));
              int day = FIRST_DAY + r.nextInt(LAST_DAY - FIRST_DAY + 1);
              long pv = r.nextInt(20_000);
              long cv = r.nextInt((int) pv + 1);
              String id = "S" + step;
              ordering.create(net, OrderRow.sale(0, id, member, day, pv, cv), c -> {});
              sales.add(new Sale(id, member, day, pv, cv, new long[2]));
            }
            case 4 -> {
              if (sales.isEmpty()) break;
              Sale s = sales.get(r.nextInt(sales.size()));
              long pvLeft = s.pv + s.returned[0];
              long cvLeft = s.cv + s.returned[1];
              if (pvLeft == 0) break;
              long pv = -(1 + r.nextInt((int) pvLeft));
              long cv = -Math.min(cvLeft, r.nextInt((int) cvLeft + 1));
              int day = s.day + r.nextInt(LAST_DAY - s.day + 1); // the sale's period or a later one
              ordering.create(net, OrderRow.returnOf(0, "R" + step, s.member, day, pv, cv, s.id), c -> {});
              s.returned[0] += pv;
              s.returned[1] += cv;
            }
            case 5 -> {
              String recruit = distributors.get(r.nextInt(distributors.size()));
              String parent = distributors.get(r.nextInt(distributors.size()));
              try {
                placing.place(net, Network.NONE, recruit, parent, r.nextInt(2));
              } catch (Refusal refused) {
                // not a legal placement for this draw (placed already, taken, outside the sponsor's): none made
              }
            }
            default -> {
              String id = everyone.get(r.nextInt(everyone.size()));
              int i = net.indexOf(id);
              int sponsor = net.sponsor(i);
              int p = net.placement(i);
              importing.importAll("status " + step, List.of(new MemberRow(0, id, sponsor == Network.NONE ? null : net.id(sponsor),
                  net.kind(i), !net.isPreferred(i), net.joinDay(i), MemberStatus.CANCELLED,
                  FIRST_DAY + r.nextInt(LAST_DAY - FIRST_DAY + 1), p == Network.NONE ? null : net.id(p),
                  net.placementPosition(i))), List.of(), List.of(), List.of(), List.of());
            }
          }
          followed.catchUp();
        }

        CompanyData fresh = new CompanyData(db, "demo", 3_600_000);
        try {
          // In place: the projections already hold every order; the book has not caught up yet.
          sameFigures(followed.current(), fresh.current(), false);
          followed.settle();
          sameFigures(followed.current(), fresh.current(), true);
        } finally {
          fresh.destroy();
        }
      } finally {
        if (followed != null) followed.destroy();
        TestDatabases.drop(db);
      }
    });
  }

  private static MemberRow newMember(Random r, String id, List<String> distributors, List<String> everyone) {
    String sponsor = distributors.get(r.nextInt(distributors.size()));
    boolean distributor = r.nextInt(3) > 0;
    everyone.add(id);
    if (distributor) distributors.add(id);
    return MemberRow.of(0, id, sponsor, distributor ? MemberKind.DISTRIBUTOR : MemberKind.CUSTOMER, JOIN);
  }

  /** Every figure a page shows, member by member (indexes may differ; ids do not). */
  private static void sameFigures(Snapshot followed, Snapshot fresh, boolean withBook) {
    Network a = followed.network();
    Network b = fresh.network();
    assertThat(a.size()).isEqualTo(b.size());
    assertThat(followed.defaultPeriod()).isEqualTo(fresh.defaultPeriod());
    PlacementTree ta = a.placementTree();
    PlacementTree tb = b.placementTree();
    int kinds = fresh.plan().lineKinds().size();
    for (int j = 0; j < b.size(); j++) {
      String id = b.id(j);
      int i = a.indexOf(id);
      assertThat(i).as(id).isNotEqualTo(Network.NONE);
      assertThat(a.status(i)).as(id).isEqualTo(b.status(j));
      assertThat(a.isPreferred(i)).as(id).isEqualTo(b.isPreferred(j));
      assertThat(followed.subtreeSize(i)).as(id).isEqualTo(fresh.subtreeSize(j));
      assertThat(followed.subtreeDistributors(i)).as(id).isEqualTo(fresh.subtreeDistributors(j));
      assertThat(idOf(a, followed.owners()[i])).as(id).isEqualTo(idOf(b, fresh.owners()[j]));
      assertThat(ta.inTree(i)).as(id).isEqualTo(tb.inTree(j));
      if (tb.inTree(j)) {
        for (int side = 0; side < 2; side++) assertThat(idOf(a, ta.child(i, side))).as(id).isEqualTo(idOf(b, tb.child(j, side)));
      }
      for (int p = FIRST; p <= LAST; p++) {
        String at = id + " in " + Periods.name(p);
        Snapshot.PeriodVolumes va = followed.volumes(p);
        Snapshot.PeriodVolumes vb = fresh.volumes(p);
        assertThat(va.pv()[i]).as("PV of " + at).isEqualTo(vb.pv()[j]);
        assertThat(va.gv()[i]).as("GV of " + at).isEqualTo(vb.gv()[j]);
        assertThat(va.active()[i]).as("Active of " + at).isEqualTo(vb.active()[j]);
        assertThat(va.rank()[i]).as("rank of " + at).isEqualTo(vb.rank()[j]);
        for (int k = 0; k < kinds; k++) {
          assertThat(followed.projection(p).pay(k, i)).as("projected pay " + k + " of " + at)
              .isEqualTo(fresh.projection(p).pay(k, j));
        }
        if (tb.inTree(j)) {
          long[] legsA = legs(a, ta, i, va.pv());
          long[] legsB = legs(b, tb, j, vb.pv());
          assertThat(legsA).as("placement legs' PV of " + at).containsExactly(legsB);
        }
      }
    }
    if (withBook) {
      assertThat(followed.book().size()).isEqualTo(fresh.book().size());
      assertThat(followed.months(FIRST, LAST)).containsExactly(fresh.months(FIRST, LAST));
    }
  }

  /** PV in the left and right placement legs of d, summed member by member. */
  private static long[] legs(Network n, PlacementTree t, int d, long[] pv) {
    long[] out = new long[2];
    for (int c = 0; c < n.size(); c++) {
      if (c == d || !t.inTree(c) || !t.contains(d, c)) continue;
      out[t.legOf(d, c)] += pv[c];
    }
    return out;
  }

  private static String idOf(Network n, int i) {
    return i < 0 ? null : n.id(i);
  }
}
