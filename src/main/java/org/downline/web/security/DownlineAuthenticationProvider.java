package org.downline.web.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Checks a username and password against the bcrypt hash, with the {@link LoginAttempts} in front.
 * A password just verified is remembered for a few minutes as a salted SHA-256 digest, so API
 * clients sending Basic credentials on every request pay for bcrypt once, not per request.
 */
public final class DownlineAuthenticationProvider implements AuthenticationProvider {
  private static final long REMEMBER_MS = 5 * 60_000;
  private static final byte[] SALT = UserStore.randomSecret(32).getBytes(StandardCharsets.UTF_8);

  private final UserStore users;
  private final LoginAttempts attempts;
  private final String dummyHash;
  private final ConcurrentHashMap<String, Verified> verified = new ConcurrentHashMap<>();

  private record Verified(String passwordHash, byte[] digest, long until) {}

  public DownlineAuthenticationProvider(UserStore users, LoginAttempts attempts) {
    this.users = users;
    this.attempts = attempts;
    this.dummyHash = users.encoder().encode(UserStore.randomSecret(20));
  }

  @Override
  public Authentication authenticate(Authentication authentication) {
    String username = authentication.getName();
    String password = authentication.getCredentials() == null ? "" : authentication.getCredentials().toString();
    String address = authentication.getDetails() instanceof WebAuthenticationDetails d ? d.getRemoteAddress() : "";
    LoginAttempts.Check check = attempts.check(username, address);
    if (check.slowedFor() != null) throw new SlowedDownException(check.slowedFor());
    Optional<Account> found = users.find(username);
    boolean ok;
    if (found.isEmpty()) {
      users.encoder().matches(password, dummyHash); // same time whether or not the name exists
      ok = false;
    } else {
      Account a = found.get();
      ok = a.enabled() && (remembered(a, password) || users.encoder().matches(password, a.passwordHash()));
    }
    if (!ok) {
      attempts.failed(username, address);
      throw new BadCredentialsException("Wrong username or password.");
    }
    Account account = found.get();
    if (check.userFailures()) attempts.succeeded(username); // nothing to clear: nothing written
    verified.put(account.username(), new Verified(account.passwordHash(), digest(password),
        System.currentTimeMillis() + REMEMBER_MS));
    UsernamePasswordAuthenticationToken result =
        UsernamePasswordAuthenticationToken.authenticated(account, null, account.getAuthorities());
    result.setDetails(authentication.getDetails());
    return result;
  }

  private boolean remembered(Account a, String password) {
    Verified v = verified.get(a.username());
    return v != null && v.until > System.currentTimeMillis() && v.passwordHash.equals(a.passwordHash())
        && MessageDigest.isEqual(v.digest, digest(password));
  }

  private static byte[] digest(String password) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      md.update(SALT);
      return md.digest(password.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
  }
}
