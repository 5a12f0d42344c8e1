package org.downline.cli;

import org.downline.core.InvalidInputException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The one {@code downline} command; every capability is a subcommand. */
@Command(
    name = "downline",
    mixinStandardHelpOptions = true,
    version = "downline 0.1.0",
    description = "Back office for direct-selling companies: network, commissions, next steps.",
    subcommands = {CommandLine.HelpCommand.class, DemoCommand.class, ImportCommand.class, ExportCommand.class,
      GenerateCommand.class, PeriodsCommand.class, CommissionsCommand.class, ReportCommand.class,
      NextStepsCommand.class, PayoutsCommand.class, ServeCommand.class, UsersCommand.class})
public final class Downline implements Runnable {
  /** Exit status for refused input (bad rows, bad plan, closed period). */
  public static final int EXIT_INPUT = 2;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  public static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new Downline());
    cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
      if (ex instanceof InvalidInputException || ex instanceof org.downline.core.Refusal) {
        commandLine.getErr().println(ex.getMessage());
        return EXIT_INPUT;
      }
      if (ex instanceof IllegalArgumentException || ex instanceof IllegalStateException) {
        commandLine.getErr().println("error: " + ex.getMessage());
        return EXIT_INPUT;
      }
      throw ex;
    });
    return cl;
  }

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }
}
