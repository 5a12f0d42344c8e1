package org.downline.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** The pages render what the data says (figures worked by hand in {@link TestCompany}). */
class PagesTest extends WebTestBase {
  @Autowired MockMvc mvc;
  @Autowired org.downline.web.security.LoginAttempts attempts;

  String page(String url, org.downline.web.security.Account who) throws Exception {
    return mvc.perform(get(url).with(user(who))).andExpect(status().isOk()).andReturn().getResponse()
        .getContentAsString();
  }

  @Test
  void dashboardShowsTheMonthFromTheArrays() throws Exception {
    String html = page("/console?period=2026-02", ADMIN);
    assertThat(html).contains("id=\"revenue\">528.00<", "id=\"orders\">7<", "id=\"active\">2<", "id=\"recruits\">3<",
        "+ 2 customers", "CV 335.00", "no commission run for this period yet");
  }

  @Test
  void memberListSearchesAndFilters() throws Exception {
    String all = page("/console/members", ADMIN);
    assertThat(all).contains(">9<", "Ana Root", "Jo Jay");
    String customers = page("/console/members?kind=customer", ADMIN);
    assertThat(customers).contains("Eve East", "Jo Jay").doesNotContain("Ana Root");
    String search = page("/console/members?q=blue", ADMIN);
    assertThat(search).contains("Ben Blue").doesNotContain("Cara Cole");
    String joined = page("/console/members?joined=2026-01", ADMIN);
    assertThat(joined).contains("Ben Blue", "Cara Cole", "Hal Hill").doesNotContain("Dev Dale", "Ana Root");
  }

  @Test
  void aMembersPageShowsVolumesAndOrders() throws Exception {
    String html = page("/console/members/B?period=2026-02", ADMIN);
    assertThat(html).contains("id=\"pv\">70.00<", "id=\"gv\">110.00<", "id=\"org\">3<", "ben@example.com", "O2", "J2");
  }

  @Test
  void genealogyOpensOneLevelAtATime() throws Exception {
    String top = page("/console/genealogy?period=2026-02", ADMIN);
    assertThat(top).contains(">A<", ">H<").doesNotContain(">D<");
    String kids = page("/console/genealogy/children/A?period=2026-02", ADMIN);
    assertThat(kids).contains(">B<", ">C<", "GV <b>110.00</b>").doesNotContain(">D<");
    String jump = page("/console/genealogy?member=D&period=2026-02", ADMIN);
    assertThat(jump).contains("Dev Dale", ">A</a> › ", ">B</a> › ");
  }

  @Test
  void myMonthShowsPvAndGv() throws Exception {
    String html = page("/office?period=2026-02", BEN);
    assertThat(html).contains("id=\"pv\">70.00<", "id=\"gv\">110.00<", "id=\"org\">3<", "id=\"first-level\">1<",
        "0 active; customers: 1", "O2"); // D's PV 40 < the demo plan's Active 100

  }

  @Test
  void myDownlineStartsAtMe() throws Exception {
    String html = page("/office/downline?period=2026-02", BEN);
    assertThat(html).contains("Ben Blue", ">D<", ">E<").doesNotContain("Ana Root");
    String team = page("/office/team?period=2026-02", BEN);
    assertThat(team).contains("Eve East", "Dev Dale");
  }

  @Test
  void loginFormWorksAndWrongPasswordsSlowDown() throws Exception {
    var ok = mvc.perform(post("/login").with(csrf()).param("username", TestCompany.BEN)
        .param("password", TestCompany.PASSWORD)).andReturn();
    assertThat(ok.getResponse().getRedirectedUrl()).isEqualTo("/");
    var noCsrf = mvc.perform(post("/login").param("username", TestCompany.BEN).param("password", TestCompany.PASSWORD))
        .andReturn();
    assertThat(noCsrf.getResponse().getStatus()).isEqualTo(403);
    for (int i = 0; i < 5; i++) {
      var bad = mvc.perform(post("/login").with(csrf()).with(r -> {
        r.setRemoteAddr("10.9.9.9");
        return r;
      }).param("username", TestCompany.HAL).param("password", "wrong-" + i)).andReturn();
      assertThat(bad.getResponse().getRedirectedUrl()).isEqualTo("/login?error");
    }
    // The sixth try, right away, is refused unchecked even with the right password: after five failures
    // the username waits 1 s (then 2 s, 4 s, ...), from any address. A delay, never a lock.
    var slowed = mvc.perform(post("/login").with(csrf()).with(r -> {
      r.setRemoteAddr("10.9.9.10");
      return r;
    }).param("username", TestCompany.HAL).param("password", TestCompany.PASSWORD)).andReturn();
    assertThat(slowed.getResponse().getRedirectedUrl()).isEqualTo("/login?wait=1");
    // Another username from the first address is not slowed: five failures are far from spraying.
    var other = mvc.perform(post("/login").with(csrf()).with(r -> {
      r.setRemoteAddr("10.9.9.9");
      return r;
    }).param("username", TestCompany.BEN).param("password", TestCompany.PASSWORD)).andReturn();
    assertThat(other.getResponse().getRedirectedUrl()).isEqualTo("/");
    attempts.succeeded(TestCompany.HAL); // the suite shares one database: leave hal as found
  }
}
