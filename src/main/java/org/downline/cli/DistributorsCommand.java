package org.downline.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.downline.core.Periods;
import org.downline.nextstep.DistributorSegments;
import org.downline.nextstep.Playbook;
import org.downline.playbook.PlaybookFile;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code downline report distributors}: the distributor segments (see docs/next-steps.md). */
@Command(
    name = "distributors",
    mixinStandardHelpOptions = true,
    description =
        "Distributors by months active in the last 12 months, Fast Start progress of new distributors, "
        + "no first sale, sponsored nobody, wide but not deep, and leaders by paid-as rank with the "
        + "leaders they developed.")
final class DistributorsCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @CommandLine.Mixin AsOfOption asOf;

  @Option(names = "--playbook", paramLabel = "FILE", description = "Playbook YAML with the distributor rules (default: the bundled one).")
  Path playbook;

  @Option(names = "--ranks", paramLabel = "FILE", description = "Paid-as ranks, CSV member_id,rank (for the leaders).")
  Path ranks;

  @Option(names = "--plan", paramLabel = "PLAN", defaultValue = "demo",
      description = "Plan whose ranks are settled on the as-of month's PV when no --ranks file is given: a built-in plan (demo, ladder) or a plan file (default: ${DEFAULT-VALUE}).")
  String plan;

  @CommandLine.Mixin CompanySource source;

  @Override
  public Integer call() {
    int asOfDay = asOf.day();
    Playbook pb = playbook == null ? PlaybookFile.defaults() : PlaybookFile.read(playbook);
    FileInputs company = source.load();
    RanksFile.Ranks rk = RanksFile.resolve(ranks, plan, company.network(), company.book(), asOfDay);
    DistributorSegments segments = DistributorSegments.compute(company.network(), company.book(), asOfDay,
        pb.distributorRules(), rk.rank());
    Table t = new Table("group", "segment", "members", "leaders_developed").numeric("members", "leaders_developed");
    for (DistributorSegments.Row r : segments.report(rk.names())) {
      t.row(r.group(), r.segment(), Long.toString(r.members()), r.group().equals("leaders") ? Long.toString(r.leadersDeveloped()) : "");
    }
    PrintWriter out = spec.commandLine().getOut();
    if (source.format == OutputFormat.table) out.println("Distributor segments as of " + Periods.formatDay(asOfDay));
    Printed.print(t, source.format, out);
    return 0;
  }
}
