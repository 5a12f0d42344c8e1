package org.downline.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;

/**
 * The reasons an input is refused for (a file's rows, an API order's fields), in the reader's language
 * (ADR 29, second amendment): the texts below are the bundles' words, written here by hand; the English
 * ones are the wording the command line has always printed. Every request is refused, so nothing is written.
 */
class InputReasonsTest extends WebTestBase {
  @Autowired MockMvc mvc;

  private MockHttpServletResponse call(MockHttpServletRequestBuilder request, String language) throws Exception {
    return mvc.perform(request.header("Accept-Language", language).with(httpBasic(TestCompany.ADMIN, TestCompany.PASSWORD)))
        .andReturn().getResponse();
  }

  private JsonNode order(String body, String language) throws Exception {
    MockHttpServletResponse r = call(post("/api/v1/orders").contentType(MediaType.APPLICATION_JSON).content(body)
        .header("Idempotency-Key", UUID.randomUUID().toString()), language);
    assertThat(r.getStatus()).isEqualTo(422);
    return ApiTest.json(r);
  }

  private static List<String> reasons(JsonNode answer) {
    return answer.get("details").valueStream().map(d -> d.get("field").asString() + ": " + d.get("reason").asString()).toList();
  }

  @Test
  void anOrdersFieldsAreRefusedInTheReadersLanguage() throws Exception {
    String body = "{\"memberId\":\"A\",\"pv\":1.005,\"cv\":1}"; // no date; pv with a third decimal place
    String[][] told = {
        {"en", "the order is refused: 2 problems", "date: required", "pv: '1.005' has more than two decimal places"},
        {"ro", "comanda este refuzată: 2 probleme", "date: obligatoriu", "pv: '1.005' are mai mult de două zecimale"},
        {"pl", "zamówienie odrzucone: problemy: 2", "date: wymagane", "pv: '1.005' ma więcej niż dwa miejsca po przecinku"}};
    for (String[] t : told) {
      JsonNode answer = order(body, t[0]);
      assertThat(answer.get("message").asString()).isEqualTo(t[1]);
      assertThat(reasons(answer)).containsExactly(t[2], t[3]);
    }
    // A rule of the member, shared with the import: D joined on 2026-02-01.
    String early = "{\"memberId\":\"D\",\"date\":\"2026-01-15\",\"pv\":10,\"cv\":10}";
    assertThat(reasons(order(early, "ro"))).containsExactly("date: comanda din 2026-01-15 este anterioară înscrierii membrului 'D' din 2026-02-01");
    assertThat(reasons(order(early, "pl"))).containsExactly(
        "date: zamówienie z dnia 2026-01-15 jest wcześniejsze niż dołączenie członka 'D' w dniu 2026-02-01");
    assertThat(reasons(order(early, "en"))).containsExactly("date: order dated 2026-01-15 is before member 'D' joined on 2026-02-01");
    // The endpoint's own refusal of a distributor: H is not in Ben's organisation.
    String outside = "{\"memberId\":\"H\",\"date\":\"2026-03-01\",\"pv\":1,\"cv\":1}";
    MockHttpServletResponse r = mvc.perform(post("/api/v1/orders").contentType(MediaType.APPLICATION_JSON).content(outside)
            .header("Idempotency-Key", UUID.randomUUID().toString()).header("Accept-Language", "ro")
            .with(httpBasic(TestCompany.BEN, TestCompany.PASSWORD)))
        .andReturn().getResponse();
    assertThat(r.getStatus()).isEqualTo(404);
    assertThat(ApiTest.json(r).get("message").asString()).isEqualTo("nu există membrul 'H' în organizația dumneavoastră");
  }

  @Test
  void aFilesRowsAreRefusedInTheReadersLanguage() throws Exception {
    String cells = "id,sponsor_id,kind,join_date\nZ1,A,wizard,2026-03-01\nZ2,A,distributor,2026-13-01\n";
    String[][] told = {
        {"en", "2 input errors, nothing written", "kind: 'wizard' is not a member kind (distributor, customer, preferred_customer)",
            "join_date: '2026-13-01' is not a date of the form YYYY-MM-DD"},
        {"ro", "2 erori în date, nu s-a scris nimic", "kind: 'wizard' nu este un tip de membru (distributor, customer, preferred_customer)",
            "join_date: '2026-13-01' nu este o dată de forma AAAA-LL-ZZ"},
        {"pl", "błędy w danych: 2, nic nie zapisano", "kind: 'wizard' nie jest rodzajem członka (distributor, customer, preferred_customer)",
            "join_date: '2026-13-01' nie jest datą w postaci RRRR-MM-DD"}};
    for (String[] t : told) {
      MockHttpServletResponse r = call(post("/api/v1/import/members?file=zs.csv").contentType("text/csv").content(cells), t[0]);
      assertThat(r.getStatus()).isEqualTo(422);
      JsonNode answer = ApiTest.json(r);
      assertThat(answer.get("message").asString()).isEqualTo(t[1]);
      assertThat(reasons(answer)).containsExactly(t[2], t[3]);
      assertThat(answer.get("details").get(1).get("line").asLong()).isEqualTo(3);
    }
    // The company the rows make: a sponsor nobody has, one error, told in Romanian.
    String network = "id,sponsor_id,kind,join_date\nZ1,NOBODY,distributor,2026-03-01\n";
    JsonNode answer = ApiTest.json(call(post("/api/v1/import/members?file=zs.csv").contentType("text/csv").content(network), "ro"));
    assertThat(answer.get("message").asString()).isEqualTo("1 eroare în date, nu s-a scris nimic");
    assertThat(reasons(answer)).containsExactly("sponsor_id: sponsor necunoscut 'NOBODY'");
  }

  @Test
  void theConsoleImportPageListsTheReasonsInTheReadersLanguage() throws Exception {
    String network = "id,sponsor_id,kind,join_date\nZ1,NOBODY,distributor,2026-03-01\n";
    String page = mvc.perform(multipart("/console/import")
            .file(new MockMultipartFile("file", "zs.csv", "text/csv", network.getBytes(StandardCharsets.UTF_8)))
            .param("kind", "members").header("Accept-Language", "pl").with(csrf()).with(user(ADMIN)))
        .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    assertThat(page).contains("nieznany sponsor &#39;NOBODY&#39;").doesNotContain("unknown sponsor");
  }

  @Test
  void aMistypedPeriodIsToldInTheReadersLanguage() throws Exception {
    String[][] told = {
        {"en", "&#39;2026-13&#39; is not a period of the form YYYY-MM"},
        {"ro", "&#39;2026-13&#39; nu este o perioadă de forma AAAA-LL"},
        {"pl", "&#39;2026-13&#39; nie jest okresem w postaci RRRR-MM"}};
    for (String[] t : told) {
      MockHttpServletResponse bad = mvc.perform(get("/office/pay?period=2026-13").header("Accept-Language", t[0]).with(user(BEN)))
          .andReturn().getResponse();
      assertThat(bad.getStatus()).isEqualTo(400);
      assertThat(bad.getContentAsString(StandardCharsets.UTF_8)).contains(t[1]);
    }
    // The API's parameter: the message and the one detail, in Polish.
    JsonNode api = ApiTest.json(call(get("/api/v1/members/B?period=2026-13"), "pl"));
    assertThat(api.get("message").asString()).isEqualTo("'2026-13' nie jest okresem w postaci RRRR-MM");
    assertThat(reasons(api)).containsExactly("period: '2026-13' nie jest okresem w postaci RRRR-MM");
  }
}
