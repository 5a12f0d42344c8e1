package org.downline.core;

import java.security.SecureRandom;

/**
 * The id of one bug as it happened: the answer (HTTP 500, the command line's "internal error") shows
 * it and the log carries it with the stack trace, so a report can be matched to its cause (ADR 10).
 */
public final class ErrorId {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String CHARS = "abcdefghijkmnpqrstuvwxyz23456789"; // no 0/o, 1/l to misread

  private ErrorId() {}

  /** 12 characters from 32: 60 bits, so two ids never meet in practice. */
  public static String next() {
    StringBuilder id = new StringBuilder(12);
    for (int i = 0; i < 12; i++) id.append(CHARS.charAt(RANDOM.nextInt(CHARS.length())));
    return id.toString();
  }
}
