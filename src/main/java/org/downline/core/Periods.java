package org.downline.core;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;

/** Periods are calendar months in UTC named {@code YYYY-MM}; dates are held as epoch days. */
public final class Periods {
  private Periods() {}

  /** The period index of an epoch day: months since 0000-01, cheap to compare and to array-index. */
  public static int periodOfDay(int epochDay) {
    LocalDate d = LocalDate.ofEpochDay(epochDay);
    return d.getYear() * 12 + d.getMonthValue() - 1;
  }

  public static int index(YearMonth ym) {
    return ym.getYear() * 12 + ym.getMonthValue() - 1;
  }

  public static YearMonth yearMonth(int periodIndex) {
    return YearMonth.of(Math.floorDiv(periodIndex, 12), Math.floorMod(periodIndex, 12) + 1);
  }

  public static String name(int periodIndex) {
    return yearMonth(periodIndex).toString();
  }

  /** First epoch day of a period. */
  public static int firstDay(int periodIndex) {
    return (int) yearMonth(periodIndex).atDay(1).toEpochDay();
  }

  /** Parses {@code YYYY-MM}. */
  public static YearMonth parse(String text) {
    try {
      if (text.length() != 7) throw new DateTimeParseException("", text, 0);
      return YearMonth.parse(text);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("'" + text + "' is not a period of the form YYYY-MM");
    }
  }

  /** Parses a strict {@code YYYY-MM-DD} date to an epoch day. */
  public static int parseDay(String text) {
    String s = text.strip();
    try {
      if (s.length() != 10) throw new DateTimeParseException("", s, 0);
      // Fast path for plain digits (millions of order dates): LocalDate.of rejects what the strict
      // ISO parser rejects (month 13, 30 February); anything else takes the parser.
      if (s.charAt(4) == '-' && s.charAt(7) == '-') {
        int y = digits(s, 0, 4);
        int m = digits(s, 5, 7);
        int d = digits(s, 8, 10);
        if (y >= 0 && m >= 0 && d >= 0) {
          try {
            return (int) LocalDate.of(y, m, d).toEpochDay();
          } catch (java.time.DateTimeException e) {
            throw new IllegalArgumentException("'" + text + "' is not a date of the form YYYY-MM-DD");
          }
        }
      }
      return (int) LocalDate.parse(s).toEpochDay();
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("'" + text + "' is not a date of the form YYYY-MM-DD");
    }
  }

  /** The value of the ASCII digits s[from..to), or -1 when any is not a digit. */
  private static int digits(String s, int from, int to) {
    int v = 0;
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') return -1;
      v = v * 10 + (c - '0');
    }
    return v;
  }

  public static String formatDay(int epochDay) {
    return LocalDate.ofEpochDay(epochDay).toString();
  }
}
