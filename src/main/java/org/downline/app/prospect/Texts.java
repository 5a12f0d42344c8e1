package org.downline.app.prospect;

import org.downline.core.InvalidInputException;
import org.downline.core.NotFoundException;
import org.downline.csv.Fields;

/** The checks every typed field of this capability passes; reasons never quote the value (personal data). */
final class Texts {
  private Texts() {}

  /** Stripped text, null when empty; refused with control characters or over {@code max} characters. */
  static String optional(String field, String value, int max) {
    if (value == null) return null;
    String reason = Fields.structuralRefusal(value.replace('\n', ' ').replace('\r', ' ').replace('\t', ' '));
    if (reason != null) throw InvalidInputException.parameter(field, reason);
    String s = value.strip();
    if (s.isEmpty()) return null;
    if (s.length() > max) throw InvalidInputException.parameter(field, "is " + s.length() + " characters long; at most " + max + " are allowed");
    return s;
  }

  static String required(String field, String value, int max) {
    String s = optional(field, value, max);
    if (s == null) throw InvalidInputException.parameter(field, "is required");
    return s;
  }

  static <T> T require(String field, T value) {
    if (value == null) throw InvalidInputException.parameter(field, "is required");
    return value;
  }

  static NotFoundException noContact(long id) {
    return new NotFoundException("no contact " + id + " among yours");
  }

  static NotFoundException noProspect(long id) {
    return new NotFoundException("no prospect " + id + " among yours");
  }
}
