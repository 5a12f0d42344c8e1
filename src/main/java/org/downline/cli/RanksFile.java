package org.downline.cli;

import java.nio.file.Path;
import java.util.Locale;
import org.downline.commission.Plan;
import org.downline.core.InputErrors;
import org.downline.core.Progress;
import org.downline.csv.CsvInput;
import org.downline.network.Network;
import org.downline.network.OrderBook;
import org.downline.nextstep.PaidAsRanks;
import org.downline.planfile.PlanFile;

/**
 * Paid-as ranks for the leaders segment and rank goals: from a CSV file {@code member_id,rank} (a
 * rank number or name; members not in the file have rank 0) when one is given, else settled by the
 * plan ({@code --plan}, default demo) on the PV of the as-of month.
 */
final class RanksFile {
  record Ranks(int[] rank, String[] names) {}

  private RanksFile() {}

  static Ranks resolve(Path file, String planName, Network network, OrderBook book, int asOf) {
    Plan plan = PlanFile.load(planName == null ? "demo" : planName);
    String[] names = PaidAsRanks.names(plan);
    return new Ranks(file != null ? read(file, network, names) : PaidAsRanks.ofMonth(network, book, asOf, plan), names);
  }

  static int[] read(Path path, Network network, String[] names) {
    InputErrors errors = new InputErrors();
    int[] rank = new int[network.size()];
    new CsvInput(path, errors, Progress.NONE).read("ranks", new String[] {"member_id", "rank"}, r -> {
      String id = r.required("member_id");
      String text = r.required("rank");
      if (r.bad()) return;
      int m = network.indexOf(id);
      if (m == Network.NONE) {
        r.error("member_id", "unknown member '" + id + "'");
        return;
      }
      int value = -1;
      String t = text.toLowerCase(Locale.ROOT);
      for (int k = 0; k < names.length; k++) if (names[k].toLowerCase(Locale.ROOT).equals(t)) value = k;
      if (value < 0) {
        try {
          value = Integer.parseInt(t);
        } catch (NumberFormatException e) {
          value = -1;
        }
      }
      if (value < 0) {
        r.error("rank", "'" + text + "' is not a rank (a number or " + String.join(", ", names) + ")");
        return;
      }
      rank[m] = value;
    });
    errors.throwIfAny();
    return rank;
  }
}
