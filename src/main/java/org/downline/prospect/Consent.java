package org.downline.prospect;

/** The contact's consent on one channel (unknown until asked). */
public enum Consent implements Coded {
  GIVEN("given"),
  REFUSED("refused"),
  UNKNOWN("unknown");

  private final String code;

  Consent(String code) {
    this.code = code;
  }

  @Override
  public String code() {
    return code;
  }

  public static Consent ofCode(String code) {
    return Coded.of(Consent.class, "consent", code);
  }
}
