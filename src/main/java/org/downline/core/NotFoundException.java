package org.downline.core;

/** What was asked for does not exist, or is outside what the caller may see (answered alike, ADR 6). */
public final class NotFoundException extends Refusal {
  public NotFoundException(String message) {
    super(message);
  }
}
