package org.downline.core;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Collects the problems of an input so that one pass reports every bad row (up to a limit) rather
 * than stopping at the first; nothing is written while any error is held.
 */
public final class InputErrors {
  public static final int DEFAULT_LIMIT = 100;

  private final List<InputError> errors = new ArrayList<>();
  private final int limit;
  private long count;

  public InputErrors() {
    this(DEFAULT_LIMIT);
  }

  public InputErrors(int limit) {
    this.limit = limit;
  }

  public void add(String file, long line, String column, String reason) {
    count++;
    if (errors.size() < limit) errors.add(new InputError(file, line, column, reason));
  }

  /** A reason the inputs bundle tells; its English text is made only for the errors kept. */
  public void add(String file, long line, String column, Reason reason) {
    count++;
    if (errors.size() < limit) errors.add(new InputError(file, line, column, reason));
  }

  public boolean isEmpty() {
    return count == 0;
  }

  /** All errors seen, including those past the limit that were counted but not kept. */
  public long count() {
    return count;
  }

  public List<InputError> kept() {
    return Collections.unmodifiableList(errors);
  }

  public void throwIfAny() {
    if (count > 0) throw new InvalidInputException(kept(), count);
  }
}
