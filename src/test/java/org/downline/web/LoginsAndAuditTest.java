package org.downline.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Duration;
import java.util.List;
import org.downline.web.security.Account;
import org.downline.web.security.AuditLog;
import org.downline.web.security.UserStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** Staff make logins and invitations; every staff write leaves an audit entry without personal data. */
class LoginsAndAuditTest extends WebTestBase {
  @Autowired MockMvc mvc;
  @Autowired UserStore users;
  @Autowired AuditLog audit;

  @Test
  void staffMakeADistributorLoginAndItIsAudited() throws Exception {
    String html = mvc.perform(post("/console/users").with(csrf()).with(user(ADMIN)).param("memberId", "I")
        .param("username", "ida")).andReturn().getResponse().getContentAsString();
    assertThat(html).contains("Login ida made.");
    Account ida = users.find("ida").orElseThrow();
    assertThat(ida.memberId()).isEqualTo("I");
    assertThat(ida.passwordHash()).startsWith("$2a$"); // bcrypt, never the password itself
    List<AuditLog.Entry> latest = audit.latest(5);
    assertThat(latest).anySatisfy(e -> {
      assertThat(e.actor()).isEqualTo(TestCompany.ADMIN);
      assertThat(e.action()).isEqualTo("login.create");
      assertThat(e.target()).isEqualTo("member I");
    });
    assertThat(latest).allSatisfy(e -> assertThat(e.target() + " " + e.detail()).doesNotContain("ida@example.com"));
  }

  @Test
  void loginsAreRefusedForCustomersUnknownMembersAndSecondLogins() {
    assertThatThrownBy(() -> users.add("eve", "long-enough-pw", Account.Role.DISTRIBUTOR, "E"))
        .hasMessage("member 'E' is a customer; only distributors get a login");
    assertThatThrownBy(() -> users.add("who", "long-enough-pw", Account.Role.DISTRIBUTOR, "NOBODY"))
        .hasMessage("unknown member 'NOBODY'");
    assertThatThrownBy(() -> users.add("ben2", "long-enough-pw", Account.Role.DISTRIBUTOR, "B"))
        .hasMessage("member 'B' already has a login");
    assertThatThrownBy(() -> users.add("short", "123", Account.Role.ADMIN, null))
        .hasMessage("a password needs at least 10 characters");
    assertThatThrownBy(() -> users.add(TestCompany.BEN, "long-enough-pw", Account.Role.ADMIN, null))
        .hasMessage("username 'ben' is taken");
  }

  @Test
  void anInvitationWorksOnce() {
    String code = users.invite("C", TestCompany.ADMIN, Duration.ofDays(1));
    Account cara = users.activate(code, "cara", "tulip-secret-123");
    assertThat(cara.memberId()).isEqualTo("C");
    assertThatThrownBy(() -> users.activate(code, "cara2", "tulip-secret-123"))
        .hasMessage("this invitation code is unknown, used or expired");
    String expired = users.invite("G", TestCompany.ADMIN, Duration.ofSeconds(-1));
    assertThatThrownBy(() -> users.activate(expired, "gus", "tulip-secret-456"))
        .hasMessage("this invitation code is unknown, used or expired");
  }
}
