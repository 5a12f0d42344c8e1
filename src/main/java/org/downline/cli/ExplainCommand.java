package org.downline.cli;

import org.downline.core.InvalidInputException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.downline.app.commission.ExplainMember;
import org.downline.commission.Explanation;
import org.downline.commission.Plan;
import org.downline.core.Decimals;
import org.downline.core.Periods;
import org.downline.core.Progress;
import org.downline.planfile.PlanFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code downline commissions explain}: a distributor's volumes, legs, rank and why, and every line of pay. */
@Command(
    name = "explain",
    mixinStandardHelpOptions = true,
    description = {"Explain a distributor's pay in a period: volumes, legs, rank and why, every line, next rank.",
        "From files with --members and --orders, else from the database (closed periods as locked)."})
final class ExplainCommand implements Callable<Integer> {
  @Option(names = "--member", required = true, description = "member id")
  String member;

  @Option(names = "--period", required = true, description = "period YYYY-MM")
  String period;

  @Option(names = "--plan", defaultValue = "demo", description = "a built-in plan (demo, ladder, binary) or a plan file (default: demo)")
  String plan;

  @Option(names = "--members", description = "members.csv (file mode, with --orders)")
  Path members;

  @Option(names = "--orders", description = "orders.csv (file mode, with --members)")
  Path orders;

  @picocli.CommandLine.Mixin DatabaseOption db;

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    InvalidInputException.period("--period", period);
    Plan pl = PlanFile.load(plan);
    if ((members == null) != (orders == null)) throw InvalidInputException.parameter("--members", "give both --members and --orders, or neither (database)");
    if (members == null) {
      try (org.downline.store.Database database = db.open()) {
        print(ExplainMember.fromDatabase(database, period, pl, member, "--member"), spec.commandLine().getOut());
        return 0;
      }
    }
    FileInputs in = FileInputs.read(members, orders, Progress.NONE);
    print(ExplainMember.fromFiles(in.network(), in.book(), pl, period, member, members.getFileName().toString(), "--member"),
        spec.commandLine().getOut());
    return 0;
  }

  static void print(Explanation e, PrintWriter out) {
    out.printf("%s in %s: rank %s, %s%n", e.memberId(), e.period(), e.rank(), e.active() ? "Active" : "not Active");
    out.printf("  PV %s  GV %s%n", Decimals.format(e.pv()), Decimals.format(e.gv()));
    out.println("Legs:");
    if (e.legs().isEmpty()) out.println("  (none)");
    for (Explanation.Leg l : e.legs()) {
      StringBuilder sb = new StringBuilder("  ").append(l.headId()).append(": GV ").append(Decimals.format(l.gv()));
      for (Explanation.CappedVolume c : l.capped()) {
        sb.append(", counts ").append(Decimals.format(c.counted())).append(" under cap ").append(Decimals.format(c.legCap()));
      }
      sb.append(", highest rank in leg ").append(l.highestRank());
      out.println(sb);
    }
    if (e.placement() != null) {
      Explanation.Placement pl = e.placement();
      out.println("Placement legs:");
      for (Explanation.Side s : pl.sides()) {
        out.printf("  %-5s (head %s): carry in %s, new %s, returned %s: volume %s; paired %s; carry out %s%n", s.side(),
            s.headId() == null ? "-" : s.headId(), Decimals.format(s.carryIn()), Decimals.format(s.added()),
            Decimals.format(s.returned()), Decimals.format(s.volume()), Decimals.format(s.paired()), Decimals.format(s.carryOut()));
      }
      out.println("  " + pl.reason());
      out.println(pl.qualified() ? "  paired " + Decimals.format(pl.paired()) + " (the lesser leg, used up in full)" : "  nothing paired");
    }
    out.println("Ranks:");
    for (Explanation.RankCheck r : e.ranks()) {
      out.printf("  %-12s %s%n", r.rank(), r.qualifies() ? "qualifies" : "does not qualify");
      for (Explanation.Check c : r.checks()) out.println("      " + c.describe());
    }
    out.println("Lines:");
    if (e.lines().isEmpty()) out.println("  (none)");
    for (Explanation.LineDetail l : e.lines()) {
      out.printf("  %-16s %10s  order %s by %s, level %d%s%n      %s%n", l.bonus(), Decimals.format(l.amount()),
          l.sourceOrderId() == null ? "-" : l.sourceOrderId(), l.sourceMemberId() == null ? "-" : l.sourceMemberId(),
          l.level(), l.rate() == null ? "" : ", rate " + l.rate(), l.rule());
    }
    out.printf("  total %s%n", Decimals.format(e.total()));
    if (e.nextRank() == null) {
      out.println("Next rank: none (highest rank)");
    } else {
      out.println("Next rank: " + e.nextRank().rank());
      for (Explanation.Missing ms : e.nextRank().missing()) out.println("  " + ms.describe());
    }
    out.flush();
  }

  /** The engine refuses a customer (no ranks, no pay): the caller named the wrong member. */
}
