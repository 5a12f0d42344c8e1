package org.downline.app.prospect;


/**
 * Who is asking. A distributor ({@code memberId} set) sees and changes only their own contacts,
 * prospects, touches and communities; staff ({@code memberId} null) see the company's aggregate
 * figures only, and may erase a contact on request. Every use case here takes one, so the web
 * pages, the API and the CLI cannot forget the rule.
 */
public record Actor(String username, String memberId) {
  public static Actor distributor(String username, String memberId) {
    if (memberId == null || memberId.isBlank()) throw new IllegalArgumentException("a distributor has a member id");
    return new Actor(username, memberId);
  }

  public static Actor staff(String username) {
    return new Actor(username, null);
  }

  public boolean isStaff() {
    return memberId == null;
  }

  /** The member id whose own data this is; refused for staff, who see aggregates only. */
  public String owner() {
    if (memberId == null) throw Texts.notAllowed("staffSeeFigures");
    return memberId;
  }

  public void requireStaff() {
    if (memberId != null) throw Texts.notAllowed("figuresForStaff");
  }
}
