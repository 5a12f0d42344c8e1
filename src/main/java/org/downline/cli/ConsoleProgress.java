package org.downline.cli;

import java.io.PrintStream;
import java.util.Locale;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.downline.core.Progress;

/**
 * Progress for the command line, on standard error so that data on standard output stays clean: a
 * live bar on a terminal, and otherwise (CI logs, pipes) a plain line at the start, every few
 * seconds and at the end. Every long command uses this one.
 */
public final class ConsoleProgress implements Progress {
  private static final long PLAIN_EVERY_NANOS = 5_000_000_000L;

  private final boolean terminal;
  private final PrintStream out;
  private ProgressBar bar;
  private String task;
  private long total;
  private String unit;
  private long done;
  private long startedAt;
  private long printedAt;

  public ConsoleProgress(boolean terminal, PrintStream out) {
    this.terminal = terminal;
    this.out = out;
  }

  /** A bar when standard error is a terminal, plain lines otherwise. */
  public static ConsoleProgress forConsole() {
    java.io.Console console = System.console();
    return new ConsoleProgress(console != null && console.isTerminal(), System.err);
  }

  @Override
  public void start(String task, long total, String unit) {
    finish();
    this.task = task;
    this.total = total;
    this.unit = unit;
    this.done = 0;
    startedAt = printedAt = System.nanoTime();
    if (terminal) {
      ProgressBarBuilder b = new ProgressBarBuilder().setTaskName(task).setInitialMax(total)
          .setStyle(ProgressBarStyle.COLORFUL_UNICODE_BLOCK).setUpdateIntervalMillis(250).showSpeed();
      if ("B".equals(unit)) b.setUnit(" MB", 1 << 20);
      else b.setUnit(" " + unit, 1);
      bar = b.build();
    } else {
      out.println(task + ": started" + (total >= 0 ? " (" + amount(total) + ")" : ""));
    }
  }

  @Override
  public void update(long done) {
    if (task == null) return;
    this.done = done;
    if (terminal) {
      bar.stepTo(done);
      return;
    }
    long now = System.nanoTime();
    if (now - printedAt >= PLAIN_EVERY_NANOS) {
      printedAt = now;
      String pct = total > 0 ? String.format(Locale.ROOT, " (%d%%)", done * 100 / total) : "";
      out.println(task + ": " + amount(done) + (total >= 0 ? " of " + amount(total) : "") + pct);
    }
  }

  @Override
  public void finish() {
    if (task == null) return;
    if (terminal) {
      bar.close();
      bar = null;
    } else {
      double seconds = (System.nanoTime() - startedAt) / 1e9;
      out.println(String.format(Locale.ROOT, "%s: done, %s in %.1f s", task, amount(done), seconds));
    }
    task = null;
  }

  private String amount(long n) {
    if ("B".equals(unit)) return String.format(Locale.ROOT, "%,.1f MB", n / 1048576.0);
    return String.format(Locale.ROOT, "%,d %s", n, unit);
  }
}
