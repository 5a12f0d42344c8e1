package org.downline.network;

/** What a member is to the company. Preferred customers are customers with the preferred flag. */
public enum MemberKind {
  DISTRIBUTOR("distributor"),
  CUSTOMER("customer");

  private final String code;

  MemberKind(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }

  public static MemberKind ofCode(String code) {
    for (MemberKind k : values()) if (k.code.equals(code)) return k;
    throw new IllegalArgumentException(
        "'" + code + "' is not a member kind (distributor, customer, preferred_customer)");
  }
}
