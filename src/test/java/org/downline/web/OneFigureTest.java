package org.downline.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import org.downline.cli.Downline;
import org.downline.store.Database;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One definition of each figure (ADR 9): B's PV, GV and paid-as rank for February 2026 are the same
 * on the console's member page, the back office, the API, {@code commissions explain} and the
 * stored run.
 *
 * <p>By hand (TestCompany): PV of B = B's own 50 + customer E's 30 - E's return of 10 in the same
 * month = 70.00; GV = 70 + D's 40 = 110.00. Active needs PV >= 100 under the demo plan, so B is not
 * Active and is paid as the first rank, "member".
 */
@SpringBootTest(classes = WebApp.class)
@AutoConfigureMockMvc
class OneFigureTest {
  static final String URL_NAME = "onefigure";

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    registry.add(WebApp.DB_URL, () -> PayTestDatabases.url(URL_NAME));
  }

  @Autowired MockMvc mvc;

  @Test
  void pvGvAndRankAreTheSameEverywhere() throws Exception {
    String url = PayTestDatabases.url(URL_NAME);
    MockHttpServletResponse ran = mvc.perform(post("/api/v1/commissions/periods/2026-02/runs").with(csrf())
        .with(httpBasic(TestCompany.ADMIN, TestCompany.PASSWORD))).andReturn().getResponse();
    assertThat(ran.getStatus()).isEqualTo(201);

    // The stored run.
    try (Database db = Database.open(url); Connection c = db.connection();
        PreparedStatement ps = c.prepareStatement("SELECT m.pv, m.gv, m.rank_name FROM commission_member m"
            + " JOIN commission_run r ON r.id = m.run_id WHERE r.period = '2026-02' AND m.member_id = 'B'")) {
      try (ResultSet rs = ps.executeQuery()) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getBigDecimal(1).toPlainString()).isEqualTo("70.00");
        assertThat(rs.getBigDecimal(2).toPlainString()).isEqualTo("110.00");
        assertThat(rs.getString(3)).isEqualTo("member");
      }
    }

    // The console's member page and the back office.
    String console = page("/console/members/B?period=2026-02", WebTestBase.ADMIN);
    assertThat(console).contains("id=\"pv\">70.00<").contains("id=\"gv\">110.00<");
    String office = page("/office?period=2026-02", WebTestBase.BEN);
    assertThat(office).contains("id=\"pv\">70.00<").contains("id=\"gv\">110.00<").contains("id=\"rank-name\">member<");

    // The API: the member and their explanation.
    JsonNode member = json(get("/api/v1/members/B?period=2026-02"));
    assertThat(member.get("pv").decimalValue()).isEqualByComparingTo("70.00");
    assertThat(member.get("gv").decimalValue()).isEqualByComparingTo("110.00");
    JsonNode explained = json(get("/api/v1/members/B/explanation?period=2026-02"));
    assertThat(explained.get("pv").decimalValue()).isEqualByComparingTo("70.00");
    assertThat(explained.get("gv").decimalValue()).isEqualByComparingTo("110.00");
    assertThat(explained.get("rank").asString()).isEqualTo("member");

    // downline commissions explain, from the same database.
    StringWriter out = new StringWriter();
    CommandLine cl = Downline.commandLine();
    cl.setOut(new PrintWriter(out));
    int status = cl.execute("commissions", "explain", "--member", "B", "--period", "2026-02", "--db", url);
    assertThat(status).isZero();
    assertThat(out.toString()).startsWith("B in 2026-02: rank member, not Active" + System.lineSeparator()
        + "  PV 70.00  GV 110.00");
  }

  private String page(String url, org.downline.web.security.Account who) throws Exception {
    MockHttpServletResponse r = mvc.perform(get(url).with(user(who))).andReturn().getResponse();
    assertThat(r.getStatus()).as(url).isEqualTo(200);
    return r.getContentAsString();
  }

  private JsonNode json(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder b) throws Exception {
    MockHttpServletResponse r = mvc.perform(b.with(httpBasic(TestCompany.ADMIN, TestCompany.PASSWORD))).andReturn().getResponse();
    assertThat(r.getStatus()).isEqualTo(200);
    return JsonMapper.builder().build().readTree(r.getContentAsString());
  }
}
