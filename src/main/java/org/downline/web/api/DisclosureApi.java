package org.downline.web.api;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.downline.app.disclosure.DisclosureYear;
import org.downline.core.Decimals;
import org.downline.core.InvalidInputException;
import org.downline.core.Periods;
import org.downline.disclosure.Alerts;
import org.downline.disclosure.IncomeDisclosure;
import org.downline.disclosure.PayoutHealth;
import org.downline.disclosure.RetailShare;
import org.downline.disclosure.Retention;
import org.downline.network.Network;
import org.downline.network.OrderBook;
import org.downline.web.Snapshot;
import org.downline.web.Visibility;
import org.downline.web.disclosure.DisclosureService;
import org.downline.web.office.MyYear;
import org.downline.web.security.Account;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The honest numbers over HTTP (docs/honest-numbers.md, docs/api.md), the same figures as the
 * command line's reports and the console's pages. Staff only (the security configuration answers 403
 * to a distributor), except {@code /my-year}: a distributor's own net, for themselves only.
 * Amounts are exact two-decimal numbers, shares percentages with one decimal.
 */
@RestController
@RequestMapping("/api/v1/disclosure")
public class DisclosureApi {
  private final DisclosureService disclosure;

  public DisclosureApi(DisclosureService disclosure) {
    this.disclosure = disclosure;
  }

  public record Statement(int year, List<String> leftOut, List<Group> groups) {}

  public record Group(String group, int participants, BigDecimal shareOfParticipants, int earnedNothing,
      BigDecimal shareEarnedNothing, BigDecimal mean, BigDecimal median, BigDecimal p10, BigDecimal p25, BigDecimal p75,
      BigDecimal p90, BigDecimal min, BigDecimal max, BigDecimal medianPerMonth, BigDecimal medianNet,
      BigDecimal shareNetNegative, int leftDuringYear, BigDecimal shareLeftDuringYear) {}

  public record RetailMonth(String period, BigDecimal rewards, BigDecimal rewardsSourced, BigDecimal fromCustomerOrders,
      BigDecimal shareFromCustomers) {}

  public record RetailEarner(String distributorId, BigDecimal rewards, BigDecimal rewardsSourced, BigDecimal fromCustomerOrders,
      BigDecimal shareFromCustomers, boolean mostlyParticipants, boolean noRetailCustomer) {}

  public record Retail(int year, List<String> leftOut, List<RetailMonth> periods, List<RetailEarner> distributors) {}

  public record Alert(String kind, String memberId, String figures, List<AlertOrder> orders, List<String> members) {}

  public record AlertOrder(String id, String memberId, String date, BigDecimal pv, BigDecimal cv, BigDecimal total,
      String returnOf) {}

  public record Health(String period, BigDecimal cv, BigDecimal payout, BigDecimal payoutShareOfCv, BigDecimal maxShareOfCv,
      BigDecimal breakage, int earners, BigDecimal top1Share, BigDecimal top10Share) {}

  public record Cohort(String population, String cohort, int members, List<After> after) {}

  /** {@code null} shares: not known yet on the as-of day (or an empty cohort). */
  public record After(int months, BigDecimal enrolled, BigDecimal ordered) {}

  public record Net(int year, String memberId, List<String> leftOut, boolean participant, int months, BigDecimal earned,
      BigDecimal bought, BigDecimal net, BigDecimal fromCustomers, BigDecimal fromParticipants, BigDecimal awards,
      BigDecimal companyMedian) {}

  private int year(Integer year) {
    return DisclosureYear.checkYear("year", year != null ? year : disclosure.defaultYear());
  }

  private static BigDecimal money(long cents) {
    return Decimals.toBigDecimal(cents);
  }

  private static BigDecimal share(long tenths) {
    return BigDecimal.valueOf(tenths, 1);
  }

  private static List<String> leftOut(DisclosureYear d) {
    int y = d.ledger().year();
    return Arrays.stream(d.leftOut()).mapToObj(m -> Periods.name(y * 12 + m - 1)).toList();
  }

  /** The income disclosure statement: one group per rank in rank order, then {@code all}. */
  @GetMapping("/income")
  Statement income(@RequestParam(required = false) Integer year) {
    DisclosureYear d = disclosure.year(year(year));
    IncomeDisclosure.Statement s = d.statement();
    return new Statement(s.year(), leftOut(d), s.rows().stream().map(r -> new Group(r.group(), r.participants(),
        share(r.shareOfParticipants()), r.earnedNothing(), share(r.shareEarnedNothing()), money(r.mean()), money(r.median()),
        money(r.p10()), money(r.p25()), money(r.p75()), money(r.p90()), money(r.min()), money(r.max()),
        money(r.medianPerMonth()), money(r.medianNet()), share(r.shareNetNegative()), r.leftDuringYear(),
        share(r.shareLeftDuringYear()))).toList());
  }

  /** Rewards from real customers: per period and the year; with {@code by=distributor} per earner as well. */
  @GetMapping("/retail-share")
  Retail retailShare(@RequestParam(required = false) Integer year, @RequestParam(defaultValue = "period") String by) {
    if (!by.equals("period") && !by.equals("distributor")) throw InvalidInputException.parameter("by", "period or distributor");
    int y = year(year);
    DisclosureYear d = disclosure.year(y);
    List<RetailMonth> months = RetailShare.byMonth(d.ledger()).stream().map(r -> new RetailMonth(
        r.month() == 0 ? Integer.toString(y) : Periods.name(y * 12 + r.month() - 1), money(r.rewards()), money(r.sourced()),
        money(r.fromCustomers()), r.hasShare() ? share(r.share()) : null)).toList();
    List<RetailEarner> earners = null;
    if (by.equals("distributor")) {
      Network net = d.network();
      earners = RetailShare.byEarner(net, d.book(), d.ledger()).stream()
          .sorted(Comparator.comparing(e -> net.id(e.member())))
          .map(e -> new RetailEarner(net.id(e.member()), money(e.rewards()), money(e.sourced()), money(e.fromCustomers()),
              e.hasShare() ? share(e.share()) : null, e.mostlyParticipants(), e.noRetailCustomer())).toList();
    }
    return new Retail(y, leftOut(d), months, earners);
  }

  /** Loading and stacking alerts of a period (the default rules), each with its orders and members. */
  @GetMapping("/alerts")
  List<Alert> alerts(@RequestParam(required = false) String period) {
    Snapshot s = disclosure.company();
    Network net = s.network();
    OrderBook book = s.book();
    return disclosure.alerts(s.period(period)).stream().map(a -> new Alert(a.kind().code(), net.id(a.member()), a.figures(),
        Arrays.stream(a.orders()).mapToObj(o -> new AlertOrder(book.id(o), net.id(book.members()[o]),
            Periods.formatDay(book.days()[o]), money(book.pv()[o]), money(book.cv()[o]), money(book.totals()[o]),
            book.isReturn(o) ? book.id(book.returnOf()[o]) : null)).toList(),
        Arrays.stream(a.members()).mapToObj(net::id).toList())).toList();
  }

  /** Payout against CV and the plan's maximum, and the top earners' share, per period of the year. */
  @GetMapping("/payout-health")
  List<Health> payoutHealth(@RequestParam(required = false) Integer year) {
    List<Health> rows = new ArrayList<>();
    for (PayoutHealth.Row r : disclosure.year(year(year)).health()) {
      rows.add(new Health(Periods.name(r.period()), money(r.cv()), money(r.payout()), r.hasShare() ? share(r.payoutShare()) : null,
          r.hasMax() ? share(r.maxShare()) : null, r.hasMax() && r.hasShare() ? share(r.breakage()) : null, r.earners(),
          share(r.top1Share()), share(r.top10Share())));
    }
    return rows;
  }

  /** Cohorts of the year's join months: still enrolled and ordering 3, 6 and 12 months later. */
  @GetMapping("/retention")
  List<Cohort> retention(@RequestParam(required = false) Integer year) {
    List<Cohort> cohorts = new ArrayList<>();
    for (Retention.Cohort c : disclosure.retention(year(year))) {
      List<After> after = new ArrayList<>();
      for (int i = 0; i < Retention.AFTER.length; i++) {
        boolean shown = c.known()[i] && c.members() > 0;
        after.add(new After(Retention.AFTER[i], shown ? share(c.enrolled()[i]) : null, shown ? share(c.ordered()[i]) : null));
      }
      cohorts.add(new Cohort(c.distributors() ? "distributors" : "customers", Periods.name(c.period()), c.members(), after));
    }
    return cohorts;
  }

  /**
   * A distributor's own year: earned, bought, the difference, and where the pay came from. A
   * distributor reads only their own (naming another member answers 404); staff name the member.
   */
  @GetMapping("/my-year")
  Net myYear(@RequestParam(required = false) Integer year, @RequestParam(required = false) String member,
      Authentication auth) {
    Account account = Visibility.account(auth);
    String id;
    if (account.isAdmin()) {
      if (member == null || member.isBlank()) throw InvalidInputException.parameter("member", "staff name the member: ?member=ID");
      id = member;
    } else {
      if (member != null && !member.equals(account.memberId())) {
        throw new org.downline.core.NotFoundException("no member '" + member + "' you may read");
      }
      id = account.memberId();
    }
    int y = year(year);
    DisclosureYear d = disclosure.year(y);
    int m = d.network().indexOf(id);
    if (m == Network.NONE) throw new org.downline.core.NotFoundException("no member '" + id + "'");
    MyYear.Figures f = MyYear.figures(d, m);
    return new Net(y, id, leftOut(d), f.participant(), f.months(), money(f.earned()), money(f.bought()), money(f.net()),
        money(f.fromCustomers()), money(f.fromParticipants()), money(f.awards()), money(d.statement().all().median()));
  }
}
