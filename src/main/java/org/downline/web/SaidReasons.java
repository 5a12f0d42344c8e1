package org.downline.web;

import java.util.List;
import java.util.Locale;
import org.downline.core.InputError;
import org.springframework.context.MessageSource;

/**
 * Input errors in the reader's language (ADR 29): a reason that names its key is told from the
 * bundles, any other (or a key a bundle lacks) in its English text.
 */
public final class SaidReasons {
  private SaidReasons() {}

  public static String reason(MessageSource messages, InputError e, Locale locale) {
    if (e.key() == null || messages == null) return e.reason();
    return messages.getMessage(e.key(), e.args().toArray(), e.reason(), locale);
  }

  /** The same errors, each reason told for {@code locale} (key and arguments kept). */
  public static List<InputError> told(MessageSource messages, List<InputError> errors, Locale locale) {
    return errors.stream()
        .map(e -> new InputError(e.file(), e.line(), e.column(), reason(messages, e, locale), e.key(), e.args()))
        .toList();
  }
}
