package org.downline.web;


import java.util.stream.Stream;
import org.downline.web.ByRole.Who;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Every next-steps page and endpoint by role, as {@link AuthorizationTest} does for the rest:
 * anonymous, admin ("staff"), distributor "ben" (member B: customer E and first-level D are his
 * team). Company-wide reports and segment lists are staff's (403 for ben); ben asking for the next
 * steps or health of another organisation (H, I, J), his sponsor A or his sponsor's other line (C, G)
 * is refused with 404, as if they did not exist. Issuing (a write) is dated after the test company's
 * data (2026-03-31) so that it cannot move the conversion figures other tests check.
 */
class NextStepsAuthorizationTest extends WebTestBase {
  @Autowired MockMvc mvc;

  static Arguments row(String method, String url, int anonymous, int admin, int ben) {
    return ByRole.row(method, url, anonymous, admin, ben);
  }

  static Stream<Arguments> table() {
    return Stream.of(
        // ---- console (admin); issuing answers with a redirect to the report (302) for staff
        row("GET", "/console/next-steps", 302, 200, 403),
        row("GET", "/console/next-steps?asOf=2026-02-20&member=A", 302, 200, 403),
        row("GET", "/console/next-steps/segment?segment=customers/1", 302, 200, 403),
        row("GET", "/console/next-steps/segment?segment=no-first-sale", 302, 200, 403),
        row("GET", "/console/next-steps/segment?segment=nonsense", 302, 400, 403),
        row("POST", "/console/next-steps/issue?asOf=2026-03-31", 302, 302, 403),
        // ---- back office (distributor)
        row("GET", "/office/next-steps", 302, 403, 200),
        row("GET", "/office/next-step", 302, 403, 200),
        // ---- API: company-wide reports and segment lists are staff's
        row("GET", "/api/v1/reports/segments", 401, 200, 403),
        row("GET", "/api/v1/reports/segments?asOf=2026-02-20", 401, 200, 403),
        row("GET", "/api/v1/reports/distributors", 401, 200, 403),
        row("GET", "/api/v1/reports/conversion", 401, 200, 403),
        row("GET", "/api/v1/reports/impact", 401, 200, 403),
        row("GET", "/api/v1/reports/impact?population=distributors&rate=5", 401, 200, 403),
        row("GET", "/api/v1/reports/health", 401, 200, 403),
        row("GET", "/api/v1/next-steps/segment?segment=customers/1", 401, 200, 403),
        row("GET", "/api/v1/next-steps/segment?segment=no-first-sale&includeHoldout=true", 401, 200, 403),
        // ---- API: health of a distributor in scope
        row("GET", "/api/v1/reports/health?member=B", 401, 200, 200),
        row("GET", "/api/v1/reports/health?member=D", 401, 200, 200),
        row("GET", "/api/v1/reports/health?member=H", 401, 200, 404), // another organisation
        row("GET", "/api/v1/reports/health?member=A", 401, 200, 404), // my sponsor
        row("GET", "/api/v1/reports/health?member=G", 401, 200, 404), // my sponsor's other line
        // ---- API: next steps of a member (mine, my customers', my first level's)
        row("GET", "/api/v1/next-steps", 401, 400, 200), // staff must name a member
        row("GET", "/api/v1/next-steps?member=B", 401, 200, 200),
        row("GET", "/api/v1/next-steps?member=E", 401, 200, 200), // my customer
        row("GET", "/api/v1/next-steps?member=D", 401, 200, 200), // my first level
        row("GET", "/api/v1/next-steps?member=H", 401, 200, 404), // another organisation
        row("GET", "/api/v1/next-steps?member=I", 401, 200, 404),
        row("GET", "/api/v1/next-steps?member=J", 401, 200, 404), // another organisation's customer
        row("GET", "/api/v1/next-steps?member=A", 401, 200, 404), // my sponsor
        row("GET", "/api/v1/next-steps?member=C", 401, 200, 404), // my sponsor's other line
        row("GET", "/api/v1/next-steps?member=NOBODY", 401, 404, 404),
        // ---- API: a team's next steps
        row("GET", "/api/v1/next-steps/team", 401, 400, 200),
        row("GET", "/api/v1/next-steps/team?member=B", 401, 200, 200),
        row("GET", "/api/v1/next-steps/team?member=H", 401, 200, 404), // another organisation's team
        row("GET", "/api/v1/next-steps/team?member=A", 401, 200, 404), // my sponsor's team
        row("GET", "/api/v1/next-steps/team?member=D", 401, 200, 404), // my recruit's team: theirs, not mine
        row("GET", "/api/v1/next-steps/team?member=E", 401, 404, 404)); // a customer has no team
  }

  @ParameterizedTest(name = "{0} {1}: anonymous {2}, admin {3}, distributor {4}")
  @MethodSource("table")
  void everyNextStepsEndpointByRole(String method, String url, int anonymous, int admin, int ben) throws Exception {
    ByRole.expect(this::status, method, url, anonymous, admin, ben);
  }

  int status(String method, String url, Who who) throws Exception {
    return ByRole.perform(mvc, ByRole.plain(method, url), url, who);
  }
}
