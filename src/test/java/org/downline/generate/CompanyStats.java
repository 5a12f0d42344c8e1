package org.downline.generate;

import java.util.Arrays;
import org.downline.core.Periods;
import org.downline.network.MemberStatus;
import org.downline.network.Network;
import org.downline.network.NetworkBuilder;
import org.downline.network.OrderBook;
import org.downline.network.OrderBookBuilder;
import org.downline.network.MemberRow;
import org.downline.network.OrderRow;

/**
 * The shapes the generator promises, measured on a generated company after it went through the
 * same builders (and so the same validation) as an import.
 */
final class CompanyStats {
  final Network network;
  final OrderBook book;
  final int distributors;
  final double zeroRecruitShare; // distributors who sponsored no distributor
  final int maxRecruits;
  final int medianRecruits;
  final int maxDepth;
  final double goneAfterAYear; // of distributors who joined over a year before the end
  final double goneWithinAYear; // of the same, gone at most 365 days after joining
  final double customersPerOwningDistributor;
  final double customerShare;
  final int customersReferredByCustomers;
  final double[] purchaseBuckets = new double[5]; // 1, 2-3, 4-6, 7-10, 11+ sales, share of ordering members
  final int sameMonthReturns;
  final int laterMonthReturns;
  final double campaignShare; // of sales
  final int[] joinsPerWindowMonth;
  final long autoshipOrders;

  CompanyStats(CollectingSink s, CompanyGenerator.Summary summary) {
    NetworkBuilder nb = new NetworkBuilder("members.csv");
    s.members.forEach(nb::add);
    network = nb.build();
    OrderBookBuilder ob = new OrderBookBuilder("orders.csv", network);
    s.orders.forEach(ob::add);
    book = ob.build();

    int n = network.size();
    int[] recruits = new int[n];
    int[] customersOwned = new int[n];
    int d = 0;
    int referred = 0;
    int customers = 0;
    int[] owner = network.ownerDistributors();
    for (int i = 0; i < n; i++) {
      int sp = network.sponsor(i);
      if (network.isDistributor(i)) {
        d++;
        if (sp != Network.NONE) recruits[sp]++;
      } else {
        customers++;
        if (owner[i] != Network.NONE) customersOwned[owner[i]]++;
        if (sp != Network.NONE && !network.isDistributor(sp)) referred++;
      }
    }
    distributors = d;
    customerShare = (double) customers / n;
    customersReferredByCustomers = referred;
    int[] dr = new int[d];
    int zero = 0;
    int owning = 0;
    int k = 0;
    int max = 0;
    int oldD = 0;
    int oldGone = 0;
    int oldGoneWithinAYear = 0;
    for (int i = 0; i < n; i++) {
      if (!network.isDistributor(i)) continue;
      dr[k++] = recruits[i];
      if (recruits[i] == 0) zero++;
      if (customersOwned[i] > 0) owning++;
      max = Math.max(max, recruits[i]);
      if (network.joinDay(i) < summary.endDay() - 365) {
        oldD++;
        if (network.status(i) != MemberStatus.ACTIVE) {
          oldGone++;
          if (network.statusDay(i) - network.joinDay(i) <= 365) oldGoneWithinAYear++;
        }
      }
    }
    Arrays.sort(dr);
    zeroRecruitShare = (double) zero / d;
    maxRecruits = max;
    medianRecruits = dr[d / 2];
    maxDepth = Arrays.stream(network.depths()).max().orElse(0);
    goneAfterAYear = (double) oldGone / oldD;
    goneWithinAYear = (double) oldGoneWithinAYear / oldD;
    customersPerOwningDistributor = (double) customers / owning;

    int[] sales = new int[n];
    int coded = 0;
    long totalSales = 0;
    int same = 0;
    int later = 0;
    long auto = 0;
    for (int o = 0; o < book.size(); o++) {
      if (book.isReturn(o)) {
        int sale = book.returnOf()[o];
        if (Periods.periodOfDay(book.days()[sale]) == Periods.periodOfDay(book.days()[o])) same++;
        else later++;
      } else {
        sales[book.members()[o]]++;
        totalSales++;
        if (book.campaign(o) != null) coded++;
        if (book.isAutoship(o)) auto++;
      }
    }
    autoshipOrders = auto;
    sameMonthReturns = same;
    laterMonthReturns = later;
    campaignShare = (double) coded / totalSales;
    int ordering = 0;
    int[] bucket = new int[5];
    for (int c : sales) {
      if (c == 0) continue;
      ordering++;
      bucket[c == 1 ? 0 : c <= 3 ? 1 : c <= 6 ? 2 : c <= 10 ? 3 : 4]++;
    }
    for (int b = 0; b < 5; b++) purchaseBuckets[b] = (double) bucket[b] / ordering;

    int startPeriod = Periods.periodOfDay(summary.startDay());
    int months = Periods.periodOfDay(summary.endDay() - 1) - startPeriod + 1;
    joinsPerWindowMonth = new int[months];
    for (MemberRow m : s.members) {
      int p = Periods.periodOfDay(m.joinDay()) - startPeriod;
      if (p >= 0) joinsPerWindowMonth[p]++;
    }
  }

  @Override
  public String toString() {
    return "distributors=" + distributors + " customerShare=" + customerShare + " zeroRecruitShare=" + zeroRecruitShare
        + " maxRecruits=" + maxRecruits + " medianRecruits=" + medianRecruits + " maxDepth=" + maxDepth
        + " goneAfterAYear=" + goneAfterAYear + " goneWithinAYear=" + goneWithinAYear + " customersPerOwningDistributor=" + customersPerOwningDistributor
        + " referredByCustomers=" + customersReferredByCustomers + " buckets=" + Arrays.toString(purchaseBuckets)
        + " sameMonthReturns=" + sameMonthReturns + " laterMonthReturns=" + laterMonthReturns
        + " campaignShare=" + campaignShare + " joinsPerMonth=" + Arrays.toString(joinsPerWindowMonth)
        + " autoshipOrders=" + autoshipOrders + " orders=" + book.size();
  }
}
