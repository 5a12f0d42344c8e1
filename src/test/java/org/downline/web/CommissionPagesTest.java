package org.downline.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import org.downline.web.security.Account;
import org.downline.web.security.AuditLog;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The commission pages and API through a period's life on {@link TestCompany} (its own database):
 * run February 2026, read the run, explain, see it in the back office, take an order through the
 * API (the projection moves at once), run again, compare, close in order, export, and refuse
 * February's orders afterwards.
 *
 * <p>February 2026 under the demo plan, by hand (Active = PV >= 100: only A 100 and H 220):
 * <ul>
 * <li>customer 20% of a customer's order's net CV to its owner: O3 (E, CV 25 - return 5 = 20) gives
 *   B 4.00; O6 (J, CV 15) gives H 3.00. Total 7.00.
 * <li>fast_start 25% of CV of a distributor's order in their first 30 days, to an Active sponsor: O2
 *   (B joined 2026-01-05, ordered 2026-02-03 = day 29) gives A 25% x 40 = 10.00; O4 (D, day 6)
 *   would pay B, who is not Active; nothing else is within 30 days. Total 10.00.
 * <li>unilevel, compressed to Active uplines, level 1 = 5%: O2 (owner B) A 2.00; O3 (owner B, CV 20)
 *   A 1.00; O4 (owner D; B skipped) A 1.50; O1, O5, O6 have no Active upline; O7 has CV 0. Total 4.50.
 * <li>no matching (nobody is gold), no rank advancement (nobody is silver).
 * <li>cap: T = 80 + 40 + 20 + 30 + 150 + 15 + 0 = 335.00; 50% = 167.50; C + U = 17.00 + 4.50 =
 *   21.50, under the limit: not applied.
 * <li>payout 21.50; share of CV 21.50 / 335.00 = 6.42 % shown to one decimal as 6.4 %.
 * </ul>
 * Pay: A 10.00 + 4.50 = 14.50, B 4.00, H 3.00.
 */
@SpringBootTest(classes = WebApp.class)
@AutoConfigureMockMvc
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CommissionPagesTest {
  static final JsonMapper JSON = JsonMapper.builder().build();
  static final Account ADMIN = WebTestBase.ADMIN;
  static final Account BEN = WebTestBase.BEN;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    registry.add(WebApp.DB_URL, () -> PayTestDatabases.url("paypages"));
  }

  @Autowired MockMvc mvc;
  @Autowired AuditLog audit;

  static long firstRun;
  static long secondRun;

  String page(String url, Account who) throws Exception {
    MockHttpServletResponse r = mvc.perform(get(url).with(user(who))).andReturn().getResponse();
    assertThat(r.getStatus()).as(url).isEqualTo(200);
    return r.getContentAsString();
  }

  MockHttpServletResponse api(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder b, String who)
      throws Exception {
    return mvc.perform(b.with(httpBasic(who, TestCompany.PASSWORD))).andReturn().getResponse();
  }

  long runFromPage(String period) throws Exception {
    String to = mvc.perform(post("/console/commissions/run").param("period", period).with(csrf()).with(user(ADMIN)))
        .andReturn().getResponse().getRedirectedUrl();
    assertThat(to).startsWith("/console/commissions/runs/");
    return Long.parseLong(to.substring(to.lastIndexOf('/') + 1));
  }

  /** Closes a run from its page; returns the failure shown after the redirect, null when it closed. */
  String close(long run, String confirm) throws Exception {
    var b = post("/console/commissions/runs/" + run + "/close").with(csrf()).with(user(ADMIN));
    if (confirm != null) b = b.param("confirm", confirm);
    var result = mvc.perform(b).andReturn();
    assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/console/commissions/runs/" + run);
    return (String) result.getFlashMap().get("failure");
  }

  @Test
  @Order(1)
  void runningFebruaryShowsItsSummaryAndTheDashboardShare() throws Exception {
    assertThat(page("/console?period=2026-02", ADMIN)).contains("no commission run for this period yet");
    firstRun = runFromPage("2026-02");
    String run = page("/console/commissions/runs/" + firstRun, ADMIN);
    assertThat(run).contains("id=\"payout\">21.50<", "id=\"cv\">335.00<", "id=\"share\">6.4 %<",
        "id=\"cap\">not applied<", "limit 167.50", ">customer<", ">7.00<", ">fast_start<", ">10.00<", ">unilevel<",
        ">4.50<", "<b>demo</b> version <b>1</b>", "6 lines");
    assertThat(page("/console?period=2026-02", ADMIN)).contains("6.4 %", "paid 21.50");
    assertThat(page("/console/commissions", ADMIN)).contains("2026-02", "calculated", "run " + firstRun + ": 21.50");
    assertThat(audit.latest(5)).anyMatch(e -> e.action().equals("commission.run") && e.target().equals("period 2026-02"));
  }

  @Test
  @Order(2)
  void explainShowsVolumesRanksLinesAndTheNextRank() throws Exception {
    // B: PV 50 + E's 20 = 70, GV 70 + D's 40 = 110; not Active; bronze needs PV 100 (30 more) and GV 500 (390 more).
    String b = page("/console/commissions/explain?member=B&period=2026-02", ADMIN);
    assertThat(b).contains("id=\"x-pv\">70.00<", "id=\"x-gv\">110.00<", "id=\"x-active\">no<", "id=\"x-rank\">member<",
        "Next rank: <span>bronze</span>", "30.00 PV more", "390.00 GV more", "PV (Active) 70.00 &lt; 100.00 missed",
        ">customer<", ">4.00<", ">O3<", ">E<", "id=\"x-total\">4.00<");
    String a = page("/console/commissions/explain?member=A&period=2026-02", ADMIN);
    assertThat(a).contains("id=\"x-total\">14.50<", ">fast_start<", ">10.00<", ">O2<", ">1.50<", ">O4<", ">D<",
        "PV (Active) 100.00 &gt;= 100.00 met");
    // E is a customer: no ranks, no pay; refused in the reader's language (ADR 29; the texts written here by hand).
    String[][] told = {{"en", "&#39;E&#39; is a customer; only distributors have ranks and pay"},
        {"ro", "&#39;E&#39; este client; doar distribuitorii au ranguri și câștiguri"},
        {"pl", "&#39;E&#39; jest klientem; tylko dystrybutorzy mają rangi i wypłaty"}};
    for (String[] t : told) {
      MockHttpServletResponse e = mvc.perform(get("/console/commissions/explain?member=E&period=2026-02")
          .header("Accept-Language", t[0]).with(user(ADMIN))).andReturn().getResponse();
      e.setCharacterEncoding("UTF-8");
      assertThat(e.getStatus()).isEqualTo(400);
      assertThat(e.getContentAsString()).contains("id=\"problem\">" + t[1] + "</p>");
    }
  }

  @Test
  @Order(3)
  void theBackOfficeShowsRankNextStepAndPay() throws Exception {
    String month = page("/office?period=2026-02", BEN);
    assertThat(month).contains("id=\"rank-name\">member<", "id=\"next-rank\">bronze<", "30.00 PV more", "390.00 GV more");
    String pay = page("/office/pay", BEN);
    // February is the open period (the month of the latest order): projected customer 4.00 before the cap.
    // February's run (run 1, not closed): B's one line, customer 4.00 at level 0 (20% of E's 20.00 CV on O3).
    assertThat(pay).contains("projected, before the payout cap", "id=\"projected-total\">4.00<",
        "id=\"explained-period\">2026-02<", "From run " + firstRun + ", the period&#39;s latest run", "id=\"pay-total\">4.00<",
        "id=\"pay-line-count\">1<", ">O3<", ">E<");
    // The rate and rule of each group are on the explained page (it computes the period).
    assertThat(page("/office/pay/explained?period=2026-02", BEN)).contains("id=\"x-total\">4.00<", ">20%<", "id=\"x-rules\"");
    String csv = mvc.perform(get("/office/statement.csv?period=2026-02").with(user(BEN))).andReturn().getResponse()
        .getContentAsString();
    assertThat(csv.lines().toList()).hasSize(2);
    assertThat(csv).startsWith("period,earner_id,bonus,amount,source_order_id,source_member_id,level,rate,rule\n")
        .contains("2026-02,B,customer,4.00,O3,E,0,20%,");
    MockHttpServletResponse api = api(get("/api/v1/members/B/statement?period=2026-02"), TestCompany.BEN);
    assertThat(api.getStatus()).isEqualTo(200);
    assertThat(api.getContentAsString()).isEqualTo(csv);
  }

  @Test
  @Order(4)
  void anApiOrderMovesTheProjectionAtOnceAndASecondRunComparesWithTheFirst() throws Exception {
    // O8: D orders 60 PV / 50 CV on 2026-02-15. D: 40 + 60 = 100 PV, Active. B's GV 110 + 60 = 170, so
    // bronze's GV is now 330.00 short. Unilevel on O8: B is not Active, A is level 1: 5% x 50 = 2.50.
    MockHttpServletResponse created = api(post("/api/v1/orders").header("Idempotency-Key", "pay-o8")
        .contentType(MediaType.APPLICATION_JSON)
        .content("{\"id\":\"O8\",\"memberId\":\"D\",\"date\":\"2026-02-15\",\"pv\":60,\"cv\":50,\"total\":70}"),
        TestCompany.ADMIN);
    assertThat(created.getStatus()).isEqualTo(201);
    String month = page("/office?period=2026-02", BEN);
    assertThat(month).contains("id=\"gv\">170.00<", "330.00 GV more", "1 active; customers: 1");
    JsonNode api = JSON.readTree(api(get("/api/v1/members/A/explanation?period=2026-02"), TestCompany.ADMIN)
        .getContentAsString());
    assertThat(api.get("total").decimalValue()).isEqualByComparingTo("17.00"); // 14.50 + 2.50

    secondRun = runFromPage("2026-02");
    String compare = page("/console/commissions/compare?a=" + firstRun + "&b=" + secondRun, ADMIN);
    // unilevel 4.50 -> 7.00; total 21.50 -> 24.00; only A's pay changed: 14.50 -> 17.00.
    assertThat(compare).contains(">unilevel<", ">4.50<", ">7.00<", ">2.50<", "id=\"total-diff\">2.50<",
        "id=\"changed\">1<", ">A</a>", ">14.50<", ">17.00<");
  }

  @Test
  @Order(5)
  void closingGoesInOrderNeedsAConfirmationAndThenRefusesTheMonthsOrders() throws Exception {
    assertThat(close(secondRun, "yes")).isEqualTo("period 2026-01 is not closed yet; close periods in order");
    // January: J2 is B's order on day 15 after joining, but A (PV 60) is not Active: no lines, payout 0.00.
    long january = runFromPage("2026-01");
    assertThat(close(january, "yes")).isNull();
    assertThat(close(secondRun, null)).startsWith("tick the confirmation");
    assertThat(close(secondRun, "yes")).isNull();
    assertThat(page("/console/commissions/runs/" + secondRun, ADMIN)).contains("id=\"run-state\">closed<",
        "id=\"payout\">24.00<");
    assertThat(page("/console/commissions", ADMIN)).contains("run " + secondRun + " (closed): 24.00");
    assertThat(audit.latest(10)).anyMatch(e -> e.action().equals("commission.close") && e.detail().equals("run " + secondRun));

    MockHttpServletResponse refused = api(post("/api/v1/orders").header("Idempotency-Key", "pay-o9")
        .contentType(MediaType.APPLICATION_JSON)
        .content("{\"id\":\"O9\",\"memberId\":\"D\",\"date\":\"2026-02-16\",\"pv\":10,\"cv\":10,\"total\":10}"),
        TestCompany.ADMIN);
    assertThat(refused.getStatus()).isEqualTo(422);
    assertThat(refused.getContentAsString()).contains("closed");

    String lines = mvc.perform(get("/console/commissions/runs/" + secondRun + "/lines.csv").with(user(ADMIN))).andReturn()
        .getResponse().getContentAsString();
    assertThat(lines).isEqualTo("""
        period,earner_id,bonus,amount,source_order_id,source_member_id,level
        2026-02,A,fast_start,10.00,O2,B,1
        2026-02,A,unilevel,2.00,O2,B,1
        2026-02,A,unilevel,1.00,O3,E,1
        2026-02,A,unilevel,1.50,O4,D,1
        2026-02,A,unilevel,2.50,O8,D,1
        2026-02,B,customer,4.00,O3,E,0
        2026-02,H,customer,3.00,O6,J,0
        """);
    // Closed: the back office reads February from the closed run, not the projection.
    assertThat(page("/office/pay?period=2026-02", BEN)).doesNotContain("projected, before the payout cap")
        .contains("(closed)", ">4.00<");
  }

  @Test
  @Order(6)
  void theApiListsPeriodsRunsLinesAndSummaries() throws Exception {
    JsonNode periods = JSON.readTree(api(get("/api/v1/commissions/periods"), TestCompany.ADMIN).getContentAsString());
    assertThat(periods.get("items").valueStream().map(p -> p.get("name").asString() + " " + p.get("state").asString()))
        .containsExactly("2026-02 closed", "2026-01 closed");
    JsonNode summary = JSON.readTree(api(get("/api/v1/commissions/runs/" + secondRun), TestCompany.ADMIN).getContentAsString());
    // CV 335.00 + O8's 50.00 = 385.00; payout 24.00 / 385.00 = 6.23 % -> 6.2 %.
    assertThat(summary.get("cv").decimalValue()).isEqualByComparingTo("385.00");
    assertThat(summary.get("payoutShareOfCv").asString()).isEqualTo("6.2 %");
    assertThat(summary.get("totalsByBonus").get("unilevel").decimalValue()).isEqualByComparingTo("7.00");
    assertThat(summary.get("capApplied").asBoolean()).isFalse();
    String raw = api(get("/api/v1/commissions/runs/" + secondRun + "/lines?page=2&size=3"), TestCompany.ADMIN)
        .getContentAsString();
    assertThat(raw).contains("\"amount\":1.50"); // exact decimals with two places
    JsonNode page2 = JSON.readTree(raw);
    assertThat(page2.get("total").asLong()).isEqualTo(7);
    assertThat(page2.get("items").valueStream().map(l -> l.get("earnerId").asString() + " " + l.get("bonus").asString()
        + " " + l.get("sourceOrderId").asString() + " " + l.get("amount").decimalValue().stripTrailingZeros().toPlainString()))
        .containsExactly("A unilevel O4 1.5", "A unilevel O8 2.5", "B customer O3 4");
    JsonNode mine = JSON.readTree(api(get("/api/v1/members/B/explanation?period=2026-02"), TestCompany.BEN)
        .getContentAsString());
    assertThat(mine.get("gv").decimalValue()).isEqualByComparingTo("170.00");
    assertThat(mine.get("nextRank").get("missing").valueStream().map(JsonNode::asString))
        .containsExactly("30.00 PV more", "330.00 GV more");
    MockHttpServletResponse rerun = api(post("/api/v1/commissions/periods/2026-02/runs"), TestCompany.ADMIN);
    assertThat(rerun.getStatus()).isEqualTo(201); // a closed period re-runs to the same lines
    assertThat(JSON.readTree(rerun.getContentAsString()).get("linesSha256").asString())
        .isEqualTo(JSON.readTree(api(get("/api/v1/commissions/runs/" + secondRun), TestCompany.ADMIN).getContentAsString())
            .get("run").get("linesSha256").asString());
    MockHttpServletResponse again = api(post("/api/v1/commissions/runs/" + secondRun + "/close"), TestCompany.ADMIN);
    assertThat(again.getStatus()).isEqualTo(409);
    assertThat(again.getContentAsString()).contains("already closed");
  }

  @Test
  @Order(7)
  void theOpenApiDocumentCoversTheCommissionEndpoints() throws Exception {
    String doc = mvc.perform(get("/api/openapi.yaml")).andReturn().getResponse().getContentAsString();
    for (String path : new String[] {"/api/v1/members/{id}/explanation:", "/api/v1/commissions/periods:",
        "/api/v1/commissions/periods/{period}/runs:", "/api/v1/commissions/runs/{id}:",
        "/api/v1/commissions/runs/{id}/lines:", "/api/v1/commissions/runs/{id}/close:"}) {
      assertThat(doc).contains("  " + path);
    }
  }
}
