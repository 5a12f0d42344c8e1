package org.downline.network;

/**
 * What an order is: a sale, an autoship shipment (a sale that came from a subscription) or a return
 * (negative amounts, naming the sale it returns). The codes are the {@code kind} column of files and
 * of the database.
 */
public enum OrderKind {
  SALE("sale"),
  RETURN("return"),
  AUTOSHIP("autoship");

  private final String code;

  OrderKind(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }

  /** The kind of an order from what the arrays and rows hold: a return first, then autoship, else a sale. */
  public static OrderKind of(boolean isReturn, boolean autoship) {
    return isReturn ? RETURN : autoship ? AUTOSHIP : SALE;
  }

  public static OrderKind of(OrderRow row) {
    return of(row.isReturn(), row.autoship());
  }

  /** The kind with this code (case-sensitive as stored), or null when none has it. */
  public static OrderKind ofCode(String code) {
    for (OrderKind k : values()) if (k.code.equals(code)) return k;
    return null;
  }

  /** The codes, for messages: "sale, return, autoship". */
  public static String codes() {
    return "sale, return, autoship";
  }
}
