package org.downline.cli;

import java.io.PrintWriter;
import org.downline.core.Progress;

/** Progress as plain lines on standard error: a line when a task starts, at each tenth, and when it ends. */
final class StderrProgress implements Progress {
  private final PrintWriter err;
  private String task;
  private long total;
  private String unit;
  private long started;
  private int lastTenth;

  StderrProgress(PrintWriter err) {
    this.err = err;
  }

  @Override
  public void start(String task, long total, String unit) {
    this.task = task;
    this.total = total;
    this.unit = unit;
    this.started = System.nanoTime();
    this.lastTenth = 0;
  }

  @Override
  public void update(long done) {
    if (total <= 0) return;
    int tenth = (int) (done * 10 / total);
    if (tenth > lastTenth && tenth < 10) {
      lastTenth = tenth;
      err.printf("%s: %d%%%n", task, tenth * 10);
      err.flush();
    }
  }

  @Override
  public void finish() {
    err.printf("%s: done in %.1f s%n", task, (System.nanoTime() - started) / 1e9);
    err.flush();
  }
}
