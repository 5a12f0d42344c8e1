package org.downline.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.downline.web.security.Account;
import org.downline.web.security.ApiTokens;
import org.downline.web.security.LoginAttempts;
import org.downline.web.security.UserStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Logins that hold: spraying slowed, case-blind usernames, disabled and left members, tokens, JSON-only writes. */
class LoginHardeningTest extends WebTestBase {
  @Autowired MockMvc mvc;
  @Autowired UserStore users;
  @Autowired ApiTokens tokens;
  @Autowired LoginAttempts attempts;
  @Autowired JdbcClient jdbc;

  private static RequestPostProcessor from(String address) {
    return r -> {
      r.setRemoteAddr(address);
      return r;
    };
  }

  private static RequestPostProcessor basic(String user, String password) {
    return r -> {
      r.addHeader("Authorization", "Basic " + Base64.getEncoder().encodeToString(
          (user + ":" + password).getBytes(StandardCharsets.UTF_8)));
      return r;
    };
  }

  private static RequestPostProcessor bearer(String token) {
    return r -> {
      r.addHeader("Authorization", "Bearer " + token);
      return r;
    };
  }

  @Test
  void oneAddressSprayingManyUsernamesIsAnswered429InTheErrorShape() throws Exception {
    for (int i = 0; i < LoginAttempts.ADDRESS_FREE; i++) {
      MvcResult r = mvc.perform(get("/api/v1/me").with(from("203.0.113.50"))
          .with(basic("nobody" + i, "guess-" + i))).andReturn();
      assertThat(r.getResponse().getStatus()).isEqualTo(401);
    }
    MvcResult slowed = mvc.perform(get("/api/v1/me").with(from("203.0.113.50"))
        .with(basic(TestCompany.BEN, TestCompany.PASSWORD))).andReturn();
    assertThat(slowed.getResponse().getStatus()).isEqualTo(429);
    assertThat(slowed.getResponse().getHeader("Retry-After")).isEqualTo("1");
    assertThat(slowed.getResponse().getContentAsString())
        .contains("\"status\":429", "Too many failed sign-ins from this address");
    // Ben from his own address is not affected by the sprayer.
    assertThat(mvc.perform(get("/api/v1/me").with(from("198.51.100.20"))
        .with(basic(TestCompany.BEN, TestCompany.PASSWORD))).andReturn().getResponse().getStatus()).isEqualTo(200);
  }

  @Test
  void behindATrustedProxyTheForwardedClientIsCountedNotTheProxy() {
    var proxied = new org.downline.web.security.ClientAddress(java.util.Set.of("10.0.0.5"));
    MockHttpServletRequest viaProxy = new MockHttpServletRequest();
    viaProxy.setRemoteAddr("10.0.0.5");
    viaProxy.addHeader("X-Forwarded-For", "198.51.100.7, 10.0.0.5");
    assertThat(proxied.of(viaProxy)).isEqualTo("198.51.100.7");
    MockHttpServletRequest direct = new MockHttpServletRequest();
    direct.setRemoteAddr("198.51.100.9");
    direct.addHeader("X-Forwarded-For", "1.2.3.4"); // forged by the client: ignored
    assertThat(proxied.of(direct)).isEqualTo("198.51.100.9");
  }

  @Test
  void usernamesAreUniqueWithoutRegardToCaseAndWeakPasswordsAreRefused() throws Exception {
    assertThatThrownBy(() -> users.add("STAFF", "another-good-secret", Account.Role.ADMIN, null))
        .hasMessage("username 'STAFF' is taken");
    String code = users.invite("D", TestCompany.ADMIN, Duration.ofDays(1));
    String page = mvc.perform(post("/activate").with(csrf()).param("code", code).param("username", "Staff")
        .param("password", "a-long-enough-secret")).andReturn().getResponse().getContentAsString();
    assertThat(page).contains("username &#39;Staff&#39; is taken");
    page = mvc.perform(post("/activate").with(csrf()).param("code", code).param("username", "gus")
        .param("password", "          ")).andReturn().getResponse().getContentAsString();
    assertThat(page).contains("a password cannot be only spaces");
    // Both refusals rolled back: the code still works once.
    assertThat(users.activate(code, "gus2", "a-long-enough-secret").memberId()).isEqualTo("D");
    assertThat(users.find("GUS2")).isPresent(); // sign-in finds the login whatever the case typed
  }

  @Test
  void aDisabledLoginOrALeftMemberCannotSignIn() throws Exception {
    assertThat(status(basic(TestCompany.HAL, TestCompany.PASSWORD))).isEqualTo(200);
    users.setEnabled(TestCompany.HAL, false);
    try {
      assertThat(status(basic(TestCompany.HAL, TestCompany.PASSWORD))).isEqualTo(401);
    } finally {
      users.setEnabled(TestCompany.HAL, true);
      attempts.succeeded(TestCompany.HAL);
    }
    assertThat(status(basic(TestCompany.HAL, TestCompany.PASSWORD))).isEqualTo(200);
    String memberId = users.find(TestCompany.HAL).orElseThrow().memberId();
    jdbc.sql("UPDATE member SET status = 'terminated' WHERE id = ?").param(memberId).update();
    try {
      assertThat(users.find(TestCompany.HAL).orElseThrow().enabled()).isFalse();
      assertThat(status(basic(TestCompany.HAL, TestCompany.PASSWORD))).isEqualTo(401);
    } finally {
      jdbc.sql("UPDATE member SET status = 'active' WHERE id = ?").param(memberId).update();
      attempts.succeeded(TestCompany.HAL);
    }
  }

  @Test
  void apiTokensSignInUntilRevokedAndTheAnswerNeverChallengesABrowser() throws Exception {
    String token = tokens.issue(TestCompany.BEN, "test client", TestCompany.ADMIN);
    assertThat(token).startsWith("dl_");
    assertThat(mvc.perform(get("/api/v1/me").with(bearer(token))).andReturn().getResponse().getStatus())
        .isEqualTo(200);
    long id = tokens.list().getLast().id();
    assertThat(tokens.revoke(id, TestCompany.ADMIN)).isTrue();
    var refused = mvc.perform(get("/api/v1/me").with(bearer(token))).andReturn().getResponse();
    assertThat(refused.getStatus()).isEqualTo(401);
    assertThat(refused.getContentAsString()).contains("this API token is unknown or revoked");
    var anonymous = mvc.perform(get("/api/v1/me")).andReturn().getResponse();
    assertThat(anonymous.getStatus()).isEqualTo(401);
    assertThat(anonymous.getHeader("WWW-Authenticate")).isNull();
    assertThat(anonymous.getHeader("Referrer-Policy")).isEqualTo("no-referrer");
    assertThat(mvc.perform(get("/login")).andReturn().getResponse().getHeader("Referrer-Policy"))
        .isEqualTo("strict-origin-when-cross-origin");
  }

  @Test
  void apiWritesTakeJsonOnly() throws Exception {
    for (String type : new String[] {"application/x-www-form-urlencoded", "text/plain", "multipart/form-data"}) {
      var r = mvc.perform(post("/api/v1/orders").with(basic(TestCompany.BEN, TestCompany.PASSWORD))
          .contentType(type).content("member=B&pv=100")).andReturn().getResponse();
      assertThat(r.getStatus()).as(type).isEqualTo(415);
      assertThat(r.getContentAsString()).contains("\"status\":415", "API writes take a JSON body");
    }
    // A 20 MB body is refused before it is read, in the error shape.
    var big = mvc.perform(post("/api/v1/orders").with(basic(TestCompany.BEN, TestCompany.PASSWORD))
        .contentType("application/json").content(new byte[20 << 20])).andReturn().getResponse();
    assertThat(big.getStatus()).isEqualTo(413);
    assertThat(big.getContentAsString()).contains("\"status\":413", "larger than 1048576 bytes");
  }

  private int status(RequestPostProcessor auth) throws Exception {
    return mvc.perform(get("/api/v1/me").with(from("198.51.100.30")).with(auth)).andReturn().getResponse()
        .getStatus();
  }
}
