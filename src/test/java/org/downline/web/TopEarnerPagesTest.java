package org.downline.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.math.BigDecimal;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.downline.web.security.Account;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A top earner's pay and statement pages over {@link TopEarnerRun} (figures worked by hand there):
 * totals by bonus and level, pages of 50 lines, search by source member and by order, the streamed CSV.
 */
@SpringBootTest(classes = WebApp.class)
@AutoConfigureMockMvc
class TopEarnerPagesTest {
  static final Account BEN = WebTestBase.BEN;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    registry.add(WebApp.DB_URL, () -> PayTestDatabases.url("topearner"));
  }

  static long run;

  @BeforeAll
  static void storeTheRun() {
    run = TopEarnerRun.store(PayTestDatabases.database("topearner"));
  }

  @Autowired MockMvc mvc;

  String page(String url) throws Exception {
    MockHttpServletResponse r = mvc.perform(get(url).with(user(BEN))).andReturn().getResponse();
    assertThat(r.getStatus()).as(url).isEqualTo(200);
    return r.getContentAsString();
  }

  /** The text of each cell of the table rows marked with data-bonus (and data-level), tags stripped. */
  static List<String> rows(String html) {
    Matcher m = Pattern.compile("<tr[^>]*data-bonus=\"([^\"]+)\"(?: data-level=\"(\\d+)\")?[^>]*>(.*?)</tr>", Pattern.DOTALL).matcher(html);
    List<String> out = new java.util.ArrayList<>();
    while (m.find()) out.add(m.group(3).replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ").strip());
    return out;
  }

  static int lineRows(String html) {
    String table = html.substring(html.indexOf("id=\"x-lines\""), html.indexOf("</table>", html.indexOf("id=\"x-lines\"")));
    return table.split("<tr>", -1).length - 2; // minus the text before the first row and the header row
  }

  @Test
  void totalsByBonusAndLevelAreTheHandWorkedOnes() throws Exception {
    String pay = page("/office/pay?period=2026-01");
    assertThat(rows(pay)).containsExactly(
        "customer all levels 5 10.00", "0 customer, level 0: show these lines 5 10.00",
        "rank_advancement all levels 1 25.00", "0 rank_advancement, level 0: show these lines 1 25.00",
        "unilevel all levels 115 87.50", "1 unilevel, level 1: show these lines 60 60.00",
        "2 unilevel, level 2: show these lines 55 27.50");
    assertThat(pay).contains("id=\"pay-line-count\">121<", "id=\"pay-total\">122.50<", "From run " + run + ", the period&#39;s latest run");
    // The statement page shows the same groups and totals.
    String statement = page("/office/statement?period=2026-01");
    assertThat(rows(statement)).hasSize(7).contains("unilevel all levels 115 87.50");
    assertThat(statement).contains("id=\"pay-total\">122.50<", "id=\"statement-csv\"");
    // Past pay: Ben's 122.50 in January's run, not Alice's 3.00 added.
    assertThat(pay).containsPattern("2026-01</a></td>\\s*<td>" + run + " \\(not closed yet\\)</td>\\s*<td class=\"num\">122.50</td>");
  }

  @Test
  void linesComeFiftyAPageInStatementOrder() throws Exception {
    String first = page("/office/pay?period=2026-01");
    assertThat(lineRows(first)).isEqualTo(50);
    // Page 1: customer OC1..OC5, rank_advancement, unilevel OU001..OU044.
    assertThat(first).contains("id=\"lines-page\">Page 1 of 3<", ">OC1<", ">OU044<").doesNotContain(">OU045<");
    String second = page("/office/pay/lines?period=2026-01&page=2");
    assertThat(lineRows(second)).isEqualTo(50); // OU045..OU060 (16) and OV001..OV034 (34)
    assertThat(second).contains(">OU045<", ">OU060<", ">OV001<", ">OV034<").doesNotContain(">OV035<", ">OC1<", "<html");
    String third = page("/office/pay/lines?period=2026-01&page=3");
    assertThat(lineRows(third)).isEqualTo(21); // OV035..OV055
    assertThat(third).contains(">OV035<", ">OV055<", "Page 3 of 3").doesNotContain("id=\"next-lines\"");
    // Level 2 of unilevel alone: 55 lines, 2 pages, the second holds OV051..OV055.
    String level = page("/office/pay/lines?period=2026-01&bonus=unilevel&level=2&page=2");
    assertThat(lineRows(level)).isEqualTo(5);
    assertThat(level).contains("55 lines", ">OV051<", ">OV055<").doesNotContain(">OV050<");
  }

  @Test
  void searchFindsTheLinesOfOneSourceMemberOrOrder() throws Exception {
    // S07 is the source of Ben's lines 7, 27 and 47 (OU007, OU027, OU047); Alice's OX1 is not his.
    String s07 = page("/office/pay/lines?period=2026-01&q=S07");
    assertThat(lineRows(s07)).isEqualTo(3);
    assertThat(s07).contains("3 lines", ">OU007<", ">OU027<", ">OU047<").doesNotContain(">OX1<");
    String order = page("/office/pay?period=2026-01&q=OV010");
    assertThat(lineRows(order)).isEqualTo(1);
    assertThat(order).contains(">OV010<", ">T10<", "1 lines");
    assertThat(page("/office/pay/lines?period=2026-01&q=nobody")).contains("0 lines", "No line matches.").doesNotContain(">OU");
  }

  @Test
  void theStatementCsvIsStreamedLineByLineInStatementOrder() throws Exception {
    MockHttpServletResponse r = mvc.perform(get("/office/statement.csv?period=2026-01").with(user(BEN))).andReturn().getResponse();
    assertThat(r.getStatus()).isEqualTo(200);
    assertThat(r.getContentType()).startsWith("text/csv");
    List<String> csv = r.getContentAsString().lines().toList();
    assertThat(csv).hasSize(122); // header and Ben's 121 lines
    assertThat(csv.getFirst()).isEqualTo("period,earner_id,bonus,amount,source_order_id,source_member_id,level,rate,rule");
    assertThat(csv.get(1)).startsWith("2026-01,B,customer,2.00,OC1,C1,0,");
    assertThat(csv.get(6)).startsWith("2026-01,B,rank_advancement,25.00,,,0,");
    assertThat(csv.get(7)).startsWith("2026-01,B,unilevel,1.00,OU001,S01,1,");
    assertThat(csv.get(67)).startsWith("2026-01,B,unilevel,0.50,OV001,T01,2,");
    assertThat(csv.getLast()).startsWith("2026-01,B,unilevel,0.50,OV055,T55,2,");
    BigDecimal sum = BigDecimal.ZERO;
    for (String row : csv.subList(1, csv.size())) sum = sum.add(new BigDecimal(row.split(",", -1)[3]));
    assertThat(sum).isEqualByComparingTo("122.50");
  }
}
