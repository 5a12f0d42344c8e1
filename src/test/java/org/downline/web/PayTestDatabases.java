package org.downline.web;

import java.util.HashMap;
import java.util.Map;
import org.downline.store.Database;

/**
 * {@link TestCompany} in in-memory H2 databases of their own, one per name, for the commission
 * tests: they run and close periods, which must not leak into the other web tests' database.
 */
final class PayTestDatabases {
  private static final Map<String, Database> OPEN = new HashMap<>();

  private PayTestDatabases() {}

  /** The database behind {@link #url(String)} of that name (opened by it first). */
  static synchronized Database database(String name) {
    url(name);
    return OPEN.get(name);
  }

  static synchronized String url(String name) {
    String url = "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1";
    OPEN.computeIfAbsent(name, n -> {
      Database db = Database.open(url);
      TestCompany.load(db);
      return db;
    });
    return url;
  }
}
