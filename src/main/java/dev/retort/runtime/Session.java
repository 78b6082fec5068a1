package dev.retort.runtime;

import static dev.retort.postgres.Identifiers.quote;

import dev.retort.connect.SessionSettings;
import dev.retort.error.RetortException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A connection made ready for Retort's work: the settings that change how SQL parses pinned, the
 * configured schemas resolved against the catalog (a schema that does not exist is an error, not a
 * silent fall-back to {@code public} through the search path), the search path on them, and, where
 * the server can, dead clients noticed during long statements.
 *
 * @param serverMajor the server's major version
 * @param lockIdentity what identifies the version table whatever its spelling: database and schema
 *     object ids and the table name; the migration lock is keyed by it
 */
public record Session(int serverMajor, String lockIdentity) {

  /** How often the server checks that the client is still there during a long statement. */
  static final String CLIENT_CHECK_INTERVAL = "5s";

  /**
   * @param createSchemas create configured schemas that do not exist instead of refusing
   */
  static Session prepare(
      Connection connection,
      List<String> schemas,
      String versionTable,
      boolean createSchemas,
      RunListener listener)
      throws SQLException {
    SessionSettings.pin(connection);
    int major = connection.getMetaData().getDatabaseMajorVersion();
    Map<String, Long> oids = resolve(connection, schemas, createSchemas);
    List<String> path = new ArrayList<>(schemas);
    if (!path.contains("public") && oids.containsKey("public")) {
      path.add("public");
    }
    try (Statement statement = connection.createStatement()) {
      statement.execute(
          "SET search_path TO "
              + path.stream().map(s -> quote(s)).collect(Collectors.joining(", ")));
      if (major >= 14) {
        // A killed runner's statement would otherwise run on, holding its locks, until it ends.
        statement.execute("SET client_connection_check_interval = '" + CLIENT_CHECK_INTERVAL + "'");
      }
      String database;
      try (ResultSet rs =
          statement.executeQuery(
              "SELECT current_setting('server_encoding'),"
                  + " (SELECT oid FROM pg_catalog.pg_database WHERE datname = current_database())")) {
        rs.next();
        String encoding = rs.getString(1);
        database = rs.getString(2);
        if (!"UTF8".equalsIgnoreCase(encoding)) {
          listener.warning(
              "the database encoding is "
                  + encoding
                  + ", not UTF8: text outside "
                  + encoding
                  + " (emoji, most non-Latin scripts) cannot be stored");
        }
      }
      return new Session(major, database + ":" + oids.get(schemas.get(0)) + ":" + versionTable);
    }
  }

  /** The configured schemas' object ids (and public's), creating or refusing missing ones. */
  private static Map<String, Long> resolve(
      Connection connection, List<String> schemas, boolean create) throws SQLException {
    Map<String, Long> oids = oids(connection, schemas);
    List<String> missing = schemas.stream().filter(s -> !oids.containsKey(s)).toList();
    if (missing.isEmpty()) {
      return oids;
    }
    if (create) {
      try (Statement statement = connection.createStatement()) {
        for (String schema : missing) {
          statement.execute("CREATE SCHEMA IF NOT EXISTS " + quote(schema));
        }
      }
      return oids(connection, schemas);
    }
    String name = missing.get(0);
    String similar = similarSchema(connection, name);
    throw RetortException.invalidInput(
        "schema '"
            + name
            + "' does not exist in the database"
            + (similar == null ? "" : " (there is '" + similar + "': names are case-sensitive)"),
        similar != null
            ? "write schemas=" + similar + ", or create it: CREATE SCHEMA " + quote(name)
            : "fix schemas, create it (CREATE SCHEMA "
                + quote(name)
                + "), or set schemas.create=on to have Retort create it");
  }

  private static Map<String, Long> oids(Connection connection, List<String> schemas)
      throws SQLException {
    List<String> wanted = new ArrayList<>(schemas);
    wanted.add("public");
    Map<String, Long> oids = new LinkedHashMap<>();
    try (PreparedStatement statement =
        connection.prepareStatement(
            "SELECT nspname, oid FROM pg_catalog.pg_namespace WHERE nspname = ANY (?)")) {
      statement.setArray(1, connection.createArrayOf("text", wanted.toArray()));
      try (ResultSet rs = statement.executeQuery()) {
        while (rs.next()) {
          oids.put(rs.getString(1), rs.getLong(2));
        }
      }
    }
    return oids;
  }

  private static String similarSchema(Connection connection, String name) throws SQLException {
    try (PreparedStatement statement =
        connection.prepareStatement(
            "SELECT nspname FROM pg_catalog.pg_namespace WHERE lower(nspname) = lower(?)"
                + " ORDER BY nspname LIMIT 1")) {
      statement.setString(1, name);
      try (ResultSet rs = statement.executeQuery()) {
        return rs.next() ? rs.getString(1) : null;
      }
    }
  }
}
