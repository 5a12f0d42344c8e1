package org.downline.core;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * One capability's refusals, told from its bundle (ADR 29): each names its key, so the pages and the API
 * say it in the reader's language, and its English message (command line, logs) is that bundle's English
 * text with the same {@link MessageFormat}, so the English is written once, in the bundle.
 */
public final class RefusalTexts {
  private final ResourceBundle english;
  private final String prefix;

  /** {@code bundle} as {@link ResourceBundle} names it ({@code i18n.payouts}); keys are {@code prefix + key}. */
  public RefusalTexts(String bundle, String prefix) {
    this.english = ResourceBundle.getBundle(bundle, Locale.ROOT,
        ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    this.prefix = prefix;
  }

  /** The English text of a key, formatted as Spring's message source formats it. */
  public String english(String key, Object... args) {
    String pattern = english.getString(prefix + key);
    return args.length == 0 ? pattern : new MessageFormat(pattern, Locale.ROOT).format(args);
  }

  /** The bundle key of a name. */
  public String key(String name) {
    return prefix + name;
  }

  /** A reason an input is refused for (a row of a file, a field), told from this bundle. */
  public Reason reason(String name, Object... args) {
    Object[] text = text(args);
    return new Reason(this, name, java.util.List.of(java.util.Arrays.copyOf(text, text.length, String[].class)));
  }

  private static Object[] text(Object[] args) {
    // Ids and counts as text: no locale's grouping turns member 1234 into "1,234".
    Object[] out = new Object[args.length];
    for (int i = 0; i < args.length; i++) out[i] = args[i] == null ? "" : args[i].toString();
    return out;
  }

  public NotFoundException notFound(String key, Object... args) {
    Object[] a = text(args);
    return new NotFoundException(english(key, a)).saying(prefix + key, a);
  }

  public NotAllowedException notAllowed(String key, Object... args) {
    Object[] a = text(args);
    return new NotAllowedException(english(key, a)).saying(prefix + key, a);
  }

  public ConflictException conflict(String key, Object... args) {
    Object[] a = text(args);
    return new ConflictException(english(key, a)).saying(prefix + key, a);
  }

  /** A malformed parameter: {@code field} names it (as typed, not translated), the reason is the key's. */
  public InvalidInputException parameter(String field, String key, Object... args) {
    Object[] a = text(args);
    return InvalidInputException.parameter(field, english(key, a)).saying(prefix + key, a);
  }
}
