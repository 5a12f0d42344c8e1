package org.downline.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.downline.app.network.ImportFile;
import org.downline.app.prospect.Actor;
import org.downline.app.prospect.Contacts;
import org.downline.app.prospect.ProspectingImport;
import org.downline.app.prospect.Prospects;
import org.downline.app.prospect.TodayList;
import org.downline.core.Progress;
import org.downline.csv.CompanyCsvWriter;
import org.downline.csv.ProspectingCsvWriter;
import org.downline.generate.CompanyGenerator;
import org.downline.generate.DistributorIds;
import org.downline.generate.ProspectingGenerator;
import org.downline.generate.TeeSink;
import org.downline.playbook.PlaybookFile;
import org.downline.store.Database;

/**
 * The today list and the pipeline for one distributor with TARGET contacts, in a company of MEMBERS
 * members and CONTACTS contacts in all (docs/benchmarks.md, "## Prospects"). Usage:
 * {@code bench/run org.downline.bench.ProspectsBench DB_URL MEMBERS CONTACTS TARGET [RUNS [reuse]]}; the
 * database must be empty (a fresh H2 file or PostgreSQL database). The company is generated
 * ({@link #fill}): the founder is the target, with TARGET contacts; prints how long the fill took,
 * then the median and 99th percentile of RUNS timed calls of each read, after as many warm-up calls.
 */
public final class ProspectsBench {
  /** The target distributor: the founder, the first distributor generated. */
  static final String OWNER = "M0000001";

  private ProspectsBench() {}

  public static void main(String[] args) throws Exception {
    String url = args[0];
    int members = Integer.parseInt(args[1]);
    long contacts = Long.parseLong(args[2]);
    int target = Integer.parseInt(args[3]);
    int runs = args.length > 4 ? Integer.parseInt(args[4]) : 50;
    try (Database db = Database.open(url)) {
      long t0 = System.nanoTime();
      // A sixth argument "reuse": the database was filled by an earlier run with the same figures; time the reads only.
      LocalDate today = args.length > 5 && args[5].equals("reuse") ? LocalDate.of(2026, 5, 31) : fill(db, members, contacts, target);
      System.out.printf("filled %,d members, %,d contacts in %.1f s%n", members, contacts, (System.nanoTime() - t0) / 1e9);
      Actor owner = Actor.distributor("bench", OWNER);
      TodayList todayList = new TodayList(db, PlaybookFile.defaults());
      Prospects prospects = new Prospects(db);
      Contacts list = new Contacts(db);
      time("today list", runs, () -> todayList.today(owner, today).size());
      time("pipeline", runs, () -> prospects.pipeline(owner).byStage().size());
      time("relationships list", runs, () -> list.list(owner, null).size());
    }
  }

  interface Call {
    int run();
  }

  static void time(String what, int runs, Call call) {
    int size = 0;
    for (int i = 0; i < runs; i++) size = call.run();
    long[] ns = new long[runs];
    for (int i = 0; i < runs; i++) {
      long s = System.nanoTime();
      call.run();
      ns[i] = System.nanoTime() - s;
    }
    Arrays.sort(ns);
    System.out.printf("%-20s %6d rows  p50 %7.2f ms  p99 %7.2f ms%n", what, size, ns[(runs + 1) / 2 - 1] / 1e6,
        ns[Math.min(runs - 1, (int) Math.ceil(runs * 0.99) - 1)] / 1e6);
  }

  /**
   * The company through the generator and the importers, as {@code downline generate
   * --contacts-per-distributor} makes it: members and a year of orders (so the target has customers
   * to care for), then {@link ProspectingGenerator}'s prospecting, TARGET contacts for the first
   * distributor (the founder, {@link #OWNER}) and the rest of CONTACTS shared among the others,
   * written as the prospecting files and imported in bulk (COPY on PostgreSQL). Returns the day the
   * prospecting was made as of.
   */
  static LocalDate fill(Database db, int members, long contacts, int target) throws Exception {
    if (contacts < target) throw new IllegalArgumentException("CONTACTS must be at least TARGET");
    YearMonth end = YearMonth.of(2026, 6);
    CompanyGenerator generator = new CompanyGenerator(members, 12, 16, CompanyGenerator.startBefore(end, 12));
    Path dir = Files.createTempDirectory("prospects-bench");
    try {
      List<String> distributors = new ArrayList<>();
      CompanyGenerator.Summary s;
      try (CompanyCsvWriter csv = new CompanyCsvWriter(dir)) {
        s = generator.generate(new TeeSink(csv, new DistributorIds(distributors)), Progress.NONE);
      }
      LocalDate today = LocalDate.ofEpochDay(s.endDay() - 1);
      long t = System.nanoTime();
      ProspectingGenerator prospecting = new ProspectingGenerator(16, today);
      long others = distributors.size() > 1 ? (contacts - target) / (distributors.size() - 1) : 0;
      try (ProspectingCsvWriter files = new ProspectingCsvWriter(dir)) {
        for (int d = 0; d < distributors.size(); d++) {
          prospecting.forDistributor(distributors.get(d), d == 0 ? target : (int) others, files);
        }
      }
      System.out.printf("generated the prospecting files (%,d distributors, %,d contacts each besides %s) in %.1f s%n",
          distributors.size(), others, OWNER, (System.nanoTime() - t) / 1e9);
      t = System.nanoTime();
      new ImportFile(db, Progress.NONE).importDirectory(dir);
      System.out.printf("imported the company in %.1f s%n", (System.nanoTime() - t) / 1e9);
      t = System.nanoTime();
      System.out.println(new ProspectingImport(db, Progress.NONE).importDirectory(dir));
      System.out.printf("imported the prospecting in %.1f s%n", (System.nanoTime() - t) / 1e9);
      return today;
    } finally {
      try (var files = Files.walk(dir)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }
}
