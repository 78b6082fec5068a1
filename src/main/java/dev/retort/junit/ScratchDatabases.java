package dev.retort.junit;

import dev.retort.config.DatabaseUrl;
import dev.retort.connect.Connections;
import dev.retort.embedded.EmbeddedServer;
import dev.retort.postgres.Identifiers;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where the kit's tests get empty databases: a server named by {@code RETORT_TEST_DATABASE_URL}
 * (any database on it, with a role that may create databases: a CI service container, a
 * Testcontainers PostgreSQL), else one embedded server for the whole test run. Each test gets a
 * database of its own, dropped after it, so tests never see each other's rows.
 */
final class ScratchDatabases {

  static final String VARIABLE = "RETORT_TEST_DATABASE_URL";

  private static final Pattern DATABASE =
      Pattern.compile("^(jdbc:postgresql://[^/?]*/)([^?]*)(.*)$");

  private static EmbeddedServer embedded;

  private ScratchDatabases() {}

  /** A new empty database. */
  static synchronized DatabaseUrl create(Map<String, String> environment) {
    String name = "retort_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    String configured = environment.get(VARIABLE);
    if (configured == null || configured.isBlank()) {
      if (embedded == null) {
        embedded = EmbeddedServer.start();
      }
      return embedded.createDatabase(name);
    }
    DatabaseUrl server = DatabaseUrl.parse(configured, null, null);
    execute(server, "CREATE DATABASE " + Identifiers.quote(name));
    return on(server, name);
  }

  /** Drops a database {@link #create} made. */
  static synchronized void drop(DatabaseUrl database, Map<String, String> environment) {
    String name = nameOf(database);
    String configured = environment.get(VARIABLE);
    if (configured == null || configured.isBlank()) {
      embedded.dropDatabase(name);
      return;
    }
    execute(
        DatabaseUrl.parse(configured, null, null),
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
