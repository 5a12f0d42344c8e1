package org.downline.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.Map;
import java.util.stream.Stream;
import org.downline.web.ByRole.Who;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Every prospecting page and form by role: anonymous is sent to sign in (302), staff are kept off
 * the back office (403) and see the company page, a distributor sees their own (200, or 303/302
 * after a form) and never another distributor's contact, prospect, touch, follow-up or community
 * (404, as the back office answers for anything outside one's organisation). Ids in braces are
 * {@link ProspectTestData}'s: {ana}, {dan} are ben's; {hana}, {hanaProspect}... are hal's.
 */
class ProspectAuthorizationTest extends ProspectWebTestBase {
  @Autowired MockMvc mvc;

  static Stream<Arguments> table() {
    return Stream.of(
        ByRole.row("GET", "/office/today", 302, 403, 200),
        ByRole.row("GET", "/office/contacts", 302, 403, 200),
        ByRole.row("GET", "/office/contacts?q=dan&tie=acquaintance&community={bookClub}", 302, 403, 200),
        ByRole.row("GET", "/office/contacts?tie=stranger", 302, 403, 400),
        ByRole.row("GET", "/office/contacts/{ana}", 302, 403, 200),
        ByRole.row("GET", "/office/pipeline", 302, 403, 200),
        ByRole.row("GET", "/office/pipeline?column=exploring", 302, 403, 200),
        ByRole.row("GET", "/office/pipeline?column=nowhere", 302, 403, 400),
        ByRole.row("GET", "/office/prospects/{dan.prospect}", 302, 403, 200),
        ByRole.row("GET", "/office/network", 302, 403, 200),
        ByRole.row("GET", "/office/network/graph.json", 302, 403, 200),
        ByRole.row("GET", "/office/prospect-figures", 302, 403, 200),
        ByRole.row("GET", "/console/prospects", 302, 200, 403),
        // the contact tools: ben's own pages; hal's contact not found; a merge or erasure of hal's refused as not found
        ByRole.row("GET", "/office/contacts/import", 302, 403, 200),
        ByRole.row("GET", "/office/contacts/duplicates", 302, 403, 200),
        ByRole.row("GET", "/office/contacts/export.csv", 302, 403, 200),
        ByRole.row("GET", "/office/contacts/{ana}/erase", 302, 403, 200),
        ByRole.row("GET", "/office/contacts/{hana}/erase", 302, 403, 404),
        ByRole.row("POST", "/office/contacts/{hana}/erase?confirm=true", 302, 403, 404),
        ByRole.row("POST", "/office/contacts/merge?keep={ana}&merged={hana}", 302, 403, 404),
        ByRole.row("POST", "/office/contacts/merge?keep={hana}&merged={ana}", 302, 403, 404),
        ByRole.row("POST", "/office/contacts/merge?keep={ana}&merged={ana}", 302, 403, 400),
        // ben's own forms, with input the use cases refuse: the status is the refusal, nothing is written
        ByRole.row("POST", "/office/contacts", 302, 403, 400), // no name
        ByRole.row("POST", "/office/contacts/{ana}/touches?kind=call", 302, 403, 400), // no date
        ByRole.row("POST", "/office/contacts/{ana}/follow-ups?what=x", 302, 403, 400), // no due date
        ByRole.row("POST", "/office/care/done?kind=cadence&memberId=E&due=2026-02-12", 302, 403, 400),
        ByRole.row("POST", "/office/prospects/{dan.prospect}/outcome?outcome=joined-distributor", 302, 403, 400),
        ByRole.row("POST", "/office/prospects/{dan.prospect}/outcome?outcome=not-now", 302, 403, 400), // no date
        ByRole.row("POST", "/office/prospects/{dan.prospect}/stage?stage=nowhere", 302, 403, 400),
        ByRole.row("POST", "/office/prospects/{dan.prospect}/join?kind=partner", 302, 403, 400),
        ByRole.row("POST", "/office/prospects/{dan.prospect}/fit?fit=maybe", 302, 403, 400),
        // hal's contact, prospect, touch, follow-up and community: not found for ben
        ByRole.row("GET", "/office/contacts/{hana}", 302, 403, 404),
        ByRole.row("GET", "/office/prospects/{hana.prospect}", 302, 403, 404),
        ByRole.row("GET", "/office/contacts?community={chessClub}", 302, 403, 404),
        ByRole.row("POST", "/office/contacts/{hana}/touches?kind=call&on=2026-03-01", 302, 403, 404),
        ByRole.row("POST", "/office/contacts/{hana}/follow-ups?what=x&due=2026-03-05", 302, 403, 404),
        ByRole.row("POST", "/office/contacts/{hana}/prospect", 302, 403, 404),
        ByRole.row("POST", "/office/contacts/{hana}/channels?kind=email&value=x@example.org", 302, 403, 404),
        ByRole.row("POST", "/office/contacts/{hana}/consent?channel=1&consent=given&on=2026-03-01", 302, 403, 404),
        ByRole.row("POST", "/office/contacts/{ana}/consent?channel=999999&consent=given&on=2026-03-01", 302, 403, 404),
        ByRole.row("POST", "/office/contacts/{hana}/do-not-contact?value=true", 302, 403, 404),
        ByRole.row("POST", "/office/follow-ups/{hana.followUp}/done", 302, 403, 404),
        ByRole.row("POST", "/office/touches/{hana.touch}/answered", 302, 403, 404),
        ByRole.row("POST", "/office/prospects/{hana.prospect}/stage?stage=exploring", 302, 403, 404),
        ByRole.row("POST", "/office/prospects/{hana.prospect}/options?description=a+job", 302, 403, 404),
        ByRole.row("POST", "/office/prospects/{hana.prospect}/fit?fit=yes&fitWhy=x", 302, 403, 404),
        ByRole.row("POST", "/office/prospects/{hana.prospect}/outcome?outcome=not-a-fit", 302, 403, 404),
        ByRole.row("POST", "/office/prospects/{hana.prospect}/join?kind=customer", 302, 403, 404));
  }

  @ParameterizedTest(name = "{0} {1}: anonymous {2}, admin {3}, distributor {4}")
  @MethodSource("table")
  void everyProspectingPageAndFormByRole(String method, String url, int anonymous, int admin, int ben) throws Exception {
    String real = ids(url);
    ByRole.expect(this::status, method, real, anonymous, admin, ben);
  }

  int status(String method, String url, Who who) throws Exception {
    return ByRole.perform(mvc, ByRole.plain(method, url), url, who);
  }

  static String ids(String url) {
    Map<String, Long> by = Map.ofEntries(Map.entry("{ana}", ids.ana()), Map.entry("{dan.prospect}", ids.danProspect()),
        Map.entry("{bookClub}", ids.bookClub()), Map.entry("{hana}", ids.hana()),
        Map.entry("{hana.prospect}", ids.hanaProspect()), Map.entry("{hana.followUp}", ids.hanaFollowUp()),
        Map.entry("{hana.touch}", ids.hanaTouch()), Map.entry("{chessClub}", ids.chessClub()));
    for (var e : by.entrySet()) url = url.replace(e.getKey(), Long.toString(e.getValue()));
    return url;
  }

  /**
   * Staff see aggregates only: the company page names no contact, prospect or community of anyone.
   * Opening messages are there by design (the response rate per opening message): a label of a
   * message, summed over distributors, not a person.
   */
  @Test
  void theCompanyPageNamesNobody() throws Exception {
    String html = mvc.perform(get("/console/prospects").with(user(WebTestBase.ADMIN))).andReturn().getResponse()
        .getContentAsString();
    assertThat(html).contains("Prospecting across the company", "id=\"retention-table\"");
    assertThat(html).doesNotContain("Ana Pop", "Dan Ionescu", "Eva Nowak", "Filip", "Gia Marin", "Hana Secret",
        "Book club", "Chess club", "ana.pop@example.org", "More time", "Send the product sheet", "How is work?");
  }

  /** Ben's network picture and lists hold none of hal's contacts or communities, and hal's hold none of ben's. */
  @Test
  void aDistributorsPagesHoldOnlyTheirOwnPeople() throws Exception {
    for (String url : new String[] {"/office/network/graph.json", "/office/network", "/office/contacts", "/office/today",
        "/office/pipeline", "/office/prospect-figures"}) {
      String bens = mvc.perform(get(url).with(user(WebTestBase.BEN))).andReturn().getResponse().getContentAsString();
      assertThat(bens).as(url).doesNotContain("Hana Secret", "Chess club", "Call Hana");
      String hals = mvc.perform(get(url).with(user(WebTestBase.HAL))).andReturn().getResponse().getContentAsString();
      assertThat(hals).as(url).doesNotContain("Ana Pop", "Dan Ionescu", "Book club", "Send the product sheet");
    }
    String graph = mvc.perform(get("/office/network/graph.json").with(user(WebTestBase.BEN))).andReturn().getResponse()
        .getContentAsString();
    assertThat(graph).contains("Ana Pop", "Book club");
  }

  /** A form refused for another distributor's prospect changed nothing: hal's prospect is still in its stage. */
  @Test
  void aRefusedFormChangesNothing() throws Exception {
    int status = mvc.perform(post("/office/prospects/" + ids.hanaProspect() + "/outcome").param("outcome", "not-a-fit")
        .with(csrf()).with(user(WebTestBase.BEN))).andReturn().getResponse().getStatus();
    assertThat(status).isEqualTo(404);
    String hals = mvc.perform(get("/office/prospects/" + ids.hanaProspect()).with(user(WebTestBase.HAL))).andReturn()
        .getResponse().getContentAsString();
    assertThat(hals).contains("Understanding their situation").doesNotContain("id=\"outcome\"");
    // ben's own fit form with a fit that is neither yes nor no: refused before the win is rewritten.
    int fit = mvc.perform(post("/office/prospects/" + ids.danProspect() + "/fit").param("fit", "maybe")
        .with(csrf()).with(user(WebTestBase.BEN))).andReturn().getResponse().getStatus();
    assertThat(fit).isEqualTo(400);
    String dan = mvc.perform(get("/office/prospects/" + ids.danProspect()).with(user(WebTestBase.BEN))).andReturn()
        .getResponse().getContentAsString();
    assertThat(dan).contains("More time with my kids");
  }
}
