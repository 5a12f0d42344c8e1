package org.downline.web.disclosure;

import org.downline.disclosure.Share;
import org.springframework.stereotype.Component;

/** For the templates ({@code ${@dfmt.share(x)}}): shares held as tenths of a percent, bar widths. */
@Component("dfmt")
public class DisclosureFormats {
  public String share(long tenths) {
    return Share.format(tenths);
  }

  /** A bar's CSS width for a value against the largest absolute value shown (0..100%). */
  public String width(long value, long top) {
    if (top <= 0) return "0%";
    return Math.min(100, Math.abs(value) * 100 / top) + "%";
  }

  /** A share's bar width, 0..100%. */
  public String shareWidth(long tenths) {
    return Math.max(0, Math.min(1000, tenths)) / 10.0 + "%";
  }
}
