package org.downline.web;

import java.util.ArrayList;
import java.util.List;
import org.downline.store.CommissionStore;
import org.downline.store.Database;

/**
 * A stored run of January 2026 in which Ben (member B) earns 121 lines, written line by line so the
 * totals can be worked by hand (the pay pages read a run as stored, whatever computed it):
 * <pre>
 *   customer          level 0:   5 lines x 2.00 (orders OC1..OC5, members C1..C5)      =  10.00
 *   rank_advancement  level 0:   1 line, no source                                       =  25.00
 *   unilevel          level 1:  60 lines x 1.00 (orders OU001..OU060, members S01..S20,
 *                               each 3 times: line i from S((i-1) mod 20 + 1))           =  60.00
 *   unilevel          level 2:  55 lines x 0.50 (orders OV001..OV055, members T01..T55)  =  27.50
 *   unilevel: 115 lines, 87.50; Ben in all: 121 lines, 122.50 (3 pages of 50: 50, 50, 21)
 * </pre>
 * Alice (A) has one unilevel line of 3.00 from S07, which Ben's search for S07 must not find.
 */
final class TopEarnerRun {
  static final String PERIOD = "2026-01";

  private TopEarnerRun() {}

  static long store(Database db) {
    List<CommissionStore.LineRow> lines = new ArrayList<>();
    for (int i = 1; i <= 5; i++) lines.add(new CommissionStore.LineRow("B", "customer", 200, "OC" + i, "C" + i, 0));
    lines.add(new CommissionStore.LineRow("B", "rank_advancement", 2500, null, null, 0));
    for (int i = 1; i <= 60; i++) {
      lines.add(new CommissionStore.LineRow("B", "unilevel", 100, String.format("OU%03d", i), String.format("S%02d", (i - 1) % 20 + 1), 1));
    }
    for (int i = 1; i <= 55; i++) {
      lines.add(new CommissionStore.LineRow("B", "unilevel", 50, String.format("OV%03d", i), String.format("T%02d", i), 2));
    }
    lines.add(new CommissionStore.LineRow("A", "unilevel", 300, "OX1", "S07", 1));
    String sha = "0".repeat(64);
    return new CommissionStore(db).insert(new CommissionStore.NewRun(PERIOD, "demo", "1", sha, sha, sha, lines, List.of()));
  }
}
