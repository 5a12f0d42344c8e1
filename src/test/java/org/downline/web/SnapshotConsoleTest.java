package org.downline.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import org.downline.store.Database;
import org.downline.store.Jobs;
import org.downline.web.security.AuditLog;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** The console's servers page: the picture in memory, the running jobs, and the audited full reload. */
class SnapshotConsoleTest extends WebTestBase {
  @Autowired MockMvc mvc;
  @Autowired AuditLog audit;
  @Autowired Database db;

  @Test
  void theReloadButtonReloadsAndIsAudited() throws Exception {
    Document page = Jsoup.parse(mvc.perform(get("/console/snapshot").with(user(ADMIN))).andReturn().getResponse().getContentAsString());
    // The figures against the member table itself (TestCompany's 9, more when other tests of this context added some).
    long members = count("SELECT COUNT(*) FROM member");
    assertThat(members).isGreaterThanOrEqualTo(9);
    assertThat(page.getElementById("snapshot-members").text()).isEqualTo(Long.toString(members));
    assertThat(page.select("form[action=/console/snapshot/reload] input[name=_csrf]")).hasSize(1);
    assertThat(page.getElementById("reloaded")).isNull();

    String html = mvc.perform(post("/console/snapshot/reload").with(csrf()).with(user(ADMIN)))
        .andReturn().getResponse().getContentAsString();
    assertThat(Jsoup.parse(html).getElementById("reloaded").text()).startsWith("Reloaded: " + Long.toString(members) + " members, ");
    assertThat(audit.latest(5)).anySatisfy(e -> {
      assertThat(e.actor()).isEqualTo(TestCompany.ADMIN);
      assertThat(e.action()).isEqualTo("snapshot.reload");
      assertThat(e.target()).isEqualTo("company");
      assertThat(e.detail()).isEqualTo(members + " members, " + count("SELECT COUNT(*) FROM orders") + " orders");
    });
  }

  private long count(String sql) throws Exception {
    try (var c = db.connection(); var rs = c.createStatement().executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  @Test
  void theReloadNeedsTheCsrfToken() throws Exception {
    int status = mvc.perform(post("/console/snapshot/reload").with(user(ADMIN))).andReturn().getResponse().getStatus();
    assertThat(status).isEqualTo(403);
  }

  @Test
  void aRunningJobIsListed() throws Exception {
    String html = new Jobs(db).exclusive("payout 2026-02", TestCompany.ADMIN, () -> {
      try {
        return mvc.perform(get("/console/snapshot").with(user(ADMIN))).andReturn().getResponse().getContentAsString();
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
    Document page = Jsoup.parse(html);
    assertThat(page.select("#jobs tbody tr td").eachText()).startsWith("payout 2026-02", Jobs.SERVER, TestCompany.ADMIN);
    String after = mvc.perform(get("/console/snapshot").with(user(ADMIN))).andReturn().getResponse().getContentAsString();
    assertThat(Jsoup.parse(after).select("#jobs tbody tr td").eachText()).containsExactly("No job is running.");
  }
}
