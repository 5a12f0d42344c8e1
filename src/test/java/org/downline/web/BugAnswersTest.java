package org.downline.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import org.downline.web.errors.ErrorAnswers;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A forced bug in the running app (the member directory throws NullPointerException): the API
 * answers 500 with an error id and no trace, the console page shows the error page with the id,
 * and the log holds that id with the stack trace.
 */
class BugAnswersTest extends WebTestBase {
  @Autowired MockMvc mvc;
  @MockitoBean MemberDirectory directory;

  @Test
  void aBugIsA500WithAnIdInTheAnswerAndTheTraceInTheLog() throws Exception {
    when(directory.order("O1")).thenThrow(new NullPointerException("directory state is null"));
    when(directory.search(any(), anyInt(), anyInt())).thenThrow(new NullPointerException("directory state is null"));
    ListAppender<ILoggingEvent> log = new ListAppender<>();
    Logger logger = (Logger) LoggerFactory.getLogger(ErrorAnswers.class);
    log.start();
    logger.addAppender(log);
    try {
      MockHttpServletResponse api = mvc.perform(get("/api/v1/orders/O1").with(httpBasic(TestCompany.ADMIN, TestCompany.PASSWORD)))
          .andReturn().getResponse();
      assertThat(api.getStatus()).isEqualTo(500);
      assertThat(api.getContentType()).startsWith("application/json");
      JsonNode e = JsonMapper.builder().build().readTree(api.getContentAsString());
      String id = e.get("errorId").asString();
      assertThat(id).matches("[a-z2-9]{12}");
      assertThat(e.get("error").asString()).isEqualTo("Internal Server Error");
      assertThat(api.getContentAsString()).doesNotContain("NullPointer", "Exception", "directory state", "\tat ");

      MockHttpServletResponse page = mvc.perform(get("/console/members").with(user(ADMIN))).andReturn().getResponse();
      assertThat(page.getStatus()).isEqualTo(500);
      String html = page.getContentAsString();
      String pageId = html.replaceAll("(?s).*<p id=\"error-id\">Error id: ([a-z2-9]{12})\\..*", "$1");
      assertThat(pageId).matches("[a-z2-9]{12}").isNotEqualTo(id);
      assertThat(html).contains("Something went wrong").doesNotContain("NullPointer", "directory state");

      assertThat(log.list).hasSize(2);
      assertThat(log.list.get(0).getFormattedMessage()).contains(id);
      assertThat(ThrowableProxyUtil.asString(log.list.get(0).getThrowableProxy())).contains("NullPointerException: directory state is null");
      assertThat(log.list.get(1).getFormattedMessage()).contains(pageId).contains("/console/members");
    } finally {
      logger.detachAppender(log);
    }
  }
}
