package org.downline.prospect;

/** What kind of touch was logged. */
public enum TouchKind implements Coded {
  CALL("call"),
  MEETING("meeting"),
  MESSAGE("message"),
  CHAT("chat"),
  EVENT("event");

  private final String code;

  TouchKind(String code) {
    this.code = code;
  }

  @Override
  public String code() {
    return code;
  }

  public static TouchKind ofCode(String code) {
    return Coded.of(TouchKind.class, "touch-kind", code);
  }
}
