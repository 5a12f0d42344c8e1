package org.downline.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.UUID;
import org.downline.store.Database;
import org.downline.store.PeriodStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON API: pages, figures, order creation with the import's rules, idempotency, one error shape.
 * Tests that write use periods of their own (2026-03 for the authorization table, 2026-04 here), so
 * the hand-worked February figures stay true whatever the order the tests run in.
 */
class ApiTest extends WebTestBase {
  static final JsonMapper JSON = JsonMapper.builder().build();

  @Autowired MockMvc mvc;
  @Autowired Database db;

  MockHttpServletResponse call(MockHttpServletRequestBuilder request, String user) throws Exception {
    return mvc.perform(request.with(httpBasic(user, TestCompany.PASSWORD))).andReturn().getResponse();
  }

  static JsonNode json(MockHttpServletResponse r) throws Exception {
    return JSON.readTree(r.getContentAsString());
  }

  MockHttpServletResponse order(String user, String key, String body) throws Exception {
    MockHttpServletRequestBuilder p = post("/api/v1/orders").contentType(MediaType.APPLICATION_JSON).content(body);
    if (key != null) p = p.header("Idempotency-Key", key);
    return call(p, user);
  }

  @Test
  void listsArePaginated() throws Exception {
    JsonNode page = json(call(get("/api/v1/members?page=2&size=4"), TestCompany.ADMIN));
    assertThat(page.get("total").asLong()).isEqualTo(9);
    assertThat(page.get("page").asInt()).isEqualTo(2);
    assertThat(page.get("size").asInt()).isEqualTo(4);
    // ordered by id: A B C D | E G H I | J
    assertThat(page.get("items").valueStream().map(m -> m.get("id").asString()).toList())
        .containsExactly("E", "G", "H", "I");
    JsonNode mine = json(call(get("/api/v1/members"), TestCompany.BEN));
    assertThat(mine.get("total").asLong()).isEqualTo(3);
    assertThat(mine.get("items").valueStream().map(m -> m.get("id").asString()).toList()).containsExactly("B", "D", "E");
    assertThat(json(call(get("/api/v1/products"), TestCompany.BEN)).get("total").asLong()).isEqualTo(2);
    assertThat(json(call(get("/api/v1/periods"), TestCompany.BEN)).get("items").valueStream()
        .map(p -> p.get("name").asString() + " " + p.get("state").asString()).toList())
        .contains("2026-01 open", "2026-02 open");
  }

  @Test
  void aMemberCarriesThePeriodsVolumes() throws Exception {
    JsonNode b = json(call(get("/api/v1/members/B?period=2026-02"), TestCompany.ADMIN));
    assertThat(b.get("pv").decimalValue()).isEqualByComparingTo("70.00");
    assertThat(b.get("gv").decimalValue()).isEqualByComparingTo("110.00");
    assertThat(b.get("subtreeSize").asInt()).isEqualTo(3);
    assertThat(b.get("email").asString()).isEqualTo("ben@example.com");
    // A distributor sees a downline member's figures but not their email or phone.
    JsonNode d = json(call(get("/api/v1/members/D?period=2026-02"), TestCompany.BEN));
    assertThat(d.get("gv").decimalValue()).isEqualByComparingTo("40.00");
    assertThat(d.has("email")).isFalse();
    JsonNode downline = json(call(get("/api/v1/members/A/downline"), TestCompany.ADMIN));
    assertThat(downline.get("items").valueStream().map(m -> m.get("id").asString()).toList()).containsExactly("B", "C");
  }

  @Test
  void aRetriedOrderIsMadeOnce() throws Exception {
    String key = UUID.randomUUID().toString();
    String body = "{\"memberId\":\"E\",\"date\":\"2026-04-02\",\"pv\":30,\"cv\":25,\"total\":39.90}";
    MockHttpServletResponse first = order(TestCompany.BEN, key, body);
    assertThat(first.getStatus()).isEqualTo(201);
    String id = json(first).get("id").asString();
    assertThat(first.getHeader("Location")).isEqualTo("/api/v1/orders/" + id);
    MockHttpServletResponse again = order(TestCompany.BEN, key, body);
    assertThat(again.getStatus()).isEqualTo(200);
    assertThat(again.getHeader("Idempotent-Replayed")).isEqualTo("true");
    assertThat(json(again).get("id").asString()).isEqualTo(id);
    JsonNode list = json(call(get("/api/v1/orders?member=E&period=2026-04"), TestCompany.BEN));
    assertThat(list.get("total").asLong()).isEqualTo(1);
    MockHttpServletResponse other = order(TestCompany.BEN, key, body.replace("\"pv\":30", "\"pv\":31"));
    assertThat(other.getStatus()).isEqualTo(422);
    assertThat(json(other).get("message").asString()).contains("Idempotency-Key was used for a different request");
    MockHttpServletResponse noKey = order(TestCompany.BEN, null, body);
    assertThat(noKey.getStatus()).isEqualTo(400);
    assertThat(json(noKey).get("error").asString()).isEqualTo("Bad Request");
    assertThat(json(noKey).get("details").isArray()).isTrue();
  }

  /** An order id already taken is a conflict, told in the reader's language (ADR 29; the admin's own is English). */
  @Test
  void aTakenOrderIdIsRefusedInTheReadersLanguage() throws Exception {
    String body = "{\"id\":\"O2\",\"memberId\":\"B\",\"date\":\"2026-03-01\",\"pv\":1,\"cv\":1}";
    String[][] told = {
        {"en", "order 'O2' exists already"},
        {"ro", "comanda 'O2' există deja"},
        {"pl", "zamówienie 'O2' już istnieje"}};
    for (String[] t : told) {
      MockHttpServletResponse r = mvc.perform(post("/api/v1/orders").contentType(MediaType.APPLICATION_JSON).content(body)
          .header("Idempotency-Key", UUID.randomUUID().toString()).header("Accept-Language", t[0])
          .with(httpBasic(TestCompany.ADMIN, TestCompany.PASSWORD))).andReturn().getResponse();
      assertThat(r.getStatus()).isEqualTo(409);
      assertThat(json(r).get("message").asString()).isEqualTo(t[1]);
    }
  }

  @Test
  void orderRulesAreTheImportsRulesWordForWord() throws Exception {
    MockHttpServletResponse early = order(TestCompany.ADMIN, UUID.randomUUID().toString(),
        "{\"memberId\":\"D\",\"date\":\"2026-01-15\",\"pv\":10,\"cv\":10}");
    assertThat(early.getStatus()).isEqualTo(422);
    JsonNode e = json(early);
    assertThat(e.get("status").asInt()).isEqualTo(422);
    assertThat(e.get("details").get(0).get("field").asString()).isEqualTo("date");
    assertThat(e.get("details").get(0).get("reason").asString())
        .isEqualTo("order dated 2026-01-15 is before member 'D' joined on 2026-02-01");

    JsonNode negative = json(order(TestCompany.ADMIN, UUID.randomUUID().toString(),
        "{\"memberId\":\"A\",\"date\":\"2026-03-01\",\"pv\":-5,\"cv\":1}"));
    assertThat(negative.get("details").get(0).get("reason").asString()).isEqualTo("a sale's pv must not be negative");

    JsonNode unknown = json(order(TestCompany.ADMIN, UUID.randomUUID().toString(),
        "{\"memberId\":\"NOBODY\",\"date\":\"2026-03-01\",\"pv\":1,\"cv\":1}"));
    assertThat(unknown.get("details").get(0).get("reason").asString()).isEqualTo("unknown member 'NOBODY'");

    // O2: pv 50, cv 40, total 60, nothing returned yet; returning 60 pv exceeds it.
    JsonNode exceed = json(order(TestCompany.ADMIN, UUID.randomUUID().toString(),
        "{\"memberId\":\"B\",\"date\":\"2026-03-01\",\"pv\":-60,\"cv\":-10,\"total\":-10,\"returnOf\":\"O2\"}"));
    assertThat(exceed.get("details").get(0).get("reason").asString())
        .isEqualTo("returns of sale 'O2' exceed it: pv 60.00 of 50.00, cv 10.00 of 40.00, total 10.00 of 60.00");

    JsonNode otherMember = json(order(TestCompany.ADMIN, UUID.randomUUID().toString(),
        "{\"memberId\":\"A\",\"date\":\"2026-03-01\",\"pv\":-1,\"cv\":-1,\"returnOf\":\"O2\"}"));
    assertThat(otherMember.get("details").get(0).get("reason").asString())
        .isEqualTo("return of sale 'O2' placed by another member");

    JsonNode places = json(order(TestCompany.ADMIN, UUID.randomUUID().toString(),
        "{\"memberId\":\"A\",\"date\":\"2026-03-01\",\"pv\":1.005,\"cv\":1}"));
    assertThat(places.get("details").get(0).get("reason").asString()).isEqualTo("'1.005' has more than two decimal places");
  }

  @Test
  void ordersInAClosedPeriodAreRefused() throws Exception {
    db.inTransaction(c -> {
      PeriodStore.setState(c, "2025-12", PeriodStore.CLOSED);
      return null;
    });
    JsonNode closed = json(order(TestCompany.ADMIN, UUID.randomUUID().toString(),
        "{\"memberId\":\"A\",\"date\":\"2025-12-15\",\"pv\":10,\"cv\":10}"));
    assertThat(closed.get("status").asInt()).isEqualTo(422);
    assertThat(closed.get("details").get(0).get("reason").asString())
        .isEqualTo("period 2025-12 is closed; orders dated in it are refused (book a return in an open period instead)");
    // A rule checked in the order's transaction names the body's field, not a file.
    JsonNode detail = closed.get("details").get(0);
    assertThat(detail.get("field").asString()).isEqualTo("date");
    assertThat(detail.path("file").isMissingNode() || detail.get("file").isNull()).isTrue();
  }

  @Test
  void aReturnWithinTheSaleIsAccepted() throws Exception {
    // O4: D's sale of pv 40, cv 30, total 50; returning 15/10/20 leaves room.
    MockHttpServletResponse r = order(TestCompany.ADMIN, UUID.randomUUID().toString(),
        "{\"memberId\":\"D\",\"date\":\"2026-03-03\",\"pv\":-15,\"cv\":-10,\"total\":-20,\"returnOf\":\"O4\"}");
    assertThat(r.getStatus()).isEqualTo(201);
    assertThat(json(r).get("kind").asString()).isEqualTo("return");
    // A second return of 30 would make 45 returned of 40: refused.
    JsonNode again = json(order(TestCompany.ADMIN, UUID.randomUUID().toString(),
        "{\"memberId\":\"D\",\"date\":\"2026-03-04\",\"pv\":-30,\"cv\":-1,\"returnOf\":\"O4\"}"));
    assertThat(again.get("details").get(0).get("reason").asString())
        .isEqualTo("returns of sale 'O4' exceed it: pv 45.00 of 40.00, cv 11.00 of 30.00, total 20.00 of 50.00");
  }

  @Test
  void aBadImportNamesEveryRow() throws Exception {
    String csv = "id,member_id,date,pv,cv,return_of\nX1,NOBODY,2026-03-01,1,1,\nX2,A,2026-03-01,abc,1,\n";
    MockHttpServletResponse r = call(post("/api/v1/import/orders?file=march.csv").contentType("text/csv").content(csv),
        TestCompany.ADMIN);
    assertThat(r.getStatus()).isEqualTo(422);
    JsonNode e = json(r);
    assertThat(e.get("details").get(0).get("file").asString()).isEqualTo("march.csv");
    assertThat(e.get("details").get(0).get("line").asLong()).isEqualTo(3);
    assertThat(e.get("details").get(0).get("field").asString()).isEqualTo("pv");
  }

  @Test
  void theOpenApiDocumentIsPublicAndCoversEveryEndpoint() throws Exception {
    String doc = mvc.perform(get("/api/openapi.yaml")).andReturn().getResponse().getContentAsString();
    for (String path : new String[] {"/api/v1/me:", "/api/v1/members:", "/api/v1/members/{id}:",
        "/api/v1/members/{id}/downline:", "/api/v1/members/{id}/statement:", "/api/v1/orders:", "/api/v1/orders/{id}:",
        "/api/v1/products:", "/api/v1/periods:", "/api/v1/import/{kind}:"}) {
      assertThat(doc).contains("  " + path);
    }
  }
}
