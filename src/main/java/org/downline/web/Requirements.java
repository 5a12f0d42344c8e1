package org.downline.web;

import org.downline.commission.Explanation;
import org.downline.core.Decimals;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Rank requirements in the reader's language ({@code ${@requirements.missing(m)}}): the engine
 * names what a requirement measures in English words for the command line ("GV", "legs with
 * silver", "30.00 PV more"); a page words the same figures from the bundles, with the reader's
 * number format and the plan's translated rank names. A text the engine may add later and this
 * class does not know is shown as the engine wrote it.
 */
@Component("requirements")
public class Requirements {
  private static final String CAPPED = "capped GV (each leg at most ";
  private static final String LEGS = "legs with ";
  private static final String QUALIFIED = "qualified (Active, with ";

  private final MessageSource messages;
  private final Formats fmt;
  private final Names names;

  public Requirements(MessageSource messages, Formats fmt, Names names) {
    this.messages = messages;
    this.fmt = fmt;
    this.names = names;
  }

  private String text(String key, Object... args) {
    return messages.getMessage(key, args, LocaleContextHolder.getLocale());
  }

  /** What a requirement measures ("GV", "legs with silver"), in the reader's language. */
  public String what(String what) {
    if (what.equals("PV")) return text("pay.req.pv");
    if (what.equals("PV (Active)")) return text("pay.req.pvActive");
    if (what.equals("GV")) return text("pay.req.gv");
    if (what.equals("lesser leg volume")) return text("pay.req.lesserLeg");
    if (what.startsWith(CAPPED) && what.endsWith(")")) {
      String cap = what.substring(CAPPED.length(), what.length() - 1);
      try {
        return text("pay.req.cappedGv", fmt.money(Decimals.parseCents(cap)));
      } catch (NumberFormatException e) {
        return what;
      }
    }
    if (what.startsWith(LEGS)) return text("pay.req.legs", names.rank(what.substring(LEGS.length())));
    if (what.startsWith(QUALIFIED)) {
      String k = what.substring(QUALIFIED.length()).split(" ", 2)[0];
      return k.chars().allMatch(Character::isDigit) && !k.isEmpty() ? text("pay.req.qualified", k) : what;
    }
    return what;
  }

  private String figure(long value, boolean volume) {
    return volume ? fmt.money(value) : fmt.count(value);
  }

  /** "30.00 PV more", "legs with silver: 1 more". */
  public String missing(Explanation.Missing m) {
    String what = what(m.what());
    return m.volume() ? text("pay.missing.volume", fmt.money(m.shortBy()), what) : text("pay.missing.count", fmt.count(m.shortBy()), what);
  }

  /** "GV 450.00 < 500.00: missed". */
  public String check(Explanation.Check c) {
    return text(c.met() ? "pay.check.met" : "pay.check.missed", what(c.what()), figure(c.figure(), c.volume()),
        figure(c.needed(), c.volume()));
  }
}
