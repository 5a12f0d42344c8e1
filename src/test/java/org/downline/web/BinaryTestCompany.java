package org.downline.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.downline.app.commission.RunPeriod;
import org.downline.app.network.ImportFile;
import org.downline.core.Progress;
import org.downline.planfile.PlanFile;
import org.downline.store.Database;
import org.downline.web.security.Account;
import org.downline.web.security.UserStore;

/**
 * The binary company of the web tests (the company of PlanComparisonTest, whose figures are worked
 * there, plus two recruits in the holding tank), in an in-memory H2 database of its own per name,
 * with October 2026 run under {@code binary} and the logins "staff" (admin) and "ben" (member B).
 *
 * <pre>
 *   placement tree                          holding tank (sponsor)
 *   R ── left A ── left C (customer K)      F (A), joined 2026-10-20
 *     │        └─ right D                   G (B), joined 2026-10-21
 *     └─ right B ── left E (sponsor R)
 *                └─ right: free
 * </pre>
 *
 * October 2026, binary, by hand: R left = A 3000 + C 100 + K 50 + D 200 = 3350, right = B 500 + E 2000 =
 * 2500; R sponsored A (left) and B and E (right), all Active: qualified, paired 2500, carry out
 * 3350 - 2500 = 850 left, 0 right; pay 10% x 2500 = 250.00 (ruby, cap 500). A left = C 100 + K 50 = 150,
 * right = D 200: paired 150, carry out 0 left, 50 right. B left = E 2000, right 0: B sponsored
 * nobody placed, not qualified, carry out 2000 left.
 */
final class BinaryTestCompany {
  static final String MEMBERS = """
      id,sponsor_id,kind,join_date,placement_id,position,name
      R,,distributor,2026-01-01,,,Rita Root
      A,R,distributor,2026-01-01,R,left,Ann Left
      B,R,distributor,2026-01-01,R,right,Ben Blue
      C,A,distributor,2026-01-01,A,left,Cal Cole
      D,A,distributor,2026-01-01,A,right,Dee Dale
      E,R,distributor,2026-01-01,B,left,Eve Spill
      K,C,customer,2026-01-01,,,Kim Kay
      F,A,distributor,2026-10-20,,,Fay Wait
      G,B,distributor,2026-10-21,,,Gus Wait
      """;

  static final String ORDERS = """
      id,member_id,date,pv,cv,return_of
      oR,R,2026-10-02,100,100,
      oA,A,2026-10-02,100,3000,
      oB,B,2026-10-02,100,500,
      oC,C,2026-10-02,100,100,
      oD,D,2026-10-02,100,200,
      oE,E,2026-10-02,100,2000,
      oK,K,2026-10-03,50,50,
      """;

  private static final Map<String, Database> OPEN = new HashMap<>();

  private BinaryTestCompany() {}

  static synchronized String url(String name) {
    String url = "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1";
    OPEN.computeIfAbsent(name, n -> {
      Database db = Database.open(url);
      load(db);
      return db;
    });
    return url;
  }

  static void load(Database db) {
    try {
      Path dir = Files.createTempDirectory("binary-web");
      ImportFile importer = new ImportFile(db, Progress.NONE);
      importer.importMembers(Files.writeString(dir.resolve("members.csv"), MEMBERS));
      importer.importOrders(Files.writeString(dir.resolve("orders.csv"), ORDERS));
      new RunPeriod(db).run("2026-10", PlanFile.builtIn("binary"), PlanFile.source("binary"), Progress.NONE);
      UserStore users = new UserStore(db, new org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder(4));
      users.add(TestCompany.ADMIN, TestCompany.PASSWORD, Account.Role.ADMIN, null);
      users.add(TestCompany.BEN, TestCompany.PASSWORD, Account.Role.DISTRIBUTOR, "B");
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
