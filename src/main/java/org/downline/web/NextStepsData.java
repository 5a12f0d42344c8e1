package org.downline.web;

import org.downline.core.InvalidInputException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.downline.commission.Plan;
import org.downline.core.Periods;
import org.downline.network.Network;
import org.downline.nextstep.ConversionReport;
import org.downline.nextstep.DistributorSegments;
import org.downline.nextstep.FrequencyReport;
import org.downline.nextstep.ImpactProjection;
import org.downline.nextstep.NetworkHealth;
import org.downline.nextstep.PaidAsRanks;
import org.downline.nextstep.Playbook;
import org.downline.nextstep.Population;
import org.downline.nextstep.PurchaseHistory;
import org.downline.nextstep.Recommendation;
import org.downline.nextstep.RecommendationRecord;
import org.downline.nextstep.Recommender;
import org.downline.nextstep.Segments;
import org.downline.nextstep.StepDetection;
import org.downline.nextstep.Window;
import org.downline.planfile.PlanFile;
import org.downline.playbook.PlaybookFile;
import org.downline.store.Database;
import org.downline.store.RecommendationStore;
import org.springframework.stereotype.Component;

/**
 * The next-steps reports for the pages and the API, computed by the {@code org.downline.nextstep}
 * engine on the current {@link Snapshot} (never in SQL). One {@link View} per snapshot and as-of
 * date holds the purchase history, distributor segments and recommender; the last two are kept so
 * that paging through a segment does not recompute the company. Ranks for the leaders segment are
 * the demo plan's, settled on the as-of month's PV ({@link PaidAsRanks}), as the CLI does without
 * {@code --ranks}. Issued recommendations live in {@link RecommendationStore}.
 */
@Component
public final class NextStepsData {
  private static final int KEPT_VIEWS = 2; // each holds a few arrays per member: two as-of dates at a time

  private final RecommendationStore store;
  private final Playbook playbook = PlaybookFile.defaults();
  private final Plan plan = PlanFile.load("demo");
  private final Map<ViewKey, View> views = new LinkedHashMap<>(8, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<ViewKey, View> eldest) {
      return size() > KEPT_VIEWS;
    }
  };

  private record ViewKey(Snapshot snapshot, int asOf) {}

  /** Counts issues made through the app, so cached conversions are recomputed after one. */
  private final java.util.concurrent.atomic.AtomicLong issues = new java.util.concurrent.atomic.AtomicLong();

  public NextStepsData(Database db) {
    this.store = new RecommendationStore(db);
  }

  public Playbook playbook() {
    return playbook;
  }

  /** Everything computed for one snapshot and as-of date. */
  public static final class View {
    private final Snapshot snapshot;
    private final int asOf;
    private final Recommender recommender;
    private final FrequencyReport frequency;
    private final DistributorSegments distributors;
    private final String[] rankNames;
    private volatile NetworkHealth health;
    private final Map<String, int[]> segmentMembers = new ConcurrentHashMap<>();
    /** Conversion per issue-date filter and issue count, so page views do not re-read every record. */
    private final Map<String, Conversion> conversions = new ConcurrentHashMap<>();

    View(Snapshot snapshot, int asOf, Playbook playbook, Plan plan) {
      this.snapshot = snapshot;
      this.asOf = asOf;
      Network network = snapshot.network();
      this.rankNames = PaidAsRanks.names(plan);
      int[] ranks = PaidAsRanks.ofMonth(network, snapshot.book(), asOf, plan);
      PurchaseHistory history = PurchaseHistory.of(network, snapshot.book(), Window.endingOn(asOf));
      this.distributors = DistributorSegments.compute(network, snapshot.book(), asOf, playbook.distributorRules(), ranks);
      this.recommender = new Recommender(network, playbook, history, distributors, rankNames);
      this.frequency = FrequencyReport.of(network, history, playbook.bounds());
    }

    public Snapshot snapshot() {
      return snapshot;
    }

    public int asOf() {
      return asOf;
    }

    public Recommender recommender() {
      return recommender;
    }

    public FrequencyReport frequency() {
      return frequency;
    }

    public DistributorSegments distributors() {
      return distributors;
    }

    public String[] rankNames() {
      return rankNames;
    }

    public NetworkHealth health() {
      NetworkHealth h = health;
      if (h == null) health = h = NetworkHealth.compute(snapshot.network(), snapshot.book(), asOf);
      return h;
    }

    /** Members of a segment in network order (computed once per view and segment). */
    public int[] members(String segment) {
      return segmentMembers.computeIfAbsent(segment, s -> {
        Network n = snapshot.network();
        int[] out = new int[16];
        int count = 0;
        for (int m = 0; m < n.size(); m++) {
          if (recommender.segmentsOf(m).contains(s)) {
            if (count == out.length) out = java.util.Arrays.copyOf(out, count * 2);
            out[count++] = m;
          }
        }
        return java.util.Arrays.copyOf(out, count);
      });
    }
  }

  /** The default as-of date: the latest order's day (data is often historical), else today. */
  public static int defaultAsOf(Snapshot s) {
    if (s.book().size() > 0) return s.book().days()[s.book().size() - 1];
    return (int) LocalDate.now(ZoneOffset.UTC).toEpochDay();
  }

  /** The view for a YYYY-MM-DD as-of date, or the default one when blank. */
  public View view(Snapshot s, String asOf) {
    int day = asOf == null || asOf.isBlank() ? defaultAsOf(s) : InvalidInputException.day("asOf", asOf.strip());
    ViewKey key = new ViewKey(s, day);
    synchronized (views) {
      View v = views.get(key);
      if (v != null) return v;
    }
    View v = new View(s, day, playbook, plan);
    synchronized (views) {
      views.putIfAbsent(key, v);
      return views.get(key);
    }
  }

  /** Checks a segment code against the playbook's bounds and Fast Start steps. */
  public String segment(String code) {
    List<String> known = Segments.all(playbook.bounds(), playbook.distributorRules().fastStart());
    if (code == null || !known.contains(code)) {
      throw InvalidInputException.parameter("segment", "'" + code + "' is not a segment (known: " + String.join(", ", known) + ")");
    }
    return code;
  }

  /** Whether member m is one of distributor d's own customers or first-level team (the Recommender's team view). */
  public static boolean inTeamOf(Snapshot s, int d, int m) {
    Network n = s.network();
    if (m == Network.NONE || m == d || !n.isDistributor(d)) return false;
    return n.isDistributor(m) ? n.sponsor(m) == d : s.owners()[m] == d;
  }

  /**
   * A distributor's own customers (customers referred by their customers included) and first-level
   * distributors, in sponsor-tree order: the members {@link Recommender#forTeam} covers.
   */
  public static int[] team(Snapshot s, int d) {
    Network n = s.network();
    List<Integer> out = new ArrayList<>();
    if (n.isDistributor(d)) collectTeam(n, d, out);
    return out.stream().mapToInt(Integer::intValue).toArray();
  }

  private static void collectTeam(Network n, int parent, List<Integer> out) {
    for (int c = n.childStart(parent); c < n.childEnd(parent); c++) {
      out.add(c);
      if (!n.isDistributor(c)) collectTeam(n, c, out);
    }
  }

  /** One of a member's segments with the reason, and the playbook's step unless the member is held out of it. */
  public record StepLine(String memberId, String relation, String segment, String reason, String step, String stepTitle,
      List<String> materials, boolean holdout) {}

  /**
   * The member's segments worth showing: their purchase-frequency segment and every segment the
   * playbook has a step for. A held-out member's step is left out (recorded, not contacted).
   */
  public List<StepLine> lines(View v, int m, String relation, boolean includeHoldout) {
    List<StepLine> out = new ArrayList<>();
    String id = v.snapshot().network().id(m);
    for (String segment : v.recommender().segmentsOf(m)) {
      org.downline.nextstep.PlaybookStep step = playbook.step(segment);
      boolean frequency = segment.startsWith(Population.CUSTOMERS.code() + "/")
          || segment.startsWith(Population.DISTRIBUTORS.code() + "/");
      if (step == null && !frequency) continue;
      boolean held = step != null && org.downline.nextstep.Holdout.heldOut(playbook.holdoutSeed(), id,
          step.holdoutBasisPoints());
      boolean show = step != null && (!held || includeHoldout);
      out.add(new StepLine(id, relation, segment, v.recommender().reason(m, segment), show ? step.step() : null,
          show ? step.title() : null, show ? step.materials() : List.of(), held && includeHoldout));
    }
    return out;
  }

  /** Issues every current recommendation as of the view's date (held-out members recorded, marked). */
  public Issued issue(View v) {
    List<RecommendationRecord> records = new ArrayList<>();
    for (Recommendation r : v.recommender().all()) records.add(RecommendationRecord.of(r, v.asOf()));
    store.replaceIssued(v.asOf(), records);
    issues.incrementAndGet();
    long held = records.stream().filter(RecommendationRecord::holdout).count();
    return new Issued(v.asOf(), records.size(), held);
  }

  public record Issued(int day, long count, long heldOut) {}

  /** The number of recommendations per issue date, and their conversion. */
  public record Conversion(Map<Integer, Long> perIssueDay, ConversionReport report) {}

  /**
   * Conversion and lift of the recommendations issued on {@code issued} (every date up to the as-of
   * date when null), taken after their issue date up to the as-of date. Kept with the view until the
   * app issues again (an issue by the command line shows after the next reload of the company).
   */
  public Conversion conversion(View v, Integer issued) {
    String key = issued + ":" + issues.get();
    Conversion cached = v.conversions.get(key);
    if (cached != null) return cached;
    Conversion c = computeConversion(v, issued);
    v.conversions.put(key, c);
    return c;
  }

  private Conversion computeConversion(View v, Integer issued) {
    int from = issued == null ? 0 : issued;
    int to = issued == null ? v.asOf() : Math.min(issued, v.asOf());
    List<RecommendationRecord> records = from > to ? List.of() : store.issued(from, to);
    Map<Integer, Long> perDay = new TreeMap<>();
    for (RecommendationRecord r : records) perDay.merge(r.issuedDay(), 1L, Long::sum);
    int[] taken = new StepDetection(v.snapshot().network(), v.snapshot().book(), v.asOf(), v.distributors())
        .takenDays(records);
    return new Conversion(perDay, ConversionReport.of(records, taken));
  }

  /** The impact projection with each segment's observed conversion where there is one, else {@code rate}. */
  public record Impact(ImpactProjection.Projection projection, boolean[] observed) {}

  public Impact impact(View v, Population population, long rate, ConversionReport conversion) {
    ImpactProjection.Rates rates = ImpactProjection.rates(v.frequency().bounds(), population, rate, conversion);
    return new Impact(ImpactProjection.project(v.frequency(), population, rates.rates()), rates.observed());
  }

}
