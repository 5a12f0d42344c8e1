package org.downline.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.sql.ResultSet;
import org.downline.app.payout.Statements;
import org.downline.store.Database;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Staff settle a batch and make adjustments from the console ({@link PayoutsToSettle}: B 50.00 and C
 * 30.00 in one batch), through the use cases that audit them; a distributor may do none of it.
 */
@SpringBootTest(classes = WebApp.class)
@AutoConfigureMockMvc
class PayoutsConsoleSettleTest {
  static final String DB = "payoutsettle";

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    registry.add(WebApp.DB_URL, () -> PayoutsToSettle.url(DB));
  }

  @Autowired MockMvc mvc;
  @Autowired Database db;

  private MockHttpServletResponse as(Who who, MockHttpServletRequestBuilder r) throws Exception {
    MockHttpServletResponse res = mvc.perform(r.with(csrf()).with(user(who.account))).andReturn().getResponse();
    res.setCharacterEncoding("UTF-8");
    return res;
  }

  enum Who {
    STAFF(WebTestBase.ADMIN), BEN(WebTestBase.BEN);

    final org.downline.web.security.Account account;

    Who(org.downline.web.security.Account account) {
      this.account = account;
    }
  }

  private long balance(String member) {
    return new Statements(db).statement(member).balance().getOrDefault("USD", 0L);
  }

  private String audit(String action) throws Exception {
    try (var c = db.connection(); var ps = c.prepareStatement(
        "SELECT actor, target, detail FROM audit_log WHERE action = ? ORDER BY id DESC")) {
      ps.setString(1, action);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getString(1) + " | " + rs.getString(2) + " | " + rs.getString(3) : "";
      }
    }
  }

  @Test
  void staffApproveThenMarkOneLineFailedAndTheRestPaid() throws Exception {
    long id = PayoutsToSettle.batch(DB);
    String path = "/console/payouts/batches/" + id;
    String before = as(Who.STAFF, get(path)).getContentAsString();
    assertThat(before).contains("Approve the batch before you mark its lines paid or failed.").doesNotContain("id=\"paid-all\"");
    // Not approved yet: the use case refuses to settle, 409.
    assertThat(as(Who.STAFF, post(path + "/paid")).getStatus()).isEqualTo(409);
    // Nor is there a bank file yet, said in the reader's language (ADR 29; the texts written here by hand).
    String[][] told = {{"en", "batch " + id + " is not approved yet"}, {"ro", "lotul " + id + " nu este încă aprobat"},
        {"pl", "partia " + id + " nie została jeszcze zatwierdzona"}};
    for (String[] t : told) {
      for (String file : new String[] {"/bank.csv", "/pain001.xml"}) {
        MockHttpServletResponse bank = as(Who.STAFF, get(path + file).header("Accept-Language", t[0]));
        assertThat(bank.getStatus()).isEqualTo(409);
        assertThat(bank.getContentAsString()).contains("id=\"problem\">" + t[1] + "</p>");
      }
    }

    assertThat(as(Who.STAFF, post(path + "/approve")).getRedirectedUrl()).isEqualTo("/console/payouts");
    String approved = as(Who.STAFF, get(path)).getContentAsString();
    assertThat(approved).contains("id=\"paid-all\"").contains("id=\"failed-C\"").contains("id=\"paid-B\"")
        .contains("aria-label=\"Why the payment to C failed\"");

    // Both were paid out: balances 0.00. C's payment fails: its 30.00 goes back to C's balance.
    assertThat(balance("C")).isZero();
    MockHttpServletResponse failed = as(Who.STAFF, post(path + "/failed").param("memberId", "C")
        .param("reason", "account closed"));
    assertThat(failed.getRedirectedUrl()).isEqualTo(path);
    assertThat(balance("C")).isEqualTo(3000);
    assertThat(audit("payouts.failed")).isEqualTo("staff | batch " + id + " | 1 lines, reason: account closed");
    // A line is settled once.
    assertThat(as(Who.STAFF, post(path + "/failed").param("memberId", "C")).getStatus()).isEqualTo(409);

    // Every line still pending (B's) paid: the batch is done; B keeps 0.00.
    assertThat(as(Who.STAFF, post(path + "/paid")).getRedirectedUrl()).isEqualTo(path);
    assertThat(balance("B")).isZero();
    assertThat(audit("payouts.paid")).isEqualTo("staff | batch " + id + " | 1 lines");
    String done = as(Who.STAFF, get(path)).getContentAsString();
    assertThat(done).contains("id=\"batch-state\">closed<").contains("data-state-of=\"B\">paid<")
        .contains("data-state-of=\"C\">failed<").doesNotContain("id=\"paid-all\"");
  }

  @Test
  void staffPostAnAdjustmentThatTheMemberSees() throws Exception {
    long before = balance("D");
    MockHttpServletResponse r = as(Who.STAFF, post("/console/payouts/adjustments").param("memberId", "D")
        .param("amount", "-2.50").param("period", "2026-01").param("reason", "duplicate sample refunded"));
    assertThat(r.getRedirectedUrl()).startsWith("/console/payouts?adjusted=");
    // D: whatever it was, 2.50 less.
    assertThat(balance("D")).isEqualTo(before - 250);
    assertThat(audit("payouts.adjust")).startsWith("staff | member D | -2.50 USD for 2026-01 (posting ");
    String page = as(Who.STAFF, get(r.getRedirectedUrl())).getContentAsString();
    assertThat(page).contains("id=\"adjusted\"").contains("Adjustment posted (posting");

    // Refused with nothing written: an amount that is not one, a zero, no such member, no such period.
    long now = balance("D");
    assertThat(as(Who.STAFF, post("/console/payouts/adjustments").param("memberId", "D").param("amount", "abc")
        .param("period", "2026-01").param("reason", "x")).getStatus()).isEqualTo(400);
    assertThat(as(Who.STAFF, post("/console/payouts/adjustments").param("memberId", "D").param("amount", "0")
        .param("period", "2026-01").param("reason", "x")).getStatus()).isBetween(400, 422);
    assertThat(as(Who.STAFF, post("/console/payouts/adjustments").param("memberId", "NOBODY").param("amount", "1")
        .param("period", "2026-01").param("reason", "x")).getStatus()).isEqualTo(404);
    assertThat(as(Who.STAFF, post("/console/payouts/adjustments").param("memberId", "D").param("amount", "1")
        .param("period", "2026-13").param("reason", "x")).getStatus()).isBetween(400, 422);
    assertThat(balance("D")).isEqualTo(now);
  }

  @Test
  void aDistributorMayNotSettleOrAdjust() throws Exception {
    long id = PayoutsToSettle.batch(DB);
    long d = balance("D");
    assertThat(as(Who.BEN, post("/console/payouts/batches/" + id + "/paid")).getStatus()).isEqualTo(403);
    assertThat(as(Who.BEN, post("/console/payouts/batches/" + id + "/failed").param("memberId", "C"))
        .getStatus()).isEqualTo(403);
    assertThat(as(Who.BEN, post("/console/payouts/adjustments").param("memberId", "D").param("amount", "5")
        .param("period", "2026-01").param("reason", "x")).getStatus()).isEqualTo(403);
    assertThat(balance("D")).isEqualTo(d);
    // Anonymous: to the sign-in page.
    assertThat(mvc.perform(post("/console/payouts/adjustments").with(csrf()).param("memberId", "D").param("amount", "5")
        .param("period", "2026-01").param("reason", "x")).andReturn().getResponse().getStatus()).isEqualTo(302);
  }
}
