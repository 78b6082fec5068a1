package dev.retort.canonical;

import dev.retort.postgres.Identifiers;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The extensions of the database the entity DDL runs in: which are installed (and in which schema),
 * which the server could install, and installing one inside the scratch transaction, so that a type
 * such as {@code citext} resolves there as it does in the live database. Whatever is created here
 * is rolled back with the scratch schemas.
 */
final class ScratchExtensions {

  private ScratchExtensions() {}

  /** The installed extensions and the schema each lives in, by name. */
  static Map<String, String> installed(Connection connection) throws SQLException {
    Map<String, String> installed = new TreeMap<>();
    try (Statement statement = connection.createStatement();
        ResultSet rows =
            statement.executeQuery(
                "SELECT e.extname, n.nspname FROM pg_catalog.pg_extension e"
                    + " JOIN pg_catalog.pg_namespace n ON n.oid = e.extnamespace")) {
      while (rows.next()) {
        installed.put(rows.getString(1), rows.getString(2));
      }
    }
    return installed;
  }

  /** Whether the server has the extension's files, so that CREATE EXTENSION can install it. */
  static boolean available(Connection connection, String extension) throws SQLException {
    try (PreparedStatement statement =
        connection.prepareStatement(
            "SELECT 1 FROM pg_catalog.pg_available_extensions WHERE name = ?")) {
      statement.setString(1, extension);
      try (ResultSet rows = statement.executeQuery()) {
        return rows.next();
      }
    }
  }

  /**
   * Installs the extension in {@code schema} (created first when it does not exist), with what it
   * requires ({@code CASCADE}).
   */
  static void create(Connection connection, String extension, String schema) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute("CREATE SCHEMA IF NOT EXISTS " + Identifiers.quote(schema));
      statement.execute(
          "CREATE EXTENSION IF NOT EXISTS "
              + Identifiers.quote(extension)
              + " SCHEMA "
              + Identifiers.quote(schema)
              + " CASCADE");
    }
  }

  /**
   * The search path of the scratch transaction: the scratch schemas first (unqualified names in the
   * DDL land there), then {@code public}.
   *
   * @param extensionSchemas whether the schemas of the installed extensions follow, where the types
   *     the DDL names without a schema ({@code citext}, {@code geometry}) are found, as the
   *     application's own search path finds them. Only while the DDL runs: the catalog is read with
   *     the path the live database is read with, since it changes how expressions are printed.
   */
  static void setSearchPath(
      Connection connection, List<String> scratchSchemas, boolean extensionSchemas)
      throws SQLException {
    List<String> path = new ArrayList<>(scratchSchemas);
    path.add("public");
    if (extensionSchemas) {
      for (String schema : installed(connection).values()) {
        if (!path.contains(schema) && !schema.equals("pg_catalog")) {
          path.add(schema);
        }
      }
    }
    try (Statement statement = connection.createStatement()) {
      statement.execute(
          "SET LOCAL search_path TO "
              + String.join(", ", path.stream().map(Identifiers::quote).toList()));
    }
  }
}
