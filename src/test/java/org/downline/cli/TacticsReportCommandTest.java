package org.downline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tactic report on hand-made files, window 2025-01-01 .. 2025-06-30. Every figure is worked out
 * in the comments of {@link #everyColumnWorkedOutByHand}.
 */
class TacticsReportCommandTest {
  @TempDir Path dir;

  Path members;
  Path orders;
  Path tactics;

  @BeforeEach
  void files() throws IOException {
    members = Files.writeString(dir.resolve("members.csv"), """
        id,sponsor_id,kind,join_date
        D1,,distributor,2024-01-01
        D2,D1,distributor,2024-06-01
        C1,D1,customer,2024-12-01
        C2,D1,customer,2024-12-01
        C3,D1,preferred_customer,2024-12-01
        C4,D1,customer,2024-12-01
        C5,D1,customer,2024-12-01
        C6,D1,customer,2024-12-01
        C7,D1,customer,2024-12-01
        R1,C1,customer,2025-03-15
        R2,C1,customer,2024-12-31
        R3,C6,customer,2025-05-01
        R4,C7,customer,2025-06-30
        """);
    orders = Files.writeString(dir.resolve("orders.csv"), """
        id,member_id,date,pv,cv,return_of,total,campaign
        c6a,C6,2024-12-20,1,1,,8.00,SALE20
        c6b,C6,2025-01-05,1,1,,5.00,SALE20
        a1,C1,2025-01-10,1,1,,50.00,SALE20
        d2,D2,2025-01-15,1,1,,100.00,SALE20
        ret3,C6,2025-01-20,-1,-1,c6a,-7.00,
        x2,C2,2025-02-01,1,1,,30.00,EDU
        w2,C2,2025-02-01,1,1,,40.00,SALE20
        ret1,C1,2025-02-01,-1,-1,a1,-10.00,
        c7,C7,2025-02-10,1,1,,12.00,PROMO-X
        a3,C3,2025-03-01,1,1,,60.00,SALE20
        c5,C5,2025-04-01,1,1,,15.00,EDU
        c4,C4,2025-04-02,1,1,,25.00,SALE20
        b1,C1,2025-04-10,1,1,,20.00,EDU
        a3b,C3,2025-05-31,1,1,,10.00,
        ret2,C3,2025-07-05,-1,-1,a3,-20.00,
        """);
    tactics = Files.writeString(dir.resolve("tactics.csv"), """
        code,name,type,start,end,cost,ignored
        zine,Spring zine,print-ad,2025-01-01,2025-03-31,50.00,x
        SALE20,"20% off, this week",discount,,,100.01,y
        EDU,Skin basics videos,video,,,10.00,z
        """);
  }

  Cli run(String format) {
    return Cli.run("report", "tactics", "--from", "2025-01-01", "--to", "2025-06-30", "--format", format,
        "--members", members.toString(), "--orders", orders.toString(), "--tactics", tactics.toString());
  }

  @Test
  void everyColumnWorkedOutByHand() {
    Cli r = run("csv");
    assertThat(r.err()).isEmpty();
    assertThat(r.status()).isZero();
    // Rows in plain string order of code: EDU < SALE20 < zine (upper case first), then (none).
    //
    // orders / revenue (sales dated in the window; returns subtracted when they and their sale are in it):
    //   SALE20: c6b 5 + a1 50 + d2 100 + w2 40 + a3 60 + c4 25 = 280.00, 6 orders; ret1 (of a1, in the
    //           window) -10.00 -> 270.00; ret2 (of a3) is dated after the window: not subtracted; ret3 is
    //           of c6a, a sale before the window: not subtracted. c6a itself is before the window.
    //   EDU:    x2 30 + c5 15 + b1 20 = 65.00, 3 orders.   zine: none.
    //   (none): a3b 10 (empty code) + c7 12 (PROMO-X is no tactic) = 22.00, 2 orders.
    // first sale (date, then id): C2 bought w2 and x2 on 2025-02-01; "w2" < "x2", so w2 (SALE20) is first.
    // new_customers (customers whose first sale is in the window; D2 is a distributor; C6's first, c6a,
    //   is before the window; R1..R4 never bought):
    //   SALE20: C1 (a1), C2 (w2), C3 (a3, a preferred customer is a customer), C4 (c4) = 4
    //   EDU: C5 (c5) = 1;  (none): C7 (c7) = 1
    // eligible_for_repeat (first sale + 90 days <= 2025-06-30, i.e. first sale <= 2025-04-01):
    //   SALE20: C1 (01-10), C2 (02-01), C3 (03-01) = 3; C4 (04-02 + 90 = 07-01) is one day short.
    //   EDU: C5 (04-01 + 90 = 06-30, the last day) = 1;  (none): C7 (02-10) = 1
    // repeated_90d: C1 again on 04-10 = 01-10 + 90 days (day 90 counts); C2 again the same day (x2);
    //   C3 again on 05-31 = 03-01 + 91 days (too late); C5 and C7 never again.
    //   SALE20: 2, EDU: 0, (none): 0
    // repeat_rate: SALE20 2 / 3 x 100 = 66.666.. -> 66.7; EDU 0 / 1 -> 0.0; (none) 0.0; zine: none eligible -> empty
    // referrals (joined in the window, sponsor a new customer of the tactic): R1 (03-15, sponsor C1) -> SALE20;
    //   R2 joined before the window; R3's sponsor C6 is no new customer; R4 (06-30, the last day, sponsor
    //   C7) -> (none).
    // first_touch_revenue (every sale in the window by the tactic's new customers, any code, less returns
    //   in the window): SALE20: C1 50 + 20 - 10 = 60, C2 40 + 30 = 70, C3 60 + 10 = 70 (ret2 is after the
    //   window), C4 25 -> 225.00; EDU: C5 15.00; (none): C7 12.00.
    // cost per new customer: SALE20 100.01 / 4 = 25.0025 -> 25.00; EDU 10.00 / 1 = 10.00; zine: 0 new -> empty.
    // cost per repeat customer: SALE20 100.01 / 2 = 50.005 -> 50.01 (half away from zero); EDU, zine: 0 -> empty.
    assertThat(r.out()).isEqualTo(EXPECTED);
  }

  static final String EXPECTED = """
        code,name,type,orders,revenue,new_customers,eligible_for_repeat,repeated_90d,repeat_rate,referrals,first_touch_revenue,cost,cost_per_new_customer,cost_per_repeat_customer
        EDU,Skin basics videos,video,3,65.00,1,1,0,0.0,0,15.00,10.00,10.00,
        SALE20,"20% off, this week",discount,6,270.00,4,3,2,66.7,1,225.00,100.01,25.00,50.01
        zine,Spring zine,print-ad,0,0.00,0,0,0,,0,0.00,50.00,,
        (none),,,2,22.00,1,1,0,0.0,1,12.00,,,
        """;

  @Test
  void theStoredDataGivesTheSameReport() {
    String db = "jdbc:h2:file:" + dir.resolve("db").toAbsolutePath() + "/downline";
    assertThat(Cli.run("import", "members", members.toString(), "--db", db).status()).isZero();
    assertThat(Cli.run("import", "orders", orders.toString(), "--db", db).status()).isZero();
    assertThat(Cli.run("import", "tactics", tactics.toString(), "--db", db).status()).isZero();
    Cli r = Cli.run("report", "tactics", "--from", "2025-01-01", "--to", "2025-06-30", "--format", "csv", "--db", db);
    assertThat(r.err()).isEmpty();
    assertThat(r.out()).isEqualTo(EXPECTED);
  }

  @Test
  void jsonWritesNumbersBareAndEmptyCellsAsEmptyText() {
    Cli r = run("json");
    assertThat(r.status()).isZero();
    assertThat(r.out()).contains("""
        {"code": "zine", "name": "Spring zine", "type": "print-ad", "orders": 0, "revenue": 0.00, \
        "new_customers": 0, "eligible_for_repeat": 0, "repeated_90d": 0, "repeat_rate": "", "referrals": 0, \
        "first_touch_revenue": 0.00, "cost": 50.00, "cost_per_new_customer": "", "cost_per_repeat_customer": ""}""");
  }

  @Test
  void tableHasATitleAndTheSameColumns() {
    Cli r = run("table");
    assertThat(r.status()).isZero();
    assertThat(r.out()).startsWith("Tactics, 2025-01-01 to 2025-06-30\ncode ");
    assertThat(r.out()).contains("(none)");
  }

  @Test
  void aWindowEndingBeforeItStartsIsRefused() {
    Cli r = Cli.run("report", "tactics", "--from", "2025-02-01", "--to", "2025-01-31", "--members", members.toString(),
        "--orders", orders.toString(), "--tactics", tactics.toString());
    assertThat(r.status()).isEqualTo(2);
    assertThat(r.err()).contains("is before --from");
  }

  @Test
  void fileModeNeedsTheTacticsFile() {
    Cli r = Cli.run("report", "tactics", "--from", "2025-01-01", "--to", "2025-06-30", "--members", members.toString(),
        "--orders", orders.toString());
    assertThat(r.status()).isEqualTo(2);
    assertThat(r.err()).contains("--tactics");
  }

  @Test
  void aBadTacticsRowIsNamedByFileLineAndReason() throws IOException {
    Files.writeString(tactics, """
        code,name,type,cost,start,end
        A,Fine,web,1.00,,
        B,Bad,web,-1.00,2025-02-01,2025-01-01
        A,Again,web,1.00,,
        """);
    Cli r = run("csv");
    assertThat(r.status()).isEqualTo(2);
    assertThat(r.err()).contains("tactics.csv:3: column cost: is negative", "tactics.csv:3: column end: is before start",
        "tactics.csv:4: column code: duplicate tactic code 'A' (first seen on line 2)");
  }
}
