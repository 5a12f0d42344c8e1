package org.downline.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import org.downline.web.security.Account;
import org.downline.web.security.AuditLog;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The next-steps pages and API against {@link TestCompany}, worked by hand. Holdout buckets (FNV-1a
 * 64 of "downline:ID" mod 10000, checked outside Java): A 4818, B 6607, C 8396, D 185, E 1974,
 * G 5552, H 8717, I 506, J 2295; at the default 10% (1000) D and I are held out, nobody else.
 *
 * <p>As of 2026-02-20 (the latest order's day; window 2025-02-21..2026-02-20):
 * <ul>
 *   <li>customers: E 1 order O3 35.00 less its return R1 12.00 = 23.00; J 1 order O6 25.00. Segment
 *       1: 2 members, 2 orders, 48.00, average 24.00;
 *   <li>distributors: A J1 70 + O1 120 = 190.00 (2 orders), B J2 30 + O2 60 = 90.00 (2), D O4 50.00,
 *       G O7 10.00, H O5 240.00 (1 each), C and I none. Segment 1: 3 members, 3 orders, 300.00,
 *       average 100.00; 2-3: 2 members, 4 orders, 280.00, average 70.00; lapsed: C and I, 2;
 *   <li>months active (PV >= 100): February PV A 100, H 220 (B 70, D 40): A and H 1 month, the
 *       other 5 distributors 0;
 *   <li>no first sale (no sale by one of their customers): only B (E's O3) and H (J's O6) have one:
 *       A, C, D, G, I = 5; sponsored nobody: D, G, I = 3.
 * </ul>
 */
class NextStepsPagesTest extends WebTestBase {
  static final JsonMapper JSON = JsonMapper.builder().build();
  @Autowired MockMvc mvc;
  @Autowired AuditLog audit;

  String page(String url, Account who) throws Exception {
    var r = mvc.perform(get(url).with(user(who))).andReturn().getResponse();
    assertThat(r.getStatus()).as(url).isEqualTo(200);
    return r.getContentAsString();
  }

  JsonNode api(String url, String username) throws Exception {
    var r = mvc.perform(get(url).with(httpBasic(username, TestCompany.PASSWORD))).andReturn().getResponse();
    assertThat(r.getStatus()).as(url).isEqualTo(200);
    return JSON.readTree(r.getContentAsString());
  }

  /** Inner markup of every {@code tag} element whose opening tag carries {@code attr} (tables here do not nest). */
  static List<String> inner(String html, String tag, String attr) {
    List<String> out = new ArrayList<>();
    Matcher m = Pattern.compile("<" + tag + "\\b[^>]*" + Pattern.quote(attr) + "[^>]*>(.*?)</" + tag + ">", Pattern.DOTALL)
        .matcher(html);
    while (m.find()) out.add(m.group(1));
    return out;
  }

  /** The visible text of the markup: tags dropped, entities decoded, white space collapsed. */
  static String text(String markup) {
    return markup.replaceAll("<[^>]+>", " ").replace("&#39;", "'").replace("&quot;", "\"").replace("&lt;", "<")
        .replace("&gt;", ">").replace("&amp;", "&").replaceAll("\\s+", " ").strip();
  }

  /** Text of the first such element. */
  static String text(String html, String tag, String attr) {
    List<String> found = inner(html, tag, attr);
    assertThat(found).as(tag + " " + attr).isNotEmpty();
    return text(found.get(0));
  }

  static List<String> texts(String html, String tag, String attr) {
    return inner(html, tag, attr).stream().map(NextStepsPagesTest::text).toList();
  }

  static List<String> dataMembers(String html) {
    List<String> out = new ArrayList<>();
    Matcher m = Pattern.compile("data-member=\"([^\"]+)\"").matcher(html);
    while (m.find()) out.add(m.group(1));
    return out;
  }

  static String hxGet(String html) {
    Matcher m = Pattern.compile("id=\"my-next-step\"[^>]*hx-get=\"([^\"]+)\"").matcher(html);
    assertThat(m.find()).as("the month page loads my next step").isTrue();
    return m.group(1);
  }

  static String row(String html, String attr) {
    return text(html, "tr", attr);
  }

  @Test
  void stepTitlesAndMaterialsComeInTheReadersLanguageFromThePlaybookFile() throws Exception {
    // The bundled playbook's names section: "A second order" is "O a doua comandă" in Romanian and
    // "Drugie zamówienie" in Polish; its material "The referral programme" likewise.
    for (String[] l : new String[][] {{"ro", "O a doua comandă"}, {"pl", "Drugie zamówienie"}, {"en", "A second order"}}) {
      var r = mvc.perform(get("/console/next-steps?asOf=2026-02-20").with(user(ADMIN)).header("Accept-Language", l[0]))
          .andReturn().getResponse();
      r.setCharacterEncoding("UTF-8");
      assertThat(row(r.getContentAsString(), "data-segment=\"customers/1\"")).as(l[0]).endsWith(l[1]);
    }
    var seg = mvc.perform(get("/console/next-steps/segment?segment=customers/1&asOf=2026-02-20").with(user(ADMIN))
        .header("Accept-Language", "pl")).andReturn().getResponse();
    seg.setCharacterEncoding("UTF-8");
    assertThat(seg.getContentAsString()).contains("Zachęta do drugiego zamówienia, na przykład kod rabatowy")
        .doesNotContain("An incentive for the second order");
  }

  @Test
  void theFrequencyTableAndDistributorSegmentsShowTheHandWorkedFigures() throws Exception {
    String d = page("/console/next-steps?asOf=2026-02-20", ADMIN);
    assertThat(text(d, "span", "id=\"as-of\"")).isEqualTo("2026-02-20");
    assertThat(row(d, "data-segment=\"customers/1\""))
        .isEqualTo("customers 1 2 2 48.00 24.00 A second order");
    assertThat(row(d, "data-segment=\"distributors/1\"")).isEqualTo("distributors 1 3 3 300.00 100.00 –");
    assertThat(row(d, "data-segment=\"distributors/2-3\"")).isEqualTo("distributors 2-3 2 4 280.00 70.00 –");
    assertThat(row(d, "data-segment=\"distributors/lapsed\"")).isEqualTo("distributors lapsed 2 0 0.00 0.00 –");
    assertThat(row(d, "data-row=\"months-active/0\"")).isEqualTo("months-active 0 5");
    assertThat(row(d, "data-row=\"months-active/1\"")).isEqualTo("months-active 1 2");
    assertThat(row(d, "data-row=\"no-first-sale/no-first-sale\"")).isEqualTo("no-first-sale no-first-sale 5");
    assertThat(row(d, "data-row=\"sponsored-nobody/sponsored-nobody\""))
        .isEqualTo("sponsored-nobody sponsored-nobody 3");
    // Fast Start, all 7 distributors new (joined fewer than 90 days before): first order within 30 days
    // done by B (J2 01-20, due 02-03), D (O4 02-07) and G (O7 02-20); pending for I (due 03-04);
    // missed by A (J1 01-15, due 12-30), C (none, due 02-08) and H (O5 02-11, due 01-30).
    assertThat(row(d, "data-row=\"fast-start/first-order-in-30-days:done\"")).isEqualTo("fast-start first-order-in-30-days:done 3");
    assertThat(row(d, "data-row=\"fast-start/first-order-in-30-days:pending\"")).isEqualTo("fast-start first-order-in-30-days:pending 1");
    assertThat(row(d, "data-row=\"fast-start/first-order-in-30-days:missed\"")).isEqualTo("fast-start first-order-in-30-days:missed 3");
    assertThat(text(d, "script", "id=\"next-steps-data\"")).contains("\"customersMembers\":[2,0,0,0,0,0]");
  }

  @Test
  void aSegmentDrillsDownToItsMembersWithTheReasonAndTheStep() throws Exception {
    String d = page("/console/next-steps/segment?segment=no-first-sale&asOf=2026-02-20", ADMIN);
    assertThat(text(d, "span", "id=\"segment-count\"")).isEqualTo("5 members");
    assertThat(text(d, "div", "id=\"playbook-step\"")).contains("Make a first sale", "Conversation starters");
    // Breadth-first network order: A, C, I, D, G; D and I are held out.
    assertThat(texts(d, "tr", "data-member=").stream().map(t -> t.substring(0, t.indexOf(' '))).toList()).containsExactly("A", "C", "I", "D", "G");
    assertThat(text(inner(d, "tr", "data-member=\"C\"").get(0), "td", "class=\"reason\"")).isEqualTo("no sale by a customer of theirs since joining on 2026-01-10");
    assertThat(text(inner(d, "tr", "data-member=\"C\"").get(0), "td", "class=\"step\"")).isEqualTo("Make a first sale");
    assertThat(text(inner(d, "tr", "data-member=\"D\"").get(0), "td", "class=\"step\"")).isEqualTo("held out (no recommendation)");

    String customers = page("/console/next-steps/segment?segment=customers/1&asOf=2026-02-20", ADMIN);
    assertThat(text(inner(customers, "tr", "data-member=\"E\"").get(0), "td", "class=\"reason\"")).isEqualTo("1 order, revenue 23.00 in 2025-02-21..2026-02-20");
    // Paging: one member per page is not offered to pages (fixed 50), so page 2 is empty.
    String second = page("/console/next-steps/segment?segment=customers/1&asOf=2026-02-20&page=2", ADMIN);
    assertThat(inner(second, "tr", "data-member=")).isEmpty();
    assertThat(text(second, "nav", "class=\"pager\"")).contains("Page 2 of 1");
  }

  @Test
  void networkHealthForTheCompanyAndOneDistributor() throws Exception {
    String d = page("/console/next-steps?asOf=2026-02-20&member=A", ADMIN);
    // 7 distributors joined by 2026-02-20; depth 2 (A → B → D); duplication: of B, C, D, G, I (those with
    // a sponsor) B and C sponsored someone: 2/5 = 40.00%; no recruit is 90 days old yet: no retention base.
    assertThat(text(d, "p", "id=\"health-distributors\"")).isEqualTo("7");
    assertThat(text(d, "p", "id=\"health-depth\"")).isEqualTo("2");
    assertThat(text(d, "p", "id=\"health-duplication\"")).isEqualTo("40.00 %");
    assertThat(text(d, "p", "id=\"health-retention90\"")).isEqualTo("–");
    // A: frontline B and C (2 legs), depth 2; February GV to the 20th: A 100 + B's leg (70 + D 40) + C's 0
    // = 210.00; largest leg 110 of 110 = 100.00%; both frontline sponsored someone: 100.00%.
    assertThat(row(d, "id=\"member-health-row\"")).isEqualTo("A 2 2 2 210.00 100.00 % 100.00 % – –");
  }

  @Test
  void issuingRecordsTheStepsWithTheHoldoutAndTheConversionShowsLift() throws Exception {
    // As of 2026-02-05 (G not joined yet; J no order yet): E customers/1; no first sale A, C, D, H, I
    // (H's customer J orders only on 02-12); sponsored nobody C (G joins 02-10), D, I. 1 + 5 + 3 = 9
    // steps, D and I held out of both of theirs = 4.
    var r = mvc.perform(post("/console/next-steps/issue").param("asOf", "2026-02-05").with(csrf()).with(user(ADMIN)))
        .andReturn().getResponse();
    assertThat(r.getStatus()).isEqualTo(302);
    assertThat(r.getRedirectedUrl()).isEqualTo("/console/next-steps?asOf=2026-02-05&issued=9&heldOut=4");
    assertThat(audit.latest(5)).anySatisfy(e -> {
      assertThat(e.action()).isEqualTo("next-steps.issue");
      assertThat(e.target()).isEqualTo("as of 2026-02-05");
      assertThat(e.detail()).isEqualTo("9 next steps, 4 held out");
    });
    // Issuing again the same day replaces, never duplicates.
    mvc.perform(post("/console/next-steps/issue").param("asOf", "2026-02-05").with(csrf()).with(user(ADMIN)));

    // Taken after 02-05 up to 02-20:
    // no-first-sale: recommended A, C, H, of whom H (J's O6 on 02-12) = 1/3 = 33.33%; held out D, I,
    //   none took it = 0.00%; lift (1·2 − 0·3)/(3·2) = 33.33 points; relative lift unknown (no held-out took it).
    // sponsored-nobody: recommended C, who took it (G joined 02-10) = 100.00%; held out D, I: 0.00%;
    //   lift (1·2 − 0·1)/(1·2) = 100.00 points.
    // customers/1: E, whose only later order is a return: 0/1 = 0.00%; nobody held out.
    String d = page("/console/next-steps?asOf=2026-02-20", ADMIN);
    assertThat(text(d, "p", "id=\"issue-days\"")).contains("2026-02-05 (9)");
    assertThat(row(inner(d, "table", "id=\"conversion\"").get(0), "data-segment=\"no-first-sale\""))
        .isEqualTo("no-first-sale first-sale 3 1 2 0 33.33 % 0.00 % 33.33 pts –");
    assertThat(row(inner(d, "table", "id=\"conversion\"").get(0), "data-segment=\"sponsored-nobody\""))
        .isEqualTo("sponsored-nobody first-recruit 1 1 2 0 100.00 % 0.00 % 100.00 pts –");
    assertThat(row(inner(d, "table", "id=\"conversion\"").get(0), "data-segment=\"customers/1\""))
        .isEqualTo("customers/1 second-order 1 0 0 0 0.00 % – – –");
    // Impact, customers: segment 1's rate is its observed 0.00%, so no change; rule of thumb 10% of 48.00 = 4.80.
    assertThat(text(d, "td", "id=\"impact-customers-change\"")).isEqualTo("0.00");
    assertThat(text(d, "td", "id=\"impact-customers-thumb\"")).isEqualTo("4.80");
    // Distributors at the given 10%: 1 → 2-3: 3 × 10% × (280/2 − 300/3) = 12.00; lapsed → 1:
    // 2 × 10% × (300/3 − 0) = 20.00; total 32.00 against 10% of 580.00 = 58.00.
    assertThat(text(d, "td", "id=\"impact-distributors-change\"")).isEqualTo("32.00");
    assertThat(text(d, "td", "id=\"impact-distributors-thumb\"")).isEqualTo("58.00");

    JsonNode conversion = api("/api/v1/reports/conversion?asOf=2026-02-20&issued=2026-02-05", TestCompany.ADMIN);
    assertThat(conversion.get("total").asInt()).isEqualTo(3);
    JsonNode first = conversion.get("items").get(0);
    assertThat(first.get("segment").asString()).isEqualTo("no-first-sale");
    assertThat(first.get("conversionPct").decimalValue()).isEqualByComparingTo("33.33");
    assertThat(first.get("liftPoints").decimalValue()).isEqualByComparingTo("33.33");
    assertThat(first.get("relativeLiftPct").isNull()).isTrue();
    JsonNode impact = api("/api/v1/reports/impact?asOf=2026-02-20&population=distributors", TestCompany.ADMIN);
    assertThat(impact.get("projectedChange").decimalValue()).isEqualByComparingTo("32.00");
    assertThat(impact.get("ruleOfThumb").decimalValue()).isEqualByComparingTo("58.00");
  }

  /** The impact report's parameters are refused in the reader's language (ADR 29): the texts written here by hand. */
  @Test
  void theImpactReportsParametersAreRefusedInTheReadersLanguage() throws Exception {
    String[][] told = {
        {"en", "'everyone' is not a population (customers, distributors)", "rate must be a percentage with at most two decimal places",
            "rate must be a percentage from 0 to 100"},
        {"ro", "'everyone' nu este o populație (customers, distributors)", "rata trebuie să fie un procent cu cel mult două zecimale",
            "rata trebuie să fie un procent între 0 și 100"},
        {"pl", "'everyone' nie jest populacją (customers, distributors)",
            "stopa musi być procentem z co najwyżej dwoma miejscami po przecinku", "stopa musi być procentem od 0 do 100"}};
    for (String[] t : told) {
      assertThat(refused("/api/v1/reports/impact?population=everyone", t[0])).containsExactly("population", t[1], t[1]);
      assertThat(refused("/api/v1/reports/impact?rate=1.005", t[0])).containsExactly("rate", t[2], t[2]);
      assertThat(refused("/api/v1/reports/impact?rate=150", t[0])).containsExactly("rate", t[3], t[3]);
    }
  }

  /** A refused parameter's field, its reason and the answer's message (400, one detail). */
  private List<String> refused(String url, String language) throws Exception {
    var r = mvc.perform(get(url).header("Accept-Language", language).with(httpBasic(TestCompany.ADMIN, TestCompany.PASSWORD)))
        .andReturn().getResponse();
    r.setCharacterEncoding("UTF-8");
    assertThat(r.getStatus()).as(url).isEqualTo(400);
    JsonNode answer = JSON.readTree(r.getContentAsString());
    assertThat(answer.get("details").size()).isEqualTo(1);
    JsonNode d = answer.get("details").get(0);
    return List.of(d.get("field").asString(), d.get("reason").asString(), answer.get("message").asString());
  }

  @Test
  void aDistributorSeesTheirCustomersAndFirstLevelTeamWithTheirNextSteps() throws Exception {
    String d = page("/office/next-steps?asOf=2026-02-20", BEN);
    // Ben's (B's) customer E: segment 1, reason and the second-order step.
    assertThat(row(d, "data-member=\"E\""))
        .contains("customers/1", "1 order, revenue 23.00 in 2025-02-21..2026-02-20", "A second order", "discount code");
    // First-level D: no first sale and sponsored nobody, but held out: the segments and reasons, no step.
    assertThat(String.join(" ", texts(d, "tr", "data-member=\"D\""))).contains("distributors/1", "no-first-sale",
        "sponsored-nobody", "no distributor sponsored since joining on 2026-02-01");
    assertThat(inner(d, "tr", "data-member=\"D\"").stream().map(r -> text(r, "td", "class=\"step\"")).toList()).containsOnly("–");
    // Nobody of another organisation or above.
    assertThat(dataMembers(d)).containsOnly("E", "D");

    // His own: 2 orders in the window, no playbook step for distributors/2-3.
    String mine = page("/office/next-step?asOf=2026-02-20", BEN);
    assertThat(text(mine)).contains("My next step", "distributors/2-3: 2 orders, revenue 90.00");
    // The month page loads that fragment beside the rank tile.
    assertThat(hxGet(page("/office?period=2026-02", BEN))).isEqualTo("/office/next-step?period=2026-02");

    JsonNode team = api("/api/v1/next-steps/team?asOf=2026-02-20", TestCompany.BEN);
    assertThat(team.get("total").asInt()).isEqualTo(4); // D's 3 lines, then E's 1 (sponsor-tree order)
    JsonNode e = team.get("items").get(3);
    assertThat(e.get("memberId").asString()).isEqualTo("E");
    assertThat(e.get("relation").asString()).isEqualTo("customer");
    assertThat(e.get("step").asString()).isEqualTo("second-order");
    assertThat(e.has("holdout")).isFalse();
    JsonNode self = api("/api/v1/next-steps?asOf=2026-02-20", TestCompany.BEN);
    assertThat(self.get("items").get(0).get("relation").asString()).isEqualTo("self");
    assertThat(self.get("items").get(0).get("segment").asString()).isEqualTo("distributors/2-3");
  }

  @Test
  void theApiReportsMatchThePages() throws Exception {
    JsonNode segments = api("/api/v1/reports/segments?asOf=2026-02-20", TestCompany.ADMIN);
    assertThat(segments.get("asOf").asString()).isEqualTo("2026-02-20");
    assertThat(segments.get("total").asInt()).isEqualTo(12);
    JsonNode c1 = segments.get("items").get(0);
    assertThat(c1.get("population").asString() + " " + c1.get("segment").asString() + " " + c1.get("members").asLong()
        + " " + c1.get("orders").asLong()).isEqualTo("customers 1 2 2");
    assertThat(c1.get("revenue").decimalValue()).isEqualByComparingTo("48.00");
    assertThat(c1.get("averageOrderValue").decimalValue()).isEqualByComparingTo("24.00");
    JsonNode paged = api("/api/v1/reports/segments?asOf=2026-02-20&page=2&size=6", TestCompany.ADMIN);
    assertThat(paged.get("items").get(0).get("population").asString()).isEqualTo("distributors");
    assertThat(paged.get("items").get(0).get("revenue").decimalValue()).isEqualByComparingTo("300.00");

    JsonNode bySegment = api("/api/v1/next-steps/segment?segment=no-first-sale&asOf=2026-02-20", TestCompany.ADMIN);
    // Held-out D and I are left out unless asked for.
    assertThat(bySegment.get("total").asInt()).isEqualTo(3);
    JsonNode withHoldout = api("/api/v1/next-steps/segment?segment=no-first-sale&asOf=2026-02-20&includeHoldout=true",
        TestCompany.ADMIN);
    assertThat(withHoldout.get("total").asInt()).isEqualTo(5);
    JsonNode health = api("/api/v1/reports/health?asOf=2026-02-20", TestCompany.ADMIN);
    assertThat(health.get("duplicationPct").decimalValue()).isEqualByComparingTo("40.00");
    JsonNode mine = api("/api/v1/reports/health?asOf=2026-02-20&member=B", TestCompany.BEN);
    // B: frontline D, depth 1; GV 70 + 40 = 110.00; one leg (D, 40.00): 100.00%.
    assertThat(mine.get("frontline").asInt()).isEqualTo(1);
    assertThat(mine.get("gv").decimalValue()).isEqualByComparingTo("110.00");
    assertThat(mine.get("largestLegSharePct").decimalValue()).isEqualByComparingTo("100.00");
  }

  @Test
  void theOpenApiDocumentCoversTheNextStepsEndpoints() throws Exception {
    String doc = mvc.perform(get("/api/openapi.yaml")).andReturn().getResponse().getContentAsString();
    for (String path : new String[] {"/api/v1/reports/segments:", "/api/v1/reports/distributors:",
        "/api/v1/reports/conversion:", "/api/v1/reports/impact:", "/api/v1/reports/health:", "/api/v1/next-steps:",
        "/api/v1/next-steps/team:", "/api/v1/next-steps/segment:"}) {
      assertThat(doc).contains("  " + path);
    }
  }

  @Test
  void issuingWithoutTheCsrfTokenIsRefusedAndWritesNothing() throws Exception {
    long before = audit.latest(500).stream().filter(e -> e.action().equals("next-steps.issue")).count();
    var r = mvc.perform(post("/console/next-steps/issue").param("asOf", "2026-04-30").with(user(ADMIN)))
        .andReturn().getResponse();
    assertThat(r.getStatus()).isEqualTo(403);
    assertThat(audit.latest(500).stream().filter(e -> e.action().equals("next-steps.issue")).count()).isEqualTo(before);
  }
}
