package org.downline.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.List;
import org.downline.app.prospect.Actor;
import org.downline.app.prospect.Contacts;
import org.downline.app.prospect.Touches;
import org.downline.prospect.ChannelKind;
import org.downline.prospect.Tie;
import org.downline.prospect.TouchKind;
import org.downline.store.Database;
import org.downline.web.security.Account;
import org.downline.web.security.UserStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The contact tools (import, likely duplicates and merge, export, erasure) as pages and API, the
 * communities, links and network endpoints, and the use cases' refusals in the reader's language.
 * Its own database: {@link ProspectTestData} (ben's five contacts and two communities, hal's Hana)
 * read only, and cara (member C), whose contacts each test makes for itself under names of its own.
 */
@SpringBootTest(classes = WebApp.class)
@AutoConfigureMockMvc
@Import(ProspectTestData.FixedClock.class)
class ContactToolsTest {
  static final String URL = "jdbc:h2:mem:prospecttools;DB_CLOSE_DELAY=-1";
  static final String CARA = "cara";
  static final Actor cara = Actor.distributor(CARA, "C");
  static final Account CARA_ACCOUNT = new Account(CARA, "", Account.Role.DISTRIBUTOR, "C", true);
  static ProspectTestData.Ids ids;
  static Database db;

  @Autowired MockMvc mvc;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    registry.add(WebApp.DB_URL, () -> {
      synchronized (ContactToolsTest.class) {
        if (ids == null) {
          db = Database.open(URL);
          ids = ProspectTestData.load(db);
          new UserStore(db, new org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder(4))
              .add(CARA, TestCompany.PASSWORD, Account.Role.DISTRIBUTOR, "C");
        }
      }
      return URL;
    });
  }

  static MockHttpServletRequestBuilder as(String who, MockHttpServletRequestBuilder r) {
    return r.with(httpBasic(who, TestCompany.PASSWORD));
  }

  static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder r, String body) {
    return r.contentType(MediaType.APPLICATION_JSON).content(body);
  }

  static long contact(String name, ChannelKind kind, String value) {
    Contacts contacts = new Contacts(db);
    long id = contacts.create(cara, ProspectTestData.form(name, null, Tie.FRIEND, null), ProspectTestData.TODAY).id();
    if (kind != null) contacts.addChannel(cara, id, new Contacts.ChannelForm(kind, null, value));
    return id;
  }

  static long count(String sql, Object... args) throws Exception {
    return db.inTransaction(c -> {
      try (var st = c.prepareStatement(sql)) {
        for (int i = 0; i < args.length; i++) st.setObject(i + 1, args[i]);
        try (ResultSet rs = st.executeQuery()) {
          rs.next();
          return rs.getLong(1);
        }
      }
    });
  }

  // ---- the network, communities, links --------------------------------------------------------

  /**
   * Ben's network by hand (ProspectTestData): 5 contacts, 3 links (Ana-Dan, Ana-Eva, Dan-Eva). Book
   * club: Ana, Dan, Eva, 3 of 3 pairs linked = 100.00 %, dense (3 members, at least 50 %). Running
   * group: Ana, Gia, 0 of 1 pair = 0.00 %, not dense (2 members). Weak ties into a dense community:
   * the acquaintances in the Book club: Dan only (Filip is an acquaintance in no community) = 1.
   */
  @Test
  void bensNetworkByHand() throws Exception {
    mvc.perform(as(TestCompany.BEN, get("/api/v1/network"))).andExpect(status().isOk())
        .andExpect(jsonPath("$.nodes.length()").value(5))
        .andExpect(jsonPath("$.edges.length()").value(3))
        .andExpect(jsonPath("$.weakTiesIntoDense").value(1))
        .andExpect(jsonPath("$.nodes[?(@.id == " + ids.dan() + ")].weakTieIntoDense").value(true))
        .andExpect(jsonPath("$.nodes[?(@.id == " + ids.dan() + ")].prospect").value(true))
        .andExpect(jsonPath("$.nodes[?(@.id == " + ids.filip() + ")].weakTieIntoDense").value(false))
        .andExpect(jsonPath("$.nodes[?(@.id == " + ids.ana() + ")].communities.length()").value(2))
        .andExpect(jsonPath("$.communities.length()").value(2));
    // The percentages as exact decimals, as written.
    String body = mvc.perform(as(TestCompany.BEN, get("/api/v1/network"))).andReturn().getResponse().getContentAsString();
    assertThat(body).contains("\"name\":\"Book club\",\"kind\":\"club\",\"members\":3,\"links\":3,\"densityPct\":100.00,\"dense\":true",
        "\"name\":\"Running group\",\"kind\":\"sport\",\"members\":2,\"links\":0,\"densityPct\":0.00,\"dense\":false");
    mvc.perform(as(TestCompany.BEN, get("/api/v1/communities"))).andExpect(status().isOk())
        .andExpect(jsonPath("$.length()").value(2))
        .andExpect(jsonPath("$[?(@.name == 'Book club')].members").value(3))
        .andExpect(jsonPath("$[?(@.name == 'Running group')].kind").value("sport"));
    String hals = mvc.perform(as(TestCompany.HAL, get("/api/v1/network"))).andReturn().getResponse().getContentAsString();
    assertThat(hals).contains("Hana Secret", "Chess club").doesNotContain("Ana Pop", "Book club");
  }

  /** Cara's community and link, written and read back; the link counts in the density (1 of 1 pair). */
  @Test
  void caraMakesACommunityAndLinksTwoContacts() throws Exception {
    long olek = contact("Olek Link", null, null);
    long pola = contact("Pola Link", null, null);
    String made = mvc.perform(as(CARA, json(post("/api/v1/communities"), "{\"name\":\"Choir\",\"kind\":\"music\"}")))
        .andExpect(status().isCreated()).andExpect(jsonPath("$.members").value(0)).andReturn().getResponse().getContentAsString();
    long choir = Long.parseLong(made.replaceAll(".*\"id\":([0-9]+).*", "$1"));
    mvc.perform(as(CARA, put("/api/v1/communities/" + choir + "/members/" + olek))).andExpect(status().isNoContent());
    mvc.perform(as(CARA, put("/api/v1/communities/" + choir + "/members/" + pola))).andExpect(status().isNoContent());
    mvc.perform(as(CARA, json(post("/api/v1/links"), "{\"a\":" + pola + ",\"b\":" + olek + "}"))).andExpect(status().isNoContent());
    mvc.perform(as(CARA, get("/api/v1/network"))).andExpect(jsonPath("$.communities[?(@.id == " + choir + ")].members").value(2))
        .andExpect(jsonPath("$.communities[?(@.id == " + choir + ")].links").value(1));
    assertThat(mvc.perform(as(CARA, get("/api/v1/network"))).andReturn().getResponse().getContentAsString())
        .contains("\"id\":" + choir + ",\"name\":\"Choir\",\"kind\":\"music\",\"members\":2,\"links\":1,\"densityPct\":100.00,\"dense\":false");
    mvc.perform(as(CARA, delete("/api/v1/links?a=" + olek + "&b=" + pola))).andExpect(status().isNoContent());
    mvc.perform(as(CARA, delete("/api/v1/communities/" + choir + "/members/" + pola))).andExpect(status().isNoContent());
    mvc.perform(as(CARA, get("/api/v1/network"))).andExpect(jsonPath("$.communities[?(@.id == " + choir + ")].members").value(1))
        .andExpect(jsonPath("$.communities[?(@.id == " + choir + ")].links").value(0));
    mvc.perform(as(CARA, json(post("/api/v1/links"), "{\"a\":" + olek + ",\"b\":" + olek + "}"))).andExpect(status().isBadRequest());
    mvc.perform(as(CARA, json(post("/api/v1/links"), "{\"a\":" + olek + "}"))).andExpect(status().isBadRequest());
  }

  /** Ben reaching hal's contact or community, or cara's, through every new endpoint: 404, nothing changed. */
  @Test
  void anotherDistributorsContactsAndCommunitiesAreNotFound() throws Exception {
    long hana = ids.hana();
    for (MockHttpServletRequestBuilder r : List.of(
        put("/api/v1/communities/" + ids.chessClub() + "/members/" + ids.ana()),
        put("/api/v1/communities/" + ids.bookClub() + "/members/" + hana),
        delete("/api/v1/communities/" + ids.bookClub() + "/members/" + hana),
        delete("/api/v1/communities/" + ids.chessClub() + "/members/" + hana),
        json(post("/api/v1/links"), "{\"a\":" + ids.ana() + ",\"b\":" + hana + "}"),
        delete("/api/v1/links?a=" + ids.ana() + "&b=" + hana),
        json(post("/api/v1/contacts/" + hana + "/merge"), "{\"merged\":" + ids.ana() + "}"),
        json(post("/api/v1/contacts/" + ids.ana() + "/merge"), "{\"merged\":" + hana + "}"))) {
      mvc.perform(as(TestCompany.BEN, r)).andExpect(status().isNotFound()).andExpect(jsonPath("$.error").exists());
    }
    mvc.perform(as(TestCompany.HAL, get("/api/v1/contacts/" + hana))).andExpect(status().isOk())
        .andExpect(jsonPath("$.communities.length()").value(1));
    for (String page : new String[] {"/office/contacts/" + hana + "/erase"}) {
      mvc.perform(get(page).with(user(WebTestBase.BEN))).andExpect(status().isNotFound());
    }
    mvc.perform(post("/office/contacts/" + hana + "/erase").param("confirm", "true").with(user(WebTestBase.BEN)).with(csrf()))
        .andExpect(status().isNotFound());
    mvc.perform(post("/office/contacts/merge").param("keep", Long.toString(ids.ana())).param("merged", Long.toString(hana))
        .with(user(WebTestBase.BEN)).with(csrf())).andExpect(status().isNotFound());
    mvc.perform(as(TestCompany.HAL, get("/api/v1/contacts/" + hana))).andExpect(status().isOk());
  }

  /** Staff see aggregates only: every distributor's list or write of the new endpoints and pages is 403. */
  @Test
  void staffGet403() throws Exception {
    for (String url : new String[] {"/api/v1/network", "/api/v1/communities", "/api/v1/contacts/duplicates"}) {
      mvc.perform(as(TestCompany.ADMIN, get(url))).andExpect(status().isForbidden());
    }
    mvc.perform(as(TestCompany.ADMIN, post("/api/v1/contacts/import?file=a.csv").contentType("text/csv").content("name\nX\n")))
        .andExpect(status().isForbidden());
    mvc.perform(as(TestCompany.ADMIN, json(post("/api/v1/communities"), "{\"name\":\"X\"}"))).andExpect(status().isForbidden());
    for (String page : new String[] {"/office/contacts/import", "/office/contacts/duplicates", "/office/contacts/export.csv",
        "/office/contacts/" + ids.ana() + "/erase"}) {
      mvc.perform(get(page).with(user(WebTestBase.ADMIN))).andExpect(status().isForbidden());
      mvc.perform(get(page)).andExpect(status().is3xxRedirection());
    }
    // Forms without the CSRF token are refused before anything is read.
    mvc.perform(post("/office/contacts/merge").param("keep", "1").param("merged", "2").with(user(WebTestBase.BEN)))
        .andExpect(status().isForbidden());
    mvc.perform(post("/office/contacts/" + ids.ana() + "/erase").param("confirm", "true").with(user(WebTestBase.BEN)))
        .andExpect(status().isForbidden());
    mvc.perform(get("/api/v1/contacts/" + ids.ana()).with(user(WebTestBase.BEN))).andExpect(status().isOk());
  }

  // ---- import ----------------------------------------------------------------------------------

  /**
   * Cara has "Ivo Import" (ivo@example.org). The file: line 2 Olga (added, community Choir A), line 3
   * Piotr (added, phone normalised), line 4 "Ivo Import" with IVO@EXAMPLE.ORG (the same email: not
   * added, matched with Ivo), line 5 "nowak olga" (the same name as line 2's, sorted and lower
   * case: not added). 4 read, 2 added, 2 duplicates.
   */
  @Test
  void aCsvImportReportsWhatWasAddedAndTheDuplicates() throws Exception {
    long ivo = contact("Ivo Import", ChannelKind.EMAIL, "ivo@example.org");
    String csv = "name,email,phone,tie,communities\n"
        + "Olga Nowak,olga@example.org,,friend,Choir A\n"
        + "Piotr Zieliński,,+48 602 000 111,acquaintance,Choir A\n"
        + "Ivo Import,IVO@EXAMPLE.ORG,,,\n"
        + "nowak olga,,,,\n";
    String body = mvc.perform(as(CARA, post("/api/v1/contacts/import?file=friends.csv").contentType("text/csv")
            .content(csv.getBytes(StandardCharsets.UTF_8))))
        .andExpect(status().isOk()).andExpect(jsonPath("$.file").value("friends.csv"))
        .andExpect(jsonPath("$.read").value(4)).andExpect(jsonPath("$.added").value(2))
        .andExpect(jsonPath("$.duplicates.length()").value(2))
        .andExpect(jsonPath("$.duplicates[0].line").value(4)).andExpect(jsonPath("$.duplicates[0].existingId").value(ivo))
        .andExpect(jsonPath("$.duplicates[0].by").value("email"))
        .andExpect(jsonPath("$.duplicates[1].line").value(5)).andExpect(jsonPath("$.duplicates[1].by").value("name"))
        .andReturn().getResponse().getContentAsString();
    long olga = count("SELECT id FROM contact WHERE owner_id = 'C' AND name = 'Olga Nowak'");
    assertThat(body).contains("\"existingId\":" + olga);
    assertThat(count("SELECT count(*) FROM contact_channel h JOIN contact k ON k.id = h.contact_id WHERE k.owner_id = 'C'"
        + " AND h.normalised = '+48602000111'")).isEqualTo(1);
    mvc.perform(as(CARA, get("/api/v1/communities"))).andExpect(jsonPath("$[?(@.name == 'Choir A')].members").value(2));
  }

  /** A vCard sent as the body with a .vcf name: one card, its phone normalised. */
  @Test
  void aVCardImport() throws Exception {
    String vcf = "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Tomasz Wiśniewski\r\nTEL:+48 603 000 222\r\nEND:VCARD\r\n";
    mvc.perform(as(CARA, post("/api/v1/contacts/import?file=phone.vcf").contentType("text/vcard")
            .content(vcf.getBytes(StandardCharsets.UTF_8))))
        .andExpect(status().isOk()).andExpect(jsonPath("$.read").value(1)).andExpect(jsonPath("$.added").value(1));
    assertThat(count("SELECT count(*) FROM contact_channel h JOIN contact k ON k.id = h.contact_id WHERE k.owner_id = 'C'"
        + " AND h.normalised = '+48603000222'")).isEqualTo(1);
  }

  /** A bad file: every problem with file, line and column (422), and nothing written, through the API and the page. */
  @Test
  void aBadFileNamesLineAndReasonAndChangesNothing() throws Exception {
    String csv = "name,email\nRita Bad,not-an-email\nSam Fine,sam@example.org\n";
    long before = count("SELECT count(*) FROM contact WHERE owner_id = 'C'");
    mvc.perform(as(CARA, post("/api/v1/contacts/import?file=bad.csv").contentType("text/csv").content(csv)))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.details.length()").value(1))
        .andExpect(jsonPath("$.details[0].file").value("bad.csv")).andExpect(jsonPath("$.details[0].line").value(2))
        .andExpect(jsonPath("$.details[0].field").value("email"))
        .andExpect(jsonPath("$.details[0].reason").value("is not an email address"));
    String page = mvc.perform(multipart("/office/contacts/import")
            .file(new MockMultipartFile("file", "bad.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
            .with(user(CARA_ACCOUNT)).with(csrf()))
        .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    assertThat(page).contains("id=\"failure\"", "1 problem: nothing was imported.", "bad.csv", "is not an email address");
    assertThat(page).doesNotContain("id=\"report\"", "not-an-email");
    assertThat(count("SELECT count(*) FROM contact WHERE owner_id = 'C'")).isEqualTo(before);
    // The import's own row reasons, in the reader's language: a tie and a consent of no known code.
    String odd = "name,tie,email,email_consent,consent_on\nTia Odd,cousin,tia@example.org,maybe,2026-01-05\n";
    String ro = mvc.perform(multipart("/office/contacts/import")
            .file(new MockMultipartFile("file", "odd.csv", "text/csv", odd.getBytes(StandardCharsets.UTF_8)))
            .header("Accept-Language", "ro").with(user(CARA_ACCOUNT)).with(csrf()))
        .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    assertThat(ro).contains("nu este close, friend sau acquaintance", "nu este given, refused sau unknown")
        .doesNotContain("is not close, friend or acquaintance");
    assertThat(count("SELECT count(*) FROM contact WHERE owner_id = 'C'")).isEqualTo(before);
    // A type a page of another origin could send unasked is not taken.
    mvc.perform(as(CARA, post("/api/v1/contacts/import?file=x.csv").contentType("text/plain").content("name\nX\n")))
        .andExpect(status().isUnsupportedMediaType());
    mvc.perform(as(CARA, post("/api/v1/contacts/import?file=x.csv&callingCode=plus").contentType("text/csv").content("name\nX\n")))
        .andExpect(status().isBadRequest());
    assertThat(count("SELECT count(*) FROM contact WHERE owner_id = 'C'")).isEqualTo(before);
  }

  /** The page's upload: the counts and the duplicate line, in Romanian when the reader reads Romanian. */
  @Test
  void theImportPageShowsTheReport() throws Exception {
    contact("Uma Page", ChannelKind.EMAIL, "uma@example.org");
    String csv = "name,email\nVera Page,vera@example.org\nUma P,uma@example.org\n";
    String page = mvc.perform(multipart("/office/contacts/import")
            .file(new MockMultipartFile("file", "../my friends.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
            .header("Accept-Language", "ro")
            .with(user(CARA_ACCOUNT)).with(csrf()))
        .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    assertThat(page).contains("id=\"report\"", "S-a importat my_friends.csv", "2 citite, 1 adăugate, 1 existau deja",
        "<td>Email</td>");
    assertThat(page).contains("id=\"import-duplicates\"").contains("<td class=\"num\">3</td>");
  }

  // ---- duplicates, merge, export, erasure -------------------------------------------------------

  /**
   * Cara's likely duplicates: "Dora Dup" and "dup dora" (the same name once sorted and lower case),
   * "Emil Phone" and "E. Phone" (+40 722 000 333 and +40722000333: the same E.164 number). Merging
   * Dora keeps the touch logged on the merged one; the merged contact is gone; the pair is no longer
   * listed.
   */
  @Test
  void duplicatesAreListedAndAMergeKeepsHistory() throws Exception {
    long dora = contact("Dora Dup", null, null);
    long dup = contact("dup dora", null, null);
    long emil = contact("Emil Phone", ChannelKind.PHONE, "+40 722 000 333");
    long e = contact("E. Phone", ChannelKind.PHONE, "+40722000333");
    new Touches(db).log(cara, new Touches.TouchForm(dup, TouchKind.CALL, "phone", LocalDate.of(2026, 2, 10), false, null,
        null, "How is the new job?", "Busy but happy"));
    mvc.perform(as(CARA, get("/api/v1/contacts/duplicates"))).andExpect(status().isOk())
        .andExpect(jsonPath("$[?(@.a == " + dora + ")].b").value((int) dup))
        .andExpect(jsonPath("$[?(@.a == " + dora + ")].by").value("name"))
        .andExpect(jsonPath("$[?(@.a == " + emil + ")].b").value((int) e))
        .andExpect(jsonPath("$[?(@.a == " + emil + ")].by").value("phone"))
        .andExpect(jsonPath("$[?(@.a == " + emil + ")].bName").value("E. Phone"));
    String page = mvc.perform(get("/office/contacts/duplicates").with(user(CARA_ACCOUNT)))
        .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    assertThat(page).contains("data-pair=\"" + dora + "-" + dup + "\"", "data-pair=\"" + emil + "-" + e + "\"", "same phone");
    // Ids as typed, never grouped ("2,007"): the button names the contact by name and id.
    assertThat(page).contains("Keep Dora Dup (" + dora + "), merge the other into it");

    mvc.perform(post("/office/contacts/merge").param("keep", Long.toString(dora)).param("merged", Long.toString(dup))
        .with(user(CARA_ACCOUNT)).with(csrf()))
        .andExpect(status().is3xxRedirection());
    mvc.perform(as(CARA, get("/api/v1/contacts/" + dup))).andExpect(status().isNotFound());
    mvc.perform(as(CARA, get("/api/v1/contacts/" + dora + "/timeline"))).andExpect(status().isOk())
        .andExpect(jsonPath("$.touches[0].heard").value("Busy but happy"));
    mvc.perform(as(CARA, get("/api/v1/contacts/" + dora))).andExpect(jsonPath("$.lastTouch").value("2026-02-10"));
    mvc.perform(as(CARA, get("/api/v1/contacts/duplicates"))).andExpect(jsonPath("$[?(@.a == " + dora + ")]").isEmpty());
    // The API's merge, the other way round: E. Phone kept, Emil's phone moves to it.
    mvc.perform(as(CARA, json(post("/api/v1/contacts/" + e + "/merge"), "{\"merged\":" + emil + "}"))).andExpect(status().isOk())
        .andExpect(jsonPath("$.name").value("E. Phone")).andExpect(jsonPath("$.channels.length()").value(2));
    mvc.perform(as(CARA, json(post("/api/v1/contacts/" + e + "/merge"), "{\"merged\":" + e + "}"))).andExpect(status().isBadRequest());
    mvc.perform(as(CARA, json(post("/api/v1/contacts/" + e + "/merge"), "{}"))).andExpect(status().isBadRequest());
  }

  /** The page's export is the CLI's: Wanda's email written; do-not-contact Xena's email left out, her row kept. */
  @Test
  void theExportHonoursDoNotContact() throws Exception {
    contact("Wanda Export", ChannelKind.EMAIL, "wanda@example.org");
    long xena = contact("Xena Export", ChannelKind.EMAIL, "xena@example.org");
    new Contacts(db).setDoNotContact(cara, xena, true);
    String csv = mvc.perform(get("/office/contacts/export.csv").with(user(CARA_ACCOUNT)))
        .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    assertThat(csv).startsWith(Contacts.EXPORT_HEADER);
    assertThat(csv).contains("Wanda Export,friend,,wanda@example.org", "Xena Export").doesNotContain("xena@example.org");
    assertThat(csv).doesNotContain("Ana Pop", "Hana Secret");
  }

  /** Erasure on request: asked to confirm (nothing erased without the box), then erased and audited. */
  @Test
  void erasureAsksForConfirmationAndIsAudited() throws Exception {
    long yara = contact("Yara Erase", ChannelKind.EMAIL, "yara@example.org");
    Account caraAccount = CARA_ACCOUNT;
    String confirm = mvc.perform(get("/office/contacts/" + yara + "/erase").with(user(caraAccount))).andExpect(status().isOk())
        .andReturn().getResponse().getContentAsString();
    assertThat(confirm).contains("Yara Erase", "name=\"confirm\"", "name=\"_csrf\"");
    String again = mvc.perform(post("/office/contacts/" + yara + "/erase").with(user(caraAccount)).with(csrf()))
        .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    assertThat(again).contains("id=\"failure\"", "Tick the box");
    mvc.perform(as(CARA, get("/api/v1/contacts/" + yara))).andExpect(status().isOk());
    mvc.perform(post("/office/contacts/" + yara + "/erase").param("confirm", "true").with(user(caraAccount)).with(csrf()))
        .andExpect(status().is3xxRedirection());
    mvc.perform(as(CARA, get("/api/v1/contacts/" + yara))).andExpect(status().isNotFound());
    assertThat(count("SELECT count(*) FROM contact_erasure WHERE contact_id = ? AND owner_id = 'C' AND actor = 'cara'", yara))
        .isEqualTo(1);
    assertThat(count("SELECT count(*) FROM contact_channel WHERE normalised = 'yara@example.org'")).isZero();
  }

  // ---- refusals in the reader's language ---------------------------------------------------------

  /** The use case's refusal, told from the bundles: English, Romanian, Polish; the page as the API. */
  @Test
  void refusalsInTheReadersLanguage() throws Exception {
    long hana = ids.hana();
    String[][] told = {
        {"en", "No contact " + hana + " among yours."},
        {"ro", "Nu aveți contactul " + hana + "."},
        {"pl", "Nie masz kontaktu " + hana + "."}};
    for (String[] t : told) {
      mvc.perform(as(TestCompany.BEN, get("/api/v1/contacts/" + hana)).header("Accept-Language", t[0]))
          .andExpect(status().isNotFound()).andExpect(jsonPath("$.message").value(t[1]));
      String page = mvc.perform(get("/office/contacts/" + hana).header("Accept-Language", t[0]).with(user(WebTestBase.BEN)))
          .andExpect(status().isNotFound()).andReturn().getResponse().getContentAsString();
      assertThat(page).contains(t[1]);
    }
    // A parameter's reason, in the message and the detail, with the field as typed.
    mvc.perform(as(TestCompany.BEN, json(post("/api/v1/contacts"), "{}")).header("Accept-Language", "pl"))
        .andExpect(status().isBadRequest()).andExpect(jsonPath("$.message").value("jest wymagane"))
        .andExpect(jsonPath("$.details[0].field").value("name")).andExpect(jsonPath("$.details[0].reason").value("jest wymagane"));
    mvc.perform(as(TestCompany.BEN, json(post("/api/v1/contacts/" + ids.ana() + "/merge"), "{\"merged\":" + ids.ana() + "}"))
            .header("Accept-Language", "ro"))
        .andExpect(status().isBadRequest()).andExpect(jsonPath("$.message").value("Un contact nu poate fi unit cu el însuși."));
    // Staff on a distributor's list: 403, told in Polish.
    mvc.perform(as(TestCompany.ADMIN, get("/api/v1/communities")).header("Accept-Language", "pl"))
        .andExpect(status().isForbidden())
        .andExpect(jsonPath("$.message").value("Kontakty i prospekci dystrybutora należą tylko do niego; personel widzi liczby firmy."));
  }
}
