package org.downline.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.downline.nextstep.ConversionReport;
import org.downline.nextstep.DistributorSegments;
import org.downline.nextstep.NetworkHealth;
import org.downline.nextstep.Playbook;
import org.downline.nextstep.Recommendation;
import org.downline.nextstep.RecommendationRecord;
import org.downline.nextstep.Recommender;
import org.downline.nextstep.StepDetection;
import org.downline.playbook.PlaybookFile;

/**
 * The rest of the next-steps pipeline on the synthetic company, in memory: distributor segments,
 * every member's recommendations (as {@code next-steps --issue} makes them), step detection and
 * conversion over them, and network health.
 *
 * <pre>bench/run org.downline.bench.NextStepsBench [members=1000000] [ordersPerMember=8] [rounds=3]</pre>
 */
public final class NextStepsBench {
  public static void main(String[] args) {
    int members = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    int perMember = args.length > 1 ? Integer.parseInt(args[1]) : 8;
    int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
    SyntheticCompany c = SyntheticCompany.make(members, perMember, 42);
    System.out.printf(Locale.ROOT, "next-steps bench: %,d members, %,d orders; engine threads %d; max heap %,d MB%n", c.network.size(),
        c.book.size(), org.downline.commission.Cores.threads(), Runtime.getRuntime().maxMemory() >> 20);
    Playbook playbook = PlaybookFile.defaults();
    int asOf = SyntheticCompany.AS_OF;
    int issued = asOf - 90; // issue a quarter before the end, detect over the last quarter
    int[] ranks = new int[c.network.size()];
    for (int m = 0; m < ranks.length; m += 50) ranks[m] = 2; // every 50th member a silver, to have leaders
    for (int r = 1; r <= rounds; r++) {
      long t0 = System.nanoTime();
      DistributorSegments.compute(c.network, c.book, asOf, playbook.distributorRules(), ranks);
      long t1 = System.nanoTime();
      Recommender recommender = Recommender.of(c.network, c.book, issued, playbook, ranks, null);
      List<Recommendation> all = recommender.all();
      long t2 = System.nanoTime();
      List<RecommendationRecord> records = new ArrayList<>(all.size());
      for (Recommendation rec : all) records.add(RecommendationRecord.of(rec, issued));
      DistributorSegments later = DistributorSegments.compute(c.network, c.book, asOf, playbook.distributorRules(), ranks);
      int[] taken = new StepDetection(c.network, c.book, asOf, later).takenDays(records);
      ConversionReport report = ConversionReport.of(records, taken);
      long t3 = System.nanoTime();
      NetworkHealth.compute(c.network, c.book, asOf).company();
      long t4 = System.nanoTime();
      System.out.printf(Locale.ROOT,
          "round %d: distributor segments %.2f s; recommendations %.2f s (%,d, with history and segments); "
              + "detection + conversion %.2f s (%d rows); network health %.2f s%n",
          r, (t1 - t0) / 1e9, (t2 - t1) / 1e9, all.size(), (t3 - t2) / 1e9, report.rows().size(), (t4 - t3) / 1e9);
    }
  }
}
