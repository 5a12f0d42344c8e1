package org.downline.core;

/** The request is well formed but conflicts with the stored state (a closed period, a taken position). */
public final class ConflictException extends Refusal {
  public ConflictException(String message) {
    super(message);
  }
}
