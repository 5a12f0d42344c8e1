package org.downline.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The honest numbers over the API on {@link DisclosureTestDatabase} (figures worked by hand in
 * {@link org.downline.disclosure.DisclosureCompany}): staff only, except my-year, a distributor's
 * own net.
 */
@SpringBootTest(classes = WebApp.class)
@AutoConfigureMockMvc
class DisclosureApiTest {
  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    registry.add(WebApp.DB_URL, DisclosureTestDatabase::url);
    registry.add("downline.plan", DisclosureTestDatabase::plan);
  }

  @Autowired MockMvc mvc;

  private MockHttpServletResponse call(String url, String login) throws Exception {
    var request = get(url);
    if (login != null) request = request.with(httpBasic(login, TestCompany.PASSWORD));
    MockHttpServletResponse r = mvc.perform(request).andReturn().getResponse();
    r.setCharacterEncoding("UTF-8");
    return r;
  }

  private JsonNode json(String url, String login) throws Exception {
    MockHttpServletResponse r = call(url, login);
    assertThat(r.getStatus()).as(r.getContentAsString()).isEqualTo(200);
    return JsonMapper.builder().build().readTree(r.getContentAsString());
  }

  static Stream<Arguments> table() {
    // url, anonymous, staff, sam (distributor S)
    return Stream.of(
        Arguments.of("/api/v1/disclosure/income?year=2025", 401, 200, 403),
        Arguments.of("/api/v1/disclosure/income?year=0", 401, 400, 403),
        Arguments.of("/api/v1/disclosure/retail-share?year=2025", 401, 200, 403),
        Arguments.of("/api/v1/disclosure/retail-share?year=2025&by=distributor", 401, 200, 403),
        Arguments.of("/api/v1/disclosure/retail-share?year=2025&by=month", 401, 400, 403),
        Arguments.of("/api/v1/disclosure/alerts?period=2025-03", 401, 200, 403),
        Arguments.of("/api/v1/disclosure/alerts?period=2025-13", 401, 400, 403),
        Arguments.of("/api/v1/disclosure/payout-health?year=2025", 401, 200, 403),
        Arguments.of("/api/v1/disclosure/retention?year=2025", 401, 200, 403),
        // my-year: a distributor's own only (another member is not found); staff name the member.
        Arguments.of("/api/v1/disclosure/my-year?year=2025", 401, 400, 200),
        Arguments.of("/api/v1/disclosure/my-year?year=2025&member=S", 401, 200, 200),
        Arguments.of("/api/v1/disclosure/my-year?year=2025&member=P", 401, 200, 404),
        Arguments.of("/api/v1/disclosure/my-year?year=2025&member=NOBODY", 401, 404, 404));
  }

  @ParameterizedTest(name = "{0}: anonymous {1}, staff {2}, distributor {3}")
  @MethodSource("table")
  void whoMayReadWhat(String url, int anonymous, int staff, int sam) throws Exception {
    assertThat(call(url, null).getStatus()).as("anonymous").isEqualTo(anonymous);
    assertThat(call(url, TestCompany.ADMIN).getStatus()).as("staff").isEqualTo(staff);
    assertThat(call(url, "sam").getStatus()).as("distributor").isEqualTo(sam);
  }

  @Test
  void aRefusalIsInTheErrorShape() throws Exception {
    MockHttpServletResponse r = call("/api/v1/disclosure/income?year=2025", "sam");
    assertThat(r.getStatus()).isEqualTo(403);
    assertThat(r.getContentAsString()).contains("\"status\":403").contains("\"message\"");
  }

  @Test
  void theStatementAsTheCsvHasIt() throws Exception {
    JsonNode s = json("/api/v1/disclosure/income?year=2025", TestCompany.ADMIN);
    assertThat(s.get("year").asInt()).isEqualTo(2025);
    assertThat(s.get("leftOut").size()).isZero();
    JsonNode groups = s.get("groups");
    assertThat(groups.size()).isEqualTo(3);
    // bronze (P, S, T): mean 34.75 / 3 = 11.58; nearest-rank p10 (position 1) 6.00, median (2) 12.25; per month 1.02.
    JsonNode bronze = groups.get(1);
    assertThat(bronze.get("group").asString()).isEqualTo("bronze");
    assertThat(bronze.get("participants").asInt()).isEqualTo(3);
    assertThat(bronze.get("mean").decimalValue()).isEqualByComparingTo("11.58");
    assertThat(bronze.get("p10").decimalValue()).isEqualByComparingTo("6.00");
    assertThat(bronze.get("median").decimalValue()).isEqualByComparingTo("12.25");
    assertThat(bronze.get("medianPerMonth").decimalValue()).isEqualByComparingTo("1.02");
    // all (5): 2 earned nothing = 40.0; mean 6.95; median 6.00; median net -87.75; 4 of 5 net negative = 80.0;
    // V left during the year: 1 of 5 = 20.0.
    JsonNode all = groups.get(2);
    assertThat(all.get("group").asString()).isEqualTo("all");
    assertThat(all.get("shareEarnedNothing").decimalValue()).isEqualByComparingTo("40.0");
    assertThat(all.get("mean").decimalValue()).isEqualByComparingTo("6.95");
    assertThat(all.get("median").decimalValue()).isEqualByComparingTo("6.00");
    assertThat(all.get("medianNet").decimalValue()).isEqualByComparingTo("-87.75");
    assertThat(all.get("shareNetNegative").decimalValue()).isEqualByComparingTo("80.0");
    assertThat(all.get("shareLeftDuringYear").decimalValue()).isEqualByComparingTo("20.0");
  }

  @Test
  void retailSharePerPeriodAndPerEarner() throws Exception {
    JsonNode r = json("/api/v1/disclosure/retail-share?year=2025&by=distributor", TestCompany.ADMIN);
    JsonNode periods = r.get("periods");
    assertThat(periods.size()).isEqualTo(13);
    // March: 15.50 of 36.50 from K = 42.5; April: only clawbacks (sourced <= 0), no share; the year 7.75 / 31.75 = 24.4.
    assertThat(periods.get(2).get("period").asString()).isEqualTo("2025-03");
    assertThat(periods.get(2).get("shareFromCustomers").decimalValue()).isEqualByComparingTo("42.5");
    assertThat(periods.get(3).get("rewardsSourced").decimalValue()).isEqualByComparingTo("-7.75");
    assertThat(periods.get(3).get("shareFromCustomers").isNull()).isTrue();
    assertThat(periods.get(12).get("period").asString()).isEqualTo("2025");
    assertThat(periods.get(12).get("rewards").decimalValue()).isEqualByComparingTo("34.75");
    assertThat(periods.get(12).get("shareFromCustomers").decimalValue()).isEqualByComparingTo("24.4");
    // S: 2.50 of 15.50 from customers = 16.1, mostly on participants; T: 5.00 of 5.00 = 100.0.
    JsonNode earners = r.get("distributors");
    assertThat(earners.size()).isEqualTo(3);
    assertThat(earners.get(1).get("distributorId").asString()).isEqualTo("S");
    assertThat(earners.get(1).get("shareFromCustomers").decimalValue()).isEqualByComparingTo("16.1");
    assertThat(earners.get(1).get("mostlyParticipants").asBoolean()).isTrue();
    assertThat(earners.get(2).get("distributorId").asString()).isEqualTo("T");
    assertThat(earners.get(2).get("shareFromCustomers").decimalValue()).isEqualByComparingTo("100.0");
    assertThat(earners.get(2).get("noRetailCustomer").asBoolean()).isFalse();
    // By period only: no per-earner list.
    assertThat(json("/api/v1/disclosure/retail-share?year=2025", TestCompany.ADMIN).get("distributors").isNull()).isTrue();
  }

  @Test
  void payoutHealthRetentionAndAlerts() throws Exception {
    JsonNode health = json("/api/v1/disclosure/payout-health?year=2025", TestCompany.ADMIN);
    assertThat(health.size()).isEqualTo(12);
    // January: CV 100 + 30 = 130.00, paid 4.00 (S alone): 3.08 -> 3.1; the plan has no cap: no maximum.
    JsonNode jan = health.get(0);
    assertThat(jan.get("period").asString()).isEqualTo("2025-01");
    assertThat(jan.get("cv").decimalValue()).isEqualByComparingTo("130.00");
    assertThat(jan.get("payout").decimalValue()).isEqualByComparingTo("4.00");
    assertThat(jan.get("payoutShareOfCv").decimalValue()).isEqualByComparingTo("3.1");
    assertThat(jan.get("maxShareOfCv").isNull()).isTrue();
    assertThat(jan.get("top1Share").decimalValue()).isEqualByComparingTo("100.0");
    // March: 38.50 of 350.00 = 11.0; the top earner S 15.00 of 38.50 = 39.0.
    assertThat(health.get(2).get("payoutShareOfCv").decimalValue()).isEqualByComparingTo("11.0");
    assertThat(health.get(2).get("top10Share").decimalValue()).isEqualByComparingTo("39.0");

    JsonNode cohorts = json("/api/v1/disclosure/retention?year=2025", TestCompany.ADMIN);
    // 12 months x (distributors, customers); March: T and K, 1 each; the latest order (2025-05-03) is the as-of
    // day, so June (3 months on) is not over: not known (null), not 0.
    assertThat(cohorts.size()).isEqualTo(24);
    JsonNode marchDistributors = null;
    for (JsonNode c : cohorts) {
      if (c.get("population").asString().equals("distributors") && c.get("cohort").asString().equals("2025-03")) {
        marchDistributors = c;
      }
    }
    assertThat(marchDistributors).isNotNull();
    assertThat(marchDistributors.get("members").asInt()).isEqualTo(1);
    assertThat(marchDistributors.get("after").get(0).get("months").asInt()).isEqualTo(3);
    assertThat(marchDistributors.get("after").get(0).get("enrolled").isNull()).isTrue();

    // March: T's first order (110.00) is under 500.00, nothing late in the month, everyone Active: no alert.
    assertThat(json("/api/v1/disclosure/alerts?period=2025-03", TestCompany.ADMIN).size()).isZero();
  }

  @Test
  void myYearIsTheDistributorsOwn() throws Exception {
    // S: earned 16.50, bought 220.00, net -203.50; from customers 2.50, from distributors 13.00, awards 1.00;
    // the company's median 6.00.
    for (String url : new String[] {"/api/v1/disclosure/my-year?year=2025", "/api/v1/disclosure/my-year?year=2025&member=S"}) {
      JsonNode n = json(url, "sam");
      assertThat(n.get("memberId").asString()).isEqualTo("S");
      assertThat(n.get("earned").decimalValue()).isEqualByComparingTo("16.50");
      assertThat(n.get("bought").decimalValue()).isEqualByComparingTo("220.00");
      assertThat(n.get("net").decimalValue()).isEqualByComparingTo("-203.50");
      assertThat(n.get("fromCustomers").decimalValue()).isEqualByComparingTo("2.50");
      assertThat(n.get("fromParticipants").decimalValue()).isEqualByComparingTo("13.00");
      assertThat(n.get("awards").decimalValue()).isEqualByComparingTo("1.00");
      assertThat(n.get("companyMedian").decimalValue()).isEqualByComparingTo("6.00");
      assertThat(n.get("months").asInt()).isEqualTo(12);
    }
    // Staff read anyone's: T joined in March: 10 months; earned 6.00, bought 140.00.
    JsonNode t = json("/api/v1/disclosure/my-year?year=2025&member=T", TestCompany.ADMIN);
    assertThat(t.get("months").asInt()).isEqualTo(10);
    assertThat(t.get("net").decimalValue()).isEqualByComparingTo("-134.00");
  }

  @Test
  void theOpenApiDocumentParsesAndNamesEveryDisclosureEndpoint() throws Exception {
    String doc = mvc.perform(get("/api/openapi.yaml")).andReturn().getResponse().getContentAsString();
    JsonNode paths = tools.jackson.dataformat.yaml.YAMLMapper.builder().build().readTree(doc).get("paths");
    for (String p : new String[] {"income", "retail-share", "alerts", "payout-health", "retention", "my-year"}) {
      assertThat(paths.has("/api/v1/disclosure/" + p)).as(p).isTrue();
    }
  }
}
