package org.downline.nextstep;

import java.util.ArrayList;
import java.util.List;

/**
 * The segment codes a playbook maps to steps:
 * <ul>
 *   <li>{@code customers/<frequency>} and {@code distributors/<frequency>} with a frequency segment
 *       label ({@code 1}, {@code 2-3}, ..., {@code lapsed});
 *   <li>{@code no-first-sale}, {@code sponsored-nobody}, {@code wide-not-deep}, {@code leaders};
 *   <li>{@code fast-start/<goal>} for a new distributor whose Fast Start step with that goal is
 *       still pending ({@code first-order}, {@code first-customer}, {@code first-recruit});
 *   <li>{@code months-active/<n>} for a distributor active in n of the last twelve months.
 * </ul>
 */
public final class Segments {
  public static final String NO_FIRST_SALE = "no-first-sale";
  public static final String SPONSORED_NOBODY = "sponsored-nobody";
  public static final String WIDE_NOT_DEEP = "wide-not-deep";
  public static final String LEADERS = "leaders";
  public static final String FAST_START = "fast-start/";
  public static final String MONTHS_ACTIVE = "months-active/";

  private Segments() {}

  public static String frequency(Population population, String label) {
    return population.code() + "/" + label;
  }

  /** The population a segment belongs to: customers only for the customer frequency segments. */
  public static Population population(String segment) {
    return segment.startsWith(Population.CUSTOMERS.code() + "/") ? Population.CUSTOMERS : Population.DISTRIBUTORS;
  }

  /** Every segment code known under the given frequency bounds and Fast Start steps, in report order. */
  public static List<String> all(FrequencyBounds bounds, List<FastStartStep> fastStart) {
    List<String> all = new ArrayList<>();
    for (Population p : Population.values()) {
      for (int s = 0; s <= bounds.count(); s++) all.add(frequency(p, bounds.label(s)));
    }
    for (FastStartStep step : fastStart) all.add(FAST_START + step.goal().code());
    for (int m = 0; m <= 12; m++) all.add(MONTHS_ACTIVE + m);
    all.add(NO_FIRST_SALE);
    all.add(SPONSORED_NOBODY);
    all.add(WIDE_NOT_DEEP);
    all.add(LEADERS);
    return all;
  }
}
