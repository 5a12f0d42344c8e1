package org.downline.web.security;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Slows password guessing: after {@link #MAX_FAILURES} failed sign-ins for one username from one
 * address, that pair is locked out for {@link #LOCKOUT}. In memory, so a restart forgets (fine for
 * one server; a cluster would share it).
 */
@Component
public final class LoginThrottle {
  public static final int MAX_FAILURES = 5;
  public static final Duration LOCKOUT = Duration.ofMinutes(15);
  private static final int MAX_TRACKED = 100_000;

  private record State(int failures, long lockedUntil) {}

  private final ConcurrentHashMap<String, State> states = new ConcurrentHashMap<>();
  private final Clock clock;

  public LoginThrottle() {
    this(Clock.systemUTC());
  }

  LoginThrottle(Clock clock) {
    this.clock = clock;
  }

  static String key(String username, String address) {
    return (username == null ? "" : username.toLowerCase(java.util.Locale.ROOT)) + "|" + address;
  }

  /** Milliseconds left of a lockout, 0 when sign-in may be tried. */
  public long lockedForMillis(String username, String address) {
    State s = states.get(key(username, address));
    if (s == null) return 0;
    return Math.max(0, s.lockedUntil - clock.millis());
  }

  public void failed(String username, String address) {
    if (states.size() > MAX_TRACKED) states.clear(); // a flood of names must not exhaust memory
    long now = clock.millis();
    states.compute(key(username, address), (k, s) -> {
      int failures = (s == null || (s.lockedUntil > 0 && s.lockedUntil <= now)) ? 1 : s.failures + 1;
      long until = failures >= MAX_FAILURES ? now + LOCKOUT.toMillis() : 0;
      return new State(failures, until);
    });
  }

  public void succeeded(String username, String address) {
    states.remove(key(username, address));
  }
}
