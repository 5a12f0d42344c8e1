package org.downline.generate;

import java.util.List;

/**
 * An autoship subscription: the same items shipped every {@code intervalMonths} months on the
 * day of month of {@code startDay}. Days are epoch days; {@code nextDay} is the next shipment for an
 * active subscription and {@code statusDay} the cancellation date of a cancelled one, each
 * {@link Integer#MIN_VALUE} when it does not apply.
 */
public record Autoship(
    String id,
    String memberId,
    List<Item> items,
    int intervalMonths,
    int startDay,
    int nextDay,
    Status status,
    int statusDay) {

  public Autoship {
    items = List.copyOf(items);
  }

  /** One product of the subscription; quantity in whole units. */
  public record Item(String sku, int quantity) {}

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
