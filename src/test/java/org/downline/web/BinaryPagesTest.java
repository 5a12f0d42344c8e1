package org.downline.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import org.downline.web.security.Account;
import org.downline.web.security.AuditLog;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The holding tank page, the binary tree and the plan comparison page on {@link BinaryTestCompany}
 * (figures worked by hand there and in PlanComparisonTest). The tank's story is one test, in
 * order, since each placement changes what the next may do; the tree tests stay off the positions
 * it fills (B's right).
 */
@SpringBootTest(classes = WebApp.class, properties = "downline.plan=binary")
@AutoConfigureMockMvc
class BinaryPagesTest {
  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    registry.add(WebApp.DB_URL, () -> BinaryTestCompany.url("binarypages"));
  }

  static final Account ADMIN = WebTestBase.ADMIN;
  static final Account BEN = WebTestBase.BEN;

  @Autowired MockMvc mvc;
  @Autowired AuditLog audit;

  String page(String url, Account who) throws Exception {
    MvcResult r = mvc.perform(get(url).with(user(who))).andReturn();
    assertThat(r.getResponse().getStatus()).as(url).isEqualTo(200);
    return r.getResponse().getContentAsString();
  }

  MvcResult place(String base, Account who, String recruit, String parent, String position, String language) throws Exception {
    return mvc.perform(post(base + "/place").with(csrf()).with(user(who)).header("Accept-Language", language)
        .param("recruit", recruit).param("parent", parent).param("position", position)).andReturn();
  }

  static String flash(MvcResult r, String name) {
    Object v = r.getFlashMap().get(name);
    return v == null ? null : v.toString();
  }

  @Test
  void staffAndTheSponsorPlaceFromTheHoldingTankWithMessagesInTheReadersLanguage() throws Exception {
    String staff = page("/console/holding-tank", ADMIN);
    assertThat(staff).contains("data-recruit=\"F\"", "data-recruit=\"G\"", "Fay Wait", "sponsor A, joined 2026-10-20");
    assertThat(staff).containsPattern("id=\"waiting\">2<");
    // The navigation of the signed-in account, as on every page.
    assertThat(staff).contains("class=\"logout\"", "href=\"/console/genealogy\"");
    // A binary plan's navigation leads to its tree and its holding tank.
    assertThat(staff).contains("href=\"/console/binary\"", "href=\"/console/holding-tank\"");
    String ben = page("/office/holding-tank", BEN);
    assertThat(ben).contains("href=\"/office/binary\"", "href=\"/office/holding-tank\"");
    assertThat(ben).contains("data-recruit=\"G\"").doesNotContain("data-recruit=\"F\"");
    // The form offers the sponsor as the parent: the one spot always inside their organisation.
    assertThat(ben).contains("name=\"parent\" value=\"B\"");

    // B's left is E's: taken. In Romanian for a Romanian reader.
    MvcResult r = place("/office/holding-tank", BEN, "G", "B", "left", "ro");
    assertThat(r.getResponse().getRedirectedUrl()).isEqualTo("/office/holding-tank");
    assertThat(flash(r, "failure")).isEqualTo("Partea aceasta sub B este deja ocupată, de E. Alegeți o poziție liberă.");
    // C (under A, under R) has a free left, but outside B's placement organisation.
    r = place("/office/holding-tank", BEN, "G", "C", "left", "en");
    assertThat(flash(r, "failure")).isEqualTo(
        "C is outside the placement organisation of the sponsor B. Place G under B or under someone placed below B.");
    // F is A's recruit: Ben may not place them (as the API: 403), and nothing changes.
    assertThat(place("/office/holding-tank", BEN, "F", "B", "right", "en").getResponse().getStatus()).isEqualTo(403);
    assertThat(place("/office/holding-tank", BEN, "Z", "B", "right", "en").getResponse().getStatus()).isEqualTo(404);
    // F waits: nobody is placed under someone who waits.
    r = place("/console/holding-tank", ADMIN, "G", "F", "left", "pl");
    assertThat(flash(r, "failure")).isEqualTo("F nie jest jeszcze umieszczony w drzewie binarnym, więc nikogo nie można umieścić pod nim.");

    r = place("/office/holding-tank", BEN, "G", "B", "right", "en");
    assertThat(flash(r, "failure")).isNull();
    assertThat(flash(r, "placed")).isEqualTo("G is placed on the right side under B.");
    assertThat(audit.latest(5)).anySatisfy(e -> {
      assertThat(e.action()).isEqualTo("placement.place");
      assertThat(e.target()).isEqualTo("G");
      assertThat(e.detail()).isEqualTo("under B right");
      assertThat(e.actor()).isEqualTo(TestCompany.BEN);
    });
    assertThat(page("/office/holding-tank", BEN)).contains("Nobody is waiting to be placed.");
    r = place("/console/holding-tank", ADMIN, "G", "B", "left", "en");
    assertThat(flash(r, "failure")).isEqualTo("G is placed already.");
    // Staff place F under D (below A, F's sponsor): D's left is free.
    r = place("/console/holding-tank", ADMIN, "F", "D", "left", "en");
    assertThat(flash(r, "placed")).isEqualTo("F is placed on the left side under D.");
    assertThat(page("/console/holding-tank", ADMIN)).containsPattern("id=\"waiting\">0<");
  }

  @Test
  void theBinaryTreeShowsEachMembersLegsFromTheRunAndOpensOnePairOfPositionsAtATime() throws Exception {
    String top = page("/console/binary", ADMIN);
    // Staff start from the tree's top: the root R, with its legs' sizes (A, C, D: 3 left; B, E: 2 right, and
    // whoever the tank test placed there since) and the run's volumes.
    assertThat(top).contains("data-member=\"R\"", "Legs of run", "(2026-10, plan binary)");
    assertThat(top).contains("<b>3,350.00</b> / <b>2,500.00</b>", "<b>850.00</b> / <b>0.00</b>");

    String r = page("/console/binary?member=R", ADMIN);
    // R's legs (BinaryTestCompany): carry in 0 / 0; new 3350 / 2500; returned 0 / 0; volume 3350 / 2500;
    // paired 2500 / 2500; carry out 850 / 0.
    assertThat(row(r, "New volume")).containsExactly("3,350.00", "2,500.00");
    assertThat(row(r, "Volume")).containsExactly("3,350.00", "2,500.00");
    assertThat(row(r, "Paired")).containsExactly("2,500.00", "2,500.00");
    assertThat(row(r, "Carried out")).containsExactly("850.00", "0.00");
    assertThat(row(r, "Carried in")).containsExactly("0.00", "0.00");
    // Below R: A on the left, B on the right; A's legs: 150 / 200, carry out 0 / 50.
    assertThat(r).contains("data-member=\"A\" data-side=\"left\"", "data-member=\"B\" data-side=\"right\"");
    assertThat(r).contains("hx-get=\"/console/binary/children/A?run=");

    String a = page("/console/binary/children/A", ADMIN);
    assertThat(a).contains("data-member=\"C\" data-side=\"left\"", "data-member=\"D\" data-side=\"right\"");
    // C: no legs of their own (K is a customer: C's own volume); both positions below C are free.
    String c = page("/console/binary/children/C", ADMIN);
    assertThat(c).doesNotContain("data-member=\"");
    assertThat(c.split("free position", -1)).hasSize(3);

    // Ben's tree starts at Ben: left E 2000, right 0, not qualified (he sponsored nobody placed), carry out 2000.
    String ben = page("/office/binary", BEN);
    assertThat(row(ben, "Volume")).containsExactly("2,000.00", "0.00");
    assertThat(row(ben, "Paired")).containsExactly("0.00", "0.00");
    assertThat(row(ben, "Carried out")).containsExactly("2,000.00", "0.00");
    assertThat(ben).contains("data-member=\"E\" data-side=\"left\"");
    // E is spillover from R: in Ben's placement organisation by id, her name is R's line's only.
    assertThat(ben).doesNotContain("Eve Spill");
    assertThat(page("/office/binary?member=E", BEN)).contains("id=\"focus-heading\"><span>E</span>").doesNotContain("Eve Spill");
    assertThat(mvc.perform(get("/office/binary?member=A").with(user(BEN))).andReturn().getResponse().getStatus()).isEqualTo(404);
    assertThat(mvc.perform(get("/office/binary/children/R").with(user(BEN))).andReturn().getResponse().getStatus()).isEqualTo(404);
  }

  /** The two figures of a row of the legs table, by its heading. */
  static java.util.List<String> row(String html, String heading) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("<th scope=\"row\">" + java.util.regex.Pattern.quote(heading)
        + "</th><td class=\"num\">([^<]*)</td><td class=\"num\">([^<]*)</td>").matcher(html);
    assertThat(m.find()).as("row " + heading).isTrue();
    return java.util.List.of(m.group(1), m.group(2));
  }

  @Test
  void thePlanComparisonPageShowsWhatTheCommandShows() throws Exception {
    String form = page("/console/plans/compare", ADMIN);
    // Nothing computed until the form is sent; the company's plan (binary) is plan A by default.
    assertThat(form).contains("id=\"compare-form\"").doesNotContain("id=\"per-period\"");
    assertThat(form).contains("<option value=\"binary\" selected=\"selected\">binary</option>");

    String p = page("/console/plans/compare?a=demo&b=binary&from=2026-10&to=2026-10", ADMIN);
    // PlanComparisonTest.losersAndPlansWithDifferentBonusesAndRanks: demo pays 320.00, binary 278.00 (-42.00);
    // CV 5950: 320 / 5950 = 5.378% -> 5.38 %, 278 / 5950 = 4.672% -> 4.67 %. Distributors R, A, B, C, D, E and the
    // two waiting, F and G: 8, of whom R, A, C earn under both: 3 / 8 = 37.50 %.
    assertThat(p).contains("<th scope=\"row\"><a href=\"/console/plans/compare?a=demo&amp;b=binary&amp;from=2026-10&amp;to=2026-10&amp;period=2026-10\">2026-10</a></th>"
        + "\n        <td class=\"num\">320.00</td>\n        <td class=\"num\">278.00</td>\n        <td class=\"num\">-42.00</td>"
        + "\n        <td class=\"num\">5.38 %</td>\n        <td class=\"num\">4.67 %</td>"
        + "\n        <td class=\"num\">37.50 %</td>\n        <td class=\"num\">37.50 %</td>");
    assertThat(p).contains("8 distributors, 3 earning under plan A and 3 under plan B; CV 5,950.00.");
    // By bonus: unilevel 310.00 under demo only, binary 265.00 (R 250 + A 15) under binary only.
    assertThat(p).containsPattern("data-bonus=\"unilevel\">.*?</th>\\s*<td class=\"num\">\\d+</td>\\s*<td class=\"num\">–</td>"
        + "\\s*<td class=\"num\">310.00</td>\\s*<td class=\"num\">–</td>\\s*<td class=\"num\">-310.00</td>");
    assertThat(p).containsPattern("data-bonus=\"binary\">.*?</th>\\s*<td class=\"num\">–</td>\\s*<td class=\"num\">2</td>"
        + "\\s*<td class=\"num\">–</td>\\s*<td class=\"num\">265.00</td>\\s*<td class=\"num\">265.00</td>");
    // By rank: R is bronze under demo (292.50) and ruby under binary (253.00 = 250 + the 3.00 match on A).
    assertThat(p).containsPattern("data-rank=\"ruby\">.*?</th>\\s*<td class=\"num\">–</td>\\s*<td class=\"num\">1</td>"
        + "\\s*<td class=\"num\">–</td>\\s*<td class=\"num\">253.00</td>");
    // Losers: R 292.50 -> 253.00 (-39.50), A 17.50 -> 15.00 (-2.50); nobody gains (C's 10.00 under both).
    String losers = p.substring(p.indexOf("id=\"losers\""));
    assertThat(losers).containsSubsequence(">R<", "292.50", "253.00", "-39.50", ">A<", "17.50", "15.00", "-2.50");
    String gainers = p.substring(p.indexOf("id=\"gainers\""), p.indexOf("id=\"losers\""));
    assertThat(gainers).contains("Nobody.");
    assertThat(p).contains("\"labels\":[\"2026-10\"],\"a\":[320.00],\"b\":[278.00]");

    assertThat(mvc.perform(get("/console/plans/compare?a=demo&b=nope").with(user(ADMIN))).andReturn().getResponse().getStatus())
        .isEqualTo(400);
    assertThat(mvc.perform(get("/console/plans/compare?a=demo&b=binary&from=2026-11&to=2026-10").with(user(ADMIN)))
        .andReturn().getResponse().getStatus()).isEqualTo(400);
  }
}
