package org.downline.app.commission;

import java.util.ArrayList;
import java.util.List;
import org.downline.commission.Fingerprint;
import org.downline.commission.LegVolumes;
import org.downline.commission.Lines;
import org.downline.commission.OutputOrder;
import org.downline.commission.PeriodResult;
import org.downline.commission.Plan;
import org.downline.commission.Volumes;
import org.downline.core.Decimals;
import org.downline.core.Periods;
import org.downline.core.Progress;
import org.downline.network.Network;
import org.downline.network.OrderBook;
import org.downline.network.PlacementTree;
import org.downline.store.CommissionStore;
import org.downline.store.Database;
import org.downline.store.Jobs;

/**
 * Runs a period: computes it from the stored data ({@link ComputePeriod}) and stores it as a new run
 * with its plan, the fingerprints of its inputs and of its lines (in the order of lines.csv), its
 * lines and each distributor's figures. A closed period may be run again: its new run reproduces
 * the locked one.
 */
public final class RunPeriod {
  private final Database db;

  public RunPeriod(Database db) {
    this.db = db;
  }

  /** Refused ({@link org.downline.core.ConflictException}) while a run of the same period goes on, in any process. */
  public CommissionStore.Run run(String periodName, Plan plan, String planText, Progress progress) {
    return new Jobs(db).exclusive(JOB + periodName, null, () -> compute(periodName, plan, planText, progress));
  }

  /** The job name of a period's run. */
  public static final String JOB = "commission run ";

  private CommissionStore.Run compute(String periodName, Plan plan, String planText, Progress progress) {
    int period = Periods.index(Periods.parse(periodName));
    ComputePeriod.Computed computed = new ComputePeriod(db).compute(periodName, plan, progress);
    Network net = computed.network();
    OrderBook book = computed.book();
    PeriodResult r = computed.result();
    String inputs = Fingerprint.inputs(net, book, period);
    OutputOrder order = new OutputOrder(net.ids(), book.ids(), plan);
    Fingerprint.Rows rows = new Fingerprint.Rows(); // the lines as lines.csv has them, fingerprinted as they come
    List<String> kinds = plan.lineKinds();
    long[] total = new long[1];
    // Streamed into the store in output order (earner by earner), never all held: 160 M at 10 M members.
    CommissionStore.LineSource lines = sink -> {
      try {
        order.forEach(r.lines(), (earner, kind, src, level, amount) -> {
          if (amount == 0) return;
          String srcId = Lines.isOrder(src) ? book.id(src) : null;
          int srcMemberIndex = Lines.isOrder(src) ? book.members()[src] : Lines.sourceMember(src);
          String srcMember = srcMemberIndex < 0 ? null : net.id(srcMemberIndex);
          rows.add(periodName + "," + net.id(earner) + "," + kinds.get(kind) + "," + Decimals.format(amount) + ","
              + (srcId == null ? "" : srcId) + "," + (srcMember == null ? "" : srcMember) + "," + level);
          sink.accept(new CommissionStore.LineRow(net.id(earner), kinds.get(kind), amount, srcId, srcMember, level));
          total[0] += amount;
        });
      } catch (java.io.IOException e) {
        throw new IllegalStateException(e); // the sink above does no I/O
      }
    };
    Volumes v = r.volumes();
    List<CommissionStore.MemberRow> members = new ArrayList<>();
    for (int m = 0; m < net.size(); m++) {
      if (!net.isDistributor(m) || v.gv[m] == 0) continue;
      members.add(new CommissionStore.MemberRow(net.id(m), v.pv[m], v.gv[m], v.active[m], plan.ranks().get(v.rank[m]).name(),
          v.rank[m]));
    }
    String planSha = Fingerprint.of(planText);
    long id = new CommissionStore(db).insert(new CommissionStore.NewRun(periodName, plan.name(), plan.version(), planSha,
        inputs, rows::hex, lines, members, legRows(net, v.legs)), progress);
    return new CommissionStore.Run(id, periodName, plan.name(), plan.version(), planSha, inputs, rows.hex(), false, rows.count(),
        total[0]);
  }

  /** The rows legs.csv would have: each side of a member in the placement tree with any figure non-zero. */
  private static List<CommissionStore.LegRow> legRows(Network net, LegVolumes legs) {
    List<CommissionStore.LegRow> out = new ArrayList<>();
    if (legs == null) return out;
    for (int m = 0; m < net.size(); m++) {
      if (!legs.tree.inTree(m)) continue;
      for (int side = 0; side < 2; side++) {
        int j = 2 * m + side;
        if (!legs.any(m, side)) continue;
        out.add(new CommissionStore.LegRow(net.id(m), PlacementTree.sideName(side), legs.carryIn[j], legs.added[j],
            legs.returned[j], legs.volume[j], legs.paired[j], legs.carryOut[j]));
      }
    }
    return out;
  }
}
