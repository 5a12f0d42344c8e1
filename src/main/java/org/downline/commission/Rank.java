package org.downline.commission;

import java.util.List;

/**
 * A rank of a plan. Ranks are ordered by their index in the plan (0 = lowest, the rank of every
 * distributor); a distributor's paid-as rank is the highest whose requirements all hold.
 */
public record Rank(String name, boolean requiresActive, List<Requirement> requirements) {
  public Rank {
    if (name == null || name.isBlank()) throw new IllegalArgumentException("a rank needs a name");
    requirements = List.copyOf(requirements);
  }

  public boolean qualifies(Volumes v, int member) {
    if (requiresActive && !v.active[member]) return false;
    for (Requirement r : requirements) if (!r.holds(v, member)) return false;
    return true;
  }
}
