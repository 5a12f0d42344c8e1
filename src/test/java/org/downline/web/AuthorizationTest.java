package org.downline.web;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.UUID;
import org.downline.web.ByRole.Who;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Every page and endpoint by role: anonymous, admin ("staff"), distributor "ben" (member B, whose
 * organisation is B, D and customer E). Ben asking for anything of another organisation (H's,
 * I's, J's), of his sponsor A or of his sibling line C/G is refused: 404, as if it did not exist.
 * Pages: anonymous is sent to the sign-in page (302); a wrong role gets 403.
 */
class AuthorizationTest extends WebTestBase {
  @Autowired MockMvc mvc;

  static Arguments row(String method, String url, int anonymous, int admin, int ben) {
    return ByRole.row(method, url, anonymous, admin, ben);
  }

  static Stream<Arguments> table() {
    return Stream.of(
        // ---- company console (admin)
        row("GET", "/console", 302, 200, 403),
        row("GET", "/console/members", 302, 200, 403),
        row("GET", "/console/members/B", 302, 200, 403),
        row("GET", "/console/genealogy", 302, 200, 403),
        row("GET", "/console/genealogy?member=H", 302, 200, 403),
        row("GET", "/console/genealogy/children/A", 302, 200, 403),
        row("GET", "/console/import", 302, 200, 403),
        row("GET", "/console/users", 302, 200, 403),
        row("GET", "/console/audit", 302, 200, 403),
        row("GET", "/console/snapshot", 302, 200, 403),
        row("POST", "/console/snapshot/reload", 302, 200, 403),
        row("POST", "/console/invitations?memberId=G", 302, 200, 403),
        // ---- back office (distributor)
        row("GET", "/office", 302, 403, 200),
        row("GET", "/office/team", 302, 403, 200),
        row("GET", "/office/statement", 302, 403, 200),
        row("GET", "/office/statement.csv", 302, 403, 501),
        row("GET", "/office/downline", 302, 403, 200),
        row("GET", "/office/downline?member=D", 302, 403, 200),
        row("GET", "/office/downline?member=H", 302, 403, 404), // another organisation
        row("GET", "/office/downline?member=J", 302, 403, 404), // another organisation's customer
        row("GET", "/office/downline?member=A", 302, 403, 404), // my sponsor
        row("GET", "/office/downline?member=C", 302, 403, 404), // my sponsor's other line
        row("GET", "/office/downline/children/B", 302, 403, 200),
        row("GET", "/office/downline/children/H", 302, 403, 404),
        row("GET", "/office/downline/children/A", 302, 403, 404),
        // ---- API
        row("GET", "/api/openapi.yaml", 200, 200, 200),
        row("GET", "/api/v1/me", 401, 200, 200),
        row("GET", "/api/v1/contacts", 401, 403, 200),
        row("GET", "/api/v1/prospects", 401, 403, 200),
        row("GET", "/api/v1/today", 401, 403, 200),
        row("GET", "/api/v1/prospect-figures/mine", 401, 403, 200),
        row("GET", "/api/v1/prospect-figures/company", 401, 200, 403),
        row("GET", "/api/v1/members", 401, 200, 200),
        row("GET", "/api/v1/members?q=hal", 401, 200, 400),
        row("GET", "/api/v1/members/B", 401, 200, 200),
        row("GET", "/api/v1/members/E", 401, 200, 200),
        row("GET", "/api/v1/members/H", 401, 200, 404),
        row("GET", "/api/v1/members/I", 401, 200, 404),
        row("GET", "/api/v1/members/J", 401, 200, 404),
        row("GET", "/api/v1/members/A", 401, 200, 404),
        row("GET", "/api/v1/members/G", 401, 200, 404),
        row("GET", "/api/v1/members/NOBODY", 401, 404, 404),
        row("GET", "/api/v1/members/B/downline", 401, 200, 200),
        row("GET", "/api/v1/members/H/downline", 401, 200, 404),
        row("GET", "/api/v1/members/A/downline", 401, 200, 404),
        row("GET", "/api/v1/members/B/statement", 401, 501, 501),
        row("GET", "/api/v1/members/H/statement", 401, 501, 404),
        row("GET", "/api/v1/orders", 401, 200, 200),
        row("GET", "/api/v1/orders?member=E", 401, 200, 200),
        row("GET", "/api/v1/orders?member=H", 401, 200, 404),
        row("GET", "/api/v1/orders?member=J", 401, 200, 404),
        row("GET", "/api/v1/orders/O3", 401, 200, 200), // E's order: ben's customer
        row("GET", "/api/v1/orders/O5", 401, 200, 404), // H's order
        row("GET", "/api/v1/orders/O6", 401, 200, 404), // J's order: another organisation's customer
        row("GET", "/api/v1/orders/J1", 401, 200, 404), // A's order: the sponsor
        row("POST", "/api/v1/orders {E}", 401, 201, 201), // ben's own customer
        row("POST", "/api/v1/orders {D}", 401, 201, 403), // in ben's organisation, not his customer
        row("POST", "/api/v1/orders {J}", 401, 201, 404), // another organisation's customer
        row("GET", "/api/v1/products", 401, 200, 200),
        row("GET", "/api/v1/periods", 401, 200, 200),
        row("POST", "/api/v1/import/products", 401, 200, 403),
        row("GET", "/api/v1/jobs", 401, 200, 403),
        row("POST", "/api/v1/snapshot/reload", 401, 200, 403));
  }

  @ParameterizedTest(name = "{0} {1}: anonymous {2}, admin {3}, distributor {4}")
  @MethodSource("table")
  void everyEndpointByRole(String method, String url, int anonymous, int admin, int ben) throws Exception {
    ByRole.expect(this::status, method, url, anonymous, admin, ben);
  }

  int status(String method, String url, Who who) throws Exception {
    MockHttpServletRequestBuilder request;
    if (url.startsWith("/api/v1/orders {")) {
      String member = url.substring(url.indexOf('{') + 1, url.indexOf('}'));
      request = post("/api/v1/orders").header("Idempotency-Key", UUID.randomUUID().toString())
          .contentType(MediaType.APPLICATION_JSON)
          .content("{\"memberId\":\"" + member + "\",\"date\":\"2026-03-05\",\"pv\":1,\"cv\":1}");
    } else if (url.startsWith("/api/v1/import/")) {
      request = post(url).contentType("text/csv").content("sku,name,price,pv,cv,kit,category\nP1,Shake,39.90,30,25,false,nutrition\n");
    } else {
      request = ByRole.plain(method, url);
    }
    return ByRole.perform(mvc, request, url, who);
  }
}
