package org.downline.web.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.web.filter.OncePerRequestFilter;

/** Signs in an API request that carries {@code Authorization: Bearer TOKEN} (see {@link ApiTokens}). */
public final class BearerTokenFilter extends OncePerRequestFilter {
  private final ApiTokens tokens;
  private final AuthenticationEntryPoint refuse;

  public BearerTokenFilter(ApiTokens tokens, AuthenticationEntryPoint refuse) {
    this.tokens = tokens;
    this.refuse = refuse;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String header = request.getHeader("Authorization");
    if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      chain.doFilter(request, response);
      return;
    }
    Optional<Account> account = tokens.account(header.substring(7).strip());
    if (account.isEmpty()) {
      SecurityContextHolder.clearContext();
      refuse.commence(request, response, new BadCredentialsException("this API token is unknown or revoked"));
      return;
    }
    var auth = UsernamePasswordAuthenticationToken.authenticated(account.get(), null, account.get().getAuthorities());
    var context = SecurityContextHolder.createEmptyContext();
    context.setAuthentication(auth);
    SecurityContextHolder.setContext(context);
    chain.doFilter(request, response);
  }
}
