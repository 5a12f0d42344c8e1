package org.downline.core;

import java.util.List;
import java.util.Objects;

/**
 * Why one field, row or file of an input is refused, as a key of a bundle with its arguments (ADR 29,
 * second amendment): the pages and the API say it in the reader's language, the command line and logs
 * in English, read from the same bundle so the English is written once. Arguments are text (ids, values
 * as typed, counts), so no locale regroups an id. The English is made only when asked for: a file with
 * a million bad rows counts them all but keeps the words of a hundred.
 */
public final class Reason {
  private static final RefusalTexts INPUTS = new RefusalTexts("i18n.inputs", "input.");

  private final RefusalTexts texts;
  private final String name;
  private final List<String> args;

  Reason(RefusalTexts texts, String name, List<String> args) {
    this.texts = texts;
    this.name = name;
    this.args = List.copyOf(args);
  }

  /** The reason the inputs bundle ({@code i18n/inputs}) tells under {@code input.<name>}. */
  public static Reason of(String name, Object... args) {
    return INPUTS.reason(name, args);
  }

  /** The bundle key. */
  public String key() {
    return texts.key(name);
  }

  public List<String> args() {
    return args;
  }

  /** The arguments as a message source takes them. */
  public Object[] arguments() {
    return args.toArray();
  }

  /** The English text, as the command line prints it. */
  public String english() {
    return texts.english(name, args.toArray());
  }

  /** The English text: a reason joined into a message reads as the command line prints it. */
  @Override
  public String toString() {
    return english();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Reason r && r.key().equals(key()) && r.args.equals(args);
  }

  @Override
  public int hashCode() {
    return Objects.hash(key(), args);
  }
}
