package org.downline.prospect;

/**
 * The stay-in-touch cadence: the next touch is due {@code cadenceDays} after the last logged touch,
 * or after the day the contact was added when nothing was logged yet. Days are epoch days.
 */
public final class Cadence {
  /** No day: no cadence set, or no touch logged. */
  public static final int NONE = Integer.MIN_VALUE;

  private Cadence() {}

  public static int nextDue(int lastTouchDay, int createdDay, int cadenceDays) {
    if (cadenceDays <= 0) return NONE;
    return (lastTouchDay == NONE ? createdDay : lastTouchDay) + cadenceDays;
  }

  /** The last touch after logging one on {@code touchDay}: a touch logged late never moves it back. */
  public static int afterTouch(int lastTouchDay, int touchDay) {
    return lastTouchDay == NONE ? touchDay : Math.max(lastTouchDay, touchDay);
  }
}
