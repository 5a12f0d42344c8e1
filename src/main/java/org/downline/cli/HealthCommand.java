package org.downline.cli;

import org.downline.core.NotFoundException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.downline.core.Decimals;
import org.downline.core.Periods;
import org.downline.network.Network;
import org.downline.nextstep.NetworkHealth;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code downline report health}: network health of the company, or of one distributor. */
@Command(
    name = "health",
    mixinStandardHelpOptions = true,
    description =
        "Network health: frontline, depth, legs and the largest leg's share of volume, duplication, and "
        + "the 90-day and 12-month retention of recruits; for the company, or for one distributor with "
        + "--member.")
final class HealthCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @CommandLine.Mixin AsOfOption asOf;

  @Option(names = "--member", paramLabel = "ID", description = "One distributor (default: the company).")
  String member;

  @CommandLine.Mixin CompanySource source;

  @Override
  public Integer call() {
    int asOfDay = asOf.day();
    FileInputs company = source.load();
    Network network = company.network();
    NetworkHealth h = NetworkHealth.compute(network, company.book(), asOfDay);
    Table t;
    if (member == null) {
      NetworkHealth.Company c = h.company();
      t = new Table("distributors", "depth", "duplication_pct", "retention_90_days_pct", "retention_12_months_pct")
          .numeric("distributors", "depth", "duplication_pct", "retention_90_days_pct", "retention_12_months_pct");
      t.row(Long.toString(c.distributors()), Integer.toString(c.depth()), pct(c.duplication()), pct(c.retention90()),
          pct(c.retention12Months()));
    } else {
      int m = network.indexOf(member);
      if (m == Network.NONE || !network.isDistributor(m)) throw new NotFoundException("no distributor '" + member + "'");
      t = new Table("member_id", "frontline", "legs", "depth", "gv", "largest_leg_pct", "duplication_pct",
          "retention_90_days_pct", "retention_12_months_pct")
          .numeric("frontline", "legs", "depth", "gv", "largest_leg_pct", "duplication_pct", "retention_90_days_pct",
              "retention_12_months_pct");
      t.row(member, Integer.toString(h.frontline(m)), Integer.toString(h.legs(m)), Integer.toString(h.depth(m)),
          Decimals.format(h.gv(m)), pct(h.largestLegShare(m)), pct(h.duplication(m)), pct(h.retention90(m)),
          pct(h.retention12Months(m)));
    }
    PrintWriter out = spec.commandLine().getOut();
    if (source.format == OutputFormat.table) out.println("Network health as of " + Periods.formatDay(asOfDay));
    Printed.print(t, source.format, out);
    return 0;
  }

  /** Basis points as a percentage; empty when unknown. */
  static String pct(long basisPoints) {
    return basisPoints == NetworkHealth.UNKNOWN ? "" : Decimals.format(basisPoints);
  }
}
