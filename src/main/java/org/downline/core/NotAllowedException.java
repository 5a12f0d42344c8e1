package org.downline.core;

/** The caller is known but may not do this. */
public final class NotAllowedException extends Refusal {
  public NotAllowedException(String message) {
    super(message);
  }
}
