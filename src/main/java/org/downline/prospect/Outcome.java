package org.downline.prospect;

/**
 * How a prospect's decision ended. {@link #NOT_A_FIT} is a success of the method (the fit was
 * checked honestly and the prospect let go with thanks), counted as such; {@link #NOT_NOW} carries a
 * date to reconnect.
 */
public enum Outcome implements Coded {
  JOINED_DISTRIBUTOR("joined-distributor"),
  BECAME_CUSTOMER("became-customer"),
  NOT_A_FIT("not-a-fit"),
  NOT_NOW("not-now");

  private final String code;

  Outcome(String code) {
    this.code = code;
  }

  @Override
  public String code() {
    return code;
  }

  /** Joined as a distributor or became a customer: a member now. */
  public boolean joined() {
    return this == JOINED_DISTRIBUTOR || this == BECAME_CUSTOMER;
  }

  public static Outcome ofCode(String code) {
    return Coded.of(Outcome.class, "outcome", code);
  }
}
