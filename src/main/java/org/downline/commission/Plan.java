package org.downline.commission;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A compensation plan as data: ranks with their requirements, the PV that makes a distributor
 * Active, and an ordered list of bonus rules, then an optional payout cap and clawback. The engine
 * knows no bonus by name: a plan is a composition of {@link BonusRule}s, so new kinds (binary,
 * matrix, breakaway) are new rules, not changes to the engine.
 *
 * @param name the plan's name, e.g. {@code demo}
 * @param version a label stored with runs so a past run can be reproduced
 * @param activePv PV (cents) at or above which a distributor is Active
 * @param ranks lowest first; rank 0 is every distributor's floor and must have no requirements
 * @param bonuses computed in this order; a rule may read lines of rules before it
 * @param cap null when the plan has no payout cap
 * @param clawback null when later returns are not clawed back
 * @param legs null when the plan pays on no placement tree (see {@link Legs})
 */
public record Plan(
    String name,
    String version,
    long activePv,
    List<Rank> ranks,
    List<BonusRule> bonuses,
    PayoutCap cap,
    Clawback clawback,
    Legs legs) {

  /** A plan without a placement tree. */
  public Plan(String name, String version, long activePv, List<Rank> ranks, List<BonusRule> bonuses, PayoutCap cap,
      Clawback clawback) {
    this(name, version, activePv, ranks, bonuses, cap, clawback, null);
  }

  /** Line kinds are bytes in the engine's arrays. */
  public static final int MAX_BONUSES = 120;

  public Plan {
    ranks = List.copyOf(ranks);
    bonuses = List.copyOf(bonuses);
    if (ranks.isEmpty()) throw new IllegalArgumentException("a plan needs at least one rank");
    if (ranks.size() > 100) throw new IllegalArgumentException("a plan may have at most 100 ranks");
    if (ranks.get(0).requiresActive() || !ranks.get(0).requirements().isEmpty()) {
      throw new IllegalArgumentException("the first rank '" + ranks.get(0).name() + "' is every distributor's floor and may have no requirements");
    }
    if (bonuses.size() > MAX_BONUSES) throw new IllegalArgumentException("too many bonuses");
    Set<String> names = new HashSet<>();
    for (Rank r : ranks) {
      if (!names.add(r.name())) throw new IllegalArgumentException("rank '" + r.name() + "' is declared twice");
    }
    names.clear();
    for (BonusRule b : bonuses) {
      if (!names.add(b.name())) throw new IllegalArgumentException("bonus '" + b.name() + "' is declared twice");
    }
    if (clawback != null && !names.add(clawback.name())) {
      throw new IllegalArgumentException("clawback name '" + clawback.name() + "' is also a bonus name");
    }
  }

  public int rankIndex(String rankName) {
    for (int i = 0; i < ranks.size(); i++) if (ranks.get(i).name().equals(rankName)) return i;
    return -1;
  }

  public int bonusIndex(String bonusName) {
    for (int i = 0; i < bonuses.size(); i++) if (bonuses.get(i).name().equals(bonusName)) return i;
    if (clawback != null && clawback.name().equals(bonusName)) return bonuses.size();
    return -1;
  }

  /** Every line kind: the bonuses in plan order, then the clawback when the plan has one. */
  public List<String> lineKinds() {
    List<String> kinds = new ArrayList<>();
    for (BonusRule b : bonuses) kinds.add(b.name());
    if (clawback != null) kinds.add(clawback.name());
    return kinds;
  }

  /**
   * The payout cap: when the capped-in bonuses would pay more than {@code share} of the period's
   * CV, every line of a {@code scaled} bonus is scaled down so that fixed + scaled equals the
   * share exactly (before rounding). {@code fixed} bonuses count against the share but are paid
   * in full.
   */
  public record PayoutCap(Rate share, List<String> fixed, List<String> scaled) {
    public PayoutCap {
      fixed = List.copyOf(fixed);
      scaled = List.copyOf(scaled);
    }
  }

  /**
   * The two legs of each distributor in the placement tree (binary plans): each period a leg's
   * volume is its carry from the period before plus the CV of the period's orders owned in the leg,
   * minus later returns of earlier sales owned in it; a {@link BinaryBonus} pairs the lesser leg,
   * and what is not paired carries forward up to {@code carryLimit}.
   *
   * @param carryLimit the most a leg carries into the next period (cents), {@link #NO_LIMIT} for none
   * @param sponsoredActivePerSide for "qualified": the distributor is Active and sponsored at least
   *     this many Active distributors in each leg
   */
  public record Legs(long carryLimit, int sponsoredActivePerSide) {
    public static final long NO_LIMIT = Long.MAX_VALUE;

    public Legs {
      if (carryLimit < 0) throw new IllegalArgumentException("a carry limit must not be negative");
      if (sponsoredActivePerSide < 0) throw new IllegalArgumentException("sponsored actives per side must not be negative");
    }
  }

  /**
   * Clawback of returns dated after their sale's period: the listed bonuses' lines of the sale
   * (as paid, after the cap) are taken back in proportion to the returned CV, as lines of kind
   * {@code name} in the return's period.
   */
  public record Clawback(String name, List<String> bonuses) {
    public Clawback {
      bonuses = List.copyOf(bonuses);
    }
  }
}
