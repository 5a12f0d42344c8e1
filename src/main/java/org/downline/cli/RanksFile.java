package org.downline.cli;

import java.nio.file.Path;
import java.util.Locale;
import org.downline.core.InputErrors;
import org.downline.core.Progress;
import org.downline.csv.CsvInput;
import org.downline.network.Network;

/**
 * Paid-as ranks from a CSV file {@code member_id,rank}: the rank is a number or a name of the demo
 * plan (member, bronze, silver, gold, platinum). Until the commission run's ranks are stored, this
 * is how leaders are known; members not in the file have rank 0.
 */
final class RanksFile {
  static final String[] DEMO_RANKS = {"member", "bronze", "silver", "gold", "platinum"};

  private RanksFile() {}

  static int[] read(Path path, Network network) {
    if (path == null) return null;
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
      for (int k = 0; k < DEMO_RANKS.length; k++) if (DEMO_RANKS[k].equals(t)) value = k;
      if (value < 0) {
        try {
          value = Integer.parseInt(t);
        } catch (NumberFormatException e) {
          value = -1;
        }
      }
      if (value < 0) {
        r.error("rank", "'" + text + "' is not a rank (a number or member, bronze, silver, gold, platinum)");
        return;
      }
      rank[m] = value;
    });
    errors.throwIfAny();
    return rank;
  }
}
