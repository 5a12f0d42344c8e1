package org.downline.cli;

import org.downline.core.NotFoundException;
import org.downline.core.InvalidInputException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.downline.core.Periods;
import org.downline.network.Network;
import org.downline.nextstep.Playbook;
import org.downline.nextstep.Recommendation;
import org.downline.nextstep.RecommendationRecord;
import org.downline.nextstep.Recommender;
import org.downline.playbook.PlaybookFile;
import org.downline.store.Database;
import org.downline.store.RecommendationStore;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code downline next-steps}: each member's next logical step with the reason (see docs/next-steps.md). */
@Command(
    name = "next-steps",
    mixinStandardHelpOptions = true,
    description =
        "The next logical step of a member (and, for a distributor, of their own customers and "
        + "first-level team), or of every member of one segment, with the figures that put them there.")
final class NextStepsCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  static final class Which {
    @Option(names = "--member", paramLabel = "ID", description = "One member (a distributor also sees their customers and first-level team).")
    String member;

    @Option(names = "--segment", paramLabel = "SEGMENT", description = "Every member of a segment, e.g. customers/1, no-first-sale.")
    String segment;

    @Option(names = "--issue", description = "Issue every member's next steps as of the date and record them in the database"
        + " (held-out members included, marked), replacing what was issued that day.")
    boolean issue;
  }

  @ArgGroup(exclusive = true, multiplicity = "1")
  Which which;

  @CommandLine.Mixin AsOfOption asOf;

  @Option(names = "--playbook", paramLabel = "FILE", description = "Playbook YAML (default: the bundled one).")
  Path playbook;

  @Option(names = "--ranks", paramLabel = "FILE", description = "Paid-as ranks, CSV member_id,rank (for the leaders segment).")
  Path ranks;

  @Option(names = "--plan", paramLabel = "PLAN", defaultValue = "demo",
      description = "Plan whose ranks are settled on the as-of month's PV when no --ranks file is given: a built-in plan (demo, ladder) or a plan file (default: ${DEFAULT-VALUE}).")
  String plan;

  @Option(names = "--include-holdout", description = "Also list the members held out (marked); they are not to be contacted.")
  boolean includeHoldout;

  @CommandLine.Mixin CompanySource source;

  @Override
  public Integer call() {
    int asOfDay = asOf.day();
    Playbook pb = playbook == null ? PlaybookFile.defaults() : PlaybookFile.read(playbook);
    FileInputs company = source.load();
    Network network = company.network();
    RanksFile.Ranks rk = RanksFile.resolve(ranks, plan, network, company.book(), asOfDay);
    Recommender recommender = Recommender.of(network, company.book(), asOfDay, pb, rk.rank(), rk.names());

    if (which.issue) return issue(recommender, asOfDay);
    Table t = new Table("member_id", "relation", "segment", "step", "title", "reason", "materials", "holdout");
    if (which.member != null) {
      int m = network.indexOf(which.member);
      if (m == Network.NONE) throw new NotFoundException("no member '" + which.member + "'");
      for (Recommendation r : recommender.forMember(m)) add(t, r, "self");
      for (Recommendation r : recommender.forTeam(m)) {
        add(t, r, network.isDistributor(r.member()) ? "team" : "customer");
      }
    } else if (which.segment != null) {
      if (!pb.steps().stream().anyMatch(s -> s.segment().equals(which.segment))) {
        throw InvalidInputException.parameter("--segment", "the playbook has no step for segment '" + which.segment + "' (it has: "
            + String.join(", ", pb.steps().stream().map(s -> s.segment()).toList()) + ")");
      }
      for (Recommendation r : recommender.forSegment(which.segment)) add(t, r, "");
    }
    PrintWriter out = spec.commandLine().getOut();
    if (source.format == OutputFormat.table) {
      out.println("Next steps as of " + Periods.formatDay(asOfDay) + (includeHoldout ? "" : " (holdout not shown)"));
    }
    Printed.print(t, source.format, out);
    return 0;
  }

  private int issue(Recommender recommender, int asOfDay) {
    List<RecommendationRecord> records = new ArrayList<>();
    for (Recommendation r : recommender.all()) records.add(RecommendationRecord.of(r, asOfDay));
    try (Database database = source.db.open()) {
      new RecommendationStore(database).replaceIssued(asOfDay, records);
    }
    long held = records.stream().filter(RecommendationRecord::holdout).count();
    spec.commandLine().getOut().println("issued " + records.size() + " next steps as of " + Periods.formatDay(asOfDay)
        + " (" + held + " held out)");
    return 0;
  }

  private void add(Table t, Recommendation r, String relation) {
    if (r.holdout() && !includeHoldout) return;
    t.row(r.memberId(), relation, r.segment(), r.step().step(), r.step().title(), r.reason(),
        String.join("; ", r.step().materials()), r.holdout() ? "yes" : "no");
  }
}
