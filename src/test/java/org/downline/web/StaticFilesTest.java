package org.downline.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** The static folders are served by name (web.StaticFiles); webjars by their version-free paths. */
class StaticFilesTest extends WebTestBase {
  @Autowired MockMvc mvc;

  String body(String url) throws Exception {
    return mvc.perform(get(url)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
  }

  @Test
  void eachFolderAndTheWebjarsAreServed() throws Exception {
    assertThat(body("/css/downline.css")).contains("{");
    assertThat(body("/js/menu.js")).contains("menu-button");
    assertThat(body("/api/openapi.yaml")).contains("openapi:");
    assertThat(body("/webjars/htmx.org/dist/htmx.min.js")).contains("htmx");
  }

  @Test
  void aPageLinkIsNoFile() throws Exception {
    // The sign-in page links the stylesheet as written: no file lookup rewrote it (nor any page link).
    String login = body("/login");
    assertThat(login).contains("href=\"/css/downline.css\"");
    // Only the named folders are files: the folder's own name is not a path to them.
    int status = mvc.perform(get("/static/css/downline.css")).andReturn().getResponse().getStatus();
    assertThat(status).isNotEqualTo(200);
  }
}
