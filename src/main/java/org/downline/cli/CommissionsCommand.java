package org.downline.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Callable;
import org.downline.commission.CommissionRun;
import org.downline.commission.OutputOrder;
import org.downline.commission.Plan;
import org.downline.core.Progress;
import org.downline.csv.CommissionCsv;
import org.downline.planfile.PlanFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code downline commissions ...}: compute pay from a plan, in file mode or (later) from the database. */
@Command(
    name = "commissions",
    mixinStandardHelpOptions = true,
    description = "Compute and explain commissions.",
    subcommands = {CommissionsCommand.Compute.class, ExplainCommand.class, CommissionsCommand.Run.class,
        CommissionsCommand.Close.class, CompareCommand.class})
public final class CommissionsCommand implements Runnable {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  @Command(
      name = "compute",
      mixinStandardHelpOptions = true,
      description = "File mode: compute every period of the orders file and write lines.csv and summary.csv (and legs.csv for a plan with a placement tree).")
  static final class Compute implements Callable<Integer> {
    @Option(names = "--plan", required = true, description = "a built-in plan (demo, ladder, binary) or a plan file")
    String plan;

    @Option(names = "--members", required = true, description = "members.csv: id,sponsor_id,kind,join_date (and placement_id,position for a binary plan)")
    Path members;

    @Option(names = "--orders", required = true, description = "orders.csv: id,member_id,date,pv,cv,return_of")
    Path orders;

    @Option(names = "--out", required = true, description = "directory for lines.csv and summary.csv")
    Path out;

    @Option(names = "--quiet", description = "no progress lines")
    boolean quiet;

    @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
      Progress progress = quiet ? Progress.NONE : ConsoleProgress.forConsole();
      Plan p = PlanFile.load(plan);
      FileInputs in = FileInputs.read(members, orders, progress);
      // Input is fully checked before anything is written; the files appear only when complete.
      Files.createDirectories(out);
      Path linesTmp = Files.createTempFile(out, ".lines-", ".csv.tmp");
      Path summaryTmp = Files.createTempFile(out, ".summary-", ".csv.tmp");
      Path legsTmp = p.legs() == null ? null : Files.createTempFile(out, ".legs-", ".csv.tmp");
      boolean done = false;
      try {
        // The id sorts and the id texts by rank need only the inputs: made on another thread while the
        // first period is computed (the engine leaves a core idle for part of it).
        java.util.concurrent.FutureTask<CommissionCsv.Layout> layout = new java.util.concurrent.FutureTask<>(
            () -> CommissionCsv.Layout.of(in.network(), in.book(), new OutputOrder(in.network(), in.book(), p)));
        Thread ordering = new Thread(layout, "output-order");
        ordering.setDaemon(true);
        ordering.start();
        try (CommissionCsv csv = new CommissionCsv(in.network(), in.book(), layout, linesTmp, summaryTmp, legsTmp, p.lineKinds())) {
          CommissionRun.computeAll(in.network(), in.book(), p, progress, r -> {
            try {
              csv.write(r);
              r.release();
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          });
        } catch (UncheckedIOException e) {
          throw e.getCause();
        }
        Files.move(linesTmp, out.resolve("lines.csv"), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        Files.move(summaryTmp, out.resolve("summary.csv"), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        if (legsTmp != null) {
          Files.move(legsTmp, out.resolve("legs.csv"), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        done = true;
      } finally {
        if (!done) {
          Files.deleteIfExists(linesTmp);
          Files.deleteIfExists(summaryTmp);
          if (legsTmp != null) Files.deleteIfExists(legsTmp);
        }
      }
      if (!quiet) {
        spec.commandLine().getErr().println("wrote " + out.resolve("lines.csv") + " and " + out.resolve("summary.csv")
            + (legsTmp == null ? "" : " and " + out.resolve("legs.csv")));
      }
      return 0;
    }
  }

  @Command(
      name = "run",
      mixinStandardHelpOptions = true,
      description = "Database mode: compute a period from the stored data as a new run (closed periods re-run reproduce their run).")
  static final class Run implements Callable<Integer> {
    @Option(names = "--period", required = true, description = "period YYYY-MM")
    String period;

    @Option(names = "--plan", defaultValue = "demo", description = "a built-in plan (demo, ladder, binary) or a plan file (default: demo)")
    String plan;

    @picocli.CommandLine.Mixin DatabaseOption db;

    @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
      org.downline.core.InvalidInputException.period("--period", period);
      Plan p = PlanFile.load(plan);
      try (org.downline.store.Database database = db.open()) {
        org.downline.store.CommissionStore.Run r = new org.downline.app.commission.RunPeriod(database)
            .run(period, p, PlanFile.source(plan), Progress.NONE);
        spec.commandLine().getOut().printf("run %d of %s: %d lines, total %s (plan %s version %s; inputs %s)%n", r.id(), r.period(),
            r.lines(), org.downline.core.Decimals.format(r.total()), r.planName(), r.planVersion(), r.inputsSha256().substring(0, 12));
        spec.commandLine().getOut().flush();
      }
      return 0;
    }
  }

  @Command(
      name = "close",
      mixinStandardHelpOptions = true,
      description = "Database mode: lock a run as the period's result; the period's orders are refused from then on.")
  static final class Close implements Callable<Integer> {
    @Option(names = "--period", required = true, description = "period YYYY-MM")
    String period;

    @Option(names = "--run", required = true, description = "run id (from commissions run)")
    long run;

    @picocli.CommandLine.Mixin DatabaseOption db;

    @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
      org.downline.core.InvalidInputException.period("--period", period);
      try (org.downline.store.Database database = db.open()) {
        org.downline.store.CommissionStore.Run r = new org.downline.app.commission.ClosePeriod(database).close(period, run);
        spec.commandLine().getOut().printf("period %s closed with run %d (%d lines, total %s)%n", r.period(), r.id(), r.lines(),
            org.downline.core.Decimals.format(r.total()));
        spec.commandLine().getOut().flush();
      }
      return 0;
    }
  }
}
