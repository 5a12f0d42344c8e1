package org.downline.web;

import java.util.stream.Stream;
import org.downline.web.ByRole.Who;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** The strategy board and its endpoints by role: staff only; a bad date is the caller's problem. */
class StrategyAuthorizationTest extends WebTestBase {
  @Autowired MockMvc mvc;

  static Stream<Arguments> table() {
    return Stream.of(
        ByRole.row("GET", "/console/strategy", 302, 200, 403),
        ByRole.row("GET", "/console/strategy?from=2026-01-01&to=2026-03-31", 302, 200, 403),
        ByRole.row("GET", "/console/strategy?to=2026-13-01", 302, 400, 403),
        ByRole.row("GET", "/api/v1/strategy", 401, 200, 403),
        ByRole.row("GET", "/api/v1/strategy?from=2026-03-01&to=2026-01-01", 401, 400, 403),
        ByRole.row("GET", "/api/v1/strategy/tactics", 401, 200, 403));
  }

  @ParameterizedTest(name = "{0} {1}: anonymous {2}, admin {3}, distributor {4}")
  @MethodSource("table")
  void everyStrategyEndpointByRole(String method, String url, int anonymous, int admin, int ben) throws Exception {
    ByRole.expect(this::status, method, url, anonymous, admin, ben);
  }

  int status(String method, String url, Who who) throws Exception {
    return ByRole.perform(mvc, ByRole.plain(method, url), url, who);
  }
}
