package org.downline.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.downline.commission.Plan;
import org.downline.core.Progress;
import org.downline.disclosure.DisclosureCompany;
import org.downline.planfile.PlanFile;
import org.downline.app.commission.ClosePeriod;
import org.downline.app.commission.RunPeriod;
import org.downline.store.Database;
import org.downline.app.network.ImportFile;
import org.downline.web.security.Account;
import org.downline.web.security.UserStore;

/**
 * {@link DisclosureCompany} in an in-memory H2 database of its own, every period of 2025 run and
 * closed with its plan; logins "staff" (admin) and "sam" (distributor S).
 */
final class DisclosureTestDatabase {
  static final String URL = "jdbc:h2:mem:disclosureweb;DB_CLOSE_DELAY=-1";
  static final Account STAFF = new Account(TestCompany.ADMIN, "", Account.Role.ADMIN, null, true);
  static final Account SAM = new Account("sam", "", Account.Role.DISTRIBUTOR, "S", true);
  private static Database db;
  private static Path plan;

  private DisclosureTestDatabase() {}

  static synchronized String url() {
    if (db != null) return URL;
    try {
      Path dir = Files.createTempDirectory("disclosure-web");
      DisclosureCompany.write(dir);
      plan = dir.resolve("plan.yaml");
      db = Database.open(URL);
      ImportFile importer = new ImportFile(db, Progress.NONE);
      importer.importMembers(dir.resolve("members.csv"));
      importer.importOrders(dir.resolve("orders.csv"));
      Plan p = PlanFile.load(plan.toString());
      RunPeriod runs = new RunPeriod(db);
    ClosePeriod closes = new ClosePeriod(db);
      for (int m = 1; m <= 12; m++) {
        String period = String.format("2025-%02d", m);
        closes.close(period, runs.run(period, p, DisclosureCompany.PLAN, Progress.NONE).id());
      }
      UserStore users = new UserStore(db, new org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder(4));
      users.add(TestCompany.ADMIN, TestCompany.PASSWORD, Account.Role.ADMIN, null);
      users.add("sam", TestCompany.PASSWORD, Account.Role.DISTRIBUTOR, "S");
      return URL;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static synchronized String plan() {
    url();
    return plan.toString();
  }
}
