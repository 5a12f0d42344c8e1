package org.downline.web.api;

import java.util.List;
import org.downline.web.CompanyData;
import org.downline.web.Servers;
import org.downline.web.Snapshot;
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
  private final Servers servers;

  public SnapshotApi(CompanyData data, Servers servers) {
    this.data = data;
    this.servers = servers;
  }

  @GetMapping("/jobs")
  List<Json.Job> jobs() {
    return servers.running().stream().map(j -> new Json.Job(j.name(), j.server(), j.actor(), j.startedAt().toString())).toList();
  }

  @PostMapping("/snapshot/reload")
  Json.Reloaded reload(Authentication auth) {
    Snapshot s = servers.reloadEverywhere(auth.getName());
    return new Json.Reloaded(s.network().size(), s.book().size(), data.applied());
  }
}
