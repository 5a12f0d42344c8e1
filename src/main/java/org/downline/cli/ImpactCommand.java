package org.downline.cli;

import org.downline.core.InvalidInputException;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.downline.core.Decimals;
import org.downline.core.Periods;
import org.downline.nextstep.ConversionReport;
import org.downline.nextstep.FrequencyBounds;
import org.downline.nextstep.FrequencyReport;
import org.downline.nextstep.ImpactProjection;
import org.downline.nextstep.Population;
import org.downline.nextstep.RecommendationRecord;
import org.downline.nextstep.StepDetection;
import org.downline.store.Database;
import org.downline.store.RecommendationStore;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code downline report impact}: revenue if each segment took one step up, next to the 10% rule of thumb. */
@Command(
    name = "impact",
    mixinStandardHelpOptions = true,
    description =
        "Projected revenue change if each segment's members took one step up (lapsed -> 1 -> 2-3 -> "
        + "...), at a given rate or at the conversion observed for the steps issued on --observed DATE, "
        + "next to a 10%% lift.")
final class ImpactCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @CommandLine.Mixin AsOfOption asOf;

  @Option(names = "--population", paramLabel = "P", defaultValue = "customers", description = "customers or distributors (default: ${DEFAULT-VALUE}).")
  String population;

  @Option(names = "--rate", paramLabel = "PCT", defaultValue = "10", description = "Share of each segment stepping up, percent (default: ${DEFAULT-VALUE}).")
  String rate;

  @Option(names = "--observed", paramLabel = "DATE", description = "Use the conversion of the steps issued on this date (taken by --as-of) where known.")
  String observed;

  @CommandLine.Mixin CompanySource source;

  @Override
  public Integer call() {
    int asOfDay = asOf.day();
    Population p = InvalidInputException.parsing("--population", () -> Population.ofCode(population));
    long given = InvalidInputException.parsing("--rate",
        () -> Decimals.parseCents(rate.endsWith("%") ? rate.substring(0, rate.length() - 1) : rate));
    if (given < 0 || given > 10_000) throw InvalidInputException.parameter("--rate", "--rate must be between 0 and 100");
    FileInputs company = source.load();
    FrequencyReport report = FrequencyReport.compute(company.network(), company.book(), asOfDay, FrequencyBounds.DEFAULT);
    FrequencyBounds bounds = report.bounds();
    ConversionReport conversion = new ConversionReport(List.of());
    if (observed != null) {
      int issued = InvalidInputException.day("--observed", observed);
      List<RecommendationRecord> records;
      try (Database database = source.db.open()) {
        records = new RecommendationStore(database).issued(issued, issued);
      }
      int[] taken = new StepDetection(company.network(), company.book(), asOfDay, null).takenDays(records);
      conversion = ConversionReport.of(records, taken);
    }
    ImpactProjection.Rates chosen = ImpactProjection.rates(bounds, p, given, conversion);
    long[] rates = chosen.rates();
    String[] rateFrom = new String[rates.length];
    for (int s = 0; s < rates.length; s++) rateFrom[s] = chosen.observed()[s] ? "observed" : "given";
    ImpactProjection.Projection projection = ImpactProjection.project(report, p, rates);
    Table t = new Table("segment", "to", "members", "rate_pct", "rate_from", "revenue_change")
        .numeric("members", "rate_pct", "revenue_change");
    for (int s = 0; s < projection.rows().size(); s++) {
      ImpactProjection.Row r = projection.rows().get(s);
      t.row(r.segment(), r.next() == null ? "" : r.next(), Long.toString(r.members()), Decimals.format(r.rate()),
          rateFrom[bounds.indexOf(r.segment())], Decimals.format(r.change()));
    }
    t.row("total", "", "", "", "", Decimals.format(projection.change()));
    t.row("rule of thumb: 10% of " + Decimals.format(projection.revenue()), "", "", "", "", Decimals.format(projection.ruleOfThumb()));
    PrintWriter out = spec.commandLine().getOut();
    if (source.format == OutputFormat.table) {
      out.println("One step up, " + p.code() + ", as of " + Periods.formatDay(asOfDay) + " (" + report.window() + ")");
    }
    Printed.print(t, source.format, out);
    return 0;
  }
}
