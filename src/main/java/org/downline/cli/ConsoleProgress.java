package org.downline.cli;

import java.io.PrintStream;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.downline.core.Progress;

/**
 * Progress on standard error: a bar on a terminal, plain lines (at most one per ten percent or every
 * five seconds) when the output goes to a file or CI log.
 */
public final class ConsoleProgress implements Progress {
  private final PrintStream err;
  private final boolean terminal;
  private ProgressBar bar;
  private String task;
  private long total;
  private String unit;
  private long lastPrinted;
  private long lastPrintedAt;
  private long startedAt;
  private boolean printed;

  public ConsoleProgress(PrintStream err, boolean terminal) {
    this.err = err;
    this.terminal = terminal;
  }

  public static Progress forConsole() {
    return new ConsoleProgress(System.err, System.console() != null && System.console().isTerminal());
  }

  @Override
  public void start(String task, long total, String unit) {
    finish();
    this.task = task;
    this.total = total;
    this.unit = unit;
    this.lastPrinted = 0;
    this.startedAt = System.nanoTime();
    this.lastPrintedAt = startedAt;
    this.printed = false;
    if (terminal) {
      ProgressBarBuilder b = new ProgressBarBuilder().setTaskName(task).setInitialMax(Math.max(total, 0))
          .setStyle(ProgressBarStyle.ASCII).setConsumer(new me.tongfei.progressbar.ConsoleProgressBarConsumer(err))
          .setUpdateIntervalMillis(250);
      if ("B".equals(unit)) b.setUnit(" MB", 1 << 20).showSpeed();
      else b.setUnit(" " + unit, 1).showSpeed();
      bar = b.build();
    }
  }

  @Override
  public void note(String line) {
    finish();
    err.println(line);
  }

  @Override
  public void update(long done) {
    if (bar != null) {
      bar.stepTo(done);
      return;
    }
    if (task == null) return;
    long now = System.nanoTime();
    // Quick tasks stay silent; a long one reports every tenth or every five seconds.
    if (now - startedAt < 2_000_000_000L) return;
    boolean tenth = total > 0 && (done - lastPrinted) * 10 >= total;
    if (tenth || now - lastPrintedAt > 5_000_000_000L) {
      err.println(task + ": " + describe(done));
      lastPrinted = done;
      lastPrintedAt = now;
      printed = true;
    }
  }

  private String describe(long done) {
    String amount = "B".equals(unit) ? (done >> 20) + " MB" : done + " " + unit;
    if (total > 0) {
      String of = "B".equals(unit) ? (total >> 20) + " MB" : total + " " + unit;
      return amount + " of " + of + " (" + (done * 100 / total) + "%)";
    }
    return amount;
  }

  @Override
  public void finish() {
    if (bar != null) {
      bar.close();
      bar = null;
    } else if (task != null && printed) {
      long ms = (System.nanoTime() - startedAt) / 1_000_000;
      err.println(task + ": done in " + ms + " ms");
    }
    task = null;
  }
}
