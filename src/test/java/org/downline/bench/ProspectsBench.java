package org.downline.bench;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.downline.app.prospect.Actor;
import org.downline.app.prospect.Contacts;
import org.downline.app.prospect.Prospects;
import org.downline.app.prospect.TodayList;
import org.downline.playbook.PlaybookFile;
import org.downline.store.Database;

/**
 * The today list and the pipeline for one distributor with TARGET contacts, in a company of MEMBERS
 * members and CONTACTS contacts in all (docs/benchmarks.md, "## Prospects"). Usage:
 * {@code bench/run org.downline.bench.ProspectsBench DB_URL MEMBERS CONTACTS TARGET [RUNS]}; the
 * database must be empty (a fresh H2 file or PostgreSQL database). Every 10th member is a
 * distributor and owns contacts; the target distributor's contacts have an email each, a third a
 * 30-day cadence, a fifth are prospects across the stages, and a tenth have a follow-up. Prints the
 * median and 99th percentile of RUNS timed calls of each, after as many warm-up calls.
 */
public final class ProspectsBench {
  private ProspectsBench() {}

  public static void main(String[] args) throws Exception {
    String url = args[0];
    int members = Integer.parseInt(args[1]);
    long contacts = Long.parseLong(args[2]);
    int target = Integer.parseInt(args[3]);
    int runs = args.length > 4 ? Integer.parseInt(args[4]) : 50;
    LocalDate today = LocalDate.of(2026, 6, 1);
    try (Database db = Database.open(url)) {
      long t0 = System.nanoTime();
      fill(db, members, contacts, target, today);
      System.out.printf("filled %,d members, %,d contacts in %.1f s%n", members, contacts, (System.nanoTime() - t0) / 1e9);
      Actor owner = Actor.distributor("bench", "M0");
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

  static void fill(Database db, int members, long contacts, int target, LocalDate today) throws Exception {
    int distributors = Math.max(1, members / 10);
    SplittableRandom rnd = new SplittableRandom(16);
    try (Connection c = db.connection()) {
      c.setAutoCommit(false);
      try (PreparedStatement m = c.prepareStatement("INSERT INTO member (id, sponsor_id, kind, join_date) VALUES (?, ?, ?, ?)")) {
        for (int i = 0; i < members; i++) {
          m.setString(1, "M" + i);
          m.setString(2, i == 0 ? null : "M" + (rnd.nextInt(Math.min(i, distributors)) * (i < distributors ? 1 : 1)));
          m.setString(3, i < distributors ? "distributor" : "customer");
          m.setDate(4, Date.valueOf(today.minusDays(30 + rnd.nextInt(1000))));
          m.addBatch();
          if ((i + 1) % 10_000 == 0) {
            m.executeBatch();
            c.commit();
          }
        }
        m.executeBatch();
        c.commit();
      }
      // Sponsors above point at lower member numbers only, so every sponsor exists before its recruits.
      try (PreparedStatement k = c.prepareStatement("INSERT INTO contact (owner_id, name, name_key, tie, cadence_days, next_touch_due,"
          + " created_on) VALUES (?, ?, ?, ?, ?, ?, ?)");
          PreparedStatement ch = c.prepareStatement("INSERT INTO contact_channel (contact_id, owner_id, kind, address, normalised)"
              + " VALUES (?, ?, 'email', ?, ?)")) {
        long others = contacts - target;
        for (long i = 0; i < contacts; i++) {
          String owner = i < target ? "M0" : "M" + (1 + (i - target) % Math.max(1, distributors - 1));
          String name = "Contact " + i;
          k.setString(1, owner);
          k.setString(2, name);
          k.setString(3, "contact " + i);
          k.setString(4, List.of("close", "friend", "acquaintance").get((int) (i % 3)));
          boolean cadence = i % 3 == 0;
          if (cadence) k.setInt(5, 30);
          else k.setNull(5, java.sql.Types.INTEGER);
          if (cadence) k.setDate(6, Date.valueOf(today.minusDays(rnd.nextInt(60) - 30)));
          else k.setNull(6, java.sql.Types.DATE);
          k.setDate(7, Date.valueOf(today.minusDays(400)));
          k.addBatch();
          if ((i + 1) % 10_000 == 0 || i == contacts - 1) {
            k.executeBatch();
            c.commit();
          }
        }
        // The target's contacts are ids 1..target (identity from 1 on an empty database).
        for (long id = 1; id <= target; id++) {
          ch.setLong(1, id);
          ch.setString(2, "M0");
          ch.setString(3, "c" + id + "@example.com");
          ch.setString(4, "c" + id + "@example.com");
          ch.addBatch();
        }
        ch.executeBatch();
        c.commit();
        if (others < 0) throw new IllegalArgumentException("CONTACTS must be at least TARGET");
      }
      String[] stages = {"understanding", "exploring", "choosing"};
      try (PreparedStatement p = c.prepareStatement("INSERT INTO prospect (owner_id, contact_id, stage, opened_on) VALUES ('M0', ?, ?, ?)");
          PreparedStatement e = c.prepareStatement("INSERT INTO prospect_stage_entry (prospect_id, stage, entered_on) VALUES (?, ?, ?)");
          PreparedStatement f = c.prepareStatement("INSERT INTO follow_up (owner_id, contact_id, due_on, what) VALUES ('M0', ?, ?, 'call back')")) {
        long prospect = 0;
        for (long id = 1; id <= target; id++) {
          if (id % 5 == 0) {
            prospect++;
            String stage = stages[(int) (id % 3)];
            p.setLong(1, id);
            p.setString(2, stage);
            p.setDate(3, Date.valueOf(today.minusDays(90)));
            p.addBatch();
            e.setLong(1, prospect);
            e.setString(2, stage);
            e.setDate(3, Date.valueOf(today.minusDays(rnd.nextInt(90))));
            e.addBatch();
          }
          if (id % 10 == 0) {
            f.setLong(1, id);
            f.setDate(2, Date.valueOf(today.plusDays(rnd.nextInt(30) - 15)));
            f.addBatch();
          }
        }
        p.executeBatch();
        e.executeBatch();
        f.executeBatch();
        c.commit();
      }
    }
  }
}
