package org.downline.web.console;

import org.downline.core.InvalidInputException;
import org.downline.core.Refusal;
import org.downline.core.NotFoundException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.downline.commission.Explanation;
import org.downline.core.Periods;
import org.downline.store.CommissionStore;
import org.downline.store.RunStore;
import org.downline.web.CompanyData;
import org.downline.web.Page;
import org.downline.web.Snapshot;
import org.downline.web.pay.CommissionService;
import org.downline.web.security.AuditLog;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Commission runs in the console: periods and their runs, run a period, a run's summary, compare
 * two runs, close a run, export its lines, and explain any member's period. Runs and closes are
 * audit-logged.
 */
@Controller
public class Commissions {
  static final int COMPARE_PAGE = 50;

  private final CommissionService pay;
  private final CompanyData data;
  private final AuditLog audit;

  public Commissions(CommissionService pay, CompanyData data, AuditLog audit) {
    this.pay = pay;
    this.data = data;
    this.audit = audit;
  }

  @GetMapping("/console/commissions")
  String periods(Model model) {
    model.addAttribute("periods", pay.periods());
    model.addAttribute("defaultPeriod", Periods.name(data.current().defaultPeriod()));
    return "console/commissions";
  }

  @PostMapping("/console/commissions/run")
  String run(@RequestParam String period, Authentication auth, RedirectAttributes redirect) {
    try {
      CommissionStore.Run r = pay.run(period.strip());
      audit.write(auth.getName(), "commission.run", "period " + r.period(), "run " + r.id() + ", " + r.lines() + " lines");
      return "redirect:/console/commissions/runs/" + r.id();
    } catch (Refusal e) {
      redirect.addFlashAttribute("failure", e.getMessage());
      return "redirect:/console/commissions";
    }
  }

  private RunStore.RunInfo runOr404(long id) {
    return pay.runs().run(id).orElseThrow(() -> new NotFoundException("no commission run " + id));
  }

  @GetMapping("/console/commissions/runs/{id}")
  String run(@PathVariable long id, Model model) {
    RunStore.RunInfo run = runOr404(id);
    model.addAttribute("summary", pay.summary(run));
    model.addAttribute("state", pay.state(run.period()));
    model.addAttribute("others", pay.runs().runs(run.period()).stream().filter(r -> r.id() != id).toList());
    return "console/run";
  }

  @PostMapping("/console/commissions/runs/{id}/close")
  String close(@PathVariable long id, @RequestParam(required = false) String confirm, Authentication auth,
      RedirectAttributes redirect) {
    RunStore.RunInfo run = runOr404(id);
    if (!"yes".equals(confirm)) {
      redirect.addFlashAttribute("failure", "tick the confirmation to close " + run.period() + " with run " + id);
      return "redirect:/console/commissions/runs/" + id;
    }
    try {
      pay.close(run.period(), id);
      audit.write(auth.getName(), "commission.close", "period " + run.period(), "run " + id);
      redirect.addFlashAttribute("closed", true);
    } catch (Refusal e) {
      redirect.addFlashAttribute("failure", e.getMessage());
    }
    return "redirect:/console/commissions/runs/" + id;
  }

  @GetMapping("/console/commissions/runs/{id}/lines.csv")
  ResponseEntity<byte[]> lines(@PathVariable long id) {
    RunStore.RunInfo run = runOr404(id);
    return ResponseEntity.ok()
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"lines-" + run.period() + "-run-" + id + ".csv\"")
        .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
        .body(pay.linesCsv(id).getBytes(StandardCharsets.UTF_8));
  }

  @GetMapping("/console/commissions/compare")
  String compare(@RequestParam long a, @RequestParam long b, @RequestParam(required = false) Integer page, Model model) {
    RunStore.RunInfo ra = runOr404(a);
    RunStore.RunInfo rb = runOr404(b);
    if (!ra.period().equals(rb.period())) throw InvalidInputException.parameter("b", "runs " + a + " and " + b + " are of different periods");
    CommissionService.Comparison c = pay.compare(ra, rb);
    int[] paging = Page.params(page, COMPARE_PAGE);
    List<CommissionService.MemberDiff> all = c.members();
    int from = (int) Math.min(all.size(), Page.offset(paging[0], paging[1]));
    int to = Math.min(all.size(), from + paging[1]);
    model.addAttribute("comparison", c);
    model.addAttribute("members", new Page<>(all.subList(from, to), paging[0], paging[1], all.size()));
    return "console/compare";
  }

  @GetMapping("/console/commissions/explain")
  String explain(@RequestParam(required = false) String member, @RequestParam(required = false) String period, Model model) {
    Snapshot s = data.current();
    String p = Periods.name(s.period(period));
    model.addAttribute("period", p);
    model.addAttribute("member", member);
    if (member != null && !member.isBlank()) {
      int m = s.network().indexOf(member.strip());
      if (m < 0) throw new NotFoundException("no member '" + member + "'");
      Explanation e = pay.explain(member.strip(), p);
      model.addAttribute("explanation", e);
    }
    return "console/explain";
  }
}
