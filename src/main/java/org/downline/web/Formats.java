package org.downline.web;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import org.downline.core.Decimals;
import org.downline.core.Periods;
import org.springframework.stereotype.Component;

/** Formatting for the templates ({@code ${@fmt.money(x)}}): exact hundredths with grouping, dates, periods. */
@Component("fmt")
public final class Formats {
  private static final DecimalFormatSymbols SYMBOLS = DecimalFormatSymbols.getInstance(Locale.ROOT);

  /** Hundredths as {@code 12,345.60}. */
  public String money(long cents) {
    String plain = Decimals.format(cents);
    int dot = plain.indexOf('.');
    boolean negative = plain.startsWith("-");
    String whole = plain.substring(negative ? 1 : 0, dot);
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < whole.length(); i++) {
      if (i > 0 && (whole.length() - i) % 3 == 0) sb.append(',');
      sb.append(whole.charAt(i));
    }
    return (negative ? "-" : "") + sb + plain.substring(dot);
  }

  public String count(long n) {
    DecimalFormat f = new DecimalFormat("#,##0", SYMBOLS);
    return f.format(n);
  }

  public String day(int epochDay) {
    return Periods.formatDay(epochDay);
  }

  public String period(int periodIndex) {
    return Periods.name(periodIndex);
  }

  /** A share as a percentage with one decimal, from two hundredths amounts. */
  public String percent(long part, long whole) {
    if (whole == 0) return "–";
    long tenths = Decimals.divideHalfAwayFromZero(part * 1000, whole);
    return Decimals.format(tenths * 10).replaceFirst("0$", "") + " %";
  }
}
