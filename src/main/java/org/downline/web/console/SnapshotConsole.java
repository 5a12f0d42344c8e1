package org.downline.web.console;

import org.downline.store.Jobs;
import org.downline.web.CompanyData;
import org.downline.web.Servers;
import org.downline.web.Snapshot;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The console's Servers page: what this server holds in memory, the long jobs running on any server
 * of the database, and the full reload on every server (the console face of
 * {@code POST /api/v1/snapshot/reload}, for data changed behind the application's back).
 */
@Controller
public class SnapshotConsole {
  private final CompanyData data;
  private final Servers servers;

  public SnapshotConsole(CompanyData data, Servers servers) {
    this.data = data;
    this.servers = servers;
  }

  @GetMapping("/console/snapshot")
  String page(Model model) {
    Snapshot s = data.current();
    model.addAttribute("members", s.network().size());
    model.addAttribute("orders", s.book().size());
    model.addAttribute("applied", data.applied());
    model.addAttribute("server", Jobs.SERVER);
    model.addAttribute("jobs", servers.running());
    return "console/snapshot";
  }

  @PostMapping("/console/snapshot/reload")
  String reload(Authentication auth, Model model) {
    servers.reloadEverywhere(auth.getName());
    model.addAttribute("reloaded", true);
    return page(model);
  }
}
