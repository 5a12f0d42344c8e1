package org.downline.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.downline.app.commission.ComputePeriod;
import org.downline.app.network.ImportFile;
import org.downline.app.network.LoadCompany;
import org.downline.commission.PeriodResult;
import org.downline.commission.Plan;
import org.downline.core.Periods;
import org.downline.core.Progress;
import org.downline.csv.CompanyCsvWriter;
import org.downline.generate.CompanyGenerator;
import org.downline.network.Network;
import org.downline.network.OrderBook;
import org.downline.store.BothDatabases;
import org.downline.store.ChangeLog;
import org.downline.store.CompanyStore;
import org.downline.store.Database;
import org.downline.store.ModelSnapshot;
import org.downline.store.TestDatabases;
import org.downline.testing.Property;
import org.junit.jupiter.api.io.TempDir;

/**
 * A server that starts from the stored model (ADR 38) and the change log after it holds what a load
 * of every row holds: every member's and order's fields by id, and every page figure; and one whose
 * stored model cannot be used (a piece corrupted, another format, the log pruned or a reload after
 * it) loads every row, holds the same, and stores a copy the next start uses.
 */
class StoredModelTest {
  @TempDir Path dir;

  @BothDatabases
  void aStartFromTheStoredModelAndTheLogAfterItIsAFreshLoad(Database given) {
    TestDatabases.Kind kind = given.isPostgres() ? TestDatabases.Kind.POSTGRESQL : TestDatabases.Kind.H2;
    Property.forAll(3, g -> {
      Database db = TestDatabases.fresh(kind);
      try {
        company(db, g.intBetween("members", 60, 400), g.intBetween("months", 2, 5), g.random().nextLong(), g.intBetween("case", 0, 1 << 20));
        CompanyData first = new CompanyData(db, "demo", 3_600_000);
        assertThat(first.refusedStoredModel()).isEqualTo("there is none");
        assertThat(first.awaitStoredModel().pieces()).isPositive();
        CompanyChanges changes = CompanyChanges.among(db, g.random(), "x", first.current().network());
        int steps = g.intBetween("steps", 0, 40);
        for (int step = 0; step < steps; step++) {
          changes.step(step, first.current().network());
          first.catchUp();
        }
        first.destroy();
        sameAsAFreshLoad(db, null);
      } finally {
        TestDatabases.drop(db);
      }
    });
  }

  @BothDatabases
  void aStoredModelThatCannotBeUsedFallsBackToEveryRowWithTheSameResult(Database db) throws Exception {
    company(db, 300, 4, 7, 1);
    CompanyData first = new CompanyData(db, "demo", 3_600_000);
    assertThat(first.awaitStoredModel().pieces()).isPositive();
    CompanyChanges changes = CompanyChanges.among(db, new Random(5), "x", first.current().network());
    for (int step = 0; step < 12; step++) changes.step(step, first.current().network());
    first.destroy();
    sameAsAFreshLoad(db, null);

    try (Connection c = db.connection()) { // one byte of a piece in the middle changed
      int pieces = new ModelSnapshot(db).header().pieces();
      byte[] data;
      try (PreparedStatement ps = c.prepareStatement("SELECT data FROM model_snapshot_piece WHERE no = ?")) {
        ps.setInt(1, pieces / 2);
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          data = rs.getBytes(1);
        }
      }
      data[data.length / 2] ^= 0x10;
      try (PreparedStatement ps = c.prepareStatement("UPDATE model_snapshot_piece SET data = ? WHERE no = ?")) {
        ps.setBytes(1, data);
        ps.setInt(2, pieces / 2);
        ps.executeUpdate();
      }
    }
    sameAsAFreshLoad(db, "the checksum of piece");
    sameAsAFreshLoad(db, null); // the copy stored after the fall-back is used

    execute(db, "UPDATE model_snapshot SET format = 99");
    sameAsAFreshLoad(db, "it is of format 99, this version reads 1");
    sameAsAFreshLoad(db, null);

    long at = new ModelSnapshot(db).header().seq();
    for (int step = 100; new ChangeLog(db).last() <= at; step++) changes.step(step, fresh(db).network()); // a change after the copy
    execute(db, "DELETE FROM change_log WHERE seq = " + (at + 1)); // pruned
    sameAsAFreshLoad(db, "the change log no longer reaches back to its change " + at);
    sameAsAFreshLoad(db, null);

    new ChangeLog(db).askReload();
    sameAsAFreshLoad(db, "the change log no longer reaches back");
    sameAsAFreshLoad(db, null);
  }

  @BothDatabases
  void aServerFollowingTheLogStoresItsPictureOnceTheStoredOneIsOld(Database db) throws Exception {
    company(db, 200, 3, 11, 2);
    CompanyData server = new CompanyData(db, "demo", 3_600_000);
    try {
      long first = server.awaitStoredModel().pieces() > 0 ? new ModelSnapshot(db).header().seq() : -1;
      server.refreshStoredModelAfter(0);
      CompanyChanges changes = CompanyChanges.among(db, new Random(3), "x", server.current().network());
      for (int step = 0; new ChangeLog(db).last() <= first + 3; step++) {
        changes.step(step, server.current().network());
        server.catchUp();
      }
      server.settle(); // the book catches up: the picture is the company at the last change applied
      server.awaitStoredModel();
      assertThat(new ModelSnapshot(db).header().seq()).isEqualTo(server.applied()).isGreaterThan(first);
    } finally {
      server.destroy();
    }
    sameAsAFreshLoad(db, null);
  }

  /**
   * A command's company ({@link LoadCompany}: commissions run and explain, the reports): the stored
   * model with the log after it holds every row's members and orders, and a period computed from it
   * pays every member what a period computed from every row pays; with no usable copy, every row.
   */
  @BothDatabases
  void aCommandReadsTheStoredModelAndTheLogAfterIt(Database db) throws Exception {
    company(db, 250, 4, 13, 3);
    assertThat(new LoadCompany(db).load(Progress.NONE).refusedStoredModel()).isEqualTo("there is none");
    CompanyData server = new CompanyData(db, "demo", 3_600_000);
    assertThat(server.awaitStoredModel().pieces()).isPositive();
    CompanyChanges changes = CompanyChanges.among(db, new Random(9), "x", server.current().network());
    for (int step = 0; step < 15; step++) {
      changes.step(step, server.current().network());
      server.catchUp();
    }
    server.destroy();
    assertThat(new ChangeLog(db).last()).isGreaterThan(new ModelSnapshot(db).header().seq()); // changes after the copy

    LoadCompany.Loaded loaded = new LoadCompany(db).load(Progress.NONE);
    assertThat(loaded.refusedStoredModel()).isNull();
    CompanyStore store = new CompanyStore(db);
    Network rows = store.loadNetwork();
    OrderBook rowsBook = store.loadOrders(rows);
    assertThat(model(loaded.network(), loaded.book())).isEqualTo(model(rows, rowsBook));

    Plan plan = org.downline.planfile.PlanFile.load("demo");
    String period = Periods.name(Periods.periodOfDay(rowsBook.days()[rowsBook.size() - 1]));
    ComputePeriod computing = new ComputePeriod(db);
    Map<String, List<Long>> fromCopy = paid(computing.compute(period, plan, Progress.NONE));
    Map<String, List<Long>> fromRows = paid(computing.compute(period, plan, rows, rowsBook));
    assertThat(fromCopy).isEqualTo(fromRows).isNotEmpty();

    new ChangeLog(db).askReload();
    LoadCompany.Loaded again = new LoadCompany(db).load(Progress.NONE);
    assertThat(again.refusedStoredModel()).contains("the change log no longer reaches back");
    assertThat(model(again.network(), again.book())).isEqualTo(model(rows, rowsBook));
  }

  /** Each paid member's sums by kind of line, by id (the two networks' indexes may differ). */
  private static Map<String, List<Long>> paid(ComputePeriod.Computed computed) {
    PeriodResult r = computed.result();
    long[][] sums = r.sumsByKindAndMember();
    Map<String, List<Long>> out = new java.util.TreeMap<>();
    for (int m = 0; m < computed.network().size(); m++) {
      List<Long> row = new java.util.ArrayList<>();
      boolean any = false;
      for (long[] kind : sums) {
        row.add(kind[m]);
        any |= kind[m] != 0;
      }
      if (any) out.put(computed.network().id(m), row);
    }
    return out;
  }

  /** Generates a company into files and imports it. */
  private void company(Database db, int members, int months, long seed, int name) throws Exception {
    Path files = dir.resolve("company-" + name);
    try (CompanyCsvWriter w = new CompanyCsvWriter(files, "EUR")) {
      new CompanyGenerator(members, months, seed, YearMonth.of(2026, 3)).generate(w);
    }
    new ImportFile(db, Progress.NONE).importDirectory(files);
  }

  private static Snapshot fresh(Database db) {
    CompanyData rows = new CompanyData(db, "demo", 3_600_000, false);
    try {
      return rows.current();
    } finally {
      rows.destroy();
    }
  }

  /**
   * Starts a server: with {@code refused} null it must start from the stored model, else fall back
   * saying that; either way its picture, once its book has caught up, is a load of every row's.
   */
  private static void sameAsAFreshLoad(Database db, String refused) {
    CompanyData started = new CompanyData(db, "demo", 3_600_000);
    try {
      if (refused == null) assertThat(started.refusedStoredModel()).isNull();
      else assertThat(started.refusedStoredModel()).contains(refused);
      started.settle();
      started.awaitStoredModel();
      Snapshot fresh = fresh(db);
      assertThat(model(started.current())).isEqualTo(model(fresh));
      CompanyChanges.sameFigures(started.current(), fresh, true);
    } finally {
      started.destroy();
    }
  }

  /** Every member's and order's fields by id (the picture's indexes may differ; the ids do not). */
  private static Map<String, List<Object>> model(Snapshot s) {
    return model(s.network(), s.book());
  }

  private static Map<String, List<Object>> model(Network n, OrderBook b) {
    Map<String, List<Object>> out = new LinkedHashMap<>();
    for (int i = 0; i < n.size(); i++) {
      out.put("member " + n.id(i), Arrays.asList(id(n, n.sponsor(i)), n.kind(i), n.isPreferred(i), n.joinDay(i), n.status(i),
          n.statusDay(i), id(n, n.placement(i)), n.placementPosition(i), n.depths()[i], n.childEnd(i) - n.childStart(i)));
    }
    for (int o = 0; o < b.size(); o++) {
      out.put("order " + b.id(o), Arrays.asList(n.id(b.members()[o]), b.days()[o], b.pv()[o], b.cv()[o], b.totals()[o],
          b.isReturn(o) ? b.id(b.returnOf()[o]) : null, b.isAutoship(o), b.campaign(o), b.indexOf(b.id(o)) == o));
    }
    return new java.util.TreeMap<>(out);
  }

  private static String id(Network n, int i) {
    return i == Network.NONE ? null : n.id(i);
  }

  private static void execute(Database db, String sql) throws Exception {
    try (Connection c = db.connection(); var st = c.createStatement()) {
      st.execute(sql);
    }
  }
}
