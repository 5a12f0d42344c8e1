package org.downline.core;

import java.util.List;

/**
 * Why one field, row or file of an input is refused, as a key of the inputs bundle
 * ({@code i18n/inputs}, {@code input.*}) with its arguments (ADR 29, second amendment): the pages and
 * the API say it in the reader's language, the command line and logs in English, read from the same
 * bundle so the English is written once. Arguments are text (ids, values as typed, counts), so no
 * locale regroups an id.
 */
public record Reason(String key, List<String> args) {
  private static final String PREFIX = "input.";
  private static final RefusalTexts TEXTS = new RefusalTexts("i18n.inputs", PREFIX);

  public Reason {
    args = List.copyOf(args);
  }

  /** The reason the inputs bundle tells under {@code input.<name>}. */
  public static Reason of(String name, Object... args) {
    String[] text = new String[args.length];
    for (int i = 0; i < args.length; i++) text[i] = args[i] == null ? "" : args[i].toString();
    return new Reason(PREFIX + name, List.of(text));
  }

  /** The English text, as the command line prints it. */
  public String english() {
    return TEXTS.english(key.substring(PREFIX.length()), args.toArray());
  }

  /** The English text: a reason joined into a message reads as the command line prints it. */
  @Override
  public String toString() {
    return english();
  }

  /** The arguments as a message source takes them. */
  public Object[] arguments() {
    return args.toArray();
  }
}
