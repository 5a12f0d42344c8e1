package org.downline.app.network;

import org.downline.core.RefusalTexts;

/** This capability's refusals, told from the {@code i18n/reliability} bundle in the reader's language (ADR 29). */
final class Refusals {
  private Refusals() {}

  static final RefusalTexts TEXTS = new RefusalTexts("i18n.reliability", "reliability.refusal.");
}
