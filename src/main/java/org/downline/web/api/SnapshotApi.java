package org.downline.web.api;

import java.util.List;
import org.downline.store.Database;
import org.downline.store.Jobs;
import org.downline.web.CompanyData;
import org.downline.web.Snapshot;
import org.downline.web.security.AuditLog;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The servers of one database (ADR 22): staff ask for a full reload of the in-memory company on
 * every one of them (the one way besides a start, for data changed behind the application's back),
 * and see the long jobs running on any of them.
 */
@RestController
@RequestMapping("/api/v1")
public class SnapshotApi {
  private final CompanyData data;
  private final AuditLog audit;
  private final Jobs jobs;

  public SnapshotApi(CompanyData data, AuditLog audit, Database db) {
    this.data = data;
    this.audit = audit;
    this.jobs = new Jobs(db);
  }

  @GetMapping("/jobs")
  List<Json.Job> jobs() {
    return jobs.running().stream().map(j -> new Json.Job(j.name(), j.server(), j.actor(), j.startedAt().toString())).toList();
  }

  @PostMapping("/snapshot/reload")
  Json.Reloaded reload(Authentication auth) {
    Snapshot s = data.reloadEverywhere();
    audit.write(auth.getName(), "snapshot.reload", "company", s.network().size() + " members, " + s.book().size() + " orders");
    return new Json.Reloaded(s.network().size(), s.book().size(), data.applied());
  }
}
