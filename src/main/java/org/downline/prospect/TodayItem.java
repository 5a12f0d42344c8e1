package org.downline.prospect;

/**
 * One line of a distributor's today list. {@code contactId} is the contact it is about (0 when it
 * is about a member who is not among the contacts); {@code memberId} the member for customer care;
 * {@code ref} the follow-up or prospect id it came from; {@code dueDay} the epoch day it fell due;
 * {@code step} the next-step playbook's step for customer care (else null), {@code segment} the
 * member's segment behind it.
 */
public record TodayItem(Kind kind, long contactId, String memberId, long ref, int dueDay, String what,
    String step, String segment, boolean doNotContact) {

  /** In the order they matter: a promise first, then a date the prospect set, a customer, a cadence. */
  public enum Kind implements Coded {
    FOLLOW_UP("follow-up"),
    RECONNECT("reconnect"),
    REORDER("reorder"),
    CHECK_IN("check-in"),
    THANK_YOU("thank-you"),
    CADENCE("cadence");

    private final String code;

    Kind(String code) {
      this.code = code;
    }

    @Override
    public String code() {
      return code;
    }

    public static Kind ofCode(String code) {
      return Coded.of(Kind.class, "kind", code);
    }
  }
}
