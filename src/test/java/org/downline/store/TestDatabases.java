package org.downline.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestTemplateInvocationContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContextProvider;

/**
 * Fresh databases for tests: H2 in memory, and PostgreSQL on 127.0.0.1:5432 (user postgres, trust
 * auth), where each test creates its own database and drops it afterwards. CI starts the server.
 *
 * <p>A {@link BothDatabases} test runs on the kinds {@code downline.test.databases} names: the fast
 * tier ({@code ./mvnw test}) sets {@code h2}, the PostgreSQL tier (failsafe, in {@code verify}) sets
 * {@code postgresql}, so each invocation runs once per build; unset (an IDE), both run.
 */
public final class TestDatabases implements TestTemplateInvocationContextProvider {
  public static final String POSTGRES_SERVER =
      System.getProperty("downline.test.postgres", "jdbc:postgresql://127.0.0.1:5432/");
  static final String KINDS = System.getProperty("downline.test.databases", "h2,postgresql");

  public enum Kind { H2, POSTGRESQL }

  @Override
  public boolean supportsTestTemplate(ExtensionContext context) {
    return true;
  }

  @Override
  public Stream<TestTemplateInvocationContext> provideTestTemplateInvocationContexts(ExtensionContext context) {
    return kinds().stream().map(TestDatabases::invocation);
  }

  static List<Kind> kinds() {
    List<Kind> kinds = new ArrayList<>();
    for (String k : KINDS.split(",")) {
      if (k.isBlank()) continue;
      try {
        kinds.add(Kind.valueOf(k.trim().toUpperCase(Locale.ROOT)));
      } catch (IllegalArgumentException e) {
        throw new IllegalStateException("downline.test.databases: unknown kind '" + k.trim() + "' (h2, postgresql)", e);
      }
    }
    if (kinds.isEmpty()) throw new IllegalStateException("downline.test.databases names no database (h2, postgresql)");
    return kinds;
  }

  private static TestTemplateInvocationContext invocation(Kind kind) {
    return new TestTemplateInvocationContext() {
      @Override
      public String getDisplayName(int index) {
        return kind.name();
      }

      @Override
      public List<org.junit.jupiter.api.extension.Extension> getAdditionalExtensions() {
        return List.of(new Fresh(kind));
      }
    };
  }

  /** Opens a fresh, migrated database of the given kind; close it with {@link #drop}. */
  public static Database fresh(Kind kind) {
    String name = "downline_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    if (kind == Kind.H2) return Database.open("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
    try (Connection c = DriverManager.getConnection(POSTGRES_SERVER + "postgres", "postgres", "");
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("PostgreSQL is needed for the tests at " + POSTGRES_SERVER
          + " (start it: pg_ctlcluster <version> main start): " + e.getMessage(), e);
    }
    return Database.open(POSTGRES_SERVER + name + "?user=postgres");
  }

  public static void drop(Database db) {
    String url = db.url();
    if (url.startsWith("jdbc:h2:mem:")) {
      try (Connection c = db.connection(); Statement s = c.createStatement()) {
        s.execute("SHUTDOWN");
      } catch (SQLException ignored) {
        // already gone
      }
      db.close();
      return;
    }
    db.close();
    String name = url.substring(POSTGRES_SERVER.length(), url.indexOf('?'));
    try (Connection c = DriverManager.getConnection(POSTGRES_SERVER + "postgres", "postgres", "");
        Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    } catch (SQLException e) {
      throw new IllegalStateException("could not drop test database " + name + ": " + e.getMessage(), e);
    }
  }

  private static final class Fresh implements ParameterResolver, AfterEachCallback {
    private final Kind kind;
    private Database db;

    Fresh(Kind kind) {
      this.kind = kind;
    }

    @Override
    public boolean supportsParameter(ParameterContext p, ExtensionContext e) {
      return p.getParameter().getType() == Database.class;
    }

    @Override
    public Object resolveParameter(ParameterContext p, ExtensionContext e) {
      if (db == null) db = fresh(kind);
      return db;
    }

    @Override
    public void afterEach(ExtensionContext context) {
      if (db != null) drop(db);
      db = null;
    }
  }
}
