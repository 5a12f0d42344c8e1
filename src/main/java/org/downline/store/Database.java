package org.downline.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * Where the company's data lives: an embedded H2 file under {@code ./data} by default, PostgreSQL in
 * production, chosen by JDBC URL. Opening migrates the schema to the current version, so a fresh
 * database needs nothing installed or prepared.
 */
public final class Database implements AutoCloseable {
  public static final String DEFAULT_URL = "jdbc:h2:file:./data/downline;AUTO_SERVER=TRUE";
  public static final String URL_ENV = "DOWNLINE_DB_URL";

  private final String url;
  private final HikariDataSource dataSource;

  private Database(String url, HikariDataSource dataSource) {
    this.url = url;
    this.dataSource = dataSource;
  }

  /** The URL to use when none is given: {@code $DOWNLINE_DB_URL}, else the embedded file database. */
  public static String defaultUrl() {
    String env = System.getenv(URL_ENV);
    return env == null || env.isBlank() ? DEFAULT_URL : env;
  }

  /** Connections a server may hold at once, unless {@code downline.db.pool-size} says otherwise. */
  public static final int POOL_SIZE = Integer.getInteger("downline.db.pool-size", 16);

  public static Database open(String url) {
    return open(url, POOL_SIZE);
  }

  public static Database open(String url, int poolSize) {
    String jdbcUrl = url;
    if (jdbcUrl.startsWith("jdbc:h2:file:")) {
      createParentDirectory(jdbcUrl.substring("jdbc:h2:file:".length()));
    }
    if (jdbcUrl.startsWith("jdbc:postgresql:") && !jdbcUrl.contains("reWriteBatchedInserts")) {
      // Turns batched inserts into multi-row statements: an order of magnitude faster imports.
      jdbcUrl += (jdbcUrl.contains("?") ? "&" : "?") + "reWriteBatchedInserts=true";
    }
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(jdbcUrl);
    if (jdbcUrl.startsWith("jdbc:postgresql:") && !jdbcUrl.contains("user=")) config.setUsername("postgres");
    config.setMaximumPoolSize(poolSize);
    config.setMinimumIdle(1);
    config.setPoolName("downline");
    config.setAutoCommit(true);
    for (int attempt = 0; ; attempt++) {
      HikariDataSource ds = null;
      try {
        ds = pool(config, jdbcUrl);
        // db/postgresql: what only PostgreSQL has (a run's lines partitioned by run, V240).
        String[] locations = jdbcUrl.startsWith("jdbc:postgresql:") ? new String[] {"classpath:db/migration", "classpath:db/postgresql"}
            : new String[] {"classpath:db/migration"};
        Flyway.configure().dataSource(ds).locations(locations).load().migrate();
        return new Database(url, ds);
      } catch (RuntimeException e) {
        if (ds != null) ds.close();
        // The process serving a shared H2 file may exit while this one connects to it or checks the
        // schema; opening again finds the file free (or a new server). Migrations are transactional.
        if (!jdbcUrl.contains("AUTO_SERVER=TRUE") || attempt >= 10 || !serverWentAway(e)) throw e;
        pause(100L + 100L * attempt, e);
      }
    }
  }

  private static boolean serverWentAway(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      String m = String.valueOf(t.getMessage());
      if (m.contains("90121") || m.contains("90067") || m.contains("Database is already closed")
          || m.contains("Connection refused") || m.contains("Connection is broken")) return true;
    }
    return false;
  }

  /**
   * Opens the pool. Two processes opening one embedded H2 file at the same moment race to become its
   * server ({@code AUTO_SERVER}); the loser is told the file is in use and, a moment later, finds the
   * winner's server: so that case is tried again for a few seconds.
   */
  private static HikariDataSource pool(HikariConfig config, String jdbcUrl) {
    for (int attempt = 0; ; attempt++) {
      try {
        return new HikariDataSource(config);
      } catch (RuntimeException e) {
        // 90020: the file is open in another process; "Lock file recently modified": another process is
        // taking it this very moment (both the same race, seen when two commands start together).
        String m = String.valueOf(e.getMessage());
        boolean inUse = jdbcUrl.startsWith("jdbc:h2:file:") && (m.contains("90020") || m.contains("Lock file recently modified"));
        if (inUse && (!jdbcUrl.contains("AUTO_SERVER=TRUE") || attempt >= 20)) {
          // Not a bug: another process holds the file. Say so, and how processes can share it.
          throw new org.downline.core.ConflictException("the database file is in use by another process (a running"
              + " downline serve?); add ;AUTO_SERVER=TRUE to the URL (the default URL has it) so processes can share it,"
              + " or stop the other process");
        }
        if (!inUse) throw e;
        pause(100L + 50L * attempt, e);
      }
    }
  }

  private static void pause(long millis, RuntimeException cause) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      throw cause;
    }
  }

  private static void createParentDirectory(String h2Path) {
    String file = h2Path.split(";", 2)[0];
    Path parent = Path.of(file).toAbsolutePath().getParent();
    try {
      if (parent != null) Files.createDirectories(parent);
    } catch (java.io.IOException e) {
      throw org.downline.core.InvalidInputException.parameter("database", "cannot create database directory " + parent + ": " + e.getMessage());
    }
  }

  public String url() {
    return url;
  }

  public boolean isPostgres() {
    return url.startsWith("jdbc:postgresql:");
  }

  /**
   * The members the embedded database is sized for (ADR 45): its imports grow with every index entry
   * H2 writes and commits, about 60 s for a company of this size on two cores and minutes for a
   * million, where PostgreSQL takes seconds. {@code downline.embedded-members} sets another size
   * (a faster machine's).
   */
  public static final long EMBEDDED_MEMBERS = 250_000;

  /**
   * What to tell the person before storing a company of {@code members} here, or null when the
   * database is sized for it (PostgreSQL always is).
   */
  public String sizeNote(long members) {
    long sized = Long.getLong("downline.embedded-members", EMBEDDED_MEMBERS);
    if (isPostgres() || members <= sized) return null;
    return String.format(java.util.Locale.ROOT, "The embedded database is sized for companies of up to %,d members;"
        + " this one has %,d, so storing it here takes minutes where PostgreSQL takes seconds."
        + " To move the company: downline copy --to jdbc:postgresql://HOST:5432/NAME (docs/data.md, \"Moving to PostgreSQL\").",
        sized, members);
  }

  /**
   * The versions of the migrations applied to this database that every database has
   * ({@code db/migration}), oldest first; PostgreSQL's own ({@code db/postgresql}) are left out. Two
   * databases with the same list have the same tables and columns, whatever their kind.
   */
  public java.util.List<String> sharedMigrations() {
    java.util.List<String> versions = new java.util.ArrayList<>();
    try (Connection c = connection(); var s = c.createStatement();
        // Flyway's own names, quoted: H2 would read them in upper case.
        var rs = s.executeQuery("SELECT \"version\", \"script\" FROM \"flyway_schema_history\" WHERE \"success\""
            + " AND \"version\" IS NOT NULL ORDER BY \"installed_rank\"")) {
      while (rs.next()) {
        if (Database.class.getClassLoader().getResource("db/postgresql/" + rs.getString(2)) == null) versions.add(rs.getString(1));
      }
      return versions;
    } catch (SQLException e) {
      throw new StoreException(e);
    }
  }

  public DataSource dataSource() {
    return dataSource;
  }

  public Connection connection() throws SQLException {
    return dataSource.getConnection();
  }

  /** Work that runs inside one transaction: committed when it returns, rolled back when it throws. */
  @FunctionalInterface
  public interface TransactionWork<T> {
    T run(Connection c) throws SQLException;
  }

  public <T> T inTransaction(TransactionWork<T> work) {
    for (int attempt = 0; ; attempt++) {
      try {
        return once(work);
      } catch (StoreException e) {
        // A shared H2 file's server may exit while this process waits between its statements; the
        // transaction was cut off, not committed, so it runs again on a new connection (a new server).
        boolean shared = url.startsWith("jdbc:h2:file:") && url.contains("AUTO_SERVER=TRUE");
        if (!shared || attempt >= 3 || !serverWentAway(e)) throw e;
        pause(600L, e); // past the pool's 500 ms without a liveness check, so the broken connection is dropped
      }
    }
  }

  private <T> T once(TransactionWork<T> work) {
    // The pool puts auto-commit back when the connection returns; a failed rollback is kept as
    // suppressed so it never hides the error that caused it.
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try {
        T result = work.run(c);
        c.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        try {
          c.rollback();
        } catch (SQLException rollback) {
          e.addSuppressed(rollback);
        }
        throw e;
      }
    } catch (SQLException e) {
      throw new StoreException(e);
    }
  }

  @Override
  public void close() {
    if (url.startsWith("jdbc:h2:file:") && url.contains("AUTO_SERVER=TRUE")) waitForOtherProcesses();
    dataSource.close();
  }

  /**
   * The first process to open an embedded file serves it to the others; when it exits, any
   * transaction another process has open on it is cut off. So before closing, the server waits
   * (ten minutes at most) until no other process's session holds uncommitted work, is running a
   * statement or was busy a moment ago. A process that is itself a client (its own session came over TCP) has nothing to wait for.
   */
  private void waitForOtherProcesses() {
    long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.MINUTES.toNanos(10);
    String busy = "SELECT COUNT(*) FROM INFORMATION_SCHEMA.SESSIONS WHERE SERVER IS NOT NULL"
        + " AND (CONTAINS_UNCOMMITTED OR SESSION_STATE IN ('RUNNING', 'BLOCKED')"
        // Between the statements of a job, or the fetches of a long read, a session sleeps briefly;
        // one just connected has run nothing yet. A pool's idle sessions have slept for longer.
        + " OR SLEEP_SINCE > DATEADD(SECOND, -2, CURRENT_TIMESTAMP)"
        + " OR (SESSION_STATE = 'INIT' AND SESSION_START > DATEADD(SECOND, -10, CURRENT_TIMESTAMP)))"
        + " AND NOT EXISTS (SELECT 1 FROM INFORMATION_SCHEMA.SESSIONS WHERE SESSION_ID = SESSION_ID() AND SERVER IS NOT NULL)";
    try (Connection c = dataSource.getConnection(); var s = c.createStatement()) {
      while (System.nanoTime() < deadline) {
        try (var rs = s.executeQuery(busy)) {
          if (!rs.next() || rs.getLong(1) == 0) return;
        }
        Thread.sleep(50);
      }
    } catch (SQLException e) {
      // The server has already gone (this process was its client): closing is all that is left.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
