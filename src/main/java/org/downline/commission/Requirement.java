package org.downline.commission;

/**
 * One condition of a rank. Each kind reports the member's figure and the figure needed, so that
 * explain and next-rank can say what met or missed it without knowing the kind.
 */
public sealed interface Requirement {
  /** The member's figure for this requirement in the period (cents for volumes, a count for legs). */
  long figure(Volumes v, int member);

  /** The least figure that meets it. */
  long needed();

  default boolean holds(Volumes v, int member) {
    return figure(v, member) >= needed();
  }

  /** What the figure counts, for explanations: "PV", "GV", "legs with silver". */
  String describe(Plan plan);

  /** True when the figure is a volume in cents (formatted with two decimals), false for counts. */
  boolean isVolume();

  /** PV (own volume) of at least {@code min}. */
  record MinPv(long min) implements Requirement {
    public long figure(Volumes v, int m) {
      return v.pv[m];
    }

    public long needed() {
      return min;
    }

    public String describe(Plan plan) {
      return "PV";
    }

    public boolean isVolume() {
      return true;
    }
  }

  /** GV (own volume plus every distributor below, any depth) of at least {@code min}. */
  record MinGv(long min) implements Requirement {
    public long figure(Volumes v, int m) {
      return v.gv[m];
    }

    public long needed() {
      return min;
    }

    public String describe(Plan plan) {
      return "GV";
    }

    public boolean isVolume() {
      return true;
    }
  }

  /** Capped GV: own PV in full plus each leg's volume counting at most {@code legCap}. */
  record MinCappedGv(long min, long legCap) implements Requirement {
    public MinCappedGv {
      if (legCap <= 0) throw new IllegalArgumentException("a leg cap must be positive");
    }

    public long figure(Volumes v, int m) {
      return v.cappedGv(m, legCap);
    }

    public long needed() {
      return min;
    }

    public String describe(Plan plan) {
      return "capped GV (each leg at most " + org.downline.core.Decimals.format(legCap) + ")";
    }

    public boolean isVolume() {
      return true;
    }
  }

  /** At least {@code count} legs that each contain a distributor paid-as {@code minRank} or higher. */
  record MinLegsWithRank(int count, int minRank) implements Requirement {
    public long figure(Volumes v, int m) {
      return v.legsWithRank(m, minRank);
    }

    public long needed() {
      return count;
    }

    public String describe(Plan plan) {
      return "legs with " + plan.ranks().get(minRank).name();
    }

    public boolean isVolume() {
      return false;
    }
  }

  /**
   * Qualified in the placement tree (binary plans): Active and sponsoring enough Active
   * distributors in each leg ({@link Plan.Legs#sponsoredActivePerSide()}). Figure 1 or 0.
   */
  record Qualified() implements Requirement {
    public long figure(Volumes v, int m) {
      return v.legs != null && v.legs.qualified[m] ? 1 : 0;
    }

    public long needed() {
      return 1;
    }

    public String describe(Plan plan) {
      int k = plan.legs() == null ? 1 : plan.legs().sponsoredActivePerSide();
      return "qualified (Active, with " + k + " sponsored Active on each leg)";
    }

    public boolean isVolume() {
      return false;
    }
  }

  /** The lesser leg's volume in the placement tree, min(left, right), of at least {@code min}. */
  record MinLesserLeg(long min) implements Requirement {
    public long figure(Volumes v, int m) {
      return v.legs == null ? 0 : v.legs.lesser(m);
    }

    public long needed() {
      return min;
    }

    public String describe(Plan plan) {
      return "lesser leg volume";
    }

    public boolean isVolume() {
      return true;
    }
  }
}
