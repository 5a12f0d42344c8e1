package org.downline.nextstep;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.downline.core.Decimals;

/**
 * Did they take it: per segment and step, how many recommended members took the step against how
 * many of the held-out members did anyway. Rates are in hundredths of a percent (basis points),
 * rounded half up: {@code 3 of 8} is 3750 (37.50%).
 */
public record ConversionReport(List<Row> rows) {

  public record Row(String segment, String step, long treated, long treatedTaken, long holdout, long holdoutTaken) {
    /** Conversion of the members who were recommended the step, in basis points. */
    public OptionalLong treatedRate() {
      return rate(treatedTaken, treated);
    }

    /** Conversion of the held-out members, in basis points. */
    public OptionalLong holdoutRate() {
      return rate(holdoutTaken, holdout);
    }

    /**
     * Lift in basis points of share (percentage points x 100): treated rate minus holdout rate,
     * computed from the exact fractions {@code (tt*hn - ht*tn) / (tn*hn)} and rounded once.
     */
    public OptionalLong lift() {
      if (treated == 0 || holdout == 0) return OptionalLong.empty();
      return OptionalLong.of(Decimals.divideHalfAwayFromZero(
          (treatedTaken * holdout - holdoutTaken * treated) * 10_000, treated * holdout));
    }

    /** Relative lift in basis points: treated rate / holdout rate - 1; unknown when no held-out member took it. */
    public OptionalLong relativeLift() {
      if (treated == 0 || holdoutTaken == 0) return OptionalLong.empty();
      return OptionalLong.of(Decimals.divideHalfAwayFromZero(
          (treatedTaken * holdout - holdoutTaken * treated) * 10_000, holdoutTaken * treated));
    }

    private static OptionalLong rate(long taken, long of) {
      return of == 0 ? OptionalLong.empty() : OptionalLong.of(Decimals.divideHalfAwayFromZero(taken * 10_000, of));
    }
  }

  /** Groups records by segment and step (in the order first seen) with the days they were taken. */
  public static ConversionReport of(List<RecommendationRecord> records, int[] takenDays) {
    Map<String, long[]> cells = new LinkedHashMap<>();
    Map<String, String[]> keys = new LinkedHashMap<>();
    for (int k = 0; k < records.size(); k++) {
      RecommendationRecord r = records.get(k);
      String key = r.segment() + "\u0000" + r.step();
      keys.putIfAbsent(key, new String[] {r.segment(), r.step()});
      long[] c = cells.computeIfAbsent(key, x -> new long[4]);
      boolean taken = takenDays[k] != DistributorSegments.NEVER;
      int base = r.holdout() ? 2 : 0;
      c[base]++;
      if (taken) c[base + 1]++;
    }
    List<Row> rows = new ArrayList<>();
    for (Map.Entry<String, long[]> e : cells.entrySet()) {
      String[] k = keys.get(e.getKey());
      long[] c = e.getValue();
      rows.add(new Row(k[0], k[1], c[0], c[1], c[2], c[3]));
    }
    return new ConversionReport(List.copyOf(rows));
  }

  public Row row(String segment) {
    for (Row r : rows) if (r.segment().equals(segment)) return r;
    throw new IllegalArgumentException("no segment '" + segment + "'");
  }
}
