package org.downline.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import org.junit.jupiter.params.provider.Arguments;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The authorization tables' common part: a row is a method and URL with the status expected for
 * anonymous, admin ("staff") and the distributor "ben"; pages sign in with a session user, the API
 * with HTTP Basic.
 */
final class ByRole {
  private ByRole() {}

  enum Who { ANONYMOUS, ADMIN, BEN }

  /** The status one caller gets for one method and URL. */
  @FunctionalInterface
  interface Status {
    int of(String method, String url, Who who) throws Exception;
  }

  static Arguments row(String method, String url, int anonymous, int admin, int ben) {
    return Arguments.of(method, url, anonymous, admin, ben);
  }

  static void expect(Status status, String method, String url, int anonymous, int admin, int ben) throws Exception {
    assertThat(status.of(method, url, Who.ANONYMOUS)).as("anonymous").isEqualTo(anonymous);
    assertThat(status.of(method, url, Who.ADMIN)).as("admin").isEqualTo(admin);
    assertThat(status.of(method, url, Who.BEN)).as("distributor").isEqualTo(ben);
  }

  /** A GET, or a POST with the CSRF token as a form sends it. */
  static MockHttpServletRequestBuilder plain(String method, String url) {
    return "POST".equals(method) ? post(url).with(csrf()) : get(url);
  }

  /** Sends the request as {@code who} and returns the response status. */
  static int perform(MockMvc mvc, MockHttpServletRequestBuilder request, String url, Who who) throws Exception {
    if (who != Who.ANONYMOUS) {
      String name = who == Who.ADMIN ? TestCompany.ADMIN : TestCompany.BEN;
      request = url.startsWith("/api/") ? request.with(httpBasic(name, TestCompany.PASSWORD))
          : request.with(user(who == Who.ADMIN ? WebTestBase.ADMIN : WebTestBase.BEN));
    }
    return mvc.perform(request).andReturn().getResponse().getStatus();
  }
}
