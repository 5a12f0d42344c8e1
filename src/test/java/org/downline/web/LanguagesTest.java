package org.downline.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.Locale;
import org.downline.store.Database;
import org.downline.web.security.Account;
import org.downline.web.security.UserStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Which language a page is in: ?lang= (remembered with the login), else the member's locale, else
 * Accept-Language, else English; the html element names it; figures follow it. A database of its
 * own ({@link TestCompany}), since the test writes locales.
 */
@SpringBootTest(classes = WebApp.class)
@AutoConfigureMockMvc
class LanguagesTest {
  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    registry.add(WebApp.DB_URL, () -> PayTestDatabases.url("languages"));
  }

  static final Account ADMIN = new Account(TestCompany.ADMIN, "", Account.Role.ADMIN, null, true);
  static final Account BEN = new Account(TestCompany.BEN, "", Account.Role.DISTRIBUTOR, "B", true);
  static final Account HAL = new Account(TestCompany.HAL, "", Account.Role.DISTRIBUTOR, "H", true);

  @Autowired MockMvc mvc;
  @Autowired Database db;
  @Autowired UserStore users;

  String html(MockHttpServletRequestBuilder request) throws Exception {
    return mvc.perform(request).andReturn().getResponse().getContentAsString();
  }

  @Test
  void theBrowsersLanguageWhenNothingElseSays() throws Exception {
    assertThat(html(get("/login"))).contains("<html lang=\"en\">", "Sign in");
    assertThat(html(get("/login").header("Accept-Language", "ro-RO,ro;q=0.9,en;q=0.5")))
        .contains("<html lang=\"ro\">", "Autentificare", "Nume de utilizator");
    // German is not offered: the next language the browser accepts, Polish, is taken.
    assertThat(html(get("/login").header("Accept-Language", "de-DE,pl;q=0.8")))
        .contains("<html lang=\"pl\">", "Logowanie", "Hasło");
    assertThat(html(get("/login").header("Accept-Language", "de-DE"))).contains("<html lang=\"en\">");
  }

  @Test
  void aMembersLocaleBeatsTheBrowserAndAChoiceIsRememberedWithTheLogin() throws Exception {
    JdbcClient.create(db.dataSource()).sql("UPDATE member_profile SET locale = 'pl-PL' WHERE member_id = 'H'").update();
    // Hal's member profile says pl-PL: the back office is Polish though the browser asks for English.
    String office = html(get("/office?period=2026-02").with(user(HAL)).header("Accept-Language", "en"));
    assertThat(office).contains("<html lang=\"pl\">", "Mój miesiąc", "Wyloguj");
    // H's GV 220.00 (TestCompany) with a decimal comma.
    assertThat(office).contains("id=\"gv\">220,00<");

    // Ben chooses Romanian on one page; a new session (the next sign-in) opens in Romanian.
    MockHttpSession session = new MockHttpSession();
    assertThat(html(get("/office/team?lang=ro").session(session).with(user(BEN)))).contains("<html lang=\"ro\">", "Clienți");
    assertThat(users.language(TestCompany.BEN)).isEqualTo("ro");
    assertThat(html(get("/office").session(session).with(user(BEN)))).contains("<html lang=\"ro\">", "Luna mea");
    assertThat(html(get("/office?period=2026-02").with(user(BEN)).header("Accept-Language", "pl")))
        .contains("<html lang=\"ro\">", "Luna mea", "id=\"pv\">70,00<");
    // A language the app does not offer changes nothing.
    assertThat(html(get("/office?lang=de").with(user(BEN)))).contains("<html lang=\"ro\">");
    assertThat(users.language(TestCompany.BEN)).isEqualTo("ro");
  }

  @Test
  void everyPageLinksToItselfInEachLanguage() throws Exception {
    String page = html(get("/console/members?kind=customer").with(user(ADMIN)));
    assertThat(page).contains("href=\"/console/members?kind=customer&amp;lang=ro\" lang=\"ro\" hreflang=\"ro\">Română</a>",
        "href=\"/console/members?kind=customer&amp;lang=pl\" lang=\"pl\" hreflang=\"pl\">Polski</a>",
        "lang=\"en\" hreflang=\"en\" aria-current=\"true\">English</a>");
    // The demo plan pays on no placement tree: no binary tree or holding tank in the navigation (BinaryPagesTest: a binary plan's has).
    assertThat(page).contains("href=\"/console/genealogy\"").doesNotContain("href=\"/console/binary\"", "href=\"/console/holding-tank\"");
  }

  @Test
  void csvFilesKeepTheMachineFormatInEveryLanguage() throws Exception {
    mvc.perform(post("/console/commissions/run").param("period", "2026-02").with(csrf()).with(user(ADMIN)));
    // Ben's customer bonus on E's order O3: 20% of 20.00 CV = 4.00 (CommissionPagesTest), a dot in Romanian too.
    String csv = html(get("/office/statement.csv?period=2026-02&lang=ro").with(user(BEN)).header("Accept-Language", "ro"));
    assertThat(csv).contains("2026-02,B,customer,4.00,O3,E,0,20%,").doesNotContain("4,00");
  }

  @Test
  void theSupportedLanguageOfATag() {
    assertThat(Languages.supported("pl-PL")).isEqualTo(Locale.of("pl"));
    assertThat(Languages.supported("ro_RO")).isEqualTo(Locale.of("ro"));
    assertThat(Languages.supported("en-GB")).isEqualTo(Locale.ENGLISH);
    assertThat(Languages.supported("de-DE")).isNull();
    assertThat(Languages.supported("")).isNull();
  }
}
