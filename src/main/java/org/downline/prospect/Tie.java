package org.downline.prospect;

/** How close the relationship is. */
public enum Tie implements Coded {
  CLOSE("close"),
  FRIEND("friend"),
  ACQUAINTANCE("acquaintance");

  private final String code;

  Tie(String code) {
    this.code = code;
  }

  @Override
  public String code() {
    return code;
  }

  public static Tie ofCode(String code) {
    return Coded.of(Tie.class, "tie", code);
  }
}
