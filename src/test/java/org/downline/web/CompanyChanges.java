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

/**
 * A random stream of changes written through the use cases the API and imports use (new members,
 * sales, returns in their sale's period and later ones, placements, status changes), and the check
 * that a picture kept current from the change log shows every figure a fresh load shows: for the
 * tests of the follower (ADR 22) and of the stored model (ADR 38).
 */
final class CompanyChanges {
  static final int JOIN = Periods.parseDay("2026-08-01");
  static final int FIRST_DAY = Periods.parseDay("2026-09-01");
  static final int LAST_DAY = Periods.parseDay("2026-11-30");
  static final int FIRST = Periods.periodOfDay(FIRST_DAY);
  static final int LAST = Periods.periodOfDay(LAST_DAY);

  private record Sale(String id, String member, int day, long pv, long cv, long[] returned) {}

  private final Random r;
  private final String prefix;
  private final ImportFile importing;
  private final CreateOrder ordering;
  private final PlaceRecruit placing;
  private final List<String> distributors;
  private final List<String> everyone;
  private final List<Sale> sales = new ArrayList<>();

  /** Changes among these members, new ids starting with {@code prefix} (none a company has). */
  CompanyChanges(Database db, Random r, String prefix, List<String> distributors, List<String> everyone) {
    this.r = r;
    this.prefix = prefix;
    this.importing = new ImportFile(db, Progress.NONE);
    this.ordering = new CreateOrder(db);
    this.placing = new PlaceRecruit(db);
    this.distributors = distributors;
    this.everyone = everyone;
  }

  /** Changes among every member of {@code network}. */
  static CompanyChanges among(Database db, Random r, String prefix, Network network) {
    List<String> distributors = new ArrayList<>();
    List<String> everyone = new ArrayList<>();
    for (int i = 0; i < network.size(); i++) {
      everyone.add(network.id(i));
      if (network.isDistributor(i)) distributors.add(network.id(i));
    }
    return new CompanyChanges(db, r, prefix, distributors, everyone);
  }

  ImportFile importing() {
    return importing;
  }

  /** One random change (numbered {@code step}, for its ids) among the members of {@code net}, the picture now. */
  void step(int step, Network net) {
    switch (r.nextInt(7)) {
      case 0 -> importing.importAll("member " + step, List.of(newMember(prefix + "N" + step)),
          List.of(), List.of(), List.of(), List.of());
      case 1, 2, 3 -> {
        String member = everyone.get(r.nextInt(everyone.size()));
        int day = FIRST_DAY + r.nextInt(LAST_DAY - FIRST_DAY + 1);
        long pv = r.nextInt(20_000);
        long cv = r.nextInt((int) pv + 1);
        String id = prefix + "S" + step;
        ordering.create(net, OrderRow.sale(0, id, member, day, pv, cv), c -> {});
        sales.add(new Sale(id, member, day, pv, cv, new long[2]));
      }
      case 4 -> {
        if (sales.isEmpty()) return;
        Sale s = sales.get(r.nextInt(sales.size()));
        long pvLeft = s.pv + s.returned[0];
        long cvLeft = s.cv + s.returned[1];
        if (pvLeft == 0) return;
        long pv = -(1 + r.nextInt((int) pvLeft));
        long cv = -Math.min(cvLeft, r.nextInt((int) cvLeft + 1));
        int day = s.day + r.nextInt(LAST_DAY - s.day + 1); // the sale's period or a later one
        ordering.create(net, OrderRow.returnOf(0, prefix + "R" + step, s.member, day, pv, cv, s.id), c -> {});
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
  }

  MemberRow newMember(String id) {
    String sponsor = distributors.get(r.nextInt(distributors.size()));
    boolean distributor = r.nextInt(3) > 0;
    everyone.add(id);
    if (distributor) distributors.add(id);
    return MemberRow.of(0, id, sponsor, distributor ? MemberKind.DISTRIBUTOR : MemberKind.CUSTOMER, JOIN);
  }

  /** Every figure a page shows, member by member (indexes may differ; ids do not). */
  static void sameFigures(Snapshot followed, Snapshot fresh, boolean withBook) {
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
