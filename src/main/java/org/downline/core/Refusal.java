package org.downline.core;

/**
 * A request the project refuses on purpose: bad input, something that does not exist, something the
 * caller may not do, or a conflict with the stored state. Adapters answer it as the caller's problem
 * (HTTP 4xx, exit status 2); any other exception is a bug (HTTP 500 with an error id, exit status 1).
 */
public abstract class Refusal extends RuntimeException {
  protected Refusal(String message) {
    super(message);
  }
}
