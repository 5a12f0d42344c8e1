package org.downline.web;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * Where the commission engine plugs into the pages and the API. No bean implements it yet: the
 * dashboard then shows its payout slot empty, the back office shows no rank, and statements answer
 * 501. An adapter over the engine's runs registers one bean of this type and the slots fill.
 */
public interface CommissionViews {
  /** The period's payout in hundredths, from its latest (or closed) run. */
  OptionalLong payout(int period);

  /** The member's paid-as rank in the period. */
  Optional<String> rank(int member, int period);

  /** The member's statement for the period as CSV (one line per commission line, explained). */
  Optional<String> statementCsv(int member, int period);

  /** The statement for the API and the back office, or {@link NotYetAvailable} (501) while there is none. */
  static String statement(CommissionViews views, int member, int period) {
    Optional<String> csv = views == null ? Optional.empty() : views.statementCsv(member, period);
    return csv.orElseThrow(() -> new NotYetAvailable(
        "statements come with the commission engine; none for " + org.downline.core.Periods.name(period) + " yet"));
  }
}
