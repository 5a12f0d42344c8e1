package org.downline.prospect;

/** A way to reach a contact. */
public enum ChannelKind implements Coded {
  PHONE("phone"),
  EMAIL("email"),
  MESSAGING("messaging");

  private final String code;

  ChannelKind(String code) {
    this.code = code;
  }

  @Override
  public String code() {
    return code;
  }

  public static ChannelKind ofCode(String code) {
    return Coded.of(ChannelKind.class, "channel-kind", code);
  }
}
