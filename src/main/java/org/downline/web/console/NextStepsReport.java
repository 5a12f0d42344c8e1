package org.downline.web.console;

import org.downline.core.NotFoundException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.downline.core.Decimals;
import org.downline.core.Periods;
import org.downline.network.Network;
import org.downline.nextstep.DistributorSegments;
import org.downline.nextstep.FrequencyReport;
import org.downline.nextstep.ImpactProjection;
import org.downline.nextstep.NetworkHealth;
import org.downline.nextstep.PlaybookStep;
import org.downline.nextstep.Population;
import org.downline.nextstep.Segments;
import org.downline.web.CompanyData;
import org.downline.web.MemberDirectory;
import org.downline.web.NextStepsData;
import org.downline.web.Page;
import org.downline.web.Snapshot;
import org.downline.web.security.AuditLog;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.json.JsonMapper;

/**
 * The next-steps report (see docs/next-steps.md): purchase frequency with charts, distributor
 * segments, drill-down to a segment's members with the reason and the playbook's step, conversion
 * and lift of issued recommendations, the impact projection, network health; and issuing the
 * current recommendations (audit-logged). Every figure comes from the engine on the snapshot.
 */
@Controller
public class NextStepsReport {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final CompanyData data;
  private final NextStepsData nextSteps;
  private final MemberDirectory directory;
  private final AuditLog audit;

  public NextStepsReport(CompanyData data, NextStepsData nextSteps, MemberDirectory directory, AuditLog audit) {
    this.data = data;
    this.nextSteps = nextSteps;
    this.directory = directory;
    this.audit = audit;
  }

  /** A distributor-segment line with the segment code to drill into (null when there is none). */
  public record SegmentLine(String group, String label, long members, Long leadersDeveloped, String drill) {}

  /** A conversion line with the rates as percentages ("" when unknown). */
  public record ConversionLine(String segment, String step, long recommended, long took, long heldOut, long heldOutTook,
      String conversion, String heldOutConversion, String lift, String relativeLift) {}

  /** An impact line: the segment, where it steps to, members, the rate used and where it came from, the change. */
  public record ImpactLine(String segment, String next, long members, String rate, String rateFrom, long change) {}

  public record ImpactView(String population, List<ImpactLine> lines, long revenue, long change, long ruleOfThumb) {}

  public record HealthView(String memberId, int frontline, int legs, int depth, long gv, String largestLegShare,
      String duplication, String retention90, String retention12Months) {}

  @GetMapping("/console/next-steps")
  String report(@RequestParam(required = false) String asOf, @RequestParam(required = false) String member,
      @RequestParam(required = false) Long issued, @RequestParam(required = false) Long heldOut, Model model) {
    Snapshot s = data.current();
    NextStepsData.View v = nextSteps.view(s, asOf);
    model.addAttribute("asOf", Periods.formatDay(v.asOf()));
    model.addAttribute("window", v.frequency().window().toString());
    model.addAttribute("frequencyRows", v.frequency().rows());
    model.addAttribute("chartJson", chart(v.frequency()));
    model.addAttribute("segments", segmentLines(v));

    NextStepsData.Conversion conversion = nextSteps.conversion(v, null);
    List<ConversionLine> lines = new ArrayList<>();
    for (var r : conversion.report().rows()) {
      lines.add(new ConversionLine(r.segment(), r.step(), r.treated(), r.treatedTaken(), r.holdout(), r.holdoutTaken(),
          pct(r.treatedRate()), pct(r.holdoutRate()), points(r.lift()), pct(r.relativeLift())));
    }
    model.addAttribute("conversion", lines);
    Map<String, Long> issueDays = new LinkedHashMap<>();
    conversion.perIssueDay().forEach((day, n) -> issueDays.put(Periods.formatDay(day), n));
    model.addAttribute("issueDays", issueDays);

    List<ImpactView> impacts = new ArrayList<>();
    for (Population p : Population.values()) impacts.add(impact(v, p, conversion));
    model.addAttribute("impacts", impacts);

    NetworkHealth.Company company = v.health().company();
    model.addAttribute("company", company);
    model.addAttribute("companyDuplication", share(company.duplication()));
    model.addAttribute("companyRetention90", share(company.retention90()));
    model.addAttribute("companyRetention12", share(company.retention12Months()));
    model.addAttribute("member", member);
    if (member != null && !member.isBlank()) {
      int m = s.network().indexOf(member.strip());
      if (m == Network.NONE || !s.network().isDistributor(m)) {
        throw new NotFoundException("no distributor '" + member.strip() + "'");
      }
      model.addAttribute("health", health(v, m));
    }
    model.addAttribute("issued", issued);
    model.addAttribute("heldOut", heldOut);
    return "console/next-steps";
  }

  /** Issues the current recommendations as of the date, as {@code downline next-steps --issue} does. */
  @PostMapping("/console/next-steps/issue")
  String issue(@RequestParam(required = false) String asOf, Authentication auth) {
    NextStepsData.View v = nextSteps.view(data.current(), asOf);
    NextStepsData.Issued done = nextSteps.issue(v);
    audit.write(auth.getName(), "next-steps.issue", "as of " + Periods.formatDay(done.day()),
        done.count() + " next steps, " + done.heldOut() + " held out");
    return "redirect:" + UriComponentsBuilder.fromPath("/console/next-steps")
        .queryParam("asOf", Periods.formatDay(done.day()))
        .queryParam("issued", done.count())
        .queryParam("heldOut", done.heldOut())
        .build().toUriString();
  }

  /** One row of a segment's drill-down. */
  public record MemberLine(String id, String name, String kind, String reason, String step, List<String> materials,
      boolean holdout) {}

  @GetMapping("/console/next-steps/segment")
  String segment(@RequestParam String segment, @RequestParam(required = false) String asOf,
      @RequestParam(required = false) Integer page, Model model) {
    Snapshot s = data.current();
    NextStepsData.View v = nextSteps.view(s, asOf);
    String code = nextSteps.segment(segment);
    int[] paging = Page.params(page, Page.DEFAULT_SIZE);
    int[] members = v.members(code);
    int from = (int) Math.min(members.length, Page.offset(paging[0], paging[1]));
    int to = Math.min(members.length, from + paging[1]);
    List<String> ids = new ArrayList<>();
    for (int k = from; k < to; k++) ids.add(s.network().id(members[k]));
    Map<String, String> names = directory.names(ids);
    PlaybookStep step = nextSteps.playbook().step(code);
    List<MemberLine> lines = new ArrayList<>();
    for (int k = from; k < to; k++) {
      int m = members[k];
      String id = s.network().id(m);
      boolean held = step != null && org.downline.nextstep.Holdout.heldOut(nextSteps.playbook().holdoutSeed(), id,
          step.holdoutBasisPoints());
      lines.add(new MemberLine(id, names.get(id), s.network().isDistributor(m) ? "distributor" : "customer",
          v.recommender().reason(m, code), step == null ? null : step.title(),
          step == null ? List.of() : step.materials(), held));
    }
    model.addAttribute("asOf", Periods.formatDay(v.asOf()));
    model.addAttribute("segment", code);
    model.addAttribute("step", step);
    model.addAttribute("lines", lines);
    model.addAttribute("page", new Page<>(lines, paging[0], paging[1], members.length));
    return "console/next-steps-segment";
  }

  static List<FrequencyReport.Row> rows(FrequencyReport report, Population p) {
    return report.rows().stream().filter(r -> r.population() == p).toList();
  }

  private static String chart(FrequencyReport report) {
    Map<String, Object> chart = new LinkedHashMap<>();
    List<String> labels = new ArrayList<>();
    for (FrequencyReport.Row r : rows(report, Population.CUSTOMERS)) labels.add(r.segment());
    chart.put("labels", labels);
    for (Population p : Population.values()) {
      List<Object> members = new ArrayList<>();
      List<Object> revenue = new ArrayList<>();
      for (FrequencyReport.Row r : rows(report, p)) {
        members.add(r.members());
        revenue.add(Decimals.toBigDecimal(r.revenue()));
      }
      chart.put(p.code() + "Members", members);
      chart.put(p.code() + "Revenue", revenue);
    }
    return JSON.writeValueAsString(chart);
  }

  static List<SegmentLine> segmentLines(NextStepsData.View v) {
    List<SegmentLine> out = new ArrayList<>();
    for (DistributorSegments.Row r : v.distributors().report(v.rankNames())) {
      String drill = switch (r.group()) {
        case "months-active" -> Segments.MONTHS_ACTIVE + r.segment();
        case "fast-start" -> r.segment().endsWith(":pending")
            ? Segments.FAST_START + r.segment().substring(0, r.segment().indexOf("-in-")) : null;
        case "leaders" -> Segments.LEADERS;
        default -> r.group();
      };
      out.add(new SegmentLine(r.group(), r.segment(), r.members(),
          "leaders".equals(r.group()) ? r.leadersDeveloped() : null, drill));
    }
    return out;
  }

  ImpactView impact(NextStepsData.View v, Population p, NextStepsData.Conversion conversion) {
    NextStepsData.Impact impact = nextSteps.impact(v, p, ImpactProjection.RULE_OF_THUMB_BASIS_POINTS, conversion.report());
    ImpactProjection.Projection projection = impact.projection();
    List<ImpactLine> lines = new ArrayList<>();
    for (int k = 0; k < projection.rows().size(); k++) {
      ImpactProjection.Row r = projection.rows().get(k);
      int s = v.frequency().bounds().indexOf(r.segment());
      lines.add(new ImpactLine(r.segment(), r.next(), r.members(), Decimals.format(r.rate()),
          impact.observed()[s] ? "observed" : "given", r.change()));
    }
    return new ImpactView(p.code(), lines, projection.revenue(), projection.change(), projection.ruleOfThumb());
  }

  static HealthView health(NextStepsData.View v, int m) {
    NetworkHealth h = v.health();
    return new HealthView(v.snapshot().network().id(m), h.frontline(m), h.legs(m), h.depth(m), h.gv(m),
        share(h.largestLegShare(m)), share(h.duplication(m)), share(h.retention90(m)), share(h.retention12Months(m)));
  }

  /** Basis points as "12.50 %"; a dash when there is no base. */
  public static String share(long basisPoints) {
    return basisPoints == NetworkHealth.UNKNOWN ? "–" : Decimals.format(basisPoints) + " %";
  }

  /** Lift in percentage points (basis points of share / 100) as "12.50 pts". */
  static String points(OptionalLong basisPoints) {
    return basisPoints.isPresent() ? Decimals.format(basisPoints.getAsLong()) + " pts" : "–";
  }

  static String pct(OptionalLong basisPoints) {
    return basisPoints.isPresent() ? Decimals.format(basisPoints.getAsLong()) + " %" : "–";
  }
}
