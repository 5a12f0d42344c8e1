package org.downline.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.downline.app.network.ImportFile;
import org.downline.core.Progress;
import org.downline.store.BothDatabases;
import org.downline.store.Database;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A member's orders of one month, as my month and the API list them (read by date range, not by the
 * period column): the month's first and last days are in, the days either side are not.
 */
class MemberOrdersTest {
  @BothDatabases
  void aMembersOrdersOfAMonthAreThoseDatedInIt(Database db) throws Exception {
    TestCompany.load(db);
    Path dir = Files.createTempDirectory("member-orders");
    Path orders = dir.resolve("orders.csv");
    Files.writeString(orders, "id,member_id,date,pv,cv,total,return_of\n"
        + "X1,E,2026-04-30,10,8,12,\nX2,E,2026-05-01,11,8,12,\nX3,E,2026-05-31,12,8,12,\nX4,E,2026-06-01,13,8,12,\n"
        + "X5,D,2026-05-15,14,8,12,\n");
    new ImportFile(db, Progress.NONE).importOrders(orders);
    MemberDirectory directory = new MemberDirectory(JdbcClient.create(db.dataSource()));
    Page<MemberDirectory.OrderView> may = directory.orders("E", "2026-05", 1, 20);
    assertThat(may.total()).isEqualTo(2);
    assertThat(may.items()).extracting(MemberDirectory.OrderView::id).containsExactly("X3", "X2"); // newest first
    assertThat(may.items()).extracting(MemberDirectory.OrderView::period).containsOnly("2026-05");
    assertThat(directory.orders("E", "2026-05", 2, 1).items()).extracting(MemberDirectory.OrderView::id).containsExactly("X2");
    assertThat(directory.orders("E", "2026-06", 1, 20).items()).extracting(MemberDirectory.OrderView::id).containsExactly("X4");
    // Without a member the period column still chooses: every member's orders of May.
    assertThat(directory.orders(null, "2026-05", 1, 20).items()).extracting(MemberDirectory.OrderView::id)
        .containsExactlyInAnyOrder("X2", "X3", "X5");
  }
}
