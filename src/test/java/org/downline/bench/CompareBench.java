package org.downline.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.stream.Stream;
import org.downline.cli.Downline;
import picocli.CommandLine;

/**
 * Plan modelling end to end: {@code downline commissions compare --plan A --plan B} over the stored
 * data of the demo company (generated as {@code downline demo} does: 20,000 members, 12 months, seed 1,
 * into an embedded H2 file; not timed), each round one whole command in this JVM: loading the
 * company from the database, both plans over every period, and the CSV of every figure written out
 * (to a counting sink). The first round includes warm-up; the target is the later rounds.
 *
 * <pre>bench/run org.downline.bench.CompareBench [members] [months] [rounds] [planA] [planB]</pre>
 */
public final class CompareBench {
  public static void main(String[] args) throws IOException {
    int members = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
    int months = args.length > 1 ? Integer.parseInt(args[1]) : 12;
    int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
    String a = args.length > 3 ? args[3] : "demo";
    String b = args.length > 4 ? args[4] : "binary";
    System.out.printf(Locale.ROOT, "compare bench: %s against %s, %,d members, %d months, %d rounds; %d cores, max heap %,d MB%n",
        a, b, members, months, rounds, Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
    Path dir = Files.createTempDirectory("downline-compare-bench");
    try {
      String url = "jdbc:h2:file:" + dir.resolve("company");
      long t0 = System.nanoTime();
      run("generate", "--members", Integer.toString(members), "--months", Integer.toString(months), "--seed", "1", "--db", url);
      System.out.printf(Locale.ROOT, "generated and imported in %.1f s (not timed below)%n", (System.nanoTime() - t0) / 1e9);
      for (int round = 1; round <= rounds; round++) {
        Counting out = new Counting();
        long s = System.nanoTime();
        int exit = command(out).execute("commissions", "compare", "--plan", a, "--plan", b, "--db", url, "--format", "csv");
        long nanos = System.nanoTime() - s;
        if (exit != 0) throw new IllegalStateException("compare exited " + exit);
        System.out.printf(Locale.ROOT, "round %d: %.2f s end to end, %,d bytes of csv%n", round, nanos / 1e9, out.bytes);
      }
    } finally {
      try (Stream<Path> files = Files.walk(dir)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  private static void run(String... args) {
    int exit = command(new Counting()).execute(args);
    if (exit != 0) throw new IllegalStateException(String.join(" ", args) + " exited " + exit);
  }

  private static CommandLine command(Counting out) {
    CommandLine cl = Downline.commandLine();
    cl.setOut(new PrintWriter(out, true));
    return cl;
  }

  /** Counts what the command prints, so that writing it costs what it costs without a file. */
  private static final class Counting extends OutputStream {
    long bytes;

    @Override
    public void write(int c) {
      bytes++;
    }

    @Override
    public void write(byte[] buf, int off, int len) {
      bytes += len;
    }
  }
}
