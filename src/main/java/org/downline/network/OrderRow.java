package org.downline.network;

/**
 * One order as read from a file or the database. Amounts are hundredths (see {@code Decimals});
 * {@code returnOf} is the id of the returned sale, or null for a sale; {@code campaign} is the
 * campaign or referral code it came with, or null; {@code line} is where the row came from (0 when
 * it came from the database).
 */
public record OrderRow(
    long line,
    String id,
    String memberId,
    int day,
    long pv,
    long cv,
    long total,
    String returnOf,
    boolean autoship,
    String campaign) {

  public static OrderRow sale(long line, String id, String memberId, int day, long pv, long cv) {
    return new OrderRow(line, id, memberId, day, pv, cv, 0, null, false, null);
  }

  public static OrderRow returnOf(long line, String id, String memberId, int day, long pv, long cv, String saleId) {
    return new OrderRow(line, id, memberId, day, pv, cv, 0, saleId, false, null);
  }

  public boolean isReturn() {
    return returnOf != null;
  }
}
