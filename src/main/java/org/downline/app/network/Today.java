package org.downline.app.network;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import org.downline.core.Periods;
import org.downline.core.Reason;
import org.downline.network.DateBounds;

/**
 * The company's today (UTC) and how far after it a record may be dated: the system property or
 * environment variable {@code downline.future-days} / {@code DOWNLINE_FUTURE_DAYS}, one day by default.
 */
public final class Today {
  public static final int DEFAULT_ALLOWANCE_DAYS = 1;

  private Today() {}

  public static int day() {
    return (int) LocalDate.now(ZoneOffset.UTC).toEpochDay();
  }

  /** The current period's index ({@link Periods#index}). */
  public static int period() {
    return Periods.index(YearMonth.now(ZoneOffset.UTC));
  }

  public static DateBounds bounds() {
    String configured = System.getProperty("downline.future-days", System.getenv("DOWNLINE_FUTURE_DAYS"));
    int allowance = DEFAULT_ALLOWANCE_DAYS;
    if (configured != null && !configured.isBlank()) {
      allowance = org.downline.core.InvalidInputException.parsing("downline.future-days",
          () -> Integer.parseInt(configured.strip()), e -> Reason.of("notWhole", configured.strip()));
    }
    return DateBounds.of(day(), allowance);
  }
}
