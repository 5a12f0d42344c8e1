package org.downline.web;

import java.util.List;
import org.downline.store.Database;
import org.downline.store.Jobs;
import org.downline.web.security.AuditLog;
import org.springframework.stereotype.Component;

/**
 * The servers of one database as staff see them (ADR 22), for the API and the console alike: the
 * full reload on every server, audited, and the long jobs running on any of them.
 */
@Component
public class Servers {
  private final CompanyData data;
  private final AuditLog audit;
  private final Jobs jobs;

  public Servers(CompanyData data, AuditLog audit, Database db) {
    this.data = data;
    this.audit = audit;
    this.jobs = new Jobs(db);
  }

  /** Reloads the company on every server (this one before it returns) and writes who asked to the audit log. */
  public Snapshot reloadEverywhere(String actor) {
    Snapshot s = data.reloadEverywhere();
    audit.write(actor, "snapshot.reload", "company", s.network().size() + " members, " + s.book().size() + " orders");
    return s;
  }

  public List<Jobs.Running> running() {
    return jobs.running();
  }
}
