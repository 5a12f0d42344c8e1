package org.downline.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The honest-numbers pages on {@link DisclosureTestDatabase}: their figures (worked by hand in
 * {@link org.downline.disclosure.DisclosureCompany}), their languages, and who may open them: the
 * console pages staff only, my year the distributor's own, the public statement anyone.
 */
@SpringBootTest(classes = WebApp.class)
@AutoConfigureMockMvc
class DisclosurePagesTest {
  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    registry.add(WebApp.DB_URL, DisclosureTestDatabase::url);
    registry.add("downline.plan", DisclosureTestDatabase::plan);
  }

  @Autowired MockMvc mvc;

  String page(MockHttpServletRequestBuilder request) throws Exception {
    var r = mvc.perform(request).andReturn().getResponse();
    r.setCharacterEncoding("UTF-8");
    assertThat(r.getStatus()).as(r.getContentAsString()).isEqualTo(200);
    return r.getContentAsString();
  }

  static Stream<Arguments> table() {
    // url, anonymous, staff, sam (distributor S)
    return Stream.of(
        Arguments.of("/console/disclosure", 302, 200, 403),
        Arguments.of("/console/disclosure?year=2025", 302, 200, 403),
        Arguments.of("/console/disclosure/statement.pdf?year=2025", 302, 200, 403),
        Arguments.of("/console/disclosure/retail", 302, 200, 403),
        Arguments.of("/console/disclosure/alerts?period=2025-03", 302, 200, 403),
        Arguments.of("/console/disclosure/alerts/stacking/nobody?period=2025-03", 302, 404, 403),
        Arguments.of("/console/disclosure/retention?year=2025", 302, 200, 403),
        Arguments.of("/office/my-year?year=2025", 302, 403, 200),
        Arguments.of("/disclosure", 200, 200, 200));
  }

  @ParameterizedTest
  @MethodSource("table")
  void whoMayOpenWhat(String url, int anonymous, int staff, int sam) throws Exception {
    assertThat(mvc.perform(get(url)).andReturn().getResponse().getStatus()).as("anonymous").isEqualTo(anonymous);
    assertThat(mvc.perform(get(url).with(user(DisclosureTestDatabase.STAFF))).andReturn().getResponse().getStatus())
        .as("staff").isEqualTo(staff);
    assertThat(mvc.perform(get(url).with(user(DisclosureTestDatabase.SAM))).andReturn().getResponse().getStatus())
        .as("distributor").isEqualTo(sam);
  }

  @Test
  void theStatementInTheConsole() throws Exception {
    String html = page(get("/console/disclosure").with(user(DisclosureTestDatabase.STAFF)));
    // 2025 is the latest year with every period closed: the default.
    assertThat(html).contains("Income disclosure statement 2025").contains("5 people took part in 2025.")
        .contains("40.0% of them earned nothing").contains("20.0% of them left during the year.")
        .contains("no figure here is annualised").doesNotContain("left out of every figure");
    // The all row, as the CSV has it: mean 6.95, median 6.00, median net -87.75.
    assertThat(html).contains("data-group=\"all\"").contains(">6.95<").contains(">-87.75<").contains("role=\"img\"");
  }

  @Test
  void thePublicPageNeedsNoLoginAndSpeaksTheReadersLanguage() throws Exception {
    String en = page(get("/disclosure"));
    assertThat(en).contains("lang=\"en\"").contains("5 people took part in 2025.").contains("before you decide to join");
    String ro = page(get("/disclosure").header("Accept-Language", "ro"));
    assertThat(ro).contains("lang=\"ro\"").contains("Declarația veniturilor 2025").contains("5 persoane au participat în 2025.");
    String pl = page(get("/disclosure").header("Accept-Language", "pl"));
    assertThat(pl).contains("lang=\"pl\"").contains("Oświadczenie o dochodach 2025").contains("20.0% z nich odeszło w ciągu roku.");
  }

  @Test
  void retailSharePerMonthAgainstTwoThirds() throws Exception {
    String html = page(get("/console/disclosure/retail?year=2025").with(user(DisclosureTestDatabase.STAFF)));
    // March 42.5 (below two thirds: drawn red), the year 24.4; P and S paid mostly on distributors' orders.
    assertThat(html).contains("42.5 %").contains("24.4 %").contains("class=\"two-thirds\"").contains("bar below")
        .contains("data-member=\"P\"").contains("data-member=\"S\"").doesNotContain("data-member=\"T\"");
  }

  @Test
  void myYearIsTheDistributorsOwnNet() throws Exception {
    String html = page(get("/office/my-year?year=2025").with(user(DisclosureTestDatabase.SAM)));
    // S: earned 16.50, bought 220.00, left with -203.50; from customers 5.00 - 2.50 = 2.50, from distributors
    // 3.00 (V) + 10.00 (T) = 13.00, awards 1.00 (rank advancement).
    assertThat(html).contains("In 2025 the company paid you 16.50 and you bought 220.00 yourself, so you were left with -203.50.")
        .contains("Of your pay, 2.50 came from orders of customers, 13.00 from orders of distributors")
        .contains("and 1.00 from awards not tied to an order.").contains("half of all participants earned 6.00 or less");
  }

  @Test
  void alertsAndRetention() throws Exception {
    String alerts = page(get("/console/disclosure/alerts?period=2025-03").with(user(DisclosureTestDatabase.STAFF)));
    // March: T's first order t1 (110.00) is under 500.00, no order in March 27-31, nobody orders only on a
    // sponsor's day, and P, S and T are all Active (no stack): no alert.
    assertThat(alerts).contains("Loading and stacking alerts, 2025-03").contains("No alerts in this period.");
    String retention = page(get("/console/disclosure/retention?year=2025").with(user(DisclosureTestDatabase.STAFF)));
    // March 2025: T (distributor) and K (customer) joined. The latest order (2025-05-03) is the as-of day, so
    // 3 months on (June) is not over: their cells are empty, not 0.0.
    assertThat(retention).contains("data-cohort=\"distributors/2025-03\"").contains("data-cohort=\"customers/2025-03\"")
        .doesNotContain("rgba(");
  }
}
