package dev.retort.testing;

import dev.retort.config.DatabaseUrl;
import dev.retort.connect.Connections;
import dev.retort.embedded.EmbeddedServer;
import dev.retort.postgres.Identifiers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The PostgreSQL server tests use: one embedded server per JVM, started on first use, or the server
 * named by {@code RETORT_TEST_DATABASE_URL} (a database URL whose user may create databases). Each
 * test gets its own database, so tests never see each other's objects.
 */
public final class TestServer {

  private static final AtomicInteger COUNTER = new AtomicInteger();
  private static volatile TestServer instance;

  private final EmbeddedServer embedded;
  private final DatabaseUrl maintenance;

  private TestServer(EmbeddedServer embedded, DatabaseUrl maintenance) {
    this.embedded = embedded;
    this.maintenance = maintenance;
  }

  public static TestServer get() {
    if (instance == null) {
      synchronized (TestServer.class) {
        if (instance == null) {
          instance = start();
        }
      }
    }
    return instance;
  }

  private static TestServer start() {
    String external = System.getenv("RETORT_TEST_DATABASE_URL");
    if (external != null && !external.isBlank()) {
      return new TestServer(null, DatabaseUrl.parse(external, null, null));
    }
    EmbeddedServer server = EmbeddedServer.start();
    Runtime.getRuntime().addShutdownHook(new Thread(server::close, "embedded-postgres-stop"));
    return new TestServer(server, server.url("postgres"));
  }

  public TestDatabase createDatabase() {
    String name = "retort_test_" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
    execute("CREATE DATABASE " + Identifiers.quote(name) + " TEMPLATE template0 ENCODING 'UTF8'");
    String jdbc = maintenance.jdbcUrl().replaceFirst("/[^/?]*(\\?|$)", "/" + name + "$1");
    return new TestDatabase(
        name, new DatabaseUrl(jdbc, maintenance.user(), maintenance.password()));
  }

  /**
   * A new database made from {@code source} as a template: the same catalog rows, byte for byte.
   */
  public TestDatabase copyOf(TestDatabase source) {
    String name = source.name() + "_copy";
    execute(
        "CREATE DATABASE "
            + Identifiers.quote(name)
            + " TEMPLATE "
            + Identifiers.quote(source.name()));
    String jdbc = maintenance.jdbcUrl().replaceFirst("/[^/?]*(\\?|$)", "/" + name + "$1");
    return new TestDatabase(
        name, new DatabaseUrl(jdbc, maintenance.user(), maintenance.password()));
  }

  public void dropDatabase(TestDatabase database) {
    try {
      execute("DROP DATABASE IF EXISTS " + Identifiers.quote(database.name()) + " WITH (FORCE)");
    } catch (IllegalStateException e) {
      // PostgreSQL 12 has no FORCE; by now the test's connections are closed anyway.
      execute("DROP DATABASE IF EXISTS " + Identifiers.quote(database.name()));
    }
  }

  /**
   * A role that must log in with a password over TCP, for testing refused logins; null on an
   * external server (whose authentication this test suite does not control).
   */
  public synchronized DatabaseUrl passwordProtectedLogin(TestDatabase database, String password) {
    if (embedded == null) {
      return null;
    }
    String role = "retort_pw";
    try (Connection connection = Connections.open(maintenance);
        Statement statement = connection.createStatement()) {
      try (ResultSet rs =
          statement.executeQuery("SELECT count(*) FROM pg_roles WHERE rolname = '" + role + "'")) {
        rs.next();
        if (rs.getInt(1) == 0) {
          // PostgreSQL 12 and 13 still store md5 by default, which a scram-sha-256 rule refuses.
          statement.execute("SET password_encryption = 'scram-sha-256'");
          statement.execute("CREATE ROLE " + role + " LOGIN PASSWORD '" + password + "'");
          String hbaFile;
          try (ResultSet hba = statement.executeQuery("SHOW hba_file")) {
            hba.next();
            hbaFile = hba.getString(1);
          }
          Path path = Path.of(hbaFile);
          String rules = Files.readString(path);
          Files.writeString(
              path,
              "host all "
                  + role
                  + " 127.0.0.1/32 scram-sha-256\nhost all "
                  + role
                  + " ::1/128 scram-sha-256\n"
                  + rules);
          statement.execute("SELECT pg_reload_conf()");
        }
      }
    } catch (SQLException | IOException e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
    return new DatabaseUrl(database.url().jdbcUrl(), role, password);
  }

  /** The server's major version, e.g. 17. */
  public int majorVersion() {
    try (Connection connection = Connections.open(maintenance)) {
      return connection.getMetaData().getDatabaseMajorVersion();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private void execute(String sql) {
    try (Connection connection = Connections.open(maintenance);
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
  }
}
