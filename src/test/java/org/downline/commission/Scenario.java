package org.downline.commission;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.downline.cli.Downline;
import picocli.CommandLine;

/**
 * A small company written as CSV rows, computed through the real command line
 * ({@code downline commissions compute}) so that tests check the files a user gets.
 */
final class Scenario {
  final List<String> members = new ArrayList<>(List.of("id,sponsor_id,kind,join_date"));
  final List<String> orders = new ArrayList<>(List.of("id,member_id,date,pv,cv,return_of"));
  String plan = "demo";
  /** Set once a row names a placement: the members file then has placement_id,position columns. */
  private boolean placement;

  Scenario distributor(String id, String sponsor, String joinDate) {
    members.add(id + "," + (sponsor == null ? "" : sponsor) + ",distributor," + joinDate);
    return this;
  }

  /** A distributor placed at {@code side} ("left"/"right") under {@code parent} in the placement tree. */
  Scenario placed(String id, String sponsor, String joinDate, String parent, String side) {
    placement = true;
    members.add(id + "," + sponsor + ",distributor," + joinDate + "," + parent + "," + side);
    return this;
  }

  Scenario customer(String id, String sponsor, String joinDate) {
    members.add(id + "," + sponsor + ",customer," + joinDate);
    return this;
  }

  Scenario sale(String id, String member, String date, String pv, String cv) {
    orders.add(id + "," + member + "," + date + "," + pv + "," + cv + ",");
    return this;
  }

  Scenario ret(String id, String member, String date, String pv, String cv, String saleId) {
    orders.add(id + "," + member + "," + date + "," + pv + "," + cv + "," + saleId);
    return this;
  }

  Scenario plan(String plan) {
    this.plan = plan;
    return this;
  }

  /** The outcome of one run: exit status, error text and the two files (without headers), or nulls. */
  record Outcome(int exit, String err, List<String> lines, List<String> summary, Path out) {
    /** legs.csv without its header, or null when it was not written. */
    List<String> legs() {
      return body(out.resolve("legs.csv"));
    }

    /** The header of summary.csv. */
    String summaryHeader() {
      try {
        return Files.readAllLines(out.resolve("summary.csv")).get(0);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  static List<String> body(Path file) {
    try {
      if (!Files.exists(file)) return null;
      List<String> all = Files.readAllLines(file);
      return all.subList(1, all.size());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  Outcome run(Path dir) {
    try {
      Files.createDirectories(dir);
      Path m = dir.resolve("members.csv");
      Path o = dir.resolve("orders.csv");
      List<String> rows = members;
      if (placement) {
        rows = new ArrayList<>();
        rows.add(members.get(0) + ",placement_id,position");
        for (String r : members.subList(1, members.size())) rows.add(r.split(",", -1).length == 4 ? r + ",," : r);
      }
      Files.write(m, rows);
      Files.write(o, orders);
      Path out = dir.resolve("out");
      StringWriter err = new StringWriter();
      CommandLine cl = Downline.commandLine();
      cl.setErr(new PrintWriter(err, true));
      cl.setOut(new PrintWriter(new StringWriter(), true));
      int exit = cl.execute("commissions", "compute", "--quiet", "--plan", plan, "--members", m.toString(), "--orders",
          o.toString(), "--out", out.toString());
      List<String> lines = null;
      List<String> summary = null;
      if (Files.exists(out.resolve("lines.csv"))) {
        List<String> all = Files.readAllLines(out.resolve("lines.csv"));
        lines = all.subList(1, all.size());
      }
      if (Files.exists(out.resolve("summary.csv"))) {
        List<String> all = Files.readAllLines(out.resolve("summary.csv"));
        summary = all.subList(1, all.size());
      }
      return new Outcome(exit, err.toString(), lines, summary, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
