package org.downline.web.console;

import org.downline.store.Database;
import org.downline.store.Jobs;
import org.downline.web.CompanyData;
import org.downline.web.Snapshot;
import org.downline.web.security.AuditLog;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The in-memory company of the servers (ADR 22): what the picture holds, the long jobs running on
 * any server of the database, and the full reload on every server (the console face of
 * {@code POST /api/v1/snapshot/reload}, for data changed behind the application's back).
 */
@Controller
public class SnapshotConsole {
  private final CompanyData data;
  private final AuditLog audit;
  private final Jobs jobs;

  public SnapshotConsole(CompanyData data, AuditLog audit, Database db) {
    this.data = data;
    this.audit = audit;
    this.jobs = new Jobs(db);
  }

  @GetMapping("/console/snapshot")
  String page(Model model) {
    Snapshot s = data.current();
    model.addAttribute("members", s.network().size());
    model.addAttribute("orders", s.book().size());
    model.addAttribute("applied", data.applied());
    model.addAttribute("server", Jobs.SERVER);
    model.addAttribute("jobs", jobs.running());
    return "console/snapshot";
  }

  @PostMapping("/console/snapshot/reload")
  String reload(Authentication auth, Model model) {
    Snapshot s = data.reloadEverywhere();
    audit.write(auth.getName(), "snapshot.reload", "company", s.network().size() + " members, " + s.book().size() + " orders");
    model.addAttribute("reloaded", true);
    return page(model);
  }
}
