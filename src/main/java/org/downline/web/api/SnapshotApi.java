package org.downline.web.api;

import org.downline.web.CompanyData;
import org.downline.web.Snapshot;
import org.downline.web.security.AuditLog;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Staff ask for a full reload of the in-memory company from the database, on every server of this
 * database (ADR 22): the one way besides a start, for data changed behind the application's back.
 */
@RestController
@RequestMapping("/api/v1")
public class SnapshotApi {
  private final CompanyData data;
  private final AuditLog audit;

  public SnapshotApi(CompanyData data, AuditLog audit) {
    this.data = data;
    this.audit = audit;
  }

  @PostMapping("/snapshot/reload")
  Json.Reloaded reload(Authentication auth) {
    Snapshot s = data.reloadEverywhere();
    audit.write(auth.getName(), "snapshot.reload", "company", s.network().size() + " members, " + s.book().size() + " orders");
    return new Json.Reloaded(s.network().size(), s.book().size(), data.applied());
  }
}
