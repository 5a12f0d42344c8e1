package org.downline.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The prospecting pages' content for ben on 2026-03-01, every figure worked by hand from
 * {@link ProspectTestData}'s data (the working is beside each check). Read-only: the forms that
 * write are in {@link ProspectFormsTest}.
 */
class ProspectPagesTest extends ProspectWebTestBase {
  @Autowired MockMvc mvc;

  Document page(String url) throws Exception {
    var r = mvc.perform(get(url).with(user(WebTestBase.BEN))).andReturn().getResponse();
    assertThat(r.getStatus()).as(url).isEqualTo(200);
    return Jsoup.parse(r.getContentAsString());
  }

  @Test
  void todayListsWhatMattersFirst() throws Exception {
    Document d = page("/office/today");
    List<String> kinds = d.select("#today-list > li").eachAttr("data-kind");
    List<String> who = d.select("#today-list > li .who").eachText();
    // 1 follow-up: Dan's, due 02-27, 2 days overdue; 2 reconnect: Eva, set for 03-01 (today);
    // 3 customer care: Eve East (customer E, first order 02-05): check-in 7 days later, 02-12, 17 days
    //   overdue, shown while under 30 days; her reorder is 365 days after 02-05 (one order in the year): not yet;
    // 4 cadence: Ana, created 01-20, every 30 days, never touched: due 02-19, 10 days overdue.
    // Filip's cadence (due 01-27) is left out: do not contact. Dan, Eva and Gia have no cadence.
    assertThat(kinds).containsExactly("follow-up", "reconnect", "check-in", "cadence");
    assertThat(who).containsExactly("Dan Ionescu", "Eva Nowak", "Eve East", "Ana Pop");
    assertThat(d.select("#today-list > li .when").eachText()).containsExactly("overdue by days: 2", "due 2026-03-01",
        "overdue by days: 17", "overdue by days: 10");
    assertThat(d.select("#today-list > li").get(0).text()).contains("Send the product sheet");
    assertThat(d.select("#today-list > li").get(3).select(".reach").text()).isEqualTo("Email ana.pop@example.org");
    assertThat(d.text()).doesNotContain("Filip");
    assertThat(d.select("#count").text()).isEqualTo("Items: 4");
  }

  @Test
  void relationshipsAreTheDefaultViewWithSearchTiesAndCommunities() throws Exception {
    Document d = page("/office/contacts");
    // Five contacts by name; Dan, Eva and Gia are prospects (Eva with the outcome not now).
    assertThat(d.select("#contacts .who").eachText()).containsExactly("Ana Pop", "Dan Ionescu", "Eva Nowak",
        "Filip Kowal", "Gia Marin");
    assertThat(d.select("#count").text()).isEqualTo("Contacts: 5");
    Element ana = d.selectFirst("#contacts li[data-contact=" + ids.ana() + "]");
    assertThat(ana.select(".tie").text()).isEqualTo("Friend");
    assertThat(ana.select(".communities").text()).isEqualTo("Book club, Running group");
    assertThat(ana.text()).contains("Last touch: never", "Next touch due: 2026-02-19");
    assertThat(d.selectFirst("#contacts li[data-contact=" + ids.eva() + "]").text()).contains("Not now");
    assertThat(d.selectFirst("#contacts li[data-contact=" + ids.filip() + "]").text()).contains("Do not contact");
    assertThat(page("/office/contacts?q=ionescu").select("#contacts .who").eachText()).containsExactly("Dan Ionescu");
    assertThat(page("/office/contacts?tie=acquaintance").select("#contacts .who").eachText())
        .containsExactly("Dan Ionescu", "Filip Kowal");
    assertThat(page("/office/contacts?community=" + ids.running()).select("#contacts .who").eachText())
        .containsExactly("Ana Pop", "Gia Marin");
  }

  @Test
  void thePipelineIsByTheProspectsOwnStage() throws Exception {
    Document d = page("/office/pipeline");
    assertThat(d.select("#stages > section h2").eachText()).containsExactly("Understanding their situation 1",
        "Exploring their options 1", "Choosing 0");
    assertThat(d.select("#stage-understanding .who").eachText()).containsExactly("Gia Marin");
    assertThat(d.select("#stage-exploring .who").eachText()).containsExactly("Dan Ionescu");
    assertThat(d.select("#stage-exploring .tags").text()).isEqualTo("Extra income, Flexible time");
    assertThat(d.select("#outcome-not-now .who").eachText()).containsExactly("Eva Nowak");
    assertThat(d.select("#outcome-not-now").text()).contains("reconnect on 2026-03-01");
    assertThat(d.select("#count").text()).isEqualTo("Prospects: 3");
    Document ro = page("/office/pipeline?lang=ro");
    assertThat(ro.select("#stage-exploring h2").text()).isEqualTo("Își explorează opțiunile 1");
    // ?lang= is kept for the login: back to English for the other tests.
    assertThat(page("/office/pipeline?lang=en").select("#stage-exploring h2").text()).isEqualTo("Exploring their options 1");
  }

  @Test
  void aContactPageHasConsentPerChannelWhomTheyKnowAndTheTimeline() throws Exception {
    Document d = page("/office/contacts/" + ids.ana());
    assertThat(d.select("h1").text()).isEqualTo("Ana Pop");
    assertThat(d.select("#knows a").eachText()).containsExactlyInAnyOrder("Dan Ionescu", "Eva Nowak");
    assertThat(d.select("#communities").text()).isEqualTo("Book club, Running group");
    assertThat(d.select("#channel-list tbody tr").text())
        .isEqualTo("Email ana.pop@example.org Consent given 2026-01-20 in person Yes, write to me");
    assertThat(d.select("#next-due").text()).isEqualTo("Stay in touch every 30 days · 2026-02-19");
    assertThat(d.select("#make-prospect")).hasSize(1);
    Document dan = page("/office/contacts/" + ids.dan());
    assertThat(dan.select("#timeline li").text()).contains("2026-02-01", "Message", "Messaging",
        "Opening message: Saw your post", "answered", "What would make this year better?", "More time at home");
    assertThat(dan.select("#follow-ups li").text()).contains("2026-02-27", "Send the product sheet");
    assertThat(dan.select("#prospect-link")).hasSize(1);
    assertThat(page("/office/contacts/" + ids.filip()).select("#dnc, #make-prospect").eachAttr("id")).containsExactly("dnc");
  }

  @Test
  void aProspectPageHasTheirWinStageOptionsAndTheIncomeDisclosureBeforeJoining() throws Exception {
    Document d = page("/office/prospects/" + ids.danProspect());
    assertThat(d.select("#stage").text()).isEqualTo("Exploring their options");
    assertThat(d.select("#win-words").text()).isEqualTo("More time with my kids");
    assertThat(d.select("#win-tags li").eachText()).containsExactly("Extra income", "Flexible time");
    assertThat(d.select("#fit").text()).isEqualTo("Not decided yet");
    assertThat(d.select("#no-options")).hasSize(1);
    assertThat(d.select("#needs-confirm")).hasSize(1); // joining now would skip stage 2
    assertThat(d.select("#timeline li").text()).contains("Saw your post");
    // The test company has no closed period: no income disclosure statement exists.
    assertThat(d.select("#no-disclosure")).hasSize(1);
    assertThat(d.select("#stage-input option").eachText()).containsExactly("Understanding their situation",
        "Exploring their options", "Choosing");
    assertThat(d.select("#outcome-input option").eachAttr("value")).containsExactly("not-a-fit", "not-now");
  }

  @Test
  void theNetworkPageHasDensityWeakTiesAndTheTablesBehindThePicture() throws Exception {
    Document d = page("/office/network");
    // 5 contacts, 3 recorded links, 2 communities.
    assertThat(d.select("#contacts").text()).isEqualTo("5");
    assertThat(d.select("#links").text()).isEqualTo("3");
    assertThat(d.select("#communities").text()).isEqualTo("2");
    // Book club: 3 members, 3 pairs, all 3 linked: 100.00 %, dense (3 members, >= 50 %); Dan is an
    // acquaintance in it: one weak tie into a dense community. Running group: Ana and Gia, 1 pair,
    // no link: 0.00 %, not dense.
    assertThat(d.select("#weak-ties").text()).isEqualTo("1");
    assertThat(d.select("#community-list tr[data-community=" + ids.bookClub() + "]").text())
        .isEqualTo("Book club 3 3 100.00 % 1");
    assertThat(d.select("#community-list tr[data-community=" + ids.running() + "]").text())
        .isEqualTo("Running group 2 0 0.00 % 0");
    assertThat(d.select("#contact-list tr[data-contact=" + ids.ana() + "]").text())
        .isEqualTo("Ana Pop Friend Dan Ionescu, Eva Nowak Book club, Running group");
    assertThat(d.select("#picture-note").text()).isEqualTo("Every contact and community.");
    assertThat(d.select("#network-picture").attr("role")).isEqualTo("img");
  }

  @Test
  void theGraphDrawsCommunitiesAsHubsAndLinksBetweenContacts() throws Exception {
    String json = mvc.perform(get("/office/network/graph.json").with(user(WebTestBase.BEN))).andReturn().getResponse()
        .getContentAsString();
    // 2 community nodes + 5 contacts; edges: 3 links + memberships (Ana 2, Dan 1, Eva 1, Gia 1) = 8.
    assertThat(json).contains("\"contacts\":5", "\"drawnContacts\":5");
    assertThat(json.split("\"kind\":\"community\"", -1)).hasSize(3);
    assertThat(json.split("\"kind\":\"contact\"", -1)).hasSize(6);
    assertThat(json.split("\"kind\":\"link\"", -1)).hasSize(4);
    assertThat(json.split("\"kind\":\"member\"", -1)).hasSize(6);
  }

  @Test
  void myFiguresAreMine() throws Exception {
    Document d = page("/office/prospect-figures");
    // One opening message, on messaging ("Saw your post"), answered: 1 of 1 = 100.00 %, its row and the channel's total.
    assertThat(d.select("#response-rates tbody tr").eachText()).containsExactly("Messaging Saw your post 1 1 100.00 %",
        "Messaging All openings 1 1 100.00 %");
    assertThat(d.select("#benchmark").text()).contains("50.00 %");
    // Understanding: Dan, Eva, Gia entered; Dan moved on to exploring (Eva's not now is no move on):
    // 1 of 3 = 33.33 %. Days in it of those who left: Dan 01-25 -> 02-01 = 7, Eva 01-25 -> 02-01 (not now) = 7: median 7.
    // Exploring: Dan entered, nobody moved on or left: 0.00 %, no median. Choosing: nobody.
    assertThat(d.select("#stage-flow tbody tr").eachText()).containsExactly("Understanding their situation 3 1 33.33 % 7",
        "Exploring their options 1 0 0.00 % –", "Choosing 0 0 – –");
    assertThat(d.select("#outcome-not-now").text()).isEqualTo("1");
    assertThat(d.select("#outcome-not-a-fit").text()).isEqualTo("0");
    assertThat(d.select("#let-go").text()).startsWith("Let go with thanks (not a fit): 0");
    assertThat(d.select("#retention-table tbody tr").eachAttr("data-group")).containsExactly("stage-2-recorded",
        "stage-2-skipped", "without-pipeline");
  }
}
