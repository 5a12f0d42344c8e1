package org.downline.cli;

import org.downline.core.ErrorId;
import org.downline.core.InvalidInputException;
import org.downline.core.Refusal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
      NextStepsCommand.class, PayoutsCommand.class, ServeCommand.class, UsersCommand.class, TacticsCommand.class,
      StrategyCommand.class, ContactsCommand.class, SnapshotCommand.class, CopyCommand.class})
public final class Downline implements Runnable {
  /** Exit status for refused input (bad rows, bad plan, closed period): a {@link Refusal}. */
  public static final int EXIT_INPUT = 2;
  /** Exit status for anything else: a bug, told apart from the user's mistakes (ADR 10). */
  public static final int EXIT_BUG = 1;

  /** The bug log: data/logs/downline.log (logback.xml), never the terminal, which gets the id only. */
  private static final Logger LOG = LoggerFactory.getLogger(Downline.class);

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  public static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new Downline());
    cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
      if (ex instanceof InvalidInputException e && !e.aboutParameters()) {
        commandLine.getErr().println(ex.getMessage()); // "N input errors, nothing written" and the rows
        return EXIT_INPUT;
      }
      if (ex instanceof Refusal) {
        commandLine.getErr().println("error: " + ex.getMessage());
        return EXIT_INPUT;
      }
      String id = ErrorId.next();
      // The command's name, not its arguments: those may hold a database password.
      LOG.error("error id {}: {} failed", id, commandLine.getCommandSpec().qualifiedName(), ex);
      commandLine.getErr().println("internal error, see the log (error id " + id + ")");
      return EXIT_BUG;
    });
    return cl;
  }

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }
}
