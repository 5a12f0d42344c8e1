package org.downline.web;

import org.downline.core.Refusal;

/**
 * What was asked for has a place but nothing fills it yet (a statement of a period with no run):
 * HTTP 501. Web only: the command line has no such answer.
 */
public final class NotYetAvailable extends Refusal {
  public NotYetAvailable(String message) {
    super(message);
  }
}
