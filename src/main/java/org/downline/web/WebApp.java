package org.downline.web;

import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.downline.store.Database;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * The web app: company console, distributor back office and the HTTP API over one {@link Database}
 * (opened, and so migrated, from {@code downline.db.url}). No JPA: pages query with JdbcClient where
 * SQL is natural and use the in-memory network ({@link CompanyData}) for tree work.
 */
@SpringBootApplication
public class WebApp {
  public static final String DB_URL = "downline.db.url";

  @Bean(destroyMethod = "close")
  Database database(@Value("${" + DB_URL + "}") String url) {
    return Database.open(url);
  }

  // Not closed as a bean of its own (Spring would infer close() on the pool): the Database owns it and
  // closes it after every bean that uses the Database, the change listener among them.
  @Bean(destroyMethod = "")
  DataSource dataSource(Database database) {
    return database.dataSource();
  }

  /** Starts the server on {@code port} (0 for any free port) over the database at {@code dbUrl}. */
  public static ConfigurableApplicationContext start(String dbUrl, int port, String... extraArgs) {
    SpringApplication app = new SpringApplication(WebApp.class);
    Map<String, Object> defaults = new HashMap<>();
    defaults.put(DB_URL, dbUrl);
    defaults.put("server.port", port);
    app.setDefaultProperties(defaults);
    return app.run(extraArgs);
  }
}
