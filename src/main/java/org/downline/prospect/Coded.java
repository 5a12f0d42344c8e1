package org.downline.prospect;

import org.downline.core.InvalidInputException;

/** A value stored and sent as a short code ({@code joined-distributor}, {@code acquaintance}). */
public interface Coded {
  String code();

  /** The constant with this code, or a refusal naming the field and the codes allowed. */
  static <E extends Enum<E> & Coded> E of(Class<E> type, String field, String code) {
    StringBuilder allowed = new StringBuilder();
    for (E e : type.getEnumConstants()) {
      if (e.code().equals(code)) return e;
      allowed.append(allowed.isEmpty() ? "" : ", ").append(e.code());
    }
    throw InvalidInputException.parameter(field, "'" + code + "' is not one of " + allowed);
  }
}
