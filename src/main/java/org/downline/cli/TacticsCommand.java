package org.downline.cli;

import java.util.concurrent.Callable;
import org.downline.csv.TacticCsv;
import org.downline.store.Database;
import org.downline.store.TacticStore;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code downline tactics types|type}: the company's list of tactic types, which it may extend. */
@Command(name = "tactics", mixinStandardHelpOptions = true,
    description = "Tactic types (import tactics with 'downline import tactics FILE', report with 'downline report tactics').",
    subcommands = {TacticsCommand.Types.class, TacticsCommand.Type.class})
final class TacticsCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  @Command(name = "types", mixinStandardHelpOptions = true, description = "Lists the tactic types.")
  static final class Types implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;
    @Mixin DatabaseOption database;

    @Option(names = "--format", defaultValue = "table", description = "table, csv or json (default: ${DEFAULT-VALUE}).")
    OutputFormat format;

    @Override
    public Integer call() {
      Table t = new Table("code", "name", "educational").numeric("educational");
      try (Database db = database.open()) {
        for (TacticStore.TacticType type : new TacticStore(db).types()) {
          t.row(type.code(), type.name(), Boolean.toString(type.educational()));
        }
      }
      Printed.print(t, format, spec.commandLine().getOut());
      return 0;
    }
  }

  @Command(name = "type", mixinStandardHelpOptions = true, description = "Adds a tactic type, or renames one.")
  static final class Type implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "CODE", description = "Lower-case word, e.g. podcast.")
    String code;

    @Option(names = "--name", required = true, description = "What people read.")
    String name;

    @Option(names = "--educational", description = "Tactics of this type count for the educational reach measure.")
    boolean educational;

    @Mixin DatabaseOption database;

    @Override
    public Integer call() {
      if (!TacticCsv.isType(code)) {
        throw org.downline.core.InvalidInputException.parameter("CODE", "'" + code + "' is not a type (lower-case word)");
      }
      try (Database db = database.open()) {
        new TacticStore(db).saveType(new TacticStore.TacticType(code, name.strip(), educational));
      }
      System.out.println("tactic type " + code + " saved");
      return 0;
    }
  }
}
