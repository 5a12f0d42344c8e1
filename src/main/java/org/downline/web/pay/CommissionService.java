package org.downline.web.pay;

import org.downline.core.InvalidInputException;
import org.downline.core.NotFoundException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeSet;
import org.downline.app.commission.ClosePeriod;
import org.downline.app.commission.ComputePeriod;
import org.downline.app.commission.ExplainMember;
import org.downline.app.commission.RunPeriod;
import org.downline.commission.Explanation;
import org.downline.commission.Plan;
import org.downline.commission.ProjectedPeriod;
import org.downline.core.Decimals;
import org.downline.core.Periods;
import org.downline.core.Progress;
import org.downline.planfile.PlanFile;
import org.downline.store.CommissionStore;
import org.downline.store.Database;
import org.downline.store.PeriodStore;
import org.downline.store.RunStore;
import org.downline.web.CommissionViews;
import org.downline.web.CompanyData;
import org.downline.web.Snapshot;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The commission use cases for the pages and the API: runs and closes periods through the
 * application layer ({@link RunPeriod}, {@link ClosePeriod}), reads stored runs through {@link RunStore}, explains a member's period
 * with the engine's {@link Explanation} (the period computed from the stored data, as a run would
 * compute it) and reads projected pay of an open period from the snapshot's {@link ProjectedPeriod}.
 */
@Component
public class CommissionService implements CommissionViews {
  public static final String STATEMENT_HEADER =
      "period,earner_id,bonus,amount,source_order_id,source_member_id,level,rate,rule";
  public static final String LINES_HEADER = "period,earner_id,bonus,amount,source_order_id,source_member_id,level";

  private final CompanyData data;
  private final CommissionStore store;
  private final RunPeriod running;
  private final ClosePeriod closing;
  private final ComputePeriod computing;
  private final RunStore runs;
  private final PeriodStore periods;
  private final String planName;
  /** Periods computed for explanations: a closed one for good, an open one while the snapshot and its added orders are unchanged. */
  private final Map<String, ComputePeriod.Computed> computed = new LinkedHashMap<>();

  public CommissionService(Database db, CompanyData data, @Value("${downline.plan:demo}") String planName) {
    this.data = data;
    this.store = new CommissionStore(db);
    this.running = new RunPeriod(db);
    this.closing = new ClosePeriod(db);
    this.computing = new ComputePeriod(db);
    this.runs = new RunStore(db);
    this.periods = new PeriodStore(db);
    this.planName = planName;
    this.memberPay = new MemberPay(this);
  }

  private final MemberPay memberPay;

  /** One member's pay in a period, sized for a top earner (the back office's pay and statement pages). */
  public MemberPay memberPay() {
    return memberPay;
  }

  org.downline.network.Network snapshotNetwork() {
    return data.current().network();
  }

  public Plan plan() {
    return data.plan();
  }

  public RunStore runs() {
    return runs;
  }

  /** A period with its state and runs (newest first). */
  public record PeriodRuns(String name, String state, List<RunStore.RunInfo> runs) {}

  public List<PeriodRuns> periods() {
    Map<String, List<RunStore.RunInfo>> byPeriod = new LinkedHashMap<>();
    for (RunStore.RunInfo r : runs.runs(null)) byPeriod.computeIfAbsent(r.period(), k -> new ArrayList<>()).add(r);
    List<PeriodRuns> out = new ArrayList<>();
    periods.states().forEach((name, state) -> out.add(new PeriodRuns(name, state, byPeriod.getOrDefault(name, List.of()))));
    return out.reversed();
  }

  public String state(String period) {
    return periods.states().get(period);
  }

  /** Computes the period as a new stored run. */
  public CommissionStore.Run run(String period) {
    InvalidInputException.period("period", period);
    CommissionStore.Run r = running.run(period, plan(), PlanFile.source(planName), Progress.NONE);
    invalidate();
    return r;
  }

  /** Closes the period with the run; its orders are refused from then on (the store enforces it). */
  public CommissionStore.Run close(String period, long runId) {
    CommissionStore.Run r = closing.close(period, runId);
    invalidate();
    return r;
  }

  private synchronized void invalidate() {
    computed.clear();
  }

  /** The run's summary: totals per bonus, the cap, payout as share of CV. */
  public record Summary(RunStore.RunInfo run, Map<String, Long> totalsByBonus, long cv, boolean capApplied,
      long capLimit) {}

  public Summary summary(RunStore.RunInfo run) {
    ComputePeriod.Computed c = computed(run.period());
    org.downline.commission.PeriodResult.CapOutcome cap = c.result().cap();
    long cv = 0;
    for (long x : c.result().orders().netCv) cv += x; // T: net CV of the period's sales, as the cap counts it
    return new Summary(run, runs.totalsByBonus(run.id()), cv, cap.applied(), cap.limitMicro() / 1_000_000);
  }

  /** Two runs side by side: totals per bonus and members whose pay differs. */
  public record Comparison(RunStore.RunInfo a, RunStore.RunInfo b, List<BonusDiff> bonuses, List<MemberDiff> members) {}

  public record BonusDiff(String bonus, long a, long b, long difference) {}

  public record MemberDiff(String memberId, long a, long b, long difference) {}

  public Comparison compare(RunStore.RunInfo a, RunStore.RunInfo b) {
    Map<String, Long> ta = runs.totalsByBonus(a.id());
    Map<String, Long> tb = runs.totalsByBonus(b.id());
    List<BonusDiff> bonuses = new ArrayList<>();
    for (String k : new TreeSet<>(union(ta, tb))) {
      long x = ta.getOrDefault(k, 0L);
      long y = tb.getOrDefault(k, 0L);
      bonuses.add(new BonusDiff(k, x, y, y - x));
    }
    Map<String, Long> ma = runs.totalsByMember(a.id());
    Map<String, Long> mb = runs.totalsByMember(b.id());
    List<MemberDiff> members = new ArrayList<>();
    for (String m : new TreeSet<>(union(ma, mb))) {
      long x = ma.getOrDefault(m, 0L);
      long y = mb.getOrDefault(m, 0L);
      if (x != y) members.add(new MemberDiff(m, x, y, y - x));
    }
    return new Comparison(a, b, bonuses, members);
  }

  private static java.util.Set<String> union(Map<String, Long> a, Map<String, Long> b) {
    java.util.Set<String> keys = new java.util.HashSet<>(a.keySet());
    keys.addAll(b.keySet());
    return keys;
  }

  /** Why the member (an id) was paid what they were in the period, computed from the stored data. */
  public Explanation explain(String memberId, String period) {
    return ExplainMember.of(computed(period), memberId, null, "member");
  }

  /**
   * The period as a run computes it, over the snapshot's arrays (no company reload): a closed period
   * for good, an open one while the snapshot and its added orders are unchanged. While the snapshot
   * has orders its arrays do not hold yet (taken by the projection only, until the next reload), the
   * period is computed from the database as before, so no accepted order is missing.
   */
  synchronized ComputePeriod.Computed computed(String period) {
    Snapshot s = data.current();
    String key = PeriodStore.CLOSED.equals(state(period)) ? period + "@closed"
        : period + "@" + System.identityHashCode(s) + ":" + s.version();
    ComputePeriod.Computed c = computed.get(key);
    if (c == null) {
      c = s.version() == 0 ? computing.compute(period, plan(), s.network(), s.book())
          : computing.compute(period, plan(), Progress.NONE);
      if (computed.size() >= 4) computed.remove(computed.keySet().iterator().next());
      computed.put(key, c);
    }
    return c;
  }

  /** Projected pay of an open period per bonus (before the payout cap), from the snapshot's projection. */
  public record Projected(String period, Map<String, Long> byBonus, long total) {}

  public Projected projected(int member, int period) {
    Snapshot s = data.current();
    ProjectedPeriod p = s.projection(period);
    Map<String, Long> byBonus = new LinkedHashMap<>();
    long total = 0;
    List<String> kinds = plan().lineKinds();
    synchronized (s) {
      for (int k = 0; k < plan().bonuses().size(); k++) {
        long amount = p.pay(k, member);
        byBonus.put(kinds.get(k), amount);
        total += amount;
      }
    }
    return new Projected(Periods.name(period), byBonus, total);
  }

  /** My pay per period: each period's run that counts (closed, else latest) and the member's total in it. */
  public record PaidPeriod(String period, long runId, boolean closed, long total) {}

  public List<PaidPeriod> history(String memberId) {
    List<RunStore.RunInfo> counted = new ArrayList<>();
    for (PeriodRuns p : periods()) {
      RunStore.RunInfo run = null;
      for (RunStore.RunInfo r : p.runs()) {
        if (run == null || r.closed()) run = r;
        if (r.closed()) break;
      }
      if (run != null) counted.add(run);
    }
    // One indexed sum over the counted runs, not the member's lines of each.
    Map<Long, Long> totals = runs.memberTotals(counted.stream().map(RunStore.RunInfo::id).toList(), memberId);
    List<PaidPeriod> out = new ArrayList<>();
    for (RunStore.RunInfo r : counted) out.add(new PaidPeriod(r.period(), r.id(), r.closed(), totals.getOrDefault(r.id(), 0L)));
    return out;
  }

  /**
   * The rank above the member's paid-as rank and what is missing: in the open period from the
   * projection (current order by order), else from the period computed as a run computes it.
   */
  public Explanation.NextRank nextRank(int member, int period) {
    Snapshot s = data.current();
    if (!s.network().isDistributor(member)) return null;
    if (isProjected(period)) {
      synchronized (s) {
        return Explanation.nextRank(plan(), s.projection(period).volumes(), member);
      }
    }
    return explain(s.network().id(member), Periods.name(period)).nextRank();
  }

  /** True when the period is open (not closed) and is the one the snapshot keeps current. */
  public boolean isProjected(int period) {
    Snapshot s = data.current();
    return s.projectable() && period == s.defaultPeriod() && !PeriodStore.CLOSED.equals(state(Periods.name(period)));
  }

  @Override
  public OptionalLong payout(int period) {
    return runs.current(Periods.name(period)).map(r -> OptionalLong.of(r.total())).orElse(OptionalLong.empty());
  }

  /** Paid-as rank: the closed run's; else the open period's projection; else the latest run's. */
  @Override
  public Optional<String> rank(int member, int period) {
    Snapshot s = data.current();
    if (!s.network().isDistributor(member)) return Optional.empty();
    String name = Periods.name(period);
    Optional<RunStore.RunInfo> run = runs.current(name);
    if (run.isPresent() && run.get().closed() || run.isPresent() && !isProjected(period)) {
      return Optional.of(runs.rank(run.get().id(), s.network().id(member)).orElse(plan().ranks().get(0).name()));
    }
    if (isProjected(period)) return Optional.of(plan().ranks().get(s.volumes(period).rank()[member]).name());
    return Optional.empty();
  }

  /** The member's lines of the period's closed (else latest) run, each with its rate and rule (the API's copy of the stream). */
  @Override
  public Optional<String> statementCsv(int member, int period) {
    Optional<RunStore.RunInfo> run = runs.current(Periods.name(period));
    if (run.isEmpty()) return Optional.empty();
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    try {
      memberPay.writeStatement(member, run.get(), out);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return Optional.of(out.toString(java.nio.charset.StandardCharsets.UTF_8));
  }

  /** A run's lines as lines.csv (header and rows in the spec's order). */
  public String linesCsv(long runId) {
    StringBuilder sb = new StringBuilder(LINES_HEADER).append('\n');
    for (String row : store.lines(runId)) sb.append(row).append('\n');
    return sb.toString();
  }

}
