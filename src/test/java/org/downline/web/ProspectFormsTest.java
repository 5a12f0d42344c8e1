package org.downline.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import org.downline.store.Database;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The prospecting forms as ben sends them, on a database of their own ({@link ProspectTestData},
 * day 2026-03-01): each writes what it says and the page shows it; a joining with no option
 * recorded in stage 2 first asks, writes nothing, and is recorded as "stage 2 skipped" only once
 * confirmed. Each test works on its own contact or prospect, so the order they run in does not matter.
 */
@SpringBootTest(classes = WebApp.class)
@AutoConfigureMockMvc
@Import(ProspectTestData.FixedClock.class)
class ProspectFormsTest {
  static final String URL = "jdbc:h2:mem:prospectforms;DB_CLOSE_DELAY=-1";
  static ProspectTestData.Ids ids;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    registry.add(WebApp.DB_URL, () -> {
      synchronized (ProspectFormsTest.class) {
        if (ids == null) ids = ProspectTestData.load(Database.open(URL));
      }
      return URL;
    });
  }

  @Autowired MockMvc mvc;

  MockHttpServletResponse send(MockHttpServletRequestBuilder r) throws Exception {
    return mvc.perform(r.with(csrf()).with(user(WebTestBase.BEN))).andReturn().getResponse();
  }

  Document page(String url) throws Exception {
    return Jsoup.parse(mvc.perform(get(url).with(user(WebTestBase.BEN))).andReturn().getResponse().getContentAsString());
  }

  @Test
  void aTouchRestartsTheCadenceAndLeavesTheTodayList() throws Exception {
    assertThat(page("/office/today").select("#today-list > li[data-kind=cadence] .who").eachText()).contains("Ana Pop");
    var r = send(post("/office/contacts/" + ids.ana() + "/touches").param("kind", "call").param("channel", "phone")
        .param("on", "2026-02-28").param("asked", "How is the new job?").param("heard", "Tiring but good"));
    assertThat(r.getStatus()).isEqualTo(302);
    assertThat(r.getRedirectedUrl()).isEqualTo("/office/contacts/" + ids.ana());
    Document ana = page("/office/contacts/" + ids.ana());
    // Last touch 02-28 + 30 days = 03-30: the cadence restarted from the touch.
    assertThat(ana.select("#last-touch").text()).isEqualTo("2026-02-28");
    assertThat(ana.select("#next-due").text()).isEqualTo("Stay in touch every 30 days · 2026-03-30");
    assertThat(ana.select("#timeline li").first().text()).contains("Call", "How is the new job?", "Tiring but good");
    assertThat(page("/office/today").select("#today-list > li[data-kind=cadence]")).isEmpty();
  }

  @Test
  void aFollowUpAddedDueTodayIsOnTheListAndDoneTakesItOff() throws Exception {
    var r = send(post("/office/contacts/" + ids.gia() + "/follow-ups").param("what", "Ask about the race")
        .param("due", "2026-03-01"));
    assertThat(r.getStatus()).isEqualTo(302);
    Document today = page("/office/today");
    var gia = today.select("#today-list > li[data-kind=follow-up][data-contact=" + ids.gia() + "]");
    assertThat(gia.text()).contains("Gia Marin", "Ask about the race", "due 2026-03-01");
    String action = gia.select("form").attr("action");
    // htmx asks for the line to go: an empty answer.
    var done = send(post(action).header("HX-Request", "true"));
    assertThat(done.getStatus()).isEqualTo(200);
    assertThat(done.getContentAsString()).isEmpty();
    assertThat(page("/office/today").select("#today-list > li[data-contact=" + ids.gia() + "]")).isEmpty();
  }

  /** A form's date field, missing or not a date, is refused in the reader's language (ADR 29; texts written here by hand). */
  @Test
  void aDateFieldIsRefusedInTheReadersLanguage() throws Exception {
    String[][] told = {
        {"en", "&#39;2026-02-30&#39; is not a date of the form YYYY-MM-DD", "a date is needed (YYYY-MM-DD)"},
        {"ro", "&#39;2026-02-30&#39; nu este o dată de forma AAAA-LL-ZZ", "este necesară o dată (AAAA-LL-ZZ)"},
        {"pl", "&#39;2026-02-30&#39; nie jest datą w postaci RRRR-MM-DD", "wymagana jest data (RRRR-MM-DD)"}};
    String followUps = "/office/contacts/" + ids.gia() + "/follow-ups";
    for (String[] t : told) {
      for (String[] due : new String[][] {{"2026-02-30", t[1]}, {" ", t[2]}}) {
        var r = send(post(followUps).param("what", "Never written").param("due", due[0]).header("Accept-Language", t[0]));
        r.setCharacterEncoding("UTF-8");
        assertThat(r.getStatus()).isEqualTo(400);
        assertThat(r.getContentAsString()).contains("id=\"problem\">" + due[1] + "</p>");
      }
    }
    assertThat(page("/office/contacts/" + ids.gia()).text()).doesNotContain("Never written");
  }

  @Test
  void customerCareDoneLeavesTheList() throws Exception {
    var before = page("/office/today").select("#today-list > li[data-kind=check-in]");
    assertThat(before.select(".who").eachText()).containsExactly("Eve East");
    var done = send(post("/office/care/done").param("kind", "check-in").param("memberId", "E").param("due", "2026-02-12"));
    assertThat(done.getStatus()).isEqualTo(303);
    assertThat(page("/office/today").select("#today-list > li[data-kind=check-in]")).isEmpty();
  }

  @Test
  void stageOptionsFitAndOutcome() throws Exception {
    long p = ids.evaProspect();
    assertThat(send(post("/office/prospects/" + p + "/stage").param("stage", "exploring")).getStatus()).isEqualTo(302);
    assertThat(send(post("/office/prospects/" + p + "/options").param("description", "A part-time job at the library"))
        .getStatus()).isEqualTo(302);
    assertThat(send(post("/office/prospects/" + p + "/fit").param("winWords", "Meeting people").param("tags", "community")
        .param("fit", "no").param("fitWhy", "She wants a community, not a business")).getStatus()).isEqualTo(302);
    Document d = page("/office/prospects/" + p);
    // Moving her stage cleared "not now".
    assertThat(d.select("#stage").text()).isEqualTo("Exploring their options");
    assertThat(d.select("#outcome")).isEmpty();
    assertThat(d.select("#option-list li").text()).contains("A part-time job at the library", "2026-03-01");
    assertThat(d.select("#win-tags li").eachText()).containsExactly("Community");
    assertThat(d.select("#fit").text()).isEqualTo("No: it does not deliver their win");
    assertThat(d.select("#fit-why").text()).isEqualTo("She wants a community, not a business");
    assertThat(send(post("/office/prospects/" + p + "/outcome").param("outcome", "not-a-fit")).getStatus()).isEqualTo(302);
    assertThat(page("/office/prospects/" + p).select("#outcome").text()).isEqualTo("Not a fit, let go with thanks");
    assertThat(page("/office/prospect-figures").select("#let-go").text()).startsWith("Let go with thanks (not a fit): 1");
  }

  @Test
  void joiningWithoutStage2AsksFirstThenRecordsTheSkip() throws Exception {
    long p = ids.giaProspect();
    var ask = send(post("/office/prospects/" + p + "/join").param("kind", "distributor").param("memberId", "GIA"));
    assertThat(ask.getStatus()).isEqualTo(200);
    Document confirm = Jsoup.parse(ask.getContentAsString());
    assertThat(confirm.select("h1").text()).isEqualTo("They have not explored their options");
    assertThat(confirm.select("#why").text()).contains("Gia Marin");
    assertThat(confirm.select("form input[type=hidden]").eachAttr("name")).contains("kind", "memberId", "confirmSkip");
    // Nothing was written: still open, no member.
    assertThat(page("/office/prospects/" + p).select("#joined-as, #outcome")).isEmpty();
    var joined = send(post("/office/prospects/" + p + "/join").param("kind", "distributor").param("memberId", "GIA")
        .param("confirmSkip", "true"));
    assertThat(joined.getStatus()).isEqualTo(302);
    Document d = page("/office/prospects/" + p);
    assertThat(d.select("#outcome").text()).isEqualTo("Joined as a distributor");
    assertThat(d.select("#skipped").text()).isEqualTo("Joined with no options recorded (stage 2 skipped, confirmed).");
    assertThat(d.select("#joined-as").text()).isEqualTo("Became member GIA");
    assertThat(d.select("#join")).isEmpty();
  }

  @Test
  void aNewContactAndAProspectMadeFromIt() throws Exception {
    var r = send(post("/office/contacts").param("name", "Ivo Petrov").param("howWeKnow", "the gym").param("tie", "friend")
        .param("cadenceDays", "14"));
    assertThat(r.getStatus()).isEqualTo(302);
    String contact = r.getRedirectedUrl();
    Document d = page(contact);
    assertThat(d.select("h1").text()).isEqualTo("Ivo Petrov");
    // Created today, 03-01, every 14 days: 03-15.
    assertThat(d.select("#next-due").text()).isEqualTo("Stay in touch every 14 days · 2026-03-15");
    assertThat(send(post(contact + "/channels").param("kind", "phone").param("value", "+40 721 000 111")).getStatus())
        .isEqualTo(302);
    String channel = page(contact).select("#consent-channel option").attr("value");
    assertThat(send(post(contact + "/consent").param("channel", channel).param("consent", "refused").param("on", "2026-03-01")
        .param("how", "by phone").param("words", "Please do not call me")).getStatus()).isEqualTo(302);
    assertThat(page(contact).select("#channel-list tbody tr").text())
        .isEqualTo("Phone +40 721 000 111 Consent refused 2026-03-01 by phone Please do not call me");
    var made = send(post(contact + "/prospect"));
    assertThat(made.getStatus()).isEqualTo(302);
    Document prospect = page(made.getRedirectedUrl());
    assertThat(prospect.select("#stage").text()).isEqualTo("Understanding their situation");
    // Do not contact: marked on the page and left out of the today list even when a follow-up falls due.
    assertThat(send(post(contact + "/follow-ups").param("what", "Ask Ivo").param("due", "2026-03-01")).getStatus())
        .isEqualTo(302);
    assertThat(page("/office/today").text()).contains("Ask Ivo");
    assertThat(send(post(contact + "/do-not-contact").param("value", "true")).getStatus()).isEqualTo(302);
    assertThat(page(contact).select("#dnc")).hasSize(1);
    assertThat(page("/office/today").text()).doesNotContain("Ask Ivo", "Ivo Petrov");
  }
}
