package org.downline.app.strategy;

import java.util.List;
import org.downline.store.Database;
import org.downline.store.TacticStore;
import org.downline.strategy.Tactic;

/** The tactic report's use cases over the stored data. */
public final class TacticReports {
  private TacticReports() {}

  /** Every stored tactic (the campaign codes), in code order. */
  public static List<Tactic> tactics(Database db) {
    return new TacticStore(db).load();
  }
}
