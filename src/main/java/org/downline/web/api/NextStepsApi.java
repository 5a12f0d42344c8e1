package org.downline.web.api;

import org.downline.core.InvalidInputException;
import org.downline.core.NotAllowedException;
import org.downline.core.NotFoundException;
import org.downline.core.Reason;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.downline.core.Decimals;
import org.downline.core.Periods;
import org.downline.network.Network;
import org.downline.nextstep.ConversionReport;
import org.downline.nextstep.DistributorSegments;
import org.downline.nextstep.FrequencyReport;
import org.downline.nextstep.ImpactProjection;
import org.downline.nextstep.NetworkHealth;
import org.downline.nextstep.PlaybookStep;
import org.downline.nextstep.Population;
import org.downline.web.CompanyData;
import org.downline.web.NextStepsData;
import org.downline.web.Page;
import org.downline.web.Snapshot;
import org.downline.web.Visibility;
import org.downline.web.security.Account;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Next-steps reports and recommendations (see docs/api.md). Company-wide reports and segment lists
 * are for staff (a distributor gets 403); a distributor reads their own next steps, their own
 * customers' and first-level team's, and the health of their own organisation's distributors (404
 * for anyone else, as for members). Rates are percentages with two decimals; money has two decimals.
 */
@RestController
@RequestMapping("/api/v1")
public class NextStepsApi {
  private final CompanyData data;
  private final NextStepsData nextSteps;

  public NextStepsApi(CompanyData data, NextStepsData nextSteps) {
    this.data = data;
    this.nextSteps = nextSteps;
  }

  /** A page of a report or list with the as-of date it was computed for. */
  public record ReportPage<T>(String asOf, List<T> items, int page, int size, long total) {
    static <T> ReportPage<T> of(int asOf, List<T> all, Integer page, Integer size) {
      int[] p = Page.params(page, size);
      int from = (int) Math.min(all.size(), Page.offset(p[0], p[1]));
      return new ReportPage<>(Periods.formatDay(asOf), all.subList(from, Math.min(all.size(), from + p[1])), p[0], p[1],
          all.size());
    }
  }

  public record SegmentRow(String population, String segment, long members, long orders, BigDecimal revenue,
      BigDecimal averageOrderValue) {}

  public record DistributorRow(String group, String segment, long members, Long leadersDeveloped) {}

  public record ConversionRow(String segment, String step, long recommended, long took, long heldOut, long heldOutTook,
      BigDecimal conversionPct, BigDecimal heldOutConversionPct, BigDecimal liftPoints, BigDecimal relativeLiftPct) {}

  public record ImpactRow(String segment, String to, long members, BigDecimal ratePct, String rateFrom,
      BigDecimal revenueChange) {}

  public record Impact(String asOf, String population, List<ImpactRow> rows, BigDecimal revenue,
      BigDecimal projectedChange, BigDecimal ruleOfThumb) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Health(String asOf, String memberId, Long distributors, int frontline, int legs, int depth, BigDecimal gv,
      BigDecimal largestLegSharePct, BigDecimal duplicationPct, BigDecimal retention90Pct,
      BigDecimal retention12MonthsPct) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record NextStep(String memberId, String relation, String segment, String reason, String step, String title,
      List<String> materials, Boolean holdout) {}

  private static void staffOnly(Account account) {
    if (!account.isAdmin()) throw new NotAllowedException("your role may not use this endpoint");
  }

  @GetMapping("/reports/segments")
  ReportPage<SegmentRow> segments(@RequestParam(required = false) String asOf, @RequestParam(required = false) Integer page,
      @RequestParam(required = false) Integer size, Authentication auth) {
    staffOnly(Visibility.account(auth));
    NextStepsData.View v = nextSteps.view(data.current(), asOf);
    List<SegmentRow> rows = new ArrayList<>();
    for (FrequencyReport.Row r : v.frequency().rows()) {
      rows.add(new SegmentRow(r.population().code(), r.segment(), r.members(), r.orders(), Decimals.toBigDecimal(r.revenue()),
          Decimals.toBigDecimal(r.averageOrderValue())));
    }
    return ReportPage.of(v.asOf(), rows, page, size);
  }

  @GetMapping("/reports/distributors")
  ReportPage<DistributorRow> distributors(@RequestParam(required = false) String asOf,
      @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size, Authentication auth) {
    staffOnly(Visibility.account(auth));
    NextStepsData.View v = nextSteps.view(data.current(), asOf);
    List<DistributorRow> rows = new ArrayList<>();
    for (DistributorSegments.Row r : v.distributors().report(v.rankNames())) {
      rows.add(new DistributorRow(r.group(), r.segment(), r.members(), "leaders".equals(r.group()) ? r.leadersDeveloped() : null));
    }
    return ReportPage.of(v.asOf(), rows, page, size);
  }

  @GetMapping("/reports/conversion")
  ReportPage<ConversionRow> conversion(@RequestParam(required = false) String asOf,
      @RequestParam(required = false) String issued, @RequestParam(required = false) Integer page,
      @RequestParam(required = false) Integer size, Authentication auth) {
    staffOnly(Visibility.account(auth));
    NextStepsData.View v = nextSteps.view(data.current(), asOf);
    Integer issuedDay = issued == null || issued.isBlank() ? null : InvalidInputException.day("issued", issued.strip());
    List<ConversionRow> rows = new ArrayList<>();
    for (ConversionReport.Row r : nextSteps.conversion(v, issuedDay).report().rows()) {
      rows.add(new ConversionRow(r.segment(), r.step(), r.treated(), r.treatedTaken(), r.holdout(), r.holdoutTaken(),
          pct(r.treatedRate()), pct(r.holdoutRate()), pct(r.lift()), pct(r.relativeLift())));
    }
    return ReportPage.of(v.asOf(), rows, page, size);
  }

  @GetMapping("/reports/impact")
  Impact impact(@RequestParam(required = false) String asOf, @RequestParam(defaultValue = "customers") String population,
      @RequestParam(required = false) BigDecimal rate, Authentication auth) {
    staffOnly(Visibility.account(auth));
    Population p = InvalidInputException.parsing("population", () -> Population.ofCode(population),
        e -> Reason.of("notPopulation", population));
    long given;
    try {
      given = rate == null ? ImpactProjection.RULE_OF_THUMB_BASIS_POINTS : Decimals.fromBigDecimal(rate);
    } catch (ArithmeticException e) { // a third decimal place, or beyond a long
      throw InvalidInputException.parameter("rate", Reason.of("rateDecimals"));
    }
    if (given < 0 || given > 10_000) throw InvalidInputException.parameter("rate", Reason.of("ratePercent"));
    NextStepsData.View v = nextSteps.view(data.current(), asOf);
    NextStepsData.Impact impact = nextSteps.impact(v, p, given, nextSteps.conversion(v, null).report());
    ImpactProjection.Projection projection = impact.projection();
    List<ImpactRow> rows = new ArrayList<>();
    for (ImpactProjection.Row r : projection.rows()) {
      int s = v.frequency().bounds().indexOf(r.segment());
      rows.add(new ImpactRow(r.segment(), r.next(), r.members(), Decimals.toBigDecimal(r.rate()),
          impact.observed()[s] ? "observed" : "given", Decimals.toBigDecimal(r.change())));
    }
    return new Impact(Periods.formatDay(v.asOf()), p.code(), rows, Decimals.toBigDecimal(projection.revenue()),
        Decimals.toBigDecimal(projection.change()), Decimals.toBigDecimal(projection.ruleOfThumb()));
  }

  /** Company health (staff), or one distributor's (staff: anyone; a distributor: their own organisation). */
  @GetMapping("/reports/health")
  Health health(@RequestParam(required = false) String asOf, @RequestParam(required = false) String member,
      Authentication auth) {
    Account account = Visibility.account(auth);
    Snapshot s = data.current();
    NextStepsData.View v = nextSteps.view(s, asOf);
    NetworkHealth h = v.health();
    String day = Periods.formatDay(v.asOf());
    if (member == null || member.isBlank()) {
      staffOnly(account);
      NetworkHealth.Company c = h.company();
      return new Health(day, null, c.distributors(), 0, 0, c.depth(), null, null, share(c.duplication()),
          share(c.retention90()), share(c.retention12Months()));
    }
    int m = Visibility.member(account, s, member.strip());
    if (!s.network().isDistributor(m)) throw new NotFoundException("'" + member.strip() + "' is not a distributor");
    return new Health(day, s.network().id(m), null, h.frontline(m), h.legs(m), h.depth(m), Decimals.toBigDecimal(h.gv(m)),
        share(h.largestLegShare(m)), share(h.duplication(m)), share(h.retention90(m)), share(h.retention12Months(m)));
  }

  /**
   * A member's own next steps. Staff: any member (held-out lines with {@code includeHoldout=true});
   * a distributor: themselves (the default), their own customers and first-level team.
   */
  @GetMapping("/next-steps")
  ReportPage<NextStep> forMember(@RequestParam(required = false) String member, @RequestParam(required = false) String asOf,
      @RequestParam(defaultValue = "false") boolean includeHoldout, @RequestParam(required = false) Integer page,
      @RequestParam(required = false) Integer size, Authentication auth) {
    Account account = Visibility.account(auth);
    Snapshot s = data.current();
    int m = scoped(account, s, member, true);
    NextStepsData.View v = nextSteps.view(s, asOf);
    int me = account.isAdmin() ? Network.NONE : Visibility.root(account, s);
    String relation = m == me ? "self" : me == Network.NONE ? "" : s.network().isDistributor(m) ? "team" : "customer";
    return ReportPage.of(v.asOf(), lines(v, m, relation, account.isAdmin() && includeHoldout), page, size);
  }

  /** The next steps of a distributor's own customers and first-level team (a distributor: their own only). */
  @GetMapping("/next-steps/team")
  ReportPage<NextStep> forTeam(@RequestParam(required = false) String member, @RequestParam(required = false) String asOf,
      @RequestParam(defaultValue = "false") boolean includeHoldout, @RequestParam(required = false) Integer page,
      @RequestParam(required = false) Integer size, Authentication auth) {
    Account account = Visibility.account(auth);
    Snapshot s = data.current();
    int d = scoped(account, s, member, false);
    if (!s.network().isDistributor(d)) throw new NotFoundException("'" + s.network().id(d) + "' is not a distributor");
    NextStepsData.View v = nextSteps.view(s, asOf);
    List<NextStep> all = new ArrayList<>();
    for (int m : NextStepsData.team(s, d)) {
      all.addAll(lines(v, m, s.network().isDistributor(m) ? "team" : "customer", account.isAdmin() && includeHoldout));
    }
    return ReportPage.of(v.asOf(), all, page, size);
  }

  /** Every member of one segment with the reason and the playbook's step (staff only). */
  @GetMapping("/next-steps/segment")
  ReportPage<NextStep> forSegment(@RequestParam String segment, @RequestParam(required = false) String asOf,
      @RequestParam(defaultValue = "false") boolean includeHoldout, @RequestParam(required = false) Integer page,
      @RequestParam(required = false) Integer size, Authentication auth) {
    staffOnly(Visibility.account(auth));
    Snapshot s = data.current();
    String code = nextSteps.segment(segment);
    NextStepsData.View v = nextSteps.view(s, asOf);
    int[] members = v.members(code);
    int[] p = Page.params(page, size);
    PlaybookStep step = nextSteps.playbook().step(code);
    // Held-out members are skipped unless asked for, so the page is cut from the list as shown.
    List<Integer> shown = new ArrayList<>();
    for (int m : members) {
      boolean held = step != null && org.downline.nextstep.Holdout.heldOut(nextSteps.playbook().holdoutSeed(),
          s.network().id(m), step.holdoutBasisPoints());
      if (!held || includeHoldout) shown.add(m);
    }
    int from = (int) Math.min(shown.size(), Page.offset(p[0], p[1]));
    int to = Math.min(shown.size(), from + p[1]);
    List<NextStep> items = new ArrayList<>();
    for (int k = from; k < to; k++) {
      int m = shown.get(k);
      String id = s.network().id(m);
      boolean held = step != null && org.downline.nextstep.Holdout.heldOut(nextSteps.playbook().holdoutSeed(), id,
          step.holdoutBasisPoints());
      items.add(new NextStep(id, null, code, v.recommender().reason(m, code), step == null ? null : step.step(),
          step == null ? null : step.title(), step == null ? List.of() : step.materials(), includeHoldout ? held : null));
    }
    return new ReportPage<>(Periods.formatDay(v.asOf()), items, p[0], p[1], shown.size());
  }

  /**
   * The member asked for, within what the account may read: staff any member (required when
   * {@code selfDefault} is false); a distributor themselves by default, or (when {@code team} is
   * allowed) one of their own customers or first-level team. Anyone else: 404.
   */
  private static int scoped(Account account, Snapshot s, String member, boolean teamAllowed) {
    if (account.isAdmin()) {
      if (member == null || member.isBlank()) throw InvalidInputException.parameter("member", "member is required");
      return Visibility.member(account, s, member.strip());
    }
    int me = Visibility.root(account, s);
    if (member == null || member.isBlank()) return me;
    int m = s.network().indexOf(member.strip());
    if (m == me || (teamAllowed && NextStepsData.inTeamOf(s, me, m))) return m;
    throw new NotFoundException("no member '" + member.strip() + "' in your customers and first-level team");
  }

  private List<NextStep> lines(NextStepsData.View v, int m, String relation, boolean includeHoldout) {
    List<NextStep> out = new ArrayList<>();
    for (NextStepsData.StepLine l : nextSteps.lines(v, m, relation, includeHoldout)) {
      out.add(new NextStep(l.memberId(), relation.isEmpty() ? null : relation, l.segment(), l.reason(), l.step(),
          l.stepTitle(), l.materials(), includeHoldout ? l.holdout() : null));
    }
    return out;
  }

  private static BigDecimal pct(OptionalLong basisPoints) {
    return basisPoints.isPresent() ? Decimals.toBigDecimal(basisPoints.getAsLong()) : null;
  }

  private static BigDecimal share(long basisPoints) {
    return basisPoints == NetworkHealth.UNKNOWN ? null : Decimals.toBigDecimal(basisPoints);
  }
}
