package org.downline.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.List;
import org.downline.web.security.AuditLog;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;

/**
 * The holding tank and placement through the API on {@link TestCompany}, whose members file has no
 * placement: every distributor with a sponsor (B, C, D, G, I) waits in the tank. One test, in
 * order, since each placement changes what the next may do.
 */
class PlacementApiTest extends WebTestBase {
  @Autowired MockMvc mvc;
  @Autowired AuditLog audit;

  MockHttpServletResponse call(MockHttpServletRequestBuilder request, String user) throws Exception {
    return mvc.perform(request.with(httpBasic(user, TestCompany.PASSWORD))).andReturn().getResponse();
  }

  MockHttpServletResponse place(String user, String recruit, String parent, String position) throws Exception {
    return call(post("/api/v1/members/" + recruit + "/placement").contentType(MediaType.APPLICATION_JSON)
        .content("{\"parent\": \"" + parent + "\", \"position\": \"" + position + "\"}"), user);
  }

  List<String> tank(String user) throws Exception {
    JsonNode items = ApiTest.json(call(get("/api/v1/holding-tank"), user));
    return items.valueStream().map(m -> m.get("id").asString() + "<" + m.get("sponsorId").asString()).toList();
  }

  @Test
  void staffOrTheSponsorPlaceRecruitsOnFreePositionsInsideTheSponsorsOrganisation() throws Exception {
    assertThat(tank(TestCompany.ADMIN)).containsExactlyInAnyOrder("B<A", "C<A", "D<B", "G<C", "I<H");
    assertThat(tank(TestCompany.BEN)).containsExactly("D<B");

    // B is not placed yet, so nobody can be placed under B.
    MockHttpServletResponse r = place(TestCompany.BEN, "D", "B", "left");
    assertThat(r.getStatus()).isEqualTo(409);
    assertThat(r.getContentAsString()).contains("'B' is not placed itself");
    // Hal is not D's sponsor.
    assertThat(place(TestCompany.HAL, "D", "H", "left").getStatus()).isEqualTo(403);

    assertThat(place(TestCompany.ADMIN, "B", "A", "left").getStatus()).isEqualTo(200);
    assertThat(audit.latest(5)).anySatisfy(e -> {
      assertThat(e.action()).isEqualTo("placement.place");
      assertThat(e.target()).isEqualTo("B");
      assertThat(e.detail()).isEqualTo("under A left");
    });
    assertThat(place(TestCompany.BEN, "D", "B", "left").getStatus()).isEqualTo(200);
    assertThat(tank(TestCompany.BEN)).isEmpty();

    r = place(TestCompany.ADMIN, "C", "A", "left");
    assertThat(r.getStatus()).isEqualTo(409);
    assertThat(r.getContentAsString()).contains("position left under 'A' is already taken by 'B'");
    // G's sponsor C waits in the tank: B is outside C's placement organisation.
    r = place(TestCompany.ADMIN, "G", "B", "right");
    assertThat(r.getStatus()).isEqualTo(409);
    assertThat(r.getContentAsString()).contains("'B' is outside the placement organisation of sponsor 'C'");
    assertThat(place(TestCompany.ADMIN, "C", "A", "up").getStatus()).isEqualTo(409);
    assertThat(place(TestCompany.ADMIN, "Z", "A", "right").getStatus()).isEqualTo(404);
    assertThat(place(TestCompany.ADMIN, "D", "A", "right").getContentAsString()).contains("'D' is placed already");
    assertThat(tank(TestCompany.ADMIN)).containsExactlyInAnyOrder("C<A", "G<C", "I<H");
  }
}
