package org.downline.payout;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.downline.app.payout.Payouts;
import org.downline.core.Decimals;
import org.downline.core.Progress;
import org.downline.store.Database;
import org.downline.app.network.ImportFile;
import org.downline.store.LedgerStore;
import org.downline.store.PayoutStore;
import org.downline.store.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ledger's invariants over random sequences of closes (with clawback lines), adjustments,
 * holds, payout runs, approvals, failed and paid lines, checked after every step against a model
 * kept by the test: every posting balances; each member's balance is the model's; the members'
 * total equals the closed runs plus adjustments minus payouts (less failed ones); entries already
 * written never change; and a payout pays exactly who the rules say. Plain seeded generators; the
 * seed is in every assertion message.
 */
class LedgerPropertiesTest {
  @TempDir Path dir;

  static final int MEMBERS = 8;

  @Test
  void invariantsHoldOnH2() throws Exception {
    for (long seed = 1; seed <= 15; seed++) check(TestDatabases.Kind.H2, seed, 40);
  }

  @Test
  @org.junit.jupiter.api.Tag("postgres") // the PostgreSQL tier
  void invariantsHoldOnPostgres() throws Exception {
    for (long seed = 101; seed <= 102; seed++) check(TestDatabases.Kind.POSTGRESQL, seed, 40);
  }

  /** The test's own model of one member: entries by period (null for payouts), and the flags. */
  static final class Model {
    final Map<String, Long>[] byPeriod;
    final long[] undated = new long[MEMBERS];
    final boolean[] hold = new boolean[MEMBERS];
    final boolean[] details = new boolean[MEMBERS];
    long closedRuns;
    long adjustments;
    long payouts;

    @SuppressWarnings("unchecked")
    Model() {
      byPeriod = new Map[MEMBERS];
      for (int m = 0; m < MEMBERS; m++) byPeriod[m] = new HashMap<>();
    }

    long whole(int m) {
      return undated[m] + byPeriod[m].values().stream().mapToLong(Long::longValue).sum();
    }

    long through(int m, String period) {
      long s = undated[m];
      for (Map.Entry<String, Long> e : byPeriod[m].entrySet()) if (e.getKey().compareTo(period) <= 0) s += e.getValue();
      return s;
    }
  }

  void check(TestDatabases.Kind kind, long seed, int steps) throws Exception {
    Database db = TestDatabases.fresh(kind);
    try {
      StringBuilder csv = new StringBuilder("id,sponsor_id,kind,join_date\n");
      for (int m = 0; m < MEMBERS; m++) csv.append("M").append(m).append(m == 0 ? "," : ",M0").append(",distributor,2026-01-01\n");
      new ImportFile(db, Progress.NONE).importMembers(Files.writeString(dir.resolve("m" + seed + ".csv"), csv));
      Random r = new Random(seed);
      Model model = new Model();
      Payouts payouts = new Payouts(db);
      LedgerStore ledger = new LedgerStore(db);
      int closed = 0;
      List<LedgerStore.Entry> before = List.of();
      for (int step = 0; step < steps; step++) {
        String where = "seed " + seed + " on " + kind + ", step " + step;
        int op = r.nextInt(10);
        int m = r.nextInt(MEMBERS);
        if ((op <= 2 || closed == 0) && closed < 12) {
          closed++;
          closeFakeRun(db, r, "2026-" + (closed < 10 ? "0" : "") + closed, model);
        } else if (op == 3) {
          long amount = r.nextInt(4001) - 2000;
          if (amount == 0) amount = 1;
          payouts.adjust("M" + m, amount, period(1 + r.nextInt(closed)), "seeded adjustment", null, "staff");
          model.adjustments += amount;
          lastAdjust(db, m, amount, model);
        } else if (op == 4) {
          if (model.hold[m]) payouts.release("M" + m, "staff");
          else payouts.hold("M" + m, "seeded hold", "staff");
          model.hold[m] = !model.hold[m];
        } else if (op == 5) {
          payouts.details("M" + m, "Holder " + m, "DE89370400440532013000", null, "staff");
          model.details[m] = true;
        } else if (op <= 7) {
          String through = period(1 + r.nextInt(closed));
          long minimum = r.nextInt(3001);
          // The rule, restated here: pay min(through, whole) when both are >= 0, it is > 0, at least
          // the minimum, and the member is not on hold and has details.
          Map<String, Long> expected = new HashMap<>();
          for (int i = 0; i < MEMBERS; i++) {
            long t = model.through(i, through);
            long w = model.whole(i);
            long pay = Math.min(t, w);
            if (t >= 0 && w >= 0 && pay > 0 && pay >= minimum && !model.hold[i] && model.details[i]) expected.put("M" + i, pay);
          }
          Payouts.RunResult result = payouts.run(through, minimum, Map.of(), "staff");
          Map<String, Long> paid = new HashMap<>();
          result.batch().ifPresent(b -> {
            for (PayoutStore.Line l : new PayoutStore(db).lines(b.id())) paid.put(l.memberId(), l.amount());
          });
          assertThat(paid).as(where + ": who is paid, through " + through + ", minimum " + minimum).isEqualTo(expected);
          for (Map.Entry<String, Long> e : paid.entrySet()) {
            model.undated[Integer.parseInt(e.getKey().substring(1))] -= e.getValue();
            model.payouts += e.getValue();
          }
        } else {
          List<PayoutStore.Batch> open = new PayoutStore(db).batches().stream().filter(b -> !"closed".equals(b.state())).toList();
          if (!open.isEmpty()) {
            PayoutStore.Batch b = open.get(r.nextInt(open.size()));
            if ("created".equals(b.state())) payouts.approve(b.id(), "approver");
            List<String> failed = new ArrayList<>();
            for (PayoutStore.Line l : new PayoutStore(db).lines(b.id())) {
              if ("pending".equals(l.state()) && r.nextInt(3) == 0) {
                failed.add(l.memberId());
                int i = Integer.parseInt(l.memberId().substring(1));
                model.undated[i] += l.amount();
                model.payouts -= l.amount();
              }
            }
            if (!failed.isEmpty()) payouts.markFailed(b.id(), failed, "seeded failure", "staff");
            boolean stillOpen = "approved".equals(new PayoutStore(db).batch(b.id()).orElseThrow().state());
            if (stillOpen && r.nextBoolean()) payouts.markPaid(b.id(), List.of(), "staff");
          }
        }
        // Invariants.
        try (Connection c = db.connection(); Statement s = c.createStatement();
            ResultSet rs = s.executeQuery("SELECT posting_id, currency, SUM(amount) FROM ledger_entry GROUP BY posting_id, currency"
                + " HAVING SUM(amount) <> 0")) {
          assertThat(rs.next()).as(where + ": an unbalanced posting").isFalse();
        }
        for (int i = 0; i < MEMBERS; i++) {
          assertThat(ledger.balance("M" + i).getOrDefault("USD", 0L)).as(where + ": balance of M" + i).isEqualTo(model.whole(i));
        }
        Map<String, Long> totals = ledger.accountTotals();
        assertThat(totals.getOrDefault("member:USD", 0L)).as(where + ": company total")
            .isEqualTo(model.closedRuns + model.adjustments - model.payouts);
        assertThat(totals.getOrDefault("member:USD", 0L)).as(where + ": company total from the tables")
            .isEqualTo(fromTables(db));
        List<LedgerStore.Entry> now = ledger.all();
        assertThat(now.subList(0, before.size())).as(where + ": entries written before are unchanged").isEqualTo(before);
        before = now;
      }
    } finally {
      TestDatabases.drop(db);
    }
  }

  static String period(int month) {
    return "2026-" + (month < 10 ? "0" : "") + month;
  }

  /** The adjustment's period as the ledger recorded it (the model keeps balances per period). */
  static void lastAdjust(Database db, int m, long amount, Model model) throws Exception {
    try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(
        "SELECT period FROM ledger_entry WHERE member_id = ? AND kind = 'adjustment' ORDER BY id DESC")) {
      ps.setString(1, "M" + m);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        model.byPeriod[m].merge(rs.getString(1), amount, Long::sum);
      }
    }
  }

  /** Closed runs' lines + adjustment entries - payout lines not failed, straight from their tables. */
  static long fromTables(Database db) throws Exception {
    try (Connection c = db.connection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
        "SELECT (SELECT COALESCE(SUM(l.amount), 0) FROM commission_line l JOIN commission_run r ON r.id = l.run_id WHERE r.closed),"
            + " (SELECT COALESCE(SUM(amount), 0) FROM ledger_entry WHERE kind = 'adjustment'),"
            + " (SELECT COALESCE(SUM(amount), 0) FROM payout_line WHERE state <> 'failed')")) {
      rs.next();
      return Decimals.fromBigDecimal(rs.getBigDecimal(1).setScale(2)) + Decimals.fromBigDecimal(rs.getBigDecimal(2).setScale(2))
          - Decimals.fromBigDecimal(rs.getBigDecimal(3).setScale(2));
    }
  }

  /** A closed run made directly in the tables (random earnings and clawbacks), posted as closing posts it. */
  static void closeFakeRun(Database db, Random r, String period, Model model) {
    db.inTransaction(c -> {
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO period (name, state) VALUES (?, 'closed')")) {
        ps.setString(1, period);
        ps.executeUpdate();
      }
      long run;
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO commission_run (period, plan_name, plan_version, plan_sha256,"
          + " inputs_sha256, lines_sha256, created_at, closed) VALUES (?, 'p', '1', 'x', 'x', 'x', CURRENT_TIMESTAMP, TRUE)",
          Statement.RETURN_GENERATED_KEYS)) {
        ps.setString(1, period);
        ps.executeUpdate();
        try (ResultSet k = ps.getGeneratedKeys()) {
          k.next();
          run = k.getLong(1);
        }
      }
      if (db.isPostgres()) {
        // The store gives each run its partition of lines (V240); made here for this run's rows.
        try (Statement s = c.createStatement()) {
          s.execute("CREATE TABLE commission_line_" + run + " PARTITION OF commission_line FOR VALUES IN (" + run + ")");
        }
      }
      Set<Integer> earners = new HashSet<>();
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO commission_line (run_id, earner_id, bonus, amount, source_order_id,"
          + " source_member_id, level) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
        int lines = r.nextInt(10);
        for (int j = 0; j < lines; j++) {
          int m = r.nextInt(MEMBERS);
          earners.add(m);
          long amount = r.nextInt(4) == 0 ? -(1 + r.nextInt(4000)) : 1 + r.nextInt(6000);
          ps.setLong(1, run);
          ps.setString(2, "M" + m);
          ps.setString(3, amount < 0 ? "clawback" : "unilevel");
          ps.setBigDecimal(4, Decimals.toBigDecimal(amount));
          ps.setString(5, "o" + j);
          ps.setString(6, "M0");
          ps.setInt(7, j);
          ps.executeUpdate();
          model.byPeriod[m].merge(period, amount, Long::sum);
          model.closedRuns += amount;
        }
      }
      LedgerStore.postClosedRun(c, run, "close");
      return null;
    });
  }
}
