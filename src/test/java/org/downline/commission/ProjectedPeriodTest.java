package org.downline.commission;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.downline.core.Decimals;
import org.downline.core.Periods;
import org.downline.network.MemberKind;
import org.downline.network.MemberRow;
import org.downline.network.Network;
import org.downline.network.NetworkBuilder;
import org.downline.network.OrderBook;
import org.downline.network.OrderBookBuilder;
import org.downline.network.OrderRow;
import org.downline.planfile.PlanFile;
import org.downline.testing.Property;
import org.junit.jupiter.api.Test;

/** Order-by-order projection of an open period equals a full recompute of the same orders. */
class ProjectedPeriodTest {
  @Test
  void incrementalEqualsFullRecompute() {
    Property.forAll(80, g -> incrementalEqualsFullRecompute(g.seed(), g.intBetween("size", 1, 50), g.bool("lowBar")));
  }

  void incrementalEqualsFullRecompute(long seed, int size, boolean lowBar) {
    Scenario s = RandomCompany.of(seed, size);
    Plan withCap = lowBar ? PlanFile.load(CommissionPropertiesTest.LOW_BAR) : PlanFile.builtIn("demo");
    // The projection leaves the cap to the period's run: compare with the plan without it.
    Plan plan = new Plan(withCap.name(), withCap.version(), withCap.activePv(), withCap.ranks(), withCap.bonuses(), null,
        withCap.clawback());
    Network net = network(s);
    OrderBook book = book(s, net);
    CommissionEngine engine = new CommissionEngine(net, book, plan);
    int[] span = engine.periodSpan();
    if (span == null) return;
    Random random = new Random(seed);
    for (int p = span[0]; p <= span[1]; p++) {
      PeriodResult full = engine.compute(p, new History(net.size()));
      ProjectedPeriod proj = new ProjectedPeriod(net, plan, p);
      int[] range = book.periodRange(p);
      // Sales arrive in a random order; each same-period return after its sale.
      List<Integer> sales = new ArrayList<>();
      List<Integer> returns = new ArrayList<>();
      for (int o = range[0]; o < range[1]; o++) {
        if (!book.isReturn(o)) sales.add(o);
        else if (book.returnOf()[o] >= range[0]) returns.add(o);
      }
      Collections.shuffle(sales, random);
      int[] handle = new int[book.size()];
      for (int o : sales) handle[o] = proj.addSale(book.members()[o], book.days()[o], book.pv()[o], book.cv()[o]);
      for (int r : returns) proj.addReturn(handle[book.returnOf()[r]], book.pv()[r], book.cv()[r]);

      Volumes a = proj.volumes();
      Volumes b = full.volumes();
      assertThat(a.pv).isEqualTo(b.pv);
      assertThat(a.gv).isEqualTo(b.gv);
      assertThat(a.active).isEqualTo(b.active);
      assertThat(a.rank).as("ranks in %s", Periods.name(p)).isEqualTo(b.rank);
      assertThat(a.maxRankInSubtree).isEqualTo(b.maxRankInSubtree);
      long[][] sums = full.sumsByKindAndMember();
      for (int k = 0; k < plan.bonuses().size(); k++) {
        if (plan.bonuses().get(k) instanceof RankAdvancementBonus) continue;
        for (int m = 0; m < net.size(); m++) {
          assertThat(proj.pay(k, m)).as("%s of %s in %s", plan.lineKinds().get(k), net.id(m), Periods.name(p)).isEqualTo(sums[k][m]);
        }
      }
    }
  }

  @Test
  void startingFromABookThenAddingEqualsFullRecompute() {
    Property.forAll(60, g -> startingFromABookThenAddingEqualsFullRecompute(g.seed(), g.intBetween("size", 1, 50)));
  }

  void startingFromABookThenAddingEqualsFullRecompute(long seed, int size) {
    // The first half of a period's sales loaded at once, the rest (and returns of them) one by one.
    Scenario s = RandomCompany.of(seed, size);
    Plan plan = PlanFile.load(CommissionPropertiesTest.LOW_BAR);
    Plan uncapped = new Plan(plan.name(), plan.version(), plan.activePv(), plan.ranks(), plan.bonuses(), null, null);
    Network net = network(s);
    OrderBook book = book(s, net);
    CommissionEngine engine = new CommissionEngine(net, book, uncapped);
    int[] span = engine.periodSpan();
    if (span == null) return;
    int p = span[0];
    int[] range = book.periodRange(p);
    int half = range[0] + (range[1] - range[0]) / 2;
    OrderBookBuilder first = new OrderBookBuilder("orders.csv", net);
    for (int o = range[0]; o < half; o++) {
      int sale = book.returnOf()[o];
      first.add(sale == OrderBook.NONE ? OrderRow.sale(0, book.id(o), net.id(book.members()[o]), book.days()[o], book.pv()[o], book.cv()[o])
          : OrderRow.returnOf(0, book.id(o), net.id(book.members()[o]), book.days()[o], book.pv()[o], book.cv()[o], book.id(sale)));
    }
    OrderBook firstBook = first.build();
    ProjectedPeriod proj = ProjectedPeriod.start(net, firstBook, plan, p);
    int[] handle = new int[book.size()];
    for (int o = range[0]; o < half; o++) handle[o] = firstBook.indexOf(book.id(o)) - firstBook.periodRange(p)[0];
    for (int o = half; o < range[1]; o++) {
      int sale = book.returnOf()[o];
      if (sale == OrderBook.NONE) handle[o] = proj.addSale(book.members()[o], book.days()[o], book.pv()[o], book.cv()[o]);
      else if (sale >= range[0]) proj.addReturn(handle[sale], book.pv()[o], book.cv()[o]);
    }
    PeriodResult full = engine.compute(p, new History(net.size()));
    assertThat(proj.volumes().gv).isEqualTo(full.volumes().gv);
    assertThat(proj.volumes().rank).isEqualTo(full.volumes().rank);
    long[][] sums = full.sumsByKindAndMember();
    for (int k = 0; k < 4; k++) {
      for (int m = 0; m < net.size(); m++) assertThat(proj.pay(k, m)).as("%s of %s", plan.lineKinds().get(k), net.id(m)).isEqualTo(sums[k][m]);
    }
  }

  static Network network(Scenario s) {
    NetworkBuilder nb = new NetworkBuilder("members.csv");
    for (String row : s.members.subList(1, s.members.size())) {
      String[] f = row.split(",", -1);
      nb.add(MemberRow.of(0, f[0], f[1].isEmpty() ? null : f[1],
          f[2].equals("customer") ? MemberKind.CUSTOMER : MemberKind.DISTRIBUTOR, Periods.parseDay(f[3])));
    }
    return nb.build();
  }

  static OrderBook book(Scenario s, Network net) {
    OrderBookBuilder ob = new OrderBookBuilder("orders.csv", net);
    for (String row : s.orders.subList(1, s.orders.size())) {
      String[] f = row.split(",", -1);
      long pv = Decimals.parseCents(f[3]);
      long cv = Decimals.parseCents(f[4]);
      int day = Periods.parseDay(f[2]);
      ob.add(f[5].isEmpty() ? OrderRow.sale(0, f[0], f[1], day, pv, cv) : OrderRow.returnOf(0, f[0], f[1], day, pv, cv, f[5]));
    }
    return ob.build();
  }
}
