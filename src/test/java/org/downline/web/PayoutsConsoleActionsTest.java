package org.downline.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import org.downline.web.security.AuditLog;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** Staff hold, release and run payouts from the console; each write is audited; a distributor may not. */
class PayoutsConsoleActionsTest extends WebTestBase {
  @Autowired MockMvc mvc;
  @Autowired AuditLog audit;

  @Test
  void staffHoldReleaseAndRunFromTheConsole() throws Exception {
    var held = mvc.perform(post("/console/payouts/holds").with(csrf()).with(user(ADMIN)).param("memberId", "C")
        .param("reason", "KYC documents missing")).andReturn().getResponse();
    assertThat(held.getRedirectedUrl()).isEqualTo("/console/payouts");
    String page = mvc.perform(get("/console/payouts").with(user(ADMIN))).andReturn().getResponse().getContentAsString();
    assertThat(page).contains("KYC documents missing", "id=\"pay-run\"");
    assertThat(audit.latest(5)).anySatisfy(e -> assertThat(e.action()).contains("hold"));
    mvc.perform(post("/console/payouts/holds/release").with(csrf()).with(user(ADMIN)).param("memberId", "C"));
    page = mvc.perform(get("/console/payouts").with(user(ADMIN))).andReturn().getResponse().getContentAsString();
    assertThat(page).doesNotContain("KYC documents missing");
    // No closed period has been posted in this company: the run pays nobody and says nothing was made.
    var run = mvc.perform(post("/console/payouts/run").with(csrf()).with(user(ADMIN)).param("through", "2026-02"))
        .andReturn().getResponse();
    assertThat(run.getStatus()).isEqualTo(200);
    var bad = mvc.perform(post("/console/payouts/run").with(csrf()).with(user(ADMIN)).param("through", "2026-13"))
        .andReturn().getResponse();
    assertThat(bad.getStatus()).isEqualTo(400);
  }

  /** The payout refusals are told in the reader's language, on the console's problem page and in the API (ADR 29). */
  @Test
  void refusalsInTheReadersLanguage() throws Exception {
    String[][] told = {
        {"en", "member C has no open hold", "a hold needs a reason"},
        {"ro", "membrul C nu are nicio reținere deschisă", "o reținere are nevoie de un motiv"},
        {"pl", "członek C nie ma otwartego wstrzymania", "wstrzymanie wymaga powodu"}};
    for (String[] t : told) {
      var release = mvc.perform(post("/console/payouts/holds/release").with(csrf()).with(user(ADMIN)).param("memberId", "C")
          .header("Accept-Language", t[0])).andReturn().getResponse();
      assertThat(release.getStatus()).isEqualTo(409);
      assertThat(release.getContentAsString()).contains("id=\"problem\">" + t[1] + "</p>");
      var hold = mvc.perform(post("/api/v1/payouts/holds").with(csrf()).with(user(ADMIN))
          .contentType(MediaType.APPLICATION_JSON).content("{\"memberId\":\"C\",\"reason\":\" \"}")
          .header("Accept-Language", t[0])).andReturn().getResponse();
      assertThat(hold.getStatus()).isEqualTo(400);
      assertThat(hold.getContentAsString()).contains("\"message\":\"" + t[2] + "\"");
    }
  }

  @Test
  void aDistributorMayNotWrite() throws Exception {
    var r = mvc.perform(post("/console/payouts/holds").with(csrf()).with(user(BEN)).param("memberId", "C")
        .param("reason", "x")).andReturn().getResponse();
    assertThat(r.getStatus()).isEqualTo(403);
  }
}
