package org.downline.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The requests that used to answer 500 or a framework's own shape: each a 4xx in the documented error shape. */
class BadRequestsTest extends WebTestBase {
  @Autowired MockMvc mvc;

  private static MockHttpServletRequestBuilder staff(MockHttpServletRequestBuilder b) {
    return b.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
        (TestCompany.ADMIN + ":" + TestCompany.PASSWORD).getBytes(StandardCharsets.UTF_8)));
  }

  private MockHttpServletResponse send(RequestBuilder b) throws Exception {
    return mvc.perform(b).andReturn().getResponse();
  }

  private static void inTheErrorShape(MockHttpServletResponse r, int status) throws Exception {
    assertThat(r.getStatus()).as(r.getContentAsString()).isEqualTo(status);
    assertThat(r.getContentAsString()).startsWith("{\"status\":" + status + ",").contains("\"message\":")
        .doesNotContain("Exception", "java.", "org.springframework");
  }

  @Test
  void emptyNullAndHugeRequestsAreRefusedInTheErrorShape() throws Exception {
    for (String body : new String[] {"", "null", "[]", "{\"pv\":\"lots\"}"}) {
      inTheErrorShape(send(staff(post("/api/v1/orders")).header("Idempotency-Key", "k-" + body.hashCode())
          .contentType(MediaType.APPLICATION_JSON).content(body)), 400);
    }
    inTheErrorShape(send(staff(get("/api/v1/reports/impact")).param("rate", "1e30")), 400);
  }

  @Test
  void errorAskedForDirectlyIsNotFoundNotAFailure() throws Exception {
    MockHttpServletResponse r = send(get("/error"));
    assertThat(r.getStatus()).isEqualTo(404);
    assertThat(r.getContentAsString()).doesNotContain("Exception", "java.");
  }

  @Test
  void aTamperedCsrfTokenIsRefusedWith403AndNoTrace() throws Exception {
    MockHttpServletResponse r = send(post("/login").param("_csrf", "tampered").param("username", "x").param("password", "y"));
    assertThat(r.getStatus()).isEqualTo(403);
    assertThat(r.getContentAsString()).doesNotContain("Exception", "java.");
  }
}
