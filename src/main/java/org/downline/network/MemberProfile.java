package org.downline.network;

/**
 * A member's personal data, kept apart from the tree so that the engines and analytics never touch
 * it. Any field may be null.
 */
public record MemberProfile(String id, String name, String email, String phone, String country, String locale) {
  public boolean isEmpty() {
    return name == null && email == null && phone == null && country == null && locale == null;
  }
}
