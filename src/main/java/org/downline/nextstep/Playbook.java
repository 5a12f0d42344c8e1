package org.downline.nextstep;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The configuration of next steps: segment bounds, distributor rules, one step per segment, and the
 * seed of the holdout assignment. A segment without a step gets no recommendation.
 */
public record Playbook(FrequencyBounds bounds, DistributorRules distributorRules, List<PlaybookStep> steps, String holdoutSeed) {

  public Playbook {
    steps = List.copyOf(steps);
    List<String> known = Segments.all(bounds, distributorRules.fastStart());
    Map<String, PlaybookStep> seen = new LinkedHashMap<>();
    for (PlaybookStep s : steps) {
      if (!known.contains(s.segment())) {
        throw new IllegalArgumentException("steps." + s.segment() + ": no such segment under these bounds and rules (known: "
            + String.join(", ", known) + ")");
      }
      if (seen.put(s.segment(), s) != null) throw new IllegalArgumentException("steps." + s.segment() + ": given twice");
    }
  }

  /** The step for a segment, or null. */
  public PlaybookStep step(String segment) {
    for (PlaybookStep s : steps) if (s.segment().equals(segment)) return s;
    return null;
  }
}
