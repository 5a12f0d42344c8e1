package org.downline.web;

import org.downline.store.Database;
import org.downline.store.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The web app over a PostgreSQL database of the test class's own, loaded with {@link TestCompany},
 * made on first use and dropped after the class (the app's context, and with it its pool, is closed
 * first).
 */
@Tag("postgres") // the PostgreSQL tier: failsafe in `verify`, never `./mvnw test`
@SpringBootTest(classes = WebApp.class)
@AutoConfigureMockMvc
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
abstract class PostgresWebTest {
  static Database db;

  @Autowired MockMvc mvc;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    registry.add(WebApp.DB_URL, () -> {
      synchronized (PostgresWebTest.class) {
        if (db == null) {
          db = TestDatabases.fresh(TestDatabases.Kind.POSTGRESQL);
          TestCompany.load(db);
        }
      }
      return db.url();
    });
  }

  @AfterAll
  static void drop() {
    if (db != null) TestDatabases.drop(db); // FORCE: the app's own pool is closed with its context
    db = null;
  }
}
