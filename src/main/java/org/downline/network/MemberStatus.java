package org.downline.network;

/** A member's standing with the company; cancelled and terminated members keep their place in the tree. */
public enum MemberStatus {
  ACTIVE("active"),
  CANCELLED("cancelled"),
  TERMINATED("terminated");

  private final String code;

  MemberStatus(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }

  public static MemberStatus ofCode(String code) {
    for (MemberStatus s : values()) if (s.code.equals(code)) return s;
    throw new IllegalArgumentException(
        "'" + code + "' is not a member status (active, cancelled, terminated)");
  }
}
