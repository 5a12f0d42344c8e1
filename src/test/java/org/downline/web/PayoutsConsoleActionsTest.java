package org.downline.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import org.downline.web.security.Account;
import org.downline.web.security.AuditLog;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;

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

  private MockHttpServletResponse asked(Account who, MockHttpServletRequestBuilder r, String language) throws Exception {
    MockHttpServletResponse res = mvc.perform(r.with(csrf()).with(user(who)).header("Accept-Language", language))
        .andReturn().getResponse();
    res.setCharacterEncoding("UTF-8");
    return res;
  }

  private String apiMessage(Account who, MockHttpServletRequestBuilder r, String language, int status) throws Exception {
    MockHttpServletResponse res = asked(who, r, language);
    assertThat(res.getStatus()).as(res.getContentAsString()).isEqualTo(status);
    JsonNode answer = ApiTest.json(res);
    assertThat(answer.get("status").asInt()).isEqualTo(status);
    assertThat(answer.get("details").isEmpty()).isTrue(); // the error shape as before: the message alone
    return answer.get("message").asString();
  }

  private static MockHttpServletRequestBuilder body(MockHttpServletRequestBuilder r, String json) {
    return r.contentType(MediaType.APPLICATION_JSON).content(json);
  }

  /**
   * The payout API's own refusals (its parameters, its body, who may read whom) in the reader's language
   * (ADR 29): the texts are the bundles', written here by hand; the English is what the API always said.
   * Every request is refused, so nothing is written.
   */
  @Test
  void theApisOwnRefusalsInTheReadersLanguage() throws Exception {
    String[][] told = {
        {"en", "staff name the member: ?member=ID", "no payout batch 999999", "amount has more than two decimal places",
            "minimum has more than two decimal places", "through (YYYY-MM) is required", "memberId and amount are required",
            "memberId is required", "only staff may do this", "no member 'D' you may read"},
        {"ro", "personalul trebuie să indice membrul: ?member=ID", "nu există lotul de plăți 999999",
            "câmpul amount are mai mult de două zecimale", "câmpul minimum are mai mult de două zecimale",
            "câmpul through (AAAA-LL) este obligatoriu", "câmpurile memberId și amount sunt obligatorii",
            "câmpul memberId este obligatoriu", "doar personalul poate face acest lucru",
            "nu există membrul 'D' pe care îl puteți consulta"},
        {"pl", "personel musi wskazać członka: ?member=ID", "brak partii wypłat 999999",
            "pole amount ma więcej niż dwa miejsca po przecinku", "pole minimum ma więcej niż dwa miejsca po przecinku",
            "pole through (RRRR-MM) jest wymagane", "pola memberId i amount są wymagane", "pole memberId jest wymagane",
            "tylko personel może to zrobić", "nie ma członka 'D', którego dane możesz przeglądać"}};
    for (String[] t : told) {
      String language = t[0];
      assertThat(apiMessage(ADMIN, get("/api/v1/payouts/balance"), language, 400)).isEqualTo(t[1]);
      assertThat(apiMessage(ADMIN, get("/api/v1/payouts/batches/999999"), language, 404)).isEqualTo(t[2]);
      assertThat(apiMessage(ADMIN, body(post("/api/v1/payouts/adjustments"),
          "{\"memberId\":\"D\",\"amount\":1.005,\"period\":\"2026-01\",\"reason\":\"r\"}"), language, 400)).isEqualTo(t[3]);
      assertThat(apiMessage(ADMIN, body(post("/api/v1/payouts/batches"), "{\"through\":\"2026-01\",\"minimum\":1.001}"),
          language, 400)).isEqualTo(t[4]);
      assertThat(apiMessage(ADMIN, body(post("/api/v1/payouts/batches"), "{\"minimum\":5}"), language, 400)).isEqualTo(t[5]);
      assertThat(apiMessage(ADMIN, body(post("/api/v1/payouts/adjustments"), "{\"memberId\":\"D\",\"reason\":\"r\"}"),
          language, 400)).isEqualTo(t[6]);
      assertThat(apiMessage(ADMIN, body(post("/api/v1/payouts/holds"), "{\"reason\":\"documents\"}"), language, 400))
          .isEqualTo(t[7]);
      assertThat(apiMessage(BEN, get("/api/v1/payouts/batches"), language, 403)).isEqualTo(t[8]);
      assertThat(apiMessage(BEN, get("/api/v1/payouts/balance?member=D"), language, 404)).isEqualTo(t[9]);
    }
  }

  /** The console's own refusals and its parameters' reasons, on the problem page in the reader's language. */
  @Test
  void theConsolesOwnRefusalsInTheReadersLanguage() throws Exception {
    String[][] told = {
        {"en", "no payout batch 999999", "threshold: &#39;abc&#39; is not a number",
            "threshold: &#39;1.234&#39; has more than two decimal places", "&#39;1.005&#39; has more than two decimal places",
            "&#39;x7&#39; is not a whole number", "&#39;lots&#39; is not a number", "empty number"},
        {"ro", "nu există lotul de plăți 999999", "prag: &#39;abc&#39; nu este un număr",
            "prag: &#39;1.234&#39; are mai mult de două zecimale", "&#39;1.005&#39; are mai mult de două zecimale",
            "&#39;x7&#39; nu este un număr întreg", "&#39;lots&#39; nu este un număr", "numărul lipsește"},
        {"pl", "brak partii wypłat 999999", "próg: &#39;abc&#39; nie jest liczbą",
            "próg: &#39;1.234&#39; ma więcej niż dwa miejsca po przecinku", "&#39;1.005&#39; ma więcej niż dwa miejsca po przecinku",
            "&#39;x7&#39; nie jest liczbą całkowitą", "&#39;lots&#39; nie jest liczbą", "brak liczby"}};
    for (String[] t : told) {
      String language = t[0];
      assertProblem(asked(ADMIN, get("/console/payouts/batches/999999"), language), 404, t[1]);
      assertProblem(asked(ADMIN, get("/console/payouts/tax").param("threshold", "abc"), language), 400, t[2]);
      assertProblem(asked(ADMIN, get("/console/payouts/tax.csv").param("threshold", "1.234"), language), 400, t[3]);
      MockHttpServletRequestBuilder adjust = post("/console/payouts/adjustments").param("memberId", "D")
          .param("period", "2026-01").param("reason", "r");
      assertProblem(asked(ADMIN, adjust.param("amount", "1.005"), language), 400, t[4]);
      assertProblem(asked(ADMIN, post("/console/payouts/adjustments").param("memberId", "D").param("period", "2026-01")
          .param("reason", "r").param("amount", "1.00").param("corrects", "x7"), language), 400, t[5]);
      assertProblem(asked(ADMIN, post("/console/payouts/run").param("through", "2026-01").param("minimum", "lots"), language),
          400, t[6]);
      assertProblem(asked(ADMIN, post("/console/payouts/adjustments").param("memberId", "D").param("period", "2026-01")
          .param("reason", "r").param("amount", " "), language), 400, t[7]);
    }
  }

  private static void assertProblem(MockHttpServletResponse r, int status, String message) throws Exception {
    assertThat(r.getStatus()).as(r.getContentAsString()).isEqualTo(status);
    assertThat(r.getContentAsString()).contains("id=\"problem\">" + message + "</p>");
  }

  @Test
  void aDistributorMayNotWrite() throws Exception {
    var r = mvc.perform(post("/console/payouts/holds").with(csrf()).with(user(BEN)).param("memberId", "C")
        .param("reason", "x")).andReturn().getResponse();
    assertThat(r.getStatus()).isEqualTo(403);
  }
}
