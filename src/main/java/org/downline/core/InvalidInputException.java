package org.downline.core;

import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/** An input was refused; {@link #errors()} says where and why. Nothing has been written. */
public final class InvalidInputException extends Refusal {
  private final List<InputError> errors;
  private final long total;

  public InvalidInputException(List<InputError> errors, long total) {
    this(describe(errors, total), errors, total);
  }

  private InvalidInputException(String message, List<InputError> errors, long total) {
    super(message);
    this.errors = List.copyOf(errors);
    this.total = total;
  }

  /**
   * A parameter of the request itself (a query parameter, a command option) is malformed: the
   * message is the reason alone, as the caller typed the parameter and knows where it is.
   */
  public static InvalidInputException parameter(String name, String reason) {
    return new InvalidInputException(reason, List.of(new InputError(null, 0, name, reason)), 1);
  }

  /** A parameter refused for a reason of the inputs bundle: the page and the API say it in the reader's language. */
  public static InvalidInputException parameter(String name, Reason reason) {
    return new InvalidInputException(reason.english(), List.of(new InputError(null, 0, name, reason)), 1)
        .saying(reason.key(), reason.arguments());
  }

  /**
   * A file refused at one key (a YAML plan or playbook: {@code key} is its path such as
   * {@code bonuses[1].type}, empty for the whole file): the message is "file: key: reason".
   */
  public static InvalidInputException inFile(String file, String key, String reason) {
    String message = file + (key.isEmpty() ? "" : ": " + key) + ": " + reason;
    return new InvalidInputException(message, List.of(new InputError(file, 0, key, reason)), 1);
  }

  /**
   * Runs a parse of the caller's text (a period, a day, an amount, a code) whose parser refuses with
   * IllegalArgumentException, and answers that refusal as {@link #parameter}; nothing else is caught.
   */
  public static <T> T parsing(String name, Supplier<T> parse) {
    try {
      return parse.get();
    } catch (IllegalArgumentException e) {
      throw parameter(name, e.getMessage());
    }
  }

  /**
   * The same with the refusal's reason named ({@code refused} makes it from the parser's refusal): the
   * page and the API say it in the reader's language, the command line its English.
   */
  public static <T> T parsing(String name, Supplier<T> parse, Function<? super IllegalArgumentException, Reason> refused) {
    try {
      return parse.get();
    } catch (IllegalArgumentException e) {
      throw parameter(name, refused.apply(e));
    }
  }

  /** A period parameter ({@code YYYY-MM}); refused as {@link #parameter} with its reason's key. */
  public static java.time.YearMonth period(String name, String text) {
    return parsing(name, () -> Periods.parse(text), e -> Reason.of("notPeriod", text));
  }

  /** A day parameter ({@code YYYY-MM-DD}) as an epoch day; refused as {@link #parameter} with its reason's key. */
  public static int day(String name, String text) {
    return parsing(name, () -> Periods.parseDay(text), e -> Reason.of("notDate", text));
  }

  /**
   * An amount parameter ({@link Decimals#parseCents}: two decimal places at most) in hundredths; refused
   * as {@link #parameter} with its reason's key (empty, not a number, a third decimal place, too large).
   */
  public static long amount(String name, String text) {
    try {
      return Decimals.parseCents(text);
    } catch (NumberFormatException | ArithmeticException e) {
      throw parameter(name, Decimals.refusal(text, e));
    }
  }

  /** True when the request itself is malformed (HTTP 400) rather than a file or body refused by the rules (422). */
  public boolean aboutParameters() {
    return errors.stream().allMatch(e -> e.file() == null);
  }

  public static InvalidInputException of(String file, long line, String column, String reason) {
    return new InvalidInputException(List.of(new InputError(file, line, column, reason)), 1);
  }

  public static InvalidInputException of(String file, long line, String column, Reason reason) {
    return new InvalidInputException(List.of(new InputError(file, line, column, reason)), 1);
  }

  public List<InputError> errors() {
    return errors;
  }

  public long total() {
    return total;
  }

  private static String describe(List<InputError> errors, long total) {
    StringBuilder sb = new StringBuilder();
    sb.append(total).append(total == 1 ? " input error" : " input errors").append(", nothing written");
    for (InputError e : errors) sb.append(System.lineSeparator()).append("  ").append(e);
    if (total > errors.size()) {
      sb.append(System.lineSeparator()).append("  ... and ").append(total - errors.size()).append(" more");
    }
    return sb.toString();
  }
}
