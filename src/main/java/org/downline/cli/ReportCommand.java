package org.downline.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code downline report}: the reports of the back office, one subcommand each. */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    description = "Reports over the stored data or over files.",
    subcommands = {SegmentsCommand.class, DistributorsCommand.class, ConversionCommand.class, ImpactCommand.class,
      HealthCommand.class, IncomeDisclosureCommand.class, RetailShareCommand.class,
      AlertsCommand.class, PayoutHealthCommand.class, RetentionCommand.class, TacticsReportCommand.class})
final class ReportCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
