package org.downline.web.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Set;
import org.springframework.security.authentication.AuthenticationDetailsSource;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * The client's address for counting sign-ins. Behind a reverse proxy every request comes from the
 * proxy, so when the connection comes from a configured trusted proxy ({@code
 * downline.web.trusted-proxies}), the client is the right-most address of {@code X-Forwarded-For}
 * that is not itself a trusted proxy; from anyone else the header is ignored (it can be forged).
 */
public final class ClientAddress implements AuthenticationDetailsSource<HttpServletRequest, WebAuthenticationDetails> {
  private final Set<String> trustedProxies;

  public ClientAddress(Set<String> trustedProxies) {
    this.trustedProxies = Set.copyOf(trustedProxies);
  }

  public String of(HttpServletRequest request) {
    String remote = request.getRemoteAddr();
    if (!trustedProxies.contains(remote)) return remote;
    String forwarded = request.getHeader("X-Forwarded-For");
    if (forwarded == null || forwarded.isBlank()) return remote;
    String[] hops = forwarded.split(",");
    for (int i = hops.length - 1; i >= 0; i--) {
      String hop = hops[i].strip();
      if (!hop.isEmpty() && !trustedProxies.contains(hop)) return hop.length() > 100 ? hop.substring(0, 100) : hop;
    }
    return remote;
  }

  @Override
  public WebAuthenticationDetails buildDetails(HttpServletRequest request) {
    var session = request.getSession(false);
    return new WebAuthenticationDetails(of(request), session == null ? null : session.getId());
  }
}
