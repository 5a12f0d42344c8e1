package org.downline.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.concurrent.Callable;
import org.downline.generate.CompanyGenerator;
import org.downline.store.Database;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code downline demo}: a fresh embedded database with a generated company, and what was done,
 * so a newcomer sees the whole product from one command.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
    description = {
      "Creates a fresh embedded database (./data/demo), generates a demo company into it and prints what",
      "it did. Anything from an earlier demo is replaced; ./data/downline is never touched."
    })
public final class DemoCommand implements Callable<Integer> {
  static final String DEMO_URL = "jdbc:h2:file:./data/demo;AUTO_SERVER=TRUE";

  @Option(names = "--members", defaultValue = "20000", description = "Members to generate (default: ${DEFAULT-VALUE}).")
  int members;

  @Option(names = "--months", defaultValue = "12", description = "Months of orders (default: ${DEFAULT-VALUE}).")
  int months;

  @Option(names = "--seed", defaultValue = "1", description = "Random seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    for (String suffix : new String[] {".mv.db", ".trace.db", ".lock.db"}) {
      Files.deleteIfExists(Path.of("data", "demo" + suffix));
    }
    YearMonth end = YearMonth.now(ZoneOffset.UTC);
    out.println("Downline demo: a fresh embedded database at ./data/demo");
    out.println();
    out.printf("1. Generating a company of %,d members with %d months of orders up to %s (seed %d) and importing it...%n",
        members, months, end.minusMonths(1), seed);
    out.flush();
    try (Database db = Database.open(DEMO_URL)) {
      CompanyGenerator generator =
          new CompanyGenerator(members, months, seed, CompanyGenerator.startBefore(end, months));
      CompanyGenerator.Summary s = GenerateCommand.intoDatabase(generator, db, new PrintWriter(System.err, true));
      GenerateCommand.print(s, "them into the demo database", out);
    }
    out.println();
    out.println("Next:");
    out.println("  ./downline periods --db '" + DEMO_URL + "'");
    out.println("  ./downline export --out demo-export --db '" + DEMO_URL + "'");
    out.println("  ./downline --help");
    out.flush();
    return 0;
  }
}
