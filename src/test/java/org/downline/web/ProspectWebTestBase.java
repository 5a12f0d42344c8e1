package org.downline.web;

import org.downline.store.Database;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** One Spring context (MockMvc) over {@link ProspectTestData}, its own database, the day fixed at 2026-03-01. */
@SpringBootTest(classes = WebApp.class)
@AutoConfigureMockMvc
@Import(ProspectTestData.FixedClock.class)
abstract class ProspectWebTestBase {
  static final String URL = "jdbc:h2:mem:prospectweb;DB_CLOSE_DELAY=-1";
  static ProspectTestData.Ids ids;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    registry.add(WebApp.DB_URL, () -> {
      synchronized (ProspectWebTestBase.class) {
        if (ids == null) ids = ProspectTestData.load(Database.open(URL));
      }
      return URL;
    });
  }
}
