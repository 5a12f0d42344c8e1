package org.downline.generate;

/**
 * One product of a member's autoship: {@code quantity} units shipped every {@code intervalMonths}
 * months on the day of month of {@code startDay}. A member with several products has several
 * autoships with the same dates, shipped together as one order. Days are epoch days;
 * {@code nextDay} is the next shipment of an active autoship and {@code statusDay} the cancellation
 * date of a cancelled one, each {@link Integer#MIN_VALUE} when it does not apply.
 */
public record Autoship(
    String id,
    String memberId,
    String sku,
    int quantity,
    int intervalMonths,
    int startDay,
    int nextDay,
    Status status,
    int statusDay) {

  public enum Status {
    ACTIVE("active"),
    CANCELLED("cancelled");

    private final String code;

    Status(String code) {
      this.code = code;
    }

    public String code() {
      return code;
    }

    public static Status ofCode(String code) {
      for (Status s : values()) if (s.code.equals(code)) return s;
      throw new IllegalArgumentException("'" + code + "' is not an autoship status (active, cancelled)");
    }
  }
}
