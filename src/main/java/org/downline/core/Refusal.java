package org.downline.core;

import java.util.Arrays;

/**
 * A request the project refuses on purpose: bad input, something that does not exist, something the
 * caller may not do, or a conflict with the stored state. Adapters answer it as the caller's problem
 * (HTTP 4xx, exit status 2); any other exception is a bug (HTTP 500 with an error id, exit status 1).
 * A refusal may name its message key in the bundles ({@link #saying}): the pages and the API then tell
 * it in the reader's language (ADR 29); the message itself stays English for the command line and logs.
 */
public abstract class Refusal extends RuntimeException {
  private String key;
  private Object[] args = {};

  protected Refusal(String message) {
    super(message);
  }

  /**
   * The bundle key that tells this refusal and its arguments ({@code {0}}, {@code {1}} of the
   * message); arguments are given as text so that no locale regroups an id.
   */
  @SuppressWarnings("unchecked")
  public final <T extends Refusal> T saying(String messageKey, Object... arguments) {
    this.key = messageKey;
    this.args = arguments.clone();
    return (T) this;
  }

  /** The bundle key, null when this refusal is told in English only. */
  public final String key() {
    return key;
  }

  public final Object[] args() {
    return Arrays.copyOf(args, args.length);
  }
}
