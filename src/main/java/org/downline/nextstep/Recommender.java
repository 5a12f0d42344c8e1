package org.downline.nextstep;

import java.util.ArrayList;
import java.util.List;
import org.downline.commission.Cores;
import org.downline.core.Decimals;
import org.downline.core.Periods;
import org.downline.network.Network;
import org.downline.network.OrderBook;

/**
 * Per-member next steps: the segments a member is in on the as-of date, each with the playbook's
 * step and the figures that put them there. Members who are not in good standing (not yet joined,
 * cancelled, terminated) get none. The holdout share of each step is marked, not dropped, so the
 * caller can record it and leave it unshown.
 */
public final class Recommender {
  private final Network network;
  private final Playbook playbook;
  private final PurchaseHistory history;
  private final DistributorSegments distributors;
  private final String[] rankNames;

  public Recommender(Network network, Playbook playbook, PurchaseHistory history, DistributorSegments distributors,
      String[] rankNames) {
    this.network = network;
    this.playbook = playbook;
    this.history = history;
    this.distributors = distributors;
    this.rankNames = rankNames;
  }

  /** Everything needed for the as-of date in one go: the window's purchase history and the distributor segments. */
  public static Recommender of(Network network, OrderBook book, int asOf, Playbook playbook, int[] paidAsRank,
      String[] rankNames) {
    PurchaseHistory history = PurchaseHistory.of(network, book, Window.endingOn(asOf));
    DistributorSegments d = DistributorSegments.compute(network, book, asOf, playbook.distributorRules(), paidAsRank);
    return new Recommender(network, playbook, history, d, rankNames);
  }

  public int asOf() {
    return history.window().asOf();
  }

  public Playbook playbook() {
    return playbook;
  }

  /** The segments the member is in, whether or not the playbook has a step for them. */
  public List<String> segmentsOf(int m) {
    List<String> segments = new ArrayList<>(4);
    if (!Membership.inGoodStanding(network, m, asOf())) return segments;
    Population p = network.isDistributor(m) ? Population.DISTRIBUTORS : Population.CUSTOMERS;
    segments.add(Segments.frequency(p, playbook.bounds().label(playbook.bounds().segmentOf(history.orders(m)))));
    if (!distributors.placed(m)) return segments;
    segments.add(Segments.MONTHS_ACTIVE + distributors.monthsActive(m));
    if (distributors.isNew(m)) {
      for (FastStartStep step : playbook.distributorRules().fastStart()) {
        if (distributors.fastStart(m, step) == DistributorSegments.Progress.PENDING) {
          segments.add(Segments.FAST_START + step.goal().code());
        }
      }
    }
    if (distributors.noFirstSale(m)) segments.add(Segments.NO_FIRST_SALE);
    if (distributors.sponsoredNobody(m)) segments.add(Segments.SPONSORED_NOBODY);
    if (distributors.wideNotDeep(m)) segments.add(Segments.WIDE_NOT_DEEP);
    if (distributors.leader(m)) segments.add(Segments.LEADERS);
    return segments;
  }

  /** The member's own next steps (holdout included, marked). */
  public List<Recommendation> forMember(int m) {
    List<Recommendation> out = new ArrayList<>();
    for (String segment : segmentsOf(m)) {
      PlaybookStep step = playbook.step(segment);
      if (step != null) out.add(recommend(m, segment, step));
    }
    return out;
  }

  /**
   * What a distributor's back office shows: the next steps of their own customers (those whose
   * nearest distributor up the sponsor chain is them, referred customers included) and of their
   * first-level team (the distributors they sponsored).
   */
  public List<Recommendation> forTeam(int d) {
    List<Recommendation> out = new ArrayList<>();
    if (!network.isDistributor(d)) return out;
    collectTeam(d, d, out);
    return out;
  }

  private void collectTeam(int d, int parent, List<Recommendation> out) {
    for (int c = network.childStart(parent); c < network.childEnd(parent); c++) {
      out.addAll(forMember(c));
      // Customers a customer referred are still the distributor's customers; a recruit's team is theirs.
      if (!network.isDistributor(c)) collectTeam(d, c, out);
    }
  }

  /** Every member's step for one segment, in network order. */
  public List<Recommendation> forSegment(String segment) {
    PlaybookStep step = playbook.step(segment);
    if (step == null) return new ArrayList<>();
    return byMemberRanges((from, to, out) -> {
      for (int m = from; m < to; m++) {
        if (segmentsOf(m).contains(segment)) out.add(recommend(m, segment, step));
      }
    });
  }

  /** Every recommendation of the company (to issue and record them all at once), in network order. */
  public List<Recommendation> all() {
    return byMemberRanges((from, to, out) -> {
      for (int m = from; m < to; m++) out.addAll(forMember(m));
    });
  }

  private interface MemberRange {
    void collect(int from, int to, List<Recommendation> out);
  }

  /**
   * A member's recommendations depend on that member alone, so the members are cut into
   * consecutive ranges run on the available cores ({@link Cores}) and the ranges' lists joined in
   * range order: the list is one thread's, element for element (ADR 26).
   */
  private List<Recommendation> byMemberRanges(MemberRange range) {
    int n = network.size();
    int parts = Cores.parts(n, Cores.threads(), Cores.minUnits());
    List<List<Recommendation>> lists = new ArrayList<>(parts);
    for (int i = 0; i < parts; i++) lists.add(new ArrayList<>());
    Cores.run("next-steps", parts, i -> range.collect(Cores.from(n, parts, i), Cores.from(n, parts, i + 1), lists.get(i)));
    if (parts == 1) return lists.get(0);
    int size = 0;
    for (List<Recommendation> l : lists) size += l.size();
    List<Recommendation> out = new ArrayList<>(size);
    for (List<Recommendation> l : lists) out.addAll(l);
    return out;
  }

  private Recommendation recommend(int m, String segment, PlaybookStep step) {
    boolean holdout = Holdout.heldOut(playbook.holdoutSeed(), network.id(m), step.holdoutBasisPoints());
    int baseline = 0;
    for (Goal g : step.goals()) {
      if (g == Goal.RANK_REACHED) baseline = distributors.rank(m);
      if (g == Goal.LEADER_DEVELOPED) baseline = distributors.leadersBelow(m);
    }
    return new Recommendation(m, network.id(m), segment, reason(m, segment), step, holdout, baseline);
  }

  /** The figures that put the member in the segment. */
  public String reason(int m, String segment) {
    DistributorRules rules = playbook.distributorRules();
    String joined = Periods.formatDay(network.joinDay(m));
    if (segment.startsWith(Population.CUSTOMERS.code() + "/") || segment.startsWith(Population.DISTRIBUTORS.code() + "/")) {
      int orders = history.orders(m);
      if (orders == 0) return "no order in " + history.window() + " (member since " + joined + ")";
      return orders + (orders == 1 ? " order" : " orders") + ", revenue " + Decimals.format(history.revenue(m))
          + " in " + history.window();
    }
    if (segment.startsWith(Segments.MONTHS_ACTIVE)) {
      return "active (PV >= " + Decimals.format(rules.activePv()) + ") in " + distributors.monthsActive(m)
          + " of the 12 months to " + Periods.formatDay(asOf());
    }
    if (segment.startsWith(Segments.FAST_START)) {
      FastStartStep.Goal goal = FastStartStep.Goal.ofCode(segment.substring(Segments.FAST_START.length()));
      for (FastStartStep step : rules.fastStart()) {
        if (step.goal() == goal) {
          return "joined " + joined + "; " + goal.code() + " not yet, due within " + step.days() + " days (by "
              + Periods.formatDay(network.joinDay(m) + step.days() - 1) + ")";
        }
      }
    }
    return switch (segment) {
      case Segments.NO_FIRST_SALE -> "no sale by a customer of theirs since joining on " + joined;
      case Segments.SPONSORED_NOBODY -> "no distributor sponsored since joining on " + joined;
      case Segments.WIDE_NOT_DEEP -> distributors.frontline(m) + " frontline distributors, "
          + distributors.belowFrontline(m) + " below them (wide: at least " + rules.wideMinFrontline()
          + " frontline; not deep: at most " + rules.wideMaxBelowPercent() + "% of the frontline below)";
      case Segments.LEADERS -> "paid-as rank " + rankName(distributors.rank(m)) + "; " + distributors.leadersBelow(m)
          + (distributors.leadersBelow(m) == 1 ? " leader" : " leaders") + " developed below ("
          + distributors.firstGenerationLeaders(m) + " first generation)";
      default -> segment;
    };
  }

  private String rankName(int rank) {
    return rankNames != null && rank >= 0 && rank < rankNames.length ? rankNames[rank] : Integer.toString(rank);
  }
}
