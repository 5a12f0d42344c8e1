package org.downline.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/**
 * With the shipped log levels, pages, API calls, failed sign-ins and refused imports that carry
 * emails and phone numbers leave none of them in the log.
 */
class PersonalDataLogTest extends WebTestBase {
  @Autowired MockMvc mvc;

  @Test
  void noEmailOrPhoneReachesTheLog() throws Exception {
    Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    ListAppender<ILoggingEvent> appender = new ListAppender<>();
    appender.start();
    root.addAppender(appender);
    try {
      mvc.perform(get("/console/members/B").with(user(ADMIN)));
      mvc.perform(get("/api/v1/members/B").with(httpBasic(TestCompany.ADMIN, TestCompany.PASSWORD)));
      mvc.perform(post("/login").with(csrf()).param("username", "zed@example.com").param("password", "+1 555 0199"));
      String badMembers = "id,sponsor_id,kind,join_date,name,email,phone\n"
          + "Z1,NOBODY,distributor,2026-03-01,Zed Zero,zed@example.com,+1 555 0199\n"
          + "Z2,A,wizard,2026-03-01,Zoe Zero,zoe@example.com,+1 555 0198\n";
      mvc.perform(post("/api/v1/import/members?file=zs.csv").contentType("text/csv").content(badMembers)
          .with(httpBasic(TestCompany.ADMIN, TestCompany.PASSWORD)));
      mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart("/console/import")
          .file(new MockMultipartFile("file", "zs.csv", "text/csv", badMembers.getBytes()))
          .param("kind", "members").with(csrf()).with(user(ADMIN)));
    } finally {
      root.detachAppender(appender);
    }
    for (ILoggingEvent e : appender.list) {
      String text = e.getFormattedMessage()
          + (e.getThrowableProxy() == null ? "" : ThrowableProxyUtil.asString(e.getThrowableProxy()));
      assertThat(text).doesNotContain("@example.com", "555 01");
    }
  }
}
