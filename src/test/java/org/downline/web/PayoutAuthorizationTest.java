package org.downline.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.stream.Stream;
import org.downline.app.payout.Payouts;
import org.downline.store.Database;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Every payout page and endpoint by role: anonymous, staff, distributor "ben" (member B). A
 * distributor reads only their own balance and entries (D, in his own downline, and H answer 404);
 * batches, adjustments and holds are staff only. B has one adjustment of 50.00 for 2026-01.
 */
@SpringBootTest(classes = WebApp.class)
@AutoConfigureMockMvc
class PayoutAuthorizationTest {
  static final String DB = "payoutauth";

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    registry.add(WebApp.DB_URL, () -> PayTestDatabases.url(DB));
  }

  @Autowired MockMvc mvc;
  @Autowired Database db;

  @BeforeAll
  static void bHasAnAdjustment() {
    try (Database d = Database.open(PayTestDatabases.url(DB))) {
      new Payouts(d).adjust("B", 5000, "2026-01", "welcome bonus agreed by phone", null, "setup");
    }
  }

  static Arguments row(String method, String url, String body, int anonymous, int admin, int ben) {
    return Arguments.of(method, url, body, anonymous, admin, ben);
  }

  static Stream<Arguments> table() {
    return Stream.of(
        row("GET", "/office/earnings", null, 302, 403, 200),
        row("GET", "/office/earnings/year-end.csv?year=2026", null, 302, 403, 200),
        row("GET", "/office/earnings/year-end.pdf?year=2026", null, 302, 403, 200),
        row("GET", "/console/payouts", null, 302, 200, 403),
        row("GET", "/console/payouts/tax?year=2026", null, 302, 200, 403),
        row("GET", "/console/payouts/tax.csv?year=2026&threshold=10.00", null, 302, 200, 403),
        row("GET", "/console/payouts/batches/999999", null, 302, 404, 403),
        row("GET", "/api/v1/payouts/balance", null, 401, 400, 200),
        row("GET", "/api/v1/payouts/balance?member=B", null, 401, 200, 200),
        row("GET", "/api/v1/payouts/balance?member=D", null, 401, 200, 404), // my downline's money is not mine
        row("GET", "/api/v1/payouts/entries?member=H", null, 401, 200, 404), // another organisation
        row("GET", "/api/v1/payouts/entries", null, 401, 400, 200),
        row("GET", "/api/v1/payouts/batches", null, 401, 200, 403),
        row("GET", "/api/v1/payouts/batches/999999", null, 401, 404, 403),
        row("POST", "/api/v1/payouts/batches", "{\"through\":\"2026-01\",\"minimum\":1000000.00}", 401, 200, 403), // nobody due
        row("POST", "/api/v1/payouts/batches/999999/approve", null, 401, 404, 403),
        row("POST", "/api/v1/payouts/adjustments", "{\"memberId\":\"D\",\"amount\":1.00,\"period\":\"2026-01\",\"reason\":\"test\"}",
            401, 201, 403),
        row("POST", "/api/v1/payouts/adjustments", "{\"memberId\":\"D\",\"amount\":0,\"period\":\"2026-01\",\"reason\":\"test\"}",
            401, 400, 403),
        row("POST", "/api/v1/payouts/adjustments", "{\"memberId\":\"nobody\",\"amount\":1,\"period\":\"2026-01\",\"reason\":\"x\"}",
            401, 404, 403),
        row("POST", "/api/v1/payouts/holds", "{\"memberId\":\"I\",\"reason\":\"documents\"}", 401, 201, 403),
        row("DELETE", "/api/v1/payouts/holds/G", null, 401, 409, 403)); // G has no open hold
  }

  @ParameterizedTest(name = "{0} {1}: anonymous {3}, admin {4}, distributor {5}")
  @MethodSource("table")
  void everyPayoutEndpointByRole(String method, String url, String body, int anonymous, int admin, int ben) throws Exception {
    ByRole.expect((m, u, who) -> status(m, u, body, who), method, url, anonymous, admin, ben);
  }

  int status(String method, String url, String body, ByRole.Who who) throws Exception {
    MockHttpServletRequestBuilder r = switch (method) {
      case "POST" -> post(url);
      case "DELETE" -> delete(url);
      default -> get(url);
    };
    if (body != null) r = r.contentType(MediaType.APPLICATION_JSON).content(body);
    if (!url.startsWith("/api/") && "POST".equals(method)) {
      r = r.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf());
    }
    return ByRole.perform(mvc, r, url, who);
  }

  @Test
  void benReadsHisBalanceAndTheAdjustmentsReasonAndStaffWritesAreAudited() throws Exception {
    String page = mvc.perform(get("/office/earnings").with(user(WebTestBase.BEN))).andReturn().getResponse().getContentAsString();
    // B: 50.00 from the adjustment (no period of the test company is closed, so no earnings yet).
    assertThat(page).contains("50.00 USD").contains("welcome bonus agreed by phone");
    String json = mvc.perform(get("/api/v1/payouts/balance").with(httpBasic(TestCompany.BEN, TestCompany.PASSWORD)))
        .andReturn().getResponse().getContentAsString();
    assertThat(json).contains("\"memberId\":\"B\"").contains("\"amount\":50.00").contains("\"reason\":\"no_details\"");
    int status = mvc.perform(post("/api/v1/payouts/adjustments").with(httpBasic(TestCompany.ADMIN, TestCompany.PASSWORD))
        .contentType(MediaType.APPLICATION_JSON).content("{\"memberId\":\"C\",\"amount\":-2.50,\"period\":\"2026-01\",\"reason\":\"r\"}"))
        .andReturn().getResponse().getStatus();
    assertThat(status).isEqualTo(201);
    try (var c = db.connection(); var s = c.createStatement(); var rs = s.executeQuery(
        "SELECT actor, target, detail FROM audit_log WHERE action = 'payouts.adjust' AND target = 'member C'")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString(1)).isEqualTo(TestCompany.ADMIN);
      assertThat(rs.getString(3)).startsWith("-2.50 USD for 2026-01");
    }
  }
}
