package org.downline.app.prospect;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;
import org.downline.core.ConflictException;
import org.downline.core.InvalidInputException;
import org.downline.core.NotAllowedException;
import org.downline.core.NotFoundException;
import org.downline.csv.Fields;

/**
 * The checks every typed field of this capability passes, and its refusals; reasons never quote the
 * value (personal data). Every refusal names its key in the {@code i18n/prospects} bundle
 * ({@link org.downline.core.Refusal#saying}), so the pages and the API tell it in the reader's
 * language; its English message (command line, logs) is that bundle's English text, written once.
 */
final class Texts {
  private Texts() {}

  private static final ResourceBundle ENGLISH = ResourceBundle.getBundle("i18n.prospects", Locale.ROOT,
      ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));

  /** The English text of a {@code prospects.refusal.} key, formatted as Spring's message source formats it. */
  static String english(String key, Object... args) {
    String pattern = ENGLISH.getString("prospects.refusal." + key);
    return args.length == 0 ? pattern : new MessageFormat(pattern, Locale.ROOT).format(args);
  }

  private static Object[] text(Object[] args) {
    // Ids and counts as text: no locale's grouping turns contact 1234 into "1,234".
    Object[] out = new Object[args.length];
    for (int i = 0; i < args.length; i++) out[i] = args[i] == null ? "" : args[i].toString();
    return out;
  }

  static NotFoundException notFound(String key, Object... args) {
    Object[] a = text(args);
    return new NotFoundException(english(key, a)).saying("prospects.refusal." + key, a);
  }

  static NotAllowedException notAllowed(String key, Object... args) {
    Object[] a = text(args);
    return new NotAllowedException(english(key, a)).saying("prospects.refusal." + key, a);
  }

  static ConflictException conflict(String key, Object... args) {
    Object[] a = text(args);
    return new ConflictException(english(key, a)).saying("prospects.refusal." + key, a);
  }

  /** A malformed parameter: {@code field} names it (as typed, not translated), the reason is the key's. */
  static InvalidInputException parameter(String field, String key, Object... args) {
    Object[] a = text(args);
    return InvalidInputException.parameter(field, english(key, a)).saying("prospects.refusal." + key, a);
  }

  /** Stripped text, null when empty; refused with control characters or over {@code max} characters. */
  static String optional(String field, String value, int max) {
    if (value == null) return null;
    String reason = Fields.structuralRefusal(value.replace('\n', ' ').replace('\r', ' ').replace('\t', ' '));
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
