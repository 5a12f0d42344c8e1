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

  Scenario distributor(String id, String sponsor, String joinDate) {
    members.add(id + "," + (sponsor == null ? "" : sponsor) + ",distributor," + joinDate);
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
  record Outcome(int exit, String err, List<String> lines, List<String> summary, Path out) {}

  Outcome run(Path dir) {
    try {
      Files.createDirectories(dir);
      Path m = dir.resolve("members.csv");
      Path o = dir.resolve("orders.csv");
      Files.write(m, members);
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
