package org.downline.cli;

import org.downline.core.InvalidInputException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import org.downline.core.Decimals;
import org.downline.core.Periods;
import org.downline.network.Network;
import org.downline.nextstep.ConversionReport;
import org.downline.nextstep.DistributorSegments;
import org.downline.nextstep.Playbook;
import org.downline.nextstep.RecommendationRecord;
import org.downline.nextstep.StepDetection;
import org.downline.playbook.PlaybookFile;
import org.downline.store.Database;
import org.downline.store.RecommendationStore;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code downline report conversion}: did they take the recommended steps, against the holdout. */
@Command(
    name = "conversion",
    mixinStandardHelpOptions = true,
    description =
        "For the next steps issued from --from to --to (recorded with next-steps --issue), how many "
        + "members took the step by --until, per segment and step, next to the held-out members: "
        + "conversion and lift.")
final class ConversionCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--from", paramLabel = "DATE", required = true, description = "First issue date, YYYY-MM-DD.")
  String from;

  @Option(names = "--to", paramLabel = "DATE", description = "Last issue date (default: --from).")
  String to;

  @Option(names = "--until", paramLabel = "DATE", description = "Last day observed (default: today, UTC).")
  String until;

  @Option(names = "--ranks", paramLabel = "FILE", description = "Paid-as ranks on --until, CSV member_id,rank (for rank goals).")
  Path ranks;

  @Option(names = "--plan", paramLabel = "PLAN", defaultValue = "demo",
      description = "Plan whose ranks are settled on the --until month's PV when no --ranks file is given: a built-in plan (demo, ladder) or a plan file (default: ${DEFAULT-VALUE}).")
  String plan;

  @Option(names = "--playbook", paramLabel = "FILE", description = "Playbook YAML for the leader rank (default: the bundled one).")
  Path playbook;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table", description = "table, csv or json (default: ${DEFAULT-VALUE}).")
  OutputFormat format;

  @CommandLine.Mixin DatabaseOption db;

  @Option(names = "--members", paramLabel = "FILE", description = "Later members CSV (instead of the stored data; with --orders).")
  Path members;

  @Option(names = "--orders", paramLabel = "FILE", description = "Later orders CSV (with --members).")
  Path orders;

  @Override
  public Integer call() {
    int fromDay = InvalidInputException.day("--from", from);
    int toDay = to == null ? fromDay : InvalidInputException.day("--to", to);
    int untilDay = until == null ? (int) LocalDate.now(ZoneOffset.UTC).toEpochDay()
        : InvalidInputException.day("--until", until);
    if (untilDay < toDay) throw InvalidInputException.parameter("--until", "--until must not be before the last issue date");
    Playbook pb = playbook == null ? PlaybookFile.defaults() : PlaybookFile.read(playbook);
    List<RecommendationRecord> records;
    try (Database database = db.open()) {
      records = new RecommendationStore(database).issued(fromDay, toDay);
    }
    FileInputs company = Sources.load(members, orders, db, ConsoleProgress.forConsole());
    Network network = company.network();
    int[] rank = RanksFile.resolve(ranks, plan, network, company.book(), untilDay).rank();
    DistributorSegments later = DistributorSegments.compute(network, company.book(), untilDay, pb.distributorRules(), rank);
    int[] taken = new StepDetection(network, company.book(), untilDay, later).takenDays(records);
    ConversionReport report = ConversionReport.of(records, taken);

    Table t = new Table("segment", "step", "recommended", "took", "held_out", "held_out_took", "conversion_pct",
        "held_out_conversion_pct", "lift_points", "relative_lift_pct")
        .numeric("recommended", "took", "held_out", "held_out_took", "conversion_pct", "held_out_conversion_pct",
            "lift_points", "relative_lift_pct");
    for (ConversionReport.Row r : report.rows()) {
      t.row(r.segment(), r.step(), Long.toString(r.treated()), Long.toString(r.treatedTaken()), Long.toString(r.holdout()),
          Long.toString(r.holdoutTaken()), pct(r.treatedRate()), pct(r.holdoutRate()), pct(r.lift()), pct(r.relativeLift()));
    }
    PrintWriter out = spec.commandLine().getOut();
    if (format == OutputFormat.table) {
      out.println("Next steps issued " + Periods.formatDay(fromDay) + ".." + Periods.formatDay(toDay) + ", taken by "
          + Periods.formatDay(untilDay) + " (" + records.size() + " recorded)");
    }
    Printed.print(t, format, out);
    return 0;
  }

  /** Basis points as a percentage with two places; empty when unknown. */
  static String pct(OptionalLong basisPoints) {
    return basisPoints.isPresent() ? Decimals.format(basisPoints.getAsLong()) : "";
  }
}
