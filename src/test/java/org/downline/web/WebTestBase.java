package org.downline.web;

import org.downline.web.security.Account;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** One Spring context (MockMvc, no port) over {@link TestCompany}, shared by the web tests. */
@SpringBootTest(classes = WebApp.class)
@AutoConfigureMockMvc
public abstract class WebTestBase {
  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    registry.add(WebApp.DB_URL, TestCompany::h2Url);
  }

  static final Account ADMIN = new Account(TestCompany.ADMIN, "", Account.Role.ADMIN, null, true);
  static final Account BEN = new Account(TestCompany.BEN, "", Account.Role.DISTRIBUTOR, "B", true);
  static final Account HAL = new Account(TestCompany.HAL, "", Account.Role.DISTRIBUTOR, "H", true);
}
