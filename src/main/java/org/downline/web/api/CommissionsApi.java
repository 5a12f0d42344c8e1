package org.downline.web.api;

import org.downline.core.NotFoundException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.downline.commission.Explanation;
import org.downline.core.Decimals;
import org.downline.core.Periods;
import org.downline.store.CommissionStore;
import org.downline.store.RunStore;
import org.downline.web.CompanyData;
import org.downline.web.Page;
import org.downline.web.Snapshot;
import org.downline.web.Visibility;
import org.downline.web.pay.CommissionService;
import org.downline.web.security.Account;
import org.downline.web.security.AuditLog;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Commission periods and runs (staff only: /api/v1/commissions/** is admin in the security
 * configuration), and a member's explanation of a period (staff, or the distributor themselves).
 */
@RestController
@RequestMapping("/api/v1")
public class CommissionsApi {
  private final CommissionService pay;
  private final CompanyData data;
  private final AuditLog audit;

  public CommissionsApi(CommissionService pay, CompanyData data, AuditLog audit) {
    this.pay = pay;
    this.data = data;
    this.audit = audit;
  }

  public record Run(long id, String period, boolean closed, String planName, String planVersion, String inputsSha256,
      String linesSha256, long lines, BigDecimal total, String createdAt) {
    static Run of(RunStore.RunInfo r) {
      return new Run(r.id(), r.period(), r.closed(), r.planName(), r.planVersion(), r.inputsSha256(), r.linesSha256(),
          r.lines(), Decimals.toBigDecimal(r.total()), r.createdAt().toString());
    }
  }

  public record PeriodRuns(String name, String state, List<Run> runs) {}

  public record Summary(Run run, Map<String, BigDecimal> totalsByBonus, BigDecimal cv, String payoutShareOfCv,
      boolean capApplied, BigDecimal capLimit) {}

  public record Line(String earnerId, String bonus, BigDecimal amount, String sourceOrderId, String sourceMemberId,
      int level) {}

  @GetMapping("/commissions/periods")
  Json.PageBody<PeriodRuns> periods(@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
    int[] paging = Page.params(page, size);
    List<CommissionService.PeriodRuns> all = pay.periods();
    int from = (int) Math.min(all.size(), Page.offset(paging[0], paging[1]));
    int to = Math.min(all.size(), from + paging[1]);
    List<PeriodRuns> items = new ArrayList<>();
    for (CommissionService.PeriodRuns p : all.subList(from, to)) {
      items.add(new PeriodRuns(p.name(), p.state(), p.runs().stream().map(Run::of).toList()));
    }
    return new Json.PageBody<>(items, paging[0], paging[1], all.size());
  }

  @PostMapping("/commissions/periods/{period}/runs")
  ResponseEntity<Run> run(@PathVariable String period, Authentication auth) {
    CommissionStore.Run r = pay.run(period);
    audit.write(auth.getName(), "commission.run", "period " + r.period(), "run " + r.id() + ", " + r.lines() + " lines");
    return ResponseEntity.status(HttpStatus.CREATED).body(Run.of(runOr404(r.id())));
  }

  @PostMapping("/commissions/runs/{id}/close")
  Run close(@PathVariable long id, Authentication auth) {
    RunStore.RunInfo run = runOr404(id);
    pay.close(run.period(), id);
    audit.write(auth.getName(), "commission.close", "period " + run.period(), "run " + id);
    return Run.of(runOr404(id));
  }

  @GetMapping("/commissions/runs/{id}")
  Summary summary(@PathVariable long id) {
    CommissionService.Summary s = pay.summary(runOr404(id));
    Map<String, BigDecimal> totals = new LinkedHashMap<>();
    s.totalsByBonus().forEach((k, v) -> totals.put(k, Decimals.toBigDecimal(v)));
    String share = new org.downline.web.Formats().percent(s.run().total(), s.cv());
    return new Summary(Run.of(s.run()), totals, Decimals.toBigDecimal(s.cv()), share, s.capApplied(),
        Decimals.toBigDecimal(s.capLimit()));
  }

  @GetMapping("/commissions/runs/{id}/lines")
  Json.PageBody<Line> lines(@PathVariable long id, @RequestParam(required = false) Integer page,
      @RequestParam(required = false) Integer size) {
    RunStore.RunInfo run = runOr404(id);
    int[] paging = Page.params(page, size);
    List<Line> items = new ArrayList<>();
    for (RunStore.Line l : pay.runs().lines(id, Page.offset(paging[0], paging[1]), paging[1])) {
      items.add(new Line(l.earnerId(), l.bonus(), Decimals.toBigDecimal(l.amount()), l.sourceOrderId(), l.sourceMemberId(),
          l.level()));
    }
    return new Json.PageBody<>(items, paging[0], paging[1], run.lines());
  }

  /** A member's period explained: staff for anyone, a distributor only for themselves (others: 404). */
  @GetMapping("/members/{id}/explanation")
  ExplanationBody explanation(@PathVariable String id, @RequestParam(required = false) String period, Authentication auth) {
    Account account = Visibility.account(auth);
    Snapshot s = data.current();
    int m = ownPayOnly(account, s, id);
    if (!s.network().isDistributor(m)) throw new NotFoundException("'" + id + "' is a customer; only distributors have pay");
    return ExplanationBody.of(pay.explain(id, Periods.name(s.period(period))));
  }

  /** {@link Explanation} with amounts and volumes as decimals and each check and shortfall also in words. */
  public record ExplanationBody(String period, String memberId, BigDecimal pv, BigDecimal gv, boolean active, String rank,
      List<LegBody> legs, List<RankBody> ranks, List<LineBody> lines, BigDecimal total, NextBody nextRank) {
    static ExplanationBody of(Explanation e) {
      List<LegBody> legs = e.legs().stream().map(l -> new LegBody(l.headId(), Decimals.toBigDecimal(l.gv()),
          l.capped().stream().map(c -> new CappedBody(Decimals.toBigDecimal(c.legCap()), Decimals.toBigDecimal(c.counted())))
              .toList(), l.highestRank())).toList();
      List<RankBody> ranks = e.ranks().stream().map(r -> new RankBody(r.rank(), r.qualifies(), r.checks().stream()
          .map(c -> new CheckBody(c.what(), c.volume() ? Decimals.toBigDecimal(c.figure()) : BigDecimal.valueOf(c.figure()),
              c.volume() ? Decimals.toBigDecimal(c.needed()) : BigDecimal.valueOf(c.needed()), c.met(), c.describe()))
          .toList())).toList();
      List<LineBody> lines = e.lines().stream().map(l -> new LineBody(l.bonus(), Decimals.toBigDecimal(l.amount()),
          l.sourceOrderId(), l.sourceMemberId(), l.level(), l.rate(), l.rule())).toList();
      NextBody next = e.nextRank() == null ? null : new NextBody(e.nextRank().rank(),
          e.nextRank().missing().stream().map(Explanation.Missing::describe).toList());
      return new ExplanationBody(e.period(), e.memberId(), Decimals.toBigDecimal(e.pv()), Decimals.toBigDecimal(e.gv()),
          e.active(), e.rank(), legs, ranks, lines, Decimals.toBigDecimal(e.total()), next);
    }
  }

  public record LegBody(String headId, BigDecimal gv, List<CappedBody> capped, String highestRank) {}

  public record CappedBody(BigDecimal legCap, BigDecimal counted) {}

  public record RankBody(String rank, boolean qualifies, List<CheckBody> checks) {}

  public record CheckBody(String what, BigDecimal figure, BigDecimal needed, boolean met, String text) {}

  public record LineBody(String bonus, BigDecimal amount, String sourceOrderId, String sourceMemberId, int level,
      String rate, String rule) {}

  public record NextBody(String rank, List<String> missing) {}

  /**
   * The member's index when the account may read their pay: staff any member; a distributor only
   * themselves, so even their own downline's pay answers "not found".
   */
  public static int ownPayOnly(Account account, Snapshot s, String id) {
    if (!account.isAdmin() && !id.equals(account.memberId())) {
      throw new NotFoundException("no pay of member '" + id + "' for you; a distributor reads only their own");
    }
    return Visibility.member(account, s, id);
  }

  private RunStore.RunInfo runOr404(long id) {
    return pay.runs().run(id).orElseThrow(() -> new NotFoundException("no commission run " + id));
  }
}
