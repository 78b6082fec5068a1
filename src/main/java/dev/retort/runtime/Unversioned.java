package dev.retort.runtime;

import dev.retort.error.RetortException;
import dev.retort.operation.CreateTable;
import dev.retort.operation.DryRun;
import dev.retort.operation.Operation;
import dev.retort.postgres.Identifiers;
import dev.retort.revision.Direction;
import dev.retort.revision.MigrationPath;
import dev.retort.revision.MigrationScript;
import dev.retort.schema.QualifiedName;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * A database with tables but no Retort version table: built by another tool or by hand, to be
 * adopted with {@code stamp}, not rebuilt by the first migration.
 */
final class Unversioned {

  private final VersionTable versionTable;
  private final List<String> schemas;

  Unversioned(VersionTable versionTable, List<String> schemas) {
    this.versionTable = versionTable;
    this.schemas = List.copyOf(schemas);
  }

  /** The tables of the configured schemas when there is no version table; 0 when there is one. */
  int tables(Connection connection) throws SQLException {
    if (versionTable.exists(connection)) {
      return 0;
    }
    try (PreparedStatement statement =
        connection.prepareStatement(
            "SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                + " WHERE c.relkind IN ('r', 'p') AND NOT c.relispartition"
                + " AND n.nspname = ANY (?) AND c.relname <> ?")) {
      statement.setArray(1, connection.createArrayOf("text", schemas.toArray()));
      // A table lock's table may come before the version table: it is Retort's, not the app's.
      statement.setString(2, versionTable.lockName());
      try (ResultSet rs = statement.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    }
  }

  /**
   * Refuses, before anything runs, an upgrade of an unversioned database whose tables the first
   * migration would create again, pointing at {@code stamp}, rather than failing on "relation
   * already exists". A first migration that only changes existing tables (a brown-field diff) runs.
   */
  void refuseRebuilding(Connection connection, MigrationPath path) throws SQLException {
    if (path.direction() != Direction.UPGRADE || versionTable.exists(connection)) {
      return;
    }
    MigrationScript first = path.steps().get(0);
    for (Operation operation : DryRun.upgrade(MigrationRunner.instantiate(first)).operationList()) {
      if (operation instanceof CreateTable create && exists(connection, create.table().name())) {
        throw RetortException.revisionGraph(
            "the database has no Retort version table but already has table "
                + create.table().name()
                + ", which the first migration ("
                + first.id()
                + ") creates: it was built some other way ("
                + tables(connection)
                + " tables)",
            "adopt it: 'retort stamp --detect' finds the revision its schema matches; record it"
                + " with 'retort stamp REV', then upgrade from there");
      }
    }
  }

  private static boolean exists(Connection connection, QualifiedName table) throws SQLException {
    try (PreparedStatement statement =
        connection.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
      statement.setString(1, Identifiers.qualified(table));
      try (ResultSet rs = statement.executeQuery()) {
        rs.next();
        return rs.getBoolean(1);
      }
    }
  }
}
