package org.downline.web.security;

import org.springframework.security.core.AuthenticationException;

/** A sign-in refused unchecked because its username or its address must wait ({@link LoginAttempts}). */
public final class SlowedDownException extends AuthenticationException {
  private final LoginAttempts.Wait wait;

  public SlowedDownException(LoginAttempts.Wait wait) {
    super(wait.scope() == LoginAttempts.Scope.ADDRESS
        ? "Too many failed sign-ins from this address; try again in " + wait.seconds() + " seconds."
        : "Too many failed sign-ins for this username; try again in " + wait.seconds() + " seconds.");
    this.wait = wait;
  }

  public LoginAttempts.Wait waitFor() {
    return wait;
  }

  /** From one address across usernames (HTTP 429), rather than one username (401). */
  public boolean fromAddress() {
    return wait.scope() == LoginAttempts.Scope.ADDRESS;
  }
}
