package org.downline.app.prospect;

import org.downline.core.ConflictException;
import org.downline.core.InvalidInputException;
import org.downline.core.NotAllowedException;
import org.downline.core.NotFoundException;
import org.downline.core.Reason;
import org.downline.core.RefusalTexts;
import org.downline.csv.Fields;

/**
 * The checks every typed field of this capability passes, and its refusals; reasons never quote the
 * value (personal data). Every refusal names its key in the {@code i18n/prospects} bundle
 * ({@link org.downline.core.Refusal#saying}), so the pages and the API tell it in the reader's
 * language; its English message (command line, logs) is that bundle's English text, written once.
 */
final class Texts {
  private Texts() {}

  private static final RefusalTexts TEXTS = new RefusalTexts("i18n.prospects", "prospects.refusal.");

  /** The English text of a {@code prospects.refusal.} key. */
  static String english(String key, Object... args) {
    return TEXTS.english(key, args);
  }

  /** A reason a row of an import is refused for, told from the {@code prospects.refusal.} keys. */
  static Reason reason(String key, Object... args) {
    return TEXTS.reason(key, args);
  }

  static NotFoundException notFound(String key, Object... args) {
    return TEXTS.notFound(key, args);
  }

  static NotAllowedException notAllowed(String key, Object... args) {
    return TEXTS.notAllowed(key, args);
  }

  static ConflictException conflict(String key, Object... args) {
    return TEXTS.conflict(key, args);
  }

  /** A malformed parameter: {@code field} names it (as typed, not translated), the reason is the key's. */
  static InvalidInputException parameter(String field, String key, Object... args) {
    return TEXTS.parameter(field, key, args);
  }

  /** Stripped text, null when empty; refused with control characters or over {@code max} characters. */
  static String optional(String field, String value, int max) {
    if (value == null) return null;
    Reason reason = Fields.structuralRefusal(value.replace('\n', ' ').replace('\r', ' ').replace('\t', ' '));
    if (reason != null) throw InvalidInputException.parameter(field, reason);
    String s = value.strip();
    if (s.isEmpty()) return null;
    if (s.length() > max) throw parameter(field, "tooLong", s.length(), max);
    return s;
  }

  static String required(String field, String value, int max) {
    String s = optional(field, value, max);
    if (s == null) throw parameter(field, "required");
    return s;
  }

  static <T> T require(String field, T value) {
    if (value == null) throw parameter(field, "required");
    return value;
  }

  static NotFoundException noContact(long id) {
    return notFound("noContact", id);
  }

  static NotFoundException noProspect(long id) {
    return notFound("noProspect", id);
  }
}
