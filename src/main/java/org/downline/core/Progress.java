package org.downline.core;

/**
 * Reports how far a long job has come. The command line shows a bar on a terminal and plain lines
 * otherwise; tests and the server pass {@link #NONE}.
 */
public interface Progress {
  /** A new task with a known total amount of work (in the task's own units), or -1 if unknown. */
  void start(String task, long total, String unit);

  /** The task's work done so far. */
  void update(long done);

  /** The task is over. */
  void finish();

  /** A line the person should read before the work goes on (the command line prints it; others need not). */
  default void note(String line) {}

  Progress NONE = new Progress() {
    @Override
    public void start(String task, long total, String unit) {}

    @Override
    public void update(long done) {}

    @Override
    public void finish() {}
  };
}
