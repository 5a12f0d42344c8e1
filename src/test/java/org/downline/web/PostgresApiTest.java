package org.downline.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

/**
 * The SQL the web app writes by hand (member search, paging, order creation with row locks and
 * idempotency keys, users, audit) on PostgreSQL, over a database of its own made and dropped here.
 */
class PostgresApiTest extends PostgresWebTest {

  JsonNode get(String url, String who) throws Exception {
    return ApiTest.json(mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(url)
        .with(httpBasic(who, TestCompany.PASSWORD))).andReturn().getResponse());
  }

  @Test
  void searchPagesAndFiguresOnPostgres() throws Exception {
    JsonNode page = get("/api/v1/members?kind=distributor&page=1&size=3", TestCompany.ADMIN);
    assertThat(page.get("total").asLong()).isEqualTo(7); // A B C D G H I
    assertThat(page.get("items").valueStream().map(m -> m.get("id").asString()).toList()).containsExactly("A", "B", "C");
    assertThat(get("/api/v1/members?q=ROOT", TestCompany.ADMIN).get("items").get(0).get("id").asString()).isEqualTo("A");
    JsonNode b = get("/api/v1/members/B?period=2026-02", TestCompany.BEN);
    assertThat(b.get("gv").decimalValue()).isEqualByComparingTo("110.00");
    assertThat(get("/api/v1/orders?member=E&period=2026-02", TestCompany.BEN).get("total").asLong()).isEqualTo(2);
  }

  @Test
  void idempotentOrdersAndReturnRulesOnPostgres() throws Exception {
    String body = "{\"memberId\":\"E\",\"date\":\"2026-03-02\",\"pv\":-20,\"cv\":-20,\"total\":-23,\"returnOf\":\"O3\"}";
    var first = mvc.perform(post("/api/v1/orders").header("Idempotency-Key", "pg-1").contentType(MediaType.APPLICATION_JSON)
        .content(body).with(httpBasic(TestCompany.BEN, TestCompany.PASSWORD))).andReturn().getResponse();
    assertThat(first.getStatus()).isEqualTo(201);
    var again = mvc.perform(post("/api/v1/orders").header("Idempotency-Key", "pg-1").contentType(MediaType.APPLICATION_JSON)
        .content(body).with(httpBasic(TestCompany.BEN, TestCompany.PASSWORD))).andReturn().getResponse();
    assertThat(again.getStatus()).isEqualTo(200);
    // O3 was 30 pv, R1 returned 10, this 20: all of it. One more cent is too much.
    var more = mvc.perform(post("/api/v1/orders").header("Idempotency-Key", "pg-2").contentType(MediaType.APPLICATION_JSON)
        .content(body.replace("-20,\"cv\"", "-0.01,\"cv\"").replace("\"cv\":-20", "\"cv\":0").replace("\"total\":-23", "\"total\":0"))
        .with(httpBasic(TestCompany.BEN, TestCompany.PASSWORD))).andReturn().getResponse();
    assertThat(more.getStatus()).isEqualTo(422);
    assertThat(ApiTest.json(more).get("details").get(0).get("reason").asString())
        .isEqualTo("returns of sale 'O3' exceed it: pv 30.01 of 30.00, cv 25.00 of 25.00, total 35.00 of 35.00");
  }
}
