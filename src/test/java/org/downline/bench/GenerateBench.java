package org.downline.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.Locale;
import java.util.stream.Stream;
import org.downline.csv.CompanyCsvWriter;
import org.downline.generate.Autoship;
import org.downline.generate.Campaign;
import org.downline.generate.CompanyGenerator;
import org.downline.generate.CompanySink;
import org.downline.network.MemberProfile;
import org.downline.network.MemberRow;
import org.downline.network.OrderLine;
import org.downline.network.OrderRow;
import org.downline.network.Product;

/**
 * Generate throughput: {@code bench/run org.downline.bench.GenerateBench [members] [months] [rounds]}.
 * Each round generates the company twice: into a sink that only counts (the generator's own cost)
 * and into CSV files in a temporary directory (what {@code downline generate --out} does). A main
 * class rather than JMH because one round is many seconds of streaming, not a hot loop; the first
 * round includes warm-up, so look at the later ones.
 */
public final class GenerateBench {
  private static final YearMonth START = YearMonth.of(2025, 11);
  private static final long SEED = 42;

  public static void main(String[] args) throws IOException {
    int members = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    int months = args.length > 1 ? Integer.parseInt(args[1]) : 12;
    int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
    System.out.printf(Locale.ROOT, "generate %,d members, %d months, seed %d, %s; %d cores, max heap %,d MB, %s%n",
        members, months, SEED, START, Runtime.getRuntime().availableProcessors(),
        Runtime.getRuntime().maxMemory() >> 20, System.getProperty("java.vm.version"));
    CompanyGenerator generator = new CompanyGenerator(members, months, SEED, START);
    for (int round = 1; round <= rounds; round++) {
      Counting counting = new Counting();
      long t0 = System.nanoTime();
      CompanyGenerator.Summary s = generator.generate(counting);
      long pure = System.nanoTime() - t0;
      report(round, "counting sink", pure, s, counting.orders, -1);
      if (round == 1) System.out.printf(Locale.ROOT, "  (%,d order lines)%n", counting.lines);

      Path dir = Files.createTempDirectory("downline-generate-bench");
      try {
        long t1 = System.nanoTime();
        try (CompanyCsvWriter csv = new CompanyCsvWriter(dir)) {
          generator.generate(csv);
        }
        long toCsv = System.nanoTime() - t1;
        long bytes;
        try (Stream<Path> files = Files.list(dir)) {
          bytes = files.mapToLong(p -> p.toFile().length()).sum();
        }
        report(round, "csv files", toCsv, s, counting.orders, bytes);
      } finally {
        try (Stream<Path> files = Files.walk(dir)) {
          files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
      }
    }
  }

  private static void report(int round, String what, long nanos, CompanyGenerator.Summary s, long orders, long bytes) {
    double sec = nanos / 1e9;
    System.out.printf(Locale.ROOT,
        "round %d %-13s %6.2f s  %,10.0f members/s  %,11.0f orders/s  (%,d members, %,d orders incl. %,d returns)%s%n",
        round, what, sec, s.members() / sec, orders / sec, s.members(), orders, s.returns(),
        bytes < 0 ? "" : String.format(Locale.ROOT, "  %,d bytes (%.0f MB/s)", bytes, bytes / sec / 1e6));
  }

  /** Counts rows and touches each so that nothing is optimised away. */
  private static final class Counting implements CompanySink {
    long orders;
    long lines;
    long members;
    long hash;

    @Override
    public void product(Product product) {}

    @Override
    public void campaign(Campaign campaign) {}

    @Override
    public void member(MemberRow member, MemberProfile profile) {
      members++;
      hash += member.joinDay() + profile.email().length();
    }

    @Override
    public void order(OrderRow order) {
      orders++;
      hash += order.pv();
    }

    @Override
    public void orderLine(OrderLine line) {
      lines++;
      hash += line.cv();
    }

    @Override
    public void autoship(Autoship autoship) {
      hash += autoship.items().size();
    }
  }
}
