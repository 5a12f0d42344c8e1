package org.downline.cli;

import org.downline.core.InvalidInputException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.downline.core.Decimals;
import org.downline.nextstep.FrequencyBounds;
import org.downline.nextstep.FrequencyReport;
import org.downline.playbook.PlaybookFile;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code downline report segments}: the purchase-frequency report (see docs/next-steps.md). */
@Command(
    name = "segments",
    mixinStandardHelpOptions = true,
    description =
        "Purchase-frequency segments of customers and distributors over the 12 months ending on the "
        + "as-of date: members, orders, revenue and average order value per segment (1, 2-3, 4-6, 7-10, "
        + "11+, lapsed).")
final class SegmentsCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @CommandLine.Mixin AsOfOption asOf;

  @Option(names = "--bounds", paramLabel = "N,N,...", split = ",",
      description = "Lower bounds of the order-count segments (default: the playbook's, 1,2,4,7,11).")
  int[] bounds;

  @Option(names = "--playbook", paramLabel = "FILE", description = "Playbook YAML whose frequency-bounds to use.")
  Path playbook;

  @CommandLine.Mixin CompanySource source;

  @Override
  public Integer call() {
    int asOfDay = asOf.day();
    FrequencyBounds b = bounds != null ? InvalidInputException.parsing("--bounds", () -> new FrequencyBounds(bounds))
        : playbook != null ? PlaybookFile.read(playbook).bounds() : FrequencyBounds.DEFAULT;
    FileInputs company = source.load();
    FrequencyReport report = FrequencyReport.compute(company.network(), company.book(), asOfDay, b);
    PrintWriter out = spec.commandLine().getOut();
    if (source.format == OutputFormat.table) out.println("Purchase frequency, " + report.window());
    Printed.print(table(report), source.format, out);
    return 0;
  }

  static Table table(FrequencyReport report) {
    Table t = new Table("population", "segment", "members", "orders", "revenue", "average_order_value")
        .numeric("members", "orders", "revenue", "average_order_value");
    for (FrequencyReport.Row r : report.rows()) {
      t.row(r.population().code(), r.segment(), Long.toString(r.members()), Long.toString(r.orders()),
          Decimals.format(r.revenue()), Decimals.format(r.averageOrderValue()));
    }
    return t;
  }
}
