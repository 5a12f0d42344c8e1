package org.downline.strategy;

/**
 * The measures an objective can have (docs/strategy.md defines each). Values are hundredths of the
 * unit: cents for money, hundredths of a percent for shares, hundredths for counts and ratios.
 */
public enum Measure {
  REVENUE("revenue", Unit.MONEY, Unit.MONEY),
  REPEAT_RATE("repeat-rate", Unit.PERCENT, Unit.PERCENT),
  AUTOSHIP_SHARE("autoship-share", Unit.PERCENT, Unit.PERCENT),
  REFERRALS_PER_CUSTOMER("referrals-per-customer", Unit.RATIO, Unit.RATIO),
  NEW_DISTRIBUTORS("new-distributors", Unit.COUNT, Unit.PERCENT),
  DISTRIBUTOR_RETENTION_90("distributor-retention-90", Unit.PERCENT, Unit.PERCENT),
  CUSTOMER_RETENTION_12M("customer-retention-12m", Unit.PERCENT, Unit.PERCENT),
  EDUCATIONAL_REACH("educational-reach", Unit.COUNT, Unit.PERCENT),
  MANUAL("manual", Unit.NUMBER, Unit.NUMBER);

  /** How a value reads: money, a percentage, a count, a ratio, or a number entered by hand. */
  public enum Unit { MONEY, PERCENT, COUNT, RATIO, NUMBER }

  private final String code;
  private final Unit unit;
  private final Unit perCustomerUnit;

  Measure(String code, Unit unit, Unit perCustomerUnit) {
    this.code = code;
    this.unit = unit;
    this.perCustomerUnit = perCustomerUnit;
  }

  public String code() {
    return code;
  }

  /** The unit of the company's figure (the board, the target). */
  public Unit unit() {
    return unit;
  }

  /** The unit of the figure over a group of customers (the verdicts). */
  public Unit perCustomerUnit() {
    return perCustomerUnit;
  }

  /** The measure with this code, or null. */
  public static Measure of(String code) {
    for (Measure m : values()) if (m.code.equals(code)) return m;
    return null;
  }

  /** A value in hundredths of its unit as text: counts whole, the rest with two decimals; "" for null. */
  public static String format(Unit unit, Long hundredths) {
    if (hundredths == null) return "";
    return unit == Unit.COUNT ? Long.toString(hundredths / 100) : org.downline.core.Decimals.format(hundredths);
  }

  /** Days of the repeat-rate measure when the objective names none. */
  public static final int DEFAULT_REPEAT_DAYS = 90;
}
