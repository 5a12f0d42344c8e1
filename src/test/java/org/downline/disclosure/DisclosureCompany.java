package org.downline.disclosure;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A small company of 2025 as files, with a plan simple enough to pay by hand, shared by the
 * command-line, database and web tests of the year reports.
 *
 * <pre>
 * P distributor, root, joined 2020-01-01
 * S distributor under P, joined 2024-01-01
 * T distributor under S, joined 2025-03-01
 * U distributor under S, joined 2024-05-01, never orders
 * V distributor under S, joined 2024-01-01, cancelled 2025-02-10
 * K customer under T, joined 2025-03-01
 * </pre>
 * Plan: Active at PV 100; ranks member, bronze (Active); customer 20%; unilevel 10% one level, no
 * compression; matching 10% of unilevel for the sponsor when bronze; rank advancement bronze 1.00;
 * clawback of customer, unilevel and matching.
 *
 * <pre>
 * Jan  s1 S 100 (total 120.00): S Active, bronze, rank advancement 1.00
 *      v1 V  30 (total  30.00): S unilevel 10% = 3.00 (source V); P not Active: no matching
 * Mar  p1 P 100, s2 S 100, t1 T 100 (totals 100, 100, 110): all Active, bronze; rank advancement P 1.00, T 1.00
 *      s2: P unilevel 10.00 (source S)
 *      t1: S unilevel 10.00 (source T); P matching 10% of it 1.00 (source T)
 *      k1 K 50 (total 60.00): T customer 20% = 10.00; S unilevel 5.00; P matching 0.50 (all source K)
 * Apr  t2 T 40 (total 40.00): S not Active, nothing paid
 *      k1r return of half of k1 (-25, total -30.00): clawback T -5.00, S -2.50, P -0.25 (source K)
 * May  t2r return of t2 (-10, total -10.00): nothing to claw back
 * </pre>
 * Gross: P 1 + 10 + 1 + 0.50 - 0.25 = 12.25; S 1 + 3 + 10 + 5 - 2.50 = 16.50; T 1 + 10 - 5 = 6.00; U 0; V 0.
 * Purchases: P 100.00; S 120 + 100 = 220.00; T 110 + 40 - 10 = 140.00; U 0; V 30.00.
 * Net: P -87.75; S -203.50; T -134.00; U 0.00; V -30.00. Months: P, S, U 12; T Mar-Dec 10; V Jan-Feb 2.
 */
public final class DisclosureCompany {
  private DisclosureCompany() {}

  public static final String MEMBERS = """
      id,sponsor_id,kind,join_date,status,status_date
      P,,distributor,2020-01-01,,
      S,P,distributor,2024-01-01,,
      T,S,distributor,2025-03-01,,
      U,S,distributor,2024-05-01,,
      V,S,distributor,2024-01-01,cancelled,2025-02-10
      K,T,customer,2025-03-01,,
      """;

  public static final String ORDERS = """
      id,member_id,date,pv,cv,total,return_of
      s1,S,2025-01-10,100,100,120.00,
      v1,V,2025-01-20,30,30,30.00,
      p1,P,2025-03-01,100,100,100.00,
      s2,S,2025-03-02,100,100,100.00,
      t1,T,2025-03-05,100,100,110.00,
      k1,K,2025-03-10,50,50,60.00,
      t2,T,2025-04-01,40,40,40.00,
      k1r,K,2025-04-15,-25,-25,-30.00,k1
      t2r,T,2025-05-03,-10,-10,-10.00,t2
      """;

  public static final String PLAN = """
      plan: honest
      version: "1"
      active:
        pv: 100
      ranks:
        - name: member
        - name: bronze
          active: true
      bonuses:
        - type: customer
          rate: 20%
        - type: unilevel
          compression: none
          rates: [10%]
          levels_by_rank: {member: 1, bronze: 1}
        - type: matching
          of: unilevel
          generations:
            - {rate: 10%, min_rank: bronze}
        - type: rank_advancement
          amounts: {bronze: 1}
      clawback:
        bonuses: [customer, unilevel, matching]
      """;

  /**
   * member: U, V: 2 of 5 = 40.0; both earned nothing (100.0); every amount 0.00; net sorted -30.00, 0.00,
   * position ceil(50 x 2 / 100) = 1 -> -30.00; 1 of 2 negative = 50.0.
   * bronze: P, S, T: 60.0; mean 34.75 / 3 = 11.5833 -> 11.58; sorted 6.00, 12.25, 16.50, positions (n = 3)
   * p10 1, p25 1, p50 2, p75 3, p90 3 -> 6.00, 6.00, 12.25, 16.50, 16.50; per month T 0.60, P 12.25 / 12 = 1.0208, S 1.375 -> position 2 -> 1.02;
   * net sorted -203.50, -134.00, -87.75 -> -134.00; 3 of 3 negative.
   * all: 5; earned nothing 2 -> 40.0; mean 34.75 / 5 = 6.95; sorted 0, 0, 6.00, 12.25, 16.50, positions (n = 5)
   * p10 1, p25 2, p50 3, p75 4, p90 5 -> 0.00, 0.00, 6.00, 12.25, 16.50; per month sorted 0, 0, 0.60, 1.02, 1.375 -> 0.60; net sorted
   * -203.50, -134.00, -87.75, -30.00, 0 -> -87.75; 4 of 5 negative = 80.0.
   */
  public static final String STATEMENT_CSV = """
      year,group,participants,share_of_participants,earned_nothing,share_earned_nothing,mean,median,p10,p25,p75,p90,min,max,median_per_month,median_net,share_net_negative
      2025,member,2,40.0,2,100.0,0.00,0.00,0.00,0.00,0.00,0.00,0.00,0.00,0.00,-30.00,50.0
      2025,bronze,3,60.0,0,0.0,11.58,12.25,6.00,6.00,16.50,16.50,6.00,16.50,1.02,-134.00,100.0
      2025,all,5,100.0,2,40.0,6.95,6.00,0.00,0.00,12.25,16.50,0.00,16.50,0.60,-87.75,80.0
      """;

  /**
   * Jan: 3.00 + 1.00 (rank advancement, no source) = 4.00; sourced 3.00 (V, a distributor): 0.0.
   * Mar: 10 + 10 + 1 + 10 + 5 + 0.50 + 1 + 1 = 38.50; sourced 36.50; from K 10 + 5 + 0.50 = 15.50;
   * 15.50 / 36.50 = 42.47 -> 42.5. Apr: the clawbacks -7.75, all sourced from K; share empty (sourced <= 0).
   * Year: 34.75; sourced 31.75; from customers 7.75; 7.75 / 31.75 = 24.41 -> 24.4.
   */
  public static final String RETAIL_CSV = """
      period,rewards,rewards_sourced,from_customer_orders,share_from_customers
      2025-01,4.00,3.00,0.00,0.0
      2025-02,0.00,0.00,0.00,
      2025-03,38.50,36.50,15.50,42.5
      2025-04,-7.75,-7.75,-7.75,
      2025-05,0.00,0.00,0.00,
      2025-06,0.00,0.00,0.00,
      2025-07,0.00,0.00,0.00,
      2025-08,0.00,0.00,0.00,
      2025-09,0.00,0.00,0.00,
      2025-10,0.00,0.00,0.00,
      2025-11,0.00,0.00,0.00,
      2025-12,0.00,0.00,0.00,
      2025,34.75,31.75,7.75,24.4
      """;

  /** Writes members.csv, orders.csv and plan.yaml into a directory; returns it. */
  public static Path write(Path dir) throws IOException {
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("members.csv"), MEMBERS);
    Files.writeString(dir.resolve("orders.csv"), ORDERS);
    Files.writeString(dir.resolve("plan.yaml"), PLAN);
    return dir;
  }
}
