package org.downline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** report distributors, impact and health on a hand-made pair of files. */
class ReportCommandsTest {
  @TempDir Path dir;

  String[] files() throws IOException {
    Path members = Files.writeString(dir.resolve("members.csv"), """
        id,sponsor_id,kind,join_date
        A,,distributor,2024-01-01
        B,A,distributor,2024-01-01
        C1,A,customer,2024-01-01
        C2,A,customer,2024-01-01
        C3,B,customer,2024-01-01
        """);
    Path orders = Files.writeString(dir.resolve("orders.csv"), """
        id,member_id,date,pv,cv,return_of,total
        o1,C1,2025-06-01,100,80,,50.00
        o2,C2,2025-05-01,20,16,,20.00
        o3,C2,2025-06-01,20,16,,30.00
        o4,B,2025-06-10,60,50,,60.00
        """);
    return new String[] {"--as-of", "2025-06-30", "--format", "csv", "--members", members.toString(), "--orders", orders.toString()};
  }

  static String[] args(String[] head, String[] tail) {
    String[] all = new String[head.length + tail.length];
    System.arraycopy(head, 0, all, 0, head.length);
    System.arraycopy(tail, 0, all, head.length, tail.length);
    return all;
  }

  @Test
  void distributors() throws IOException {
    Path ranks = Files.writeString(dir.resolve("ranks.csv"), "member_id,rank\nA,silver\n");
    Cli r = Cli.run(args(new String[] {"report", "distributors", "--ranks", ranks.toString()}, files()));
    assertThat(r.err()).isEmpty();
    // June PV: A = C1 100 + C2 20 = 120 (active); B = 60 + nothing from C3 = 60 (not active).
    // May: A = 20. So A active 1 month, B none.
    assertThat(r.out()).startsWith("group,segment,members,leaders_developed\nmonths-active,0,1,\nmonths-active,1,1,\n");
    // B: no customer sale (C3 never ordered), sponsored nobody; A is a silver leader with no leader below
    assertThat(r.out()).contains("no-first-sale,no-first-sale,1,\nsponsored-nobody,sponsored-nobody,1,\n"
        + "wide-not-deep,wide-not-deep,0,\nleaders,silver,1,0\n");
  }

  @Test
  void leadersFromTheDemoPlanWhenNoRanksAreGiven() throws IOException {
    Path members = Files.writeString(dir.resolve("m.csv"), """
        id,sponsor_id,kind,join_date
        A,,distributor,2024-01-01
        B,A,distributor,2024-01-01
        C,A,distributor,2024-01-01
        """);
    Path orders = Files.writeString(dir.resolve("o.csv"), """
        id,member_id,date,pv,cv,return_of,total
        a,A,2025-06-02,1000,800,,1000.00
        b,B,2025-06-03,500,400,,500.00
        c,C,2025-06-04,500,400,,500.00
        """);
    Cli r = Cli.run("report", "distributors", "--as-of", "2025-06-30", "--format", "csv", "--members", members.toString(),
        "--orders", orders.toString());
    assertThat(r.err()).isEmpty();
    // June: B and C bronze (PV 500, GV 500); A GV 2000 with two bronze legs: silver, a leader who
    // has developed no leader (bronze is below the leader rank).
    assertThat(r.out()).endsWith("leaders,silver,1,0\n");
  }

  @Test
  void impactAtAGivenRate() throws IOException {
    Cli r = Cli.run(args(new String[] {"report", "impact", "--rate", "10"}, files()));
    assertThat(r.err()).isEmpty();
    // Customers: C1 1 order 50.00 (segment 1), C2 2 orders 50.00 (2-3), C3 lapsed.
    // 1 -> 2-3: 1 x 10% x (50 - 50) = 0.00; 2-3 -> 4-6: nobody in 4-6, 0.00;
    // lapsed -> 1: 1 x 10% x 50.00 = 5.00. Rule of thumb: 10% of 100.00 = 10.00.
    assertThat(r.out()).isEqualTo("""
        segment,to,members,rate_pct,rate_from,revenue_change
        1,2-3,1,10.00,given,0.00
        2-3,4-6,1,10.00,given,0.00
        4-6,7-10,0,10.00,given,0.00
        7-10,11+,0,10.00,given,0.00
        11+,,0,10.00,given,0.00
        lapsed,1,1,10.00,given,5.00
        total,,,,,5.00
        rule of thumb: 10% of 100.00,,,,,10.00
        """);
  }

  @Test
  void healthOfTheCompanyAndOfADistributor() throws IOException {
    Cli company = Cli.run(args(new String[] {"report", "health"}, files()));
    // A and B; B has a sponsor and sponsored nobody: 0.00% duplication. B joined 2024-01-01 and
    // bought on 2025-06-10: retained at 90 days and at 12 months.
    assertThat(company.out()).isEqualTo("""
        distributors,depth,duplication_pct,retention_90_days_pct,retention_12_months_pct
        2,1,0.00,100.00,100.00
        """);
    Cli a = Cli.run(args(new String[] {"report", "health", "--member", "A"}, files()));
    // A's June GV = 120 + B's 60 = 180; one leg (B, 60 of 60)
    assertThat(a.out()).isEqualTo("""
        member_id,frontline,legs,depth,gv,largest_leg_pct,duplication_pct,retention_90_days_pct,retention_12_months_pct
        A,1,1,1,180.00,100.00,0.00,100.00,100.00
        """);
  }
}
