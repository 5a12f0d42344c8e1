package org.downline.core;

import java.util.List;

/** An input was refused; {@link #errors()} says where and why. Nothing has been written. */
public final class InvalidInputException extends Refusal {
  private final List<InputError> errors;
  private final long total;

  public InvalidInputException(List<InputError> errors, long total) {
    super(describe(errors, total));
    this.errors = List.copyOf(errors);
    this.total = total;
  }

  public static InvalidInputException of(String file, long line, String column, String reason) {
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
