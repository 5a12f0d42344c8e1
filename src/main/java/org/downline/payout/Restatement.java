package org.downline.payout;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * A restatement re-runs a closed period with corrected inputs; the original run stays as it was and
 * only the differences post. A line is one earner's pay of one bonus from one source order at one
 * level; a difference is a line whose amount changed (added, removed or different), with what
 * caused it: the corrected order itself when the line is sourced by it, else the corrections that
 * changed volumes and ranks.
 */
public final class Restatement {
  private Restatement() {}

  /** A run line (source order and member null for lines without a source). */
  public record Line(String earner, String bonus, String sourceOrder, String sourceMember, int level, long amount) {}

  /** One changed line: the amounts before and after, their difference and the input that caused it. */
  public record Difference(String earner, String bonus, String sourceOrder, String sourceMember, int level,
      long original, long restated, String cause) {
    public long delta() {
      return restated - original;
    }
  }

  private record Key(String earner, String bonus, String sourceOrder, int level) {}

  private static final Comparator<Key> ORDER = Comparator.comparing(Key::earner).thenComparing(Key::bonus)
      .thenComparing(k -> k.sourceOrder() == null ? "" : k.sourceOrder()).thenComparingInt(Key::level);

  /**
   * The differences between the original and restated lines, in earner, bonus, source, level
   * order. {@code corrections} are the ids of the corrected or added orders.
   */
  public static List<Difference> differences(List<Line> original, List<Line> restated, Set<String> corrections) {
    Map<Key, long[]> amounts = new TreeMap<>(ORDER);
    Map<Key, String> sourceMember = new TreeMap<>(ORDER);
    for (Line l : original) {
      Key k = key(l);
      amounts.computeIfAbsent(k, x -> new long[2])[0] += l.amount();
      sourceMember.putIfAbsent(k, l.sourceMember());
    }
    for (Line l : restated) {
      Key k = key(l);
      amounts.computeIfAbsent(k, x -> new long[2])[1] += l.amount();
      sourceMember.putIfAbsent(k, l.sourceMember());
    }
    String all = String.join(", ", new java.util.TreeSet<>(corrections));
    List<Difference> out = new ArrayList<>();
    for (Map.Entry<Key, long[]> e : amounts.entrySet()) {
      long[] a = e.getValue();
      if (a[0] == a[1]) continue;
      Key k = e.getKey();
      String cause = k.sourceOrder() != null && corrections.contains(k.sourceOrder())
          ? "order " + k.sourceOrder()
          : "volumes and ranks changed by " + (all.isEmpty() ? "the corrected inputs" : "order " + all);
      out.add(new Difference(k.earner(), k.bonus(), k.sourceOrder(), sourceMember.get(k), k.level(), a[0], a[1], cause));
    }
    return out;
  }

  /** Sum of the differences per earner, in earner order. */
  public static Map<String, Long> byEarner(List<Difference> differences) {
    Map<String, Long> out = new TreeMap<>();
    for (Difference d : differences) out.merge(d.earner(), d.delta(), Math::addExact);
    return out;
  }

  private static Key key(Line l) {
    return new Key(Objects.requireNonNull(l.earner()), l.bonus(), l.sourceOrder(), l.level());
  }
}
