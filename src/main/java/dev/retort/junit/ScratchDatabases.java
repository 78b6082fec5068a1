package dev.retort.junit;

import dev.retort.config.DatabaseUrl;
import dev.retort.connect.Connections;
import dev.retort.embedded.ScratchServer;
import dev.retort.postgres.Identifiers;
import dev.retort.shadow.ShadowServers;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where the kit's tests get empty databases: a server named by {@code RETORT_TEST_DATABASE_URL} (or
 * {@code -Dretort.test.database.url}; any database on it, with a role that may create databases: a
 * CI service container, a Testcontainers PostgreSQL), else one scratch server for the whole test
 * run: the embedded PostgreSQL, or the project's {@code shadow.image} container. Each test gets a
 * database of its own, dropped after it, so tests never see each other's rows.
 */
final class ScratchDatabases {

  static final String VARIABLE = "RETORT_TEST_DATABASE_URL";

  /** The system property that stands in for {@link #VARIABLE}. */
  static final String PROPERTY = "retort.test.database.url";

  private static final Pattern DATABASE =
      Pattern.compile("^(jdbc:postgresql://[^/?]*/)([^?]*)(.*)$");

  /** The scratch servers started, by image ("" for the embedded one): one each per test run. */
  private static final Map<String, ScratchServer> SERVERS = new HashMap<>();

  /** Which scratch server holds each database made on one. */
  private static final Map<String, ScratchServer> OWNERS = new HashMap<>();

  private ScratchDatabases() {}

  /** Whether the tests' databases come from an external server rather than a scratch one. */
  static boolean external(Map<String, String> environment) {
    String configured = environment.get(VARIABLE);
    return configured != null && !configured.isBlank();
  }

  /**
   * A new empty database.
   *
   * @param shadowImage the project's {@code shadow.image}, or null for the embedded server
   */
  static synchronized DatabaseUrl create(Map<String, String> environment, String shadowImage) {
    String name = "retort_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    String configured = environment.get(VARIABLE);
    if (configured == null || configured.isBlank()) {
      ScratchServer server = server(shadowImage);
      DatabaseUrl database = server.createDatabase(name);
      OWNERS.put(name, server);
      return database;
    }
    DatabaseUrl server = DatabaseUrl.parse(configured, null, null);
    execute(server, "CREATE DATABASE " + Identifiers.quote(name));
    return on(server, name);
  }

  private static ScratchServer server(String shadowImage) {
    String key = shadowImage == null ? "" : shadowImage;
    ScratchServer server = SERVERS.get(key);
    if (server == null) {
      server = ShadowServers.start(shadowImage);
      SERVERS.put(key, server);
    }
    return server;
  }

  /** Drops a database {@link #create} made. */
  static synchronized void drop(DatabaseUrl database, Map<String, String> environment) {
    String name = nameOf(database);
    ScratchServer owner = OWNERS.remove(name);
    if (owner != null) {
      owner.dropDatabase(name);
      return;
    }
    execute(
        DatabaseUrl.parse(environment.get(VARIABLE), null, null),
        "DROP DATABASE IF EXISTS " + Identifiers.quote(name) + " WITH (FORCE)");
  }

  private static void execute(DatabaseUrl server, String sql) {
    try (Connection connection = Connections.open(server);
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(
          VARIABLE
              + " ("
              + server.display()
              + "): "
              + Connections.firstLine(e)
              + " (the role needs CREATEDB: each test gets a database of its own)",
          e);
    }
  }

  private static DatabaseUrl on(DatabaseUrl server, String name) {
    Matcher matcher = DATABASE.matcher(server.jdbcUrl());
    if (!matcher.matches()) {
      throw new IllegalStateException(
          VARIABLE + " is not a PostgreSQL URL with a host: " + server.display());
    }
    return new DatabaseUrl(
        matcher.group(1) + name + matcher.group(3), server.user(), server.password());
  }

  private static String nameOf(DatabaseUrl database) {
    Matcher matcher = DATABASE.matcher(database.jdbcUrl());
    if (!matcher.matches()) {
      throw new IllegalStateException("not a scratch database: " + database.display());
    }
    return matcher.group(2);
  }
}
