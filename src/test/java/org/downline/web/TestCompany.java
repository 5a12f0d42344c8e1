package org.downline.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.downline.core.Progress;
import org.downline.store.Database;
import org.downline.app.network.ImportFile;
import org.downline.web.security.Account;
import org.downline.web.security.UserStore;

/**
 * The small company every web test works on (src/test/resources/web/*.csv), imported once per JVM
 * into an in-memory H2 database, with logins: admin "staff", distributor "ben" (member B, whose
 * organisation is B, D and customer E) and distributor "hal" (member H, another organisation).
 *
 * <pre>
 *   A (dist) ── B (dist) ── D (dist)          H (dist) ── I (dist)
 *            │           └─ E (customer)               └─ J (customer)
 *            └─ C (dist) ── G (dist)
 * </pre>
 *
 * February 2026, worked by hand from orders.csv:
 * PV: A 100; B 50 + E's 30 - E's return 10 = 70; D 40; C 0; G 0 (a 0-PV sale); H 200 + J's 20 = 220; I 0.
 * GV: D 40; B 70 + 40 = 110; G 0; C 0; A 100 + 110 + 0 = 210; H 220.
 * Revenue 120 + 60 + 35 + 50 - 12 + 240 + 25 + 10 = 528.00; CV 80 + 40 + 25 + 30 - 5 + 150 + 15 = 335.00;
 * 7 sales, 1 return; Active distributors (the demo plan: PV >= 100): A (100), H (220) = 2; new distributors D, G, I = 3;
 * new customers E, J = 2.
 */
public final class TestCompany {
  public static final String PASSWORD = "correct-horse-battery";
  public static final String ADMIN = "staff";
  public static final String BEN = "ben";
  public static final String HAL = "hal";

  private static String url;
  private static Database db;

  private TestCompany() {}

  public static synchronized String h2Url() {
    if (url == null) {
      url = "jdbc:h2:mem:webtest;DB_CLOSE_DELAY=-1";
      db = Database.open(url);
      load(db);
    }
    return url;
  }

  /** Imports the company and makes the logins. */
  public static void load(Database database) {
    try {
      Path dir = Files.createTempDirectory("web-test");
      ImportFile importer = new ImportFile(database, Progress.NONE);
      importer.importMembers(copy(dir, "members.csv"));
      importer.importOrders(copy(dir, "orders.csv"));
      importer.importProducts(copy(dir, "products.csv"));
      UserStore users = new UserStore(database, new org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder(4));
      users.add(ADMIN, PASSWORD, Account.Role.ADMIN, null);
      users.add(BEN, PASSWORD, Account.Role.DISTRIBUTOR, "B");
      users.add(HAL, PASSWORD, Account.Role.DISTRIBUTOR, "H");
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  public static Path copy(Path dir, String name) throws IOException {
    try (InputStream in = TestCompany.class.getResourceAsStream("/web/" + name)) {
      Path p = dir.resolve(name);
      Files.copy(in, p);
      return p;
    }
  }
}
