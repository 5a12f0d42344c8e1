package org.downline.store;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.downline.commission.CommissionEngine;
import org.downline.commission.Fingerprint;
import org.downline.commission.History;
import org.downline.commission.Lines;
import org.downline.commission.OutputOrder;
import org.downline.commission.PeriodOrders;
import org.downline.commission.PeriodResult;
import org.downline.commission.Plan;
import org.downline.core.Decimals;
import org.downline.core.Periods;
import org.downline.core.Progress;
import org.downline.network.Network;
import org.downline.network.OrderBook;

/**
 * Database mode of the commission engine: a run computes one period from the stored members and
 * orders (earlier closed periods from their locked runs, earlier open ones computed in memory),
 * and is stored with its plan, the fingerprints of its inputs and of its lines; closing a period
 * locks one run.
 */
public final class CommissionStore {
  private final Database db;

  public CommissionStore(Database db) {
    this.db = db;
  }

  public record Run(long id, String period, String planName, String planVersion, String planSha256, String inputsSha256,
      String linesSha256, boolean closed, int lines, long total) {}

  /** A period computed from the stored data, with what it was computed from. */
  public record Computed(Network network, OrderBook book, PeriodResult result) {}

  /**
   * Computes {@code period} from the stored data without storing it: earlier closed periods as
   * their locked runs have them, earlier open ones computed in memory, oldest first.
   */
  public Computed compute(String periodName, Plan plan, Progress progress) {
    CompanyStore company = new CompanyStore(db);
    Network net = company.loadNetwork(progress);
    return compute(periodName, plan, net, company.loadOrders(net, progress));
  }

  /**
   * As {@link #compute(String, Plan, Progress)} over a given order book: the stored orders with
   * corrections (a restatement); earlier closed periods still as their locked runs have them.
   */
  public Computed compute(String periodName, Plan plan, Network net, OrderBook book) {
    int period = Periods.index(Periods.parse(periodName));
    CommissionEngine engine = new CommissionEngine(net, book, plan);
    History history = new History(net.size());
    Map<String, String> states = new PeriodStore(db).states();
    int[] span = engine.periodSpan();
    if (span != null) {
      for (int q = span[0]; q < period; q++) {
        if (PeriodStore.CLOSED.equals(states.get(Periods.name(q)))) loadClosed(q, net, book, plan, history);
        else history.record(engine.compute(q, history));
      }
    }
    return new Computed(net, book, engine.compute(period, history));
  }

  /** Computes {@code period} as a new run and stores it. A closed period may be re-run: the new run must equal the closed one. */
  public Run run(String periodName, Plan plan, String planText, Progress progress) {
    int period = Periods.index(Periods.parse(periodName));
    Computed computed = compute(periodName, plan, progress);
    Network net = computed.network();
    OrderBook book = computed.book();
    PeriodResult r = computed.result();
    String inputs = Fingerprint.inputs(net, book, period);
    OutputOrder order = new OutputOrder(net.ids(), book.ids(), plan);
    List<String> rows = new ArrayList<>();
    List<Object[]> values = new ArrayList<>();
    List<String> kinds = plan.lineKinds();
    long[] total = new long[1];
    try {
      order.forEach(r.lines(), (earner, kind, src, level, amount) -> {
        if (amount == 0) return;
        String srcId = src == Lines.NO_SOURCE ? null : book.id(src);
        String srcMember = src == Lines.NO_SOURCE ? null : net.id(book.members()[src]);
        rows.add(periodName + "," + net.id(earner) + "," + kinds.get(kind) + "," + Decimals.format(amount) + ","
            + (srcId == null ? "" : srcId) + "," + (srcMember == null ? "" : srcMember) + "," + level);
        values.add(new Object[] {net.id(earner), kinds.get(kind), Decimals.toBigDecimal(amount), srcId, srcMember, level});
        total[0] += amount;
      });
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
    String linesSha = Fingerprint.of(String.join("\n", rows));
    String planSha = Fingerprint.of(planText);
    long id = db.inTransaction(c -> {
      String state = PeriodStore.states(c).get(periodName);
      if (state == null || PeriodStore.OPEN.equals(state)) PeriodStore.setState(c, periodName, PeriodStore.CALCULATED);
      long runId;
      try (PreparedStatement ps = c.prepareStatement(
          "INSERT INTO commission_run (period, plan_name, plan_version, plan_sha256, inputs_sha256, lines_sha256, created_at, closed)"
              + " VALUES (?, ?, ?, ?, ?, ?, ?, FALSE)", Statement.RETURN_GENERATED_KEYS)) {
        ps.setString(1, periodName);
        ps.setString(2, plan.name());
        ps.setString(3, plan.version());
        ps.setString(4, planSha);
        ps.setString(5, inputs);
        ps.setString(6, linesSha);
        ps.setTimestamp(7, Timestamp.from(Instant.now()));
        ps.executeUpdate();
        try (ResultSet keys = ps.getGeneratedKeys()) {
          keys.next();
          runId = keys.getLong(1);
        }
      }
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO commission_line (run_id, earner_id, bonus, amount, source_order_id,"
          + " source_member_id, level) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
        int batch = 0;
        for (Object[] v : values) {
          ps.setLong(1, runId);
          ps.setString(2, (String) v[0]);
          ps.setString(3, (String) v[1]);
          ps.setBigDecimal(4, (BigDecimal) v[2]);
          ps.setString(5, (String) v[3]);
          ps.setString(6, (String) v[4]);
          ps.setInt(7, (Integer) v[5]);
          ps.addBatch();
          if (++batch % 10_000 == 0) ps.executeBatch();
        }
        ps.executeBatch();
      }
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO commission_member (run_id, member_id, pv, gv, active, rank_name,"
          + " rank_index) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
        int batch = 0;
        for (int m = 0; m < net.size(); m++) {
          if (!net.isDistributor(m) || r.volumes().gv[m] == 0) continue;
          ps.setLong(1, runId);
          ps.setString(2, net.id(m));
          ps.setBigDecimal(3, Decimals.toBigDecimal(r.volumes().pv[m]));
          ps.setBigDecimal(4, Decimals.toBigDecimal(r.volumes().gv[m]));
          ps.setBoolean(5, r.volumes().active[m]);
          ps.setString(6, plan.ranks().get(r.volumes().rank[m]).name());
          ps.setInt(7, r.volumes().rank[m]);
          ps.addBatch();
          if (++batch % 10_000 == 0) ps.executeBatch();
        }
        ps.executeBatch();
      }
      return runId;
    });
    return new Run(id, periodName, plan.name(), plan.version(), planSha, inputs, linesSha, false, rows.size(), total[0]);
  }

  /** A computed period's lines (amount 0 left out), each with its earner, bonus, source order and member, level. */
  public static List<org.downline.payout.Restatement.Line> lines(Computed computed, Plan plan) {
    Network net = computed.network();
    OrderBook book = computed.book();
    OutputOrder order = new OutputOrder(net.ids(), book.ids(), plan);
    List<String> kinds = plan.lineKinds();
    List<org.downline.payout.Restatement.Line> out = new ArrayList<>();
    try {
      order.forEach(computed.result().lines(), (earner, kind, src, level, amount) -> {
        if (amount == 0) return;
        out.add(new org.downline.payout.Restatement.Line(net.id(earner), kinds.get(kind),
            src == Lines.NO_SOURCE ? null : book.id(src), src == Lines.NO_SOURCE ? null : net.id(book.members()[src]), level, amount));
      });
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
    return out;
  }

  /** Earlier closed period q as its locked run has it: ranks reached and lines a later return may claw back. */
  private void loadClosed(int q, Network net, OrderBook book, Plan plan, History history) {
    String name = Periods.name(q);
    byte[] rank = new byte[net.size()];
    List<int[]> refs = new ArrayList<>();
    List<Long> amounts = new ArrayList<>();
    try (Connection c = db.connection()) {
      long runId;
      try (PreparedStatement ps = c.prepareStatement("SELECT id FROM commission_run WHERE period = ? AND closed = TRUE")) {
        ps.setString(1, name);
        try (ResultSet rs = ps.executeQuery()) {
          if (!rs.next()) throw new IllegalStateException("period " + name + " is closed but has no closed run");
          runId = rs.getLong(1);
        }
      }
      try (PreparedStatement ps = c.prepareStatement("SELECT member_id, rank_index FROM commission_member WHERE run_id = ?")) {
        ps.setLong(1, runId);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            int m = net.indexOf(rs.getString(1));
            if (m >= 0) rank[m] = (byte) rs.getInt(2);
          }
        }
      }
      if (plan.clawback() != null) {
        try (PreparedStatement ps = c.prepareStatement(
            "SELECT earner_id, bonus, amount, source_order_id, level FROM commission_line WHERE run_id = ? AND source_order_id IS NOT NULL")) {
          ps.setLong(1, runId);
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              if (!plan.clawback().bonuses().contains(rs.getString(2))) continue;
              int earner = net.indexOf(rs.getString(1));
              int src = book.indexOf(rs.getString(4));
              if (earner < 0 || src < 0) continue;
              refs.add(new int[] {earner, plan.bonusIndex(rs.getString(2)), src, rs.getInt(5)});
              amounts.add(Decimals.fromBigDecimal(rs.getBigDecimal(3)));
            }
          }
        }
      }
    } catch (SQLException e) {
      throw new StoreException(e);
    }
    int count = refs.size();
    int[] source = new int[count];
    int[] earner = new int[count];
    byte[] kind = new byte[count];
    byte[] level = new byte[count];
    long[] amount = new long[count];
    for (int j = 0; j < count; j++) {
      earner[j] = refs.get(j)[0];
      kind[j] = (byte) refs.get(j)[1];
      source[j] = refs.get(j)[2];
      level[j] = (byte) refs.get(j)[3];
      amount[j] = amounts.get(j);
    }
    history.recordStored(PeriodOrders.of(book, q), rank, source, earner, kind, level, amount);
  }

  /**
   * Locks a run: the period becomes closed (its orders are refused from then on) and the run is the
   * one that counts. Refused when the run is of another period, another run is already closed, an
   * earlier period is still open, or the inputs changed since the run.
   */
  public Run close(String periodName, long runId) {
    int period = Periods.index(Periods.parse(periodName));
    CompanyStore company = new CompanyStore(db);
    Network net = company.loadNetwork();
    OrderBook book = company.loadOrders(net);
    String inputs = Fingerprint.inputs(net, book, period);
    return db.inTransaction(c -> {
      Run run = find(c, runId);
      if (run == null) throw new IllegalArgumentException("no commission run " + runId);
      if (!run.period().equals(periodName)) {
        throw new IllegalArgumentException("run " + runId + " is of period " + run.period() + ", not " + periodName);
      }
      Map<String, String> states = PeriodStore.states(c);
      if (PeriodStore.CLOSED.equals(states.get(periodName))) throw new IllegalStateException("period " + periodName + " is already closed");
      for (Map.Entry<String, String> e : states.entrySet()) {
        if (e.getKey().compareTo(periodName) < 0 && !PeriodStore.CLOSED.equals(e.getValue())) {
          throw new IllegalStateException("period " + e.getKey() + " is not closed yet; close periods in order");
        }
      }
      if (!run.inputsSha256().equals(inputs)) {
        throw new IllegalStateException("the data changed since run " + runId + " was computed; run the period again and close the new run");
      }
      try (PreparedStatement ps = c.prepareStatement("UPDATE commission_run SET closed = TRUE WHERE id = ?")) {
        ps.setLong(1, runId);
        ps.executeUpdate();
      }
      PeriodStore.setState(c, periodName, PeriodStore.CLOSED);
      // The closed run's lines become earnings in the ledger in the same transaction: closed means posted.
      LedgerStore.postClosedRun(c, runId, "close");
      return find(c, runId);
    });
  }

  /** A run's lines as lines.csv rows (without header), in the spec's order. */
  public List<String> lines(long runId) {
    try (Connection c = db.connection();
        PreparedStatement ps = c.prepareStatement("SELECT r.period, l.earner_id, l.bonus, l.amount, l.source_order_id,"
            + " l.source_member_id, l.level FROM commission_line l JOIN commission_run r ON r.id = l.run_id WHERE l.run_id = ?")) {
      ps.setLong(1, runId);
      List<String[]> rows = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          rows.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getBigDecimal(4).setScale(2).toPlainString(),
              rs.getString(5) == null ? "" : rs.getString(5), rs.getString(6) == null ? "" : rs.getString(6),
              Integer.toString(rs.getInt(7))});
        }
      }
      rows.sort((a, b) -> {
        for (int i : new int[] {1, 2, 4, 6}) {
          int d = a[i].compareTo(b[i]);
          if (d != 0) return d;
        }
        return 0;
      });
      List<String> out = new ArrayList<>();
      for (String[] r : rows) out.add(String.join(",", r));
      return out;
    } catch (SQLException e) {
      throw new StoreException(e);
    }
  }

  public Run find(long runId) {
    try (Connection c = db.connection()) {
      return find(c, runId);
    } catch (SQLException e) {
      throw new StoreException(e);
    }
  }

  private static Run find(Connection c, long runId) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT r.id, r.period, r.plan_name, r.plan_version, r.plan_sha256,"
        + " r.inputs_sha256, r.lines_sha256, r.closed, (SELECT COUNT(*) FROM commission_line l WHERE l.run_id = r.id),"
        + " (SELECT COALESCE(SUM(l.amount), 0) FROM commission_line l WHERE l.run_id = r.id) FROM commission_run r WHERE r.id = ?")) {
      ps.setLong(1, runId);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) return null;
        return new Run(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
            rs.getString(7), rs.getBoolean(8), rs.getInt(9), Decimals.fromBigDecimal(rs.getBigDecimal(10).setScale(2)));
      }
    }
  }
}
