package org.downline.web;


import java.util.stream.Stream;
import org.downline.web.pay.CommissionService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Every commission page and endpoint by role: anonymous, admin ("staff"), distributor "ben" (member
 * B; his organisation is B, D and customer E). Runs and company-wide figures are staff only (pages
 * 403, API 403); pay (explanation, statement) is the distributor's own only: D's (his own downline)
 * and H's (another organisation) answer 404, as if they did not exist. {@code {run}} is a run of
 * February 2026 made before each row; nothing here closes a period.
 */
@SpringBootTest(classes = WebApp.class)
@AutoConfigureMockMvc
class CommissionAuthorizationTest {
  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    registry.add(WebApp.DB_URL, () -> PayTestDatabases.url("payauth"));
  }

  @Autowired MockMvc mvc;
  @Autowired CommissionService pay;
  long run;

  @BeforeEach
  void aRunExists() {
    run = pay.runs().current("2026-02").map(r -> r.id()).orElseGet(() -> pay.run("2026-02").id());
  }

  static Arguments row(String method, String url, int anonymous, int admin, int ben) {
    return ByRole.row(method, url, anonymous, admin, ben);
  }

  static Stream<Arguments> table() {
    return Stream.of(
        // ---- console (admin)
        row("GET", "/console/commissions", 302, 200, 403),
        row("POST", "/console/commissions/run?period=2026-02", 302, 302, 403),
        row("GET", "/console/commissions/runs/{run}", 302, 200, 403),
        row("GET", "/console/commissions/runs/999999", 302, 404, 403),
        row("GET", "/console/commissions/runs/{run}/lines.csv", 302, 200, 403),
        row("GET", "/console/commissions/compare?a={run}&b={run}", 302, 200, 403),
        row("POST", "/console/commissions/runs/{run}/close", 302, 302, 403), // no confirmation: refused, nothing closed
        row("GET", "/console/commissions/explain", 302, 200, 403),
        row("GET", "/console/commissions/explain?member=H&period=2026-02", 302, 200, 403),
        row("GET", "/console/commissions/explain?member=nobody&period=2026-02", 302, 404, 403),
        // ---- back office (distributor): my pay only
        row("GET", "/office/pay", 302, 403, 200),
        row("GET", "/office/pay?period=2026-02", 302, 403, 200),
        row("GET", "/office/statement.csv?period=2026-02", 302, 403, 200),
        row("GET", "/office/statement.csv?period=2025-06", 302, 403, 501), // no run for that period
        // ---- API: runs are staff only
        row("GET", "/api/v1/commissions/periods", 401, 200, 403),
        row("POST", "/api/v1/commissions/periods/2026-02/runs", 401, 201, 403),
        row("POST", "/api/v1/commissions/periods/2026-13/runs", 401, 400, 403),
        row("GET", "/api/v1/commissions/runs/{run}", 401, 200, 403),
        row("GET", "/api/v1/commissions/runs/{run}/lines", 401, 200, 403),
        row("GET", "/api/v1/commissions/runs/999999/lines", 401, 404, 403),
        row("POST", "/api/v1/commissions/runs/{run}/close", 401, 409, 403), // 2026-01 is still open: refused
        // ---- API: pay is the distributor's own
        row("GET", "/api/v1/members/B/explanation?period=2026-02", 401, 200, 200),
        row("GET", "/api/v1/members/D/explanation?period=2026-02", 401, 200, 404), // my downline's pay
        row("GET", "/api/v1/members/H/explanation?period=2026-02", 401, 200, 404), // another organisation
        row("GET", "/api/v1/members/E/explanation?period=2026-02", 401, 404, 404), // a customer has no pay
        row("GET", "/api/v1/members/B/statement?period=2026-02", 401, 200, 200),
        row("GET", "/api/v1/members/D/statement?period=2026-02", 401, 200, 404),
        row("GET", "/api/v1/members/H/statement?period=2026-02", 401, 200, 404),
        row("GET", "/api/v1/members/nobody/statement?period=2026-02", 401, 404, 404));
  }

  @ParameterizedTest(name = "{0} {1}: anonymous {2}, admin {3}, distributor {4}")
  @MethodSource("table")
  void everyCommissionEndpointByRole(String method, String url, int anonymous, int admin, int ben) throws Exception {
    String u = url.replace("{run}", Long.toString(run));
    ByRole.expect(this::status, method, u, anonymous, admin, ben);
  }

  int status(String method, String url, ByRole.Who who) throws Exception {
    return ByRole.perform(mvc, ByRole.plain(method, url), url, who);
  }
}
