package org.downline.web;

import java.math.BigDecimal;
import java.util.Map;
import org.downline.app.payout.Payouts;
import org.downline.store.Database;

/**
 * A payout batch waiting for approval, in a {@link PayTestDatabases} database of its own: B is owed
 * 50.00 and C 30.00 (adjustments for 2026-01), both with payout details; a payout through 2026-01 at
 * a minimum of 25.00 pays both: one batch of two lines, 80.00 in all.
 */
final class PayoutsToSettle {
  private PayoutsToSettle() {}

  static final String IBAN = "DE89370400440532013000";
  private static final Map<String, Long> BATCH = new java.util.HashMap<>();

  /** The database's URL; the batch is made once per database. */
  static synchronized String url(String name) {
    String url = PayTestDatabases.url(name);
    if (!BATCH.containsKey(name)) {
      try (Database db = Database.open(url)) {
        Payouts p = new Payouts(db);
        p.adjust("B", 5000, "2026-01", "welcome bonus agreed by phone", null, "setup");
        p.adjust("C", 3000, "2026-01", "event prize", null, "setup");
        p.details("B", "Ben B", IBAN, null, "setup");
        p.details("C", "Cara C", IBAN, null, "setup");
        BATCH.put(name, p.run("2026-01", 2500, Map.<String, BigDecimal>of(), "setup").batch().orElseThrow().id());
      }
    }
    return url;
  }

  static synchronized long batch(String name) {
    url(name);
    return BATCH.get(name);
  }
}
