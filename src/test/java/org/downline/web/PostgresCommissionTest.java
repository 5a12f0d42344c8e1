package org.downline.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;

/**
 * The commission SQL of the web app ({@code RunStore}: runs, totals, paged lines, a member's lines)
 * on PostgreSQL, over a database of its own. Figures as worked by hand in {@link CommissionPagesTest}.
 */
class PostgresCommissionTest extends PostgresWebTest {

  MockHttpServletResponse call(MockHttpServletRequestBuilder b, String who) throws Exception {
    return mvc.perform(b.with(httpBasic(who, TestCompany.PASSWORD))).andReturn().getResponse();
  }

  @Test
  void aRunReadsBackOnPostgres() throws Exception {
    MockHttpServletResponse created = call(post("/api/v1/commissions/periods/2026-02/runs"), TestCompany.ADMIN);
    assertThat(created.getStatus()).isEqualTo(201);
    JsonNode run = ApiTest.json(created);
    assertThat(run.get("total").decimalValue()).isEqualByComparingTo("21.50");
    long id = run.get("id").asLong();
    JsonNode summary = ApiTest.json(call(get("/api/v1/commissions/runs/" + id), TestCompany.ADMIN));
    assertThat(summary.get("payoutShareOfCv").asString()).isEqualTo("6.4 %"); // 21.50 / 335.00
    assertThat(summary.get("totalsByBonus").get("fast_start").decimalValue()).isEqualByComparingTo("10.00");
    JsonNode page = ApiTest.json(call(get("/api/v1/commissions/runs/" + id + "/lines?page=2&size=4"), TestCompany.ADMIN));
    assertThat(page.get("total").asLong()).isEqualTo(6);
    // A fast_start O2 | A unilevel O2, O3, O4 | B customer O3 | H customer O6: page 2 of 4 is the last two.
    assertThat(page.get("items").valueStream().map(l -> l.get("earnerId").asString() + " " + l.get("sourceOrderId").asString()))
        .containsExactly("B O3", "H O6");
    String statement = call(get("/api/v1/members/B/statement?period=2026-02"), TestCompany.BEN).getContentAsString();
    assertThat(statement).contains("2026-02,B,customer,4.00,O3,E,0,20%,");
    JsonNode periods = ApiTest.json(call(get("/api/v1/commissions/periods"), TestCompany.ADMIN));
    assertThat(periods.get("items").get(0).get("state").asString()).isEqualTo("calculated");
    assertThat(call(post("/api/v1/commissions/runs/" + id + "/close"), TestCompany.ADMIN).getStatus()).isEqualTo(409);
  }
}
