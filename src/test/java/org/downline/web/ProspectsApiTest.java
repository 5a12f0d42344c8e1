package org.downline.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The prospecting API over {@link ProspectTestData}: ben (B) reads his own contacts and prospects,
 * never hal's (404); staff get 403 on a distributor's lists and only aggregates on the company's.
 * Writes here are hal's own on a contact made for the test and erased at its end, so the other
 * prospecting tests' data is as they expect.
 */
class ProspectsApiTest extends ProspectWebTestBase {
  @Autowired MockMvc mvc;

  static MockHttpServletRequestBuilder as(String who, MockHttpServletRequestBuilder r) {
    return r.with(httpBasic(who, TestCompany.PASSWORD));
  }

  static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder r, String body) {
    return r.contentType(MediaType.APPLICATION_JSON).content(body);
  }

  static Stream<Arguments> hals() {
    return Stream.of(
        Arguments.of("GET", "/api/v1/contacts/{hana}", null),
        Arguments.of("GET", "/api/v1/contacts/{hana}/timeline", null),
        Arguments.of("GET", "/api/v1/prospects/{hana.prospect}", null),
        Arguments.of("PUT", "/api/v1/contacts/{hana}", "{\"name\":\"Taken\"}"),
        Arguments.of("POST", "/api/v1/prospects/{hana.prospect}/stage", "{\"stage\":\"exploring\"}"),
        Arguments.of("POST", "/api/v1/prospects/{hana.prospect}/outcome", "{\"outcome\":\"not-a-fit\"}"),
        Arguments.of("PUT", "/api/v1/touches/{hana.touch}/answered", "{\"answered\":true}"),
        Arguments.of("POST", "/api/v1/follow-ups/{hana.followUp}/done", "{}"),
        Arguments.of("POST", "/api/v1/touches", "{\"contactId\":{hana},\"kind\":\"call\",\"on\":\"2026-03-01\"}"),
        Arguments.of("POST", "/api/v1/prospects", "{\"contactId\":{hana}}"),
        Arguments.of("POST", "/api/v1/contacts/{hana}/erase", null));
  }

  /** Ben asking for hal's contact, prospect, touch or follow-up: 404, as if it did not exist. */
  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("hals")
  void anotherDistributorsDataIsNotFound(String method, String url, String body) throws Exception {
    MockHttpServletRequestBuilder r = switch (method) {
      case "GET" -> get(ids(url));
      case "PUT" -> put(ids(url));
      default -> post(ids(url));
    };
    if (body != null) r = json(r, ids(body));
    mvc.perform(as(TestCompany.BEN, r)).andExpect(status().isNotFound()).andExpect(jsonPath("$.error").exists());
    // and hal's prospect is still where it was
    mvc.perform(as(TestCompany.HAL, get("/api/v1/prospects/" + ids.hanaProspect())))
        .andExpect(jsonPath("$.stage").value("understanding")).andExpect(jsonPath("$.outcome").doesNotExist());
  }

  @Test
  void staffGet403OnADistributorsListsAndADistributorOnTheCompanyFigures() throws Exception {
    for (String url : new String[] {"/api/v1/contacts", "/api/v1/prospects", "/api/v1/today", "/api/v1/follow-ups",
        "/api/v1/prospect-figures/mine", "/api/v1/contacts/export", "/api/v1/contacts/" + ids.ana()}) {
      mvc.perform(as(TestCompany.ADMIN, get(url))).andExpect(status().isForbidden());
    }
    mvc.perform(as(TestCompany.BEN, get("/api/v1/prospect-figures/company"))).andExpect(status().isForbidden());
    mvc.perform(get("/api/v1/contacts")).andExpect(status().isUnauthorized());
  }

  @Test
  void theCompanyFiguresNameNobody() throws Exception {
    String body = mvc.perform(as(TestCompany.ADMIN, get("/api/v1/prospect-figures/company")))
        .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    assertThat(body).contains("\"distributors\"", "\"retention\"");
    assertThat(body).doesNotContain("Ana Pop", "Dan Ionescu", "Eva Nowak", "Filip", "Gia Marin", "Hana Secret",
        "Book club", "Chess club", "ana.pop@example.org", "More time", "Send the product sheet", "How is work?",
        "\"B\"", "\"H\"");
  }

  /**
   * Ben's own figures, by hand from ProspectTestData: one opening message ("Saw your post", on
   * messaging), answered: 1 of 1 = 100.00 %, its row and the channel's total (opening ""); the
   * benchmark 50.00 %. Understanding: Dan, Eva, Gia entered, Dan moved on: 1 of 3 = 33.33 %; Dan
   * 01-25 -> 02-01 = 7 days, Eva 01-25 -> 02-01 (not now) = 7: median 7. Exploring: Dan, 0 of 1 =
   * 0.00 %, nobody left (no median). Choosing: nobody (no rate). Outcomes: Eva not now = 1; open:
   * Dan and Gia = 2; let go 0.
   */
  @Test
  void myFiguresByHand() throws Exception {
    mvc.perform(as(TestCompany.BEN, get("/api/v1/prospect-figures/mine"))).andExpect(status().isOk())
        .andExpect(jsonPath("$.asOf").value("2026-03-01"))
        .andExpect(jsonPath("$.responses.length()").value(2))
        .andExpect(jsonPath("$.responses[?(@.opening=='Saw your post')].ratePct").value(100.00))
        .andExpect(jsonPath("$.responses[?(@.opening=='')].sent").value(1))
        .andExpect(jsonPath("$.benchmarkPct").value(50.00))
        .andExpect(jsonPath("$.stages[0].stage").value("understanding"))
        .andExpect(jsonPath("$.stages[0].entered").value(3))
        .andExpect(jsonPath("$.stages[0].movedOn").value(1))
        .andExpect(jsonPath("$.stages[0].conversionPct").value(33.33))
        .andExpect(jsonPath("$.stages[0].medianDays").value(7))
        .andExpect(jsonPath("$.stages[1].conversionPct").value(0.00))
        .andExpect(jsonPath("$.stages[1].medianDays").doesNotExist())
        .andExpect(jsonPath("$.stages[2].entered").value(0))
        .andExpect(jsonPath("$.stages[2].conversionPct").doesNotExist())
        .andExpect(jsonPath("$.outcomes.not-now").value(1))
        .andExpect(jsonPath("$.open").value(2))
        .andExpect(jsonPath("$.letGo").value(0));
  }

  @Test
  void bensListsHoldHisOwnOnly() throws Exception {
    String contacts = mvc.perform(as(TestCompany.BEN, get("/api/v1/contacts"))).andExpect(status().isOk())
        .andExpect(jsonPath("$.length()").value(5)).andReturn().getResponse().getContentAsString();
    assertThat(contacts).contains("Ana Pop", "Gia Marin").doesNotContain("Hana Secret");
    mvc.perform(as(TestCompany.BEN, get("/api/v1/prospects?stage=exploring")))
        .andExpect(jsonPath("$.byStage.exploring[0].name").value("Dan Ionescu"))
        .andExpect(jsonPath("$.byStage.understanding").doesNotExist());
    mvc.perform(as(TestCompany.BEN, get("/api/v1/prospects?stage=nowhere"))).andExpect(status().isBadRequest());
    mvc.perform(as(TestCompany.BEN, get("/api/v1/contacts/" + ids.dan() + "/timeline")))
        .andExpect(jsonPath("$.touches[0].heard").value("More time at home"))
        .andExpect(jsonPath("$.followUps[0].what").value("Send the product sheet"));
    // Filip is do-not-contact: his row in the export has no channel, Ana's consented email is there.
    String csv = mvc.perform(as(TestCompany.BEN, get("/api/v1/contacts/export"))).andExpect(status().isOk())
        .andReturn().getResponse().getContentAsString();
    assertThat(csv).contains("Ana Pop", "ana.pop@example.org").doesNotContain("Hana Secret");
  }

  /**
   * Hal's own round trip on a new contact: create, channel with consent, prospect, stage 2 skipped
   * (asked to confirm, nothing written), confirmed as a customer... then erased; ben never sees it.
   */
  @Test
  void aContactsRoundTripThroughTheUseCases() throws Exception {
    String created = mvc.perform(as(TestCompany.HAL, json(post("/api/v1/contacts"),
        "{\"name\":\"Ilie Test\",\"tie\":\"friend\",\"cadenceDays\":14}")))
        .andExpect(status().isCreated()).andExpect(jsonPath("$.tie").value("friend"))
        .andExpect(jsonPath("$.nextTouchDue").value("2026-03-15")) // created 03-01, cadence 14, never touched
        .andReturn().getResponse().getContentAsString();
    long id = Long.parseLong(created.replaceAll("^\\{\"id\":(\\d+).*", "$1"));
    mvc.perform(as(TestCompany.BEN, get("/api/v1/contacts/" + id))).andExpect(status().isNotFound());
    String ch = mvc.perform(as(TestCompany.HAL, json(post("/api/v1/contacts/" + id + "/channels"),
        "{\"kind\":\"email\",\"value\":\"ilie.test@example.org\"}"))).andExpect(status().isCreated())
        .andReturn().getResponse().getContentAsString();
    long channel = Long.parseLong(ch.replaceAll("^\\{\"id\":(\\d+).*", "$1"));
    mvc.perform(as(TestCompany.HAL, json(post("/api/v1/channels/" + channel + "/consent"),
        "{\"consent\":\"refused\",\"on\":\"2026-03-01\",\"how\":\"by phone\",\"words\":\"No emails\"}")))
        .andExpect(jsonPath("$.consent").value("refused")).andExpect(jsonPath("$.usable").value(false));
    mvc.perform(as(TestCompany.BEN, get("/api/v1/channels/" + channel + "/consent"))).andExpect(status().isNotFound());
    mvc.perform(as(TestCompany.HAL, get("/api/v1/channels/" + channel + "/consent")))
        .andExpect(jsonPath("$[?(@.consent=='refused')].words").value("No emails"));
    mvc.perform(as(TestCompany.HAL, json(post("/api/v1/contacts"), "{\"tie\":\"stranger\",\"name\":\"X\"}")))
        .andExpect(status().isBadRequest());
    // A touch on 03-01 restarts the cadence: due 03-15.
    mvc.perform(as(TestCompany.HAL, json(post("/api/v1/touches"),
        "{\"contactId\":" + id + ",\"kind\":\"call\",\"channel\":\"phone\",\"on\":\"2026-03-01\"}")))
        .andExpect(status().isCreated());
    String p = mvc.perform(as(TestCompany.HAL, json(post("/api/v1/prospects"),
        "{\"contactId\":" + id + ",\"winWords\":\"Some extra\",\"winTags\":[\"extra-income\"]}")))
        .andExpect(status().isCreated()).andExpect(jsonPath("$.stage").value("understanding"))
        .andReturn().getResponse().getContentAsString();
    long pid = Long.parseLong(p.replaceAll("^\\{\"id\":(\\d+).*", "$1"));
    mvc.perform(as(TestCompany.HAL, json(post("/api/v1/prospects/" + pid + "/outcome"), "{\"outcome\":\"not-now\"}")))
        .andExpect(status().isBadRequest()); // no reconnect date
    mvc.perform(as(TestCompany.HAL, json(post("/api/v1/prospects/" + pid + "/stage"), "{\"stage\":\"choosing\"}")))
        .andExpect(jsonPath("$.stage").value("choosing"));
    mvc.perform(as(TestCompany.HAL, json(post("/api/v1/prospects/" + pid + "/outcome"),
        "{\"outcome\":\"not-a-fit\"}"))).andExpect(status().isOk())
        .andExpect(jsonPath("$.needsConfirm").value(false))
        .andExpect(jsonPath("$.prospect.outcome").value("not-a-fit"));
    mvc.perform(as(TestCompany.HAL, post("/api/v1/contacts/" + id + "/erase"))).andExpect(status().isNoContent());
    mvc.perform(as(TestCompany.HAL, get("/api/v1/contacts/" + id))).andExpect(status().isNotFound());
  }

  @Test
  void theOpenApiDocumentListsTheProspectingEndpoints() throws Exception {
    String doc = mvc.perform(get("/api/openapi.yaml")).andReturn().getResponse().getContentAsString();
    for (String path : new String[] {"/api/v1/contacts:", "/api/v1/contacts/{id}:", "/api/v1/contacts/{id}/erase:",
        "/api/v1/contacts/export:", "/api/v1/channels/{id}/consent:", "/api/v1/prospects:", "/api/v1/prospects/{id}/outcome:",
        "/api/v1/touches:", "/api/v1/follow-ups:", "/api/v1/today:", "/api/v1/prospect-figures/mine:",
        "/api/v1/prospect-figures/company:", "/api/v1/contacts/import:", "/api/v1/contacts/duplicates:",
        "/api/v1/contacts/{id}/merge:", "/api/v1/communities:", "/api/v1/communities/{id}/members/{contactId}:",
        "/api/v1/links:", "/api/v1/network:"}) {
      assertThat(doc).contains("  " + path);
    }
  }

  static String ids(String text) {
    Map<String, Long> by = Map.of("{hana}", ids.hana(), "{hana.prospect}", ids.hanaProspect(), "{hana.followUp}",
        ids.hanaFollowUp(), "{hana.touch}", ids.hanaTouch());
    for (var e : by.entrySet()) text = text.replace(e.getKey(), Long.toString(e.getValue()));
    return text;
  }
}
