package org.downline.web.security;

import java.util.Collection;
import java.util.List;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** A login: an admin (company staff) or a distributor tied to one member. */
public record Account(String username, String passwordHash, Role role, String memberId, boolean enabled)
    implements UserDetails {

  public enum Role {
    ADMIN("admin"),
    DISTRIBUTOR("distributor");

    private final String code;

    Role(String code) {
      this.code = code;
    }

    public String code() {
      return code;
    }

    public String authority() {
      return "ROLE_" + name();
    }

    public static Role ofCode(String code) {
      for (Role r : values()) if (r.code.equals(code)) return r;
      throw new IllegalArgumentException("'" + code + "' is not a role (admin, distributor)");
    }
  }

  public boolean isAdmin() {
    return role == Role.ADMIN;
  }

  @Override
  public Collection<? extends GrantedAuthority> getAuthorities() {
    return List.of(new SimpleGrantedAuthority(role.authority()));
  }

  @Override
  public String getPassword() {
    return passwordHash;
  }

  @Override
  public String getUsername() {
    return username;
  }

  @Override
  public boolean isEnabled() {
    return enabled;
  }

  /** Never the hash: accounts may end up in logs or error pages. */
  @Override
  public String toString() {
    return "Account[" + username + ", " + role.code() + (memberId == null ? "" : ", member " + memberId) + "]";
  }
}
