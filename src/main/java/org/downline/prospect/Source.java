package org.downline.prospect;

/** Where a prospect came from (a member's or customer's referral, an online network, an event, a campaign code). */
public enum Source implements Coded {
  REFERRAL("referral"),
  ONLINE("online"),
  EVENT("event"),
  CAMPAIGN("campaign");

  private final String code;

  Source(String code) {
    this.code = code;
  }

  @Override
  public String code() {
    return code;
  }

  public static Source ofCode(String code) {
    return Coded.of(Source.class, "source", code);
  }
}
