package org.downline.nextstep;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.downline.core.Decimals;

/**
 * "If each segment's members took one step up at this rate": lapsed members to the first segment,
 * each segment to the next, the top segment nowhere. A member who steps up is projected to bring
 * the next segment's revenue per member instead of their own segment's, so segment {@code s}
 * changes revenue by {@code members(s) x rate x (revenue(n)/members(n) - revenue(s)/members(s))},
 * computed exactly and rounded once to cents (halves away from zero). Shown next to the rule of
 * thumb of a 10% lift of the population's revenue.
 */
public final class ImpactProjection {
  /** The rule of thumb: 10% more from every customer taking their next logical step. */
  public static final int RULE_OF_THUMB_BASIS_POINTS = 1000;

  private ImpactProjection() {}

  /**
   * @param segment the segment stepping up; {@code next} the one it steps to (null for the top)
   * @param rate basis points of the segment's members projected to step up
   * @param change projected revenue change in hundredths (0 when there is no next segment or it is
   *     empty, so no revenue per member is known for it)
   */
  public record Row(String segment, String next, long members, long rate, long change) {}

  public record Projection(Population population, List<Row> rows, long revenue, long change, long ruleOfThumb) {}

  /**
   * @param rates basis points per segment index of the report's bounds (the lapsed segment at
   *     {@code bounds.lapsed()}); e.g. each step's observed conversion from {@link ConversionReport}
   */
  public static Projection project(FrequencyReport report, Population population, long[] rates) {
    FrequencyBounds bounds = report.bounds();
    if (rates.length != bounds.count() + 1) {
      throw new IllegalArgumentException("rates: one per segment (" + (bounds.count() + 1) + ") expected");
    }
    long revenue = 0;
    for (int s = 0; s < bounds.count(); s++) revenue += report.row(population, bounds.label(s)).revenue();
    List<Row> rows = new ArrayList<>();
    long total = 0;
    // Report order: the ordering segments, then lapsed (which steps up to the first segment).
    for (int s = 0; s <= bounds.count(); s++) {
      FrequencyReport.Row here = report.row(population, bounds.label(s));
      int n = s == bounds.lapsed() ? 0 : s + 1 < bounds.count() ? s + 1 : -1;
      long change = 0;
      String nextLabel = null;
      if (n >= 0) {
        FrequencyReport.Row next = report.row(population, bounds.label(n));
        nextLabel = next.segment();
        if (next.members() > 0 && here.members() > 0) {
          // rate x (members(s) x revenue(n) - revenue(s) x members(n)) / (10000 x members(n))
          BigInteger numerator = BigInteger.valueOf(rates[s]).multiply(
              BigInteger.valueOf(here.members()).multiply(BigInteger.valueOf(next.revenue()))
                  .subtract(BigInteger.valueOf(here.revenue()).multiply(BigInteger.valueOf(next.members()))));
          BigInteger denominator = BigInteger.valueOf(10_000L).multiply(BigInteger.valueOf(next.members()));
          change = roundHalfAway(numerator, denominator);
        }
      }
      total += change;
      rows.add(new Row(here.segment(), nextLabel, here.members(), rates[s], change));
    }
    long thumb = Decimals.divideHalfAwayFromZero(revenue * RULE_OF_THUMB_BASIS_POINTS, 10_000);
    return new Projection(population, List.copyOf(rows), revenue, total, thumb);
  }

  /** The same rate for every segment. */
  public static Projection project(FrequencyReport report, Population population, long rate) {
    long[] rates = new long[report.bounds().count() + 1];
    java.util.Arrays.fill(rates, rate);
    return project(report, population, rates);
  }

  /** Each segment's rate (basis points) and whether it was observed rather than given. */
  public record Rates(long[] rates, boolean[] observed) {}

  /**
   * Each frequency segment of the population at its observed conversion (the treated rate of its
   * step in the conversion report) where there is one, else at {@code given} basis points.
   */
  public static Rates rates(FrequencyBounds bounds, Population population, long given, ConversionReport conversion) {
    long[] rates = new long[bounds.count() + 1];
    boolean[] observed = new boolean[rates.length];
    java.util.Arrays.fill(rates, given);
    for (ConversionReport.Row r : conversion.rows()) {
      if (!r.segment().startsWith(population.code() + "/") || r.treatedRate().isEmpty()) continue;
      int s = bounds.indexOf(r.segment().substring(population.code().length() + 1));
      if (s >= 0) {
        rates[s] = r.treatedRate().getAsLong();
        observed[s] = true;
      }
    }
    return new Rates(rates, observed);
  }

  private static long roundHalfAway(BigInteger numerator, BigInteger denominator) {
    BigInteger[] qr = numerator.divideAndRemainder(denominator);
    BigInteger q = qr[0];
    if (qr[1].abs().shiftLeft(1).compareTo(denominator) >= 0) q = q.add(BigInteger.valueOf(numerator.signum()));
    return q.longValueExact();
  }
}
