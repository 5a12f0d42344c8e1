package org.downline.planfile;

/** A plan file was refused: the message names the file, the key (as a path) and the problem. */
public final class PlanFileException extends IllegalArgumentException {
  public PlanFileException(String message) {
    super(message);
  }
}
