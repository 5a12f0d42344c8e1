package org.downline.cli;

import org.downline.core.InvalidInputException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.downline.core.Periods;
import picocli.CommandLine.Option;

/** The {@code --as-of} date of the reports: today (UTC) unless given. */
public final class AsOfOption {
  @Option(names = "--as-of", paramLabel = "DATE", description = "YYYY-MM-DD (default: today, UTC).")
  String asOf;

  /** The as-of date as an epoch day. */
  public int day() {
    return asOf == null ? (int) LocalDate.now(ZoneOffset.UTC).toEpochDay() : InvalidInputException.day("--as-of", asOf);
  }
}
