package dev.retort.catalog;

import dev.retort.error.RetortException;
import dev.retort.postgres.Identifiers;
import dev.retort.schema.Schema;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a PostgreSQL catalog into the schema model with plain JDBC, in a fixed number of bulk
 * queries whatever the number of tables ({@link PostgresCatalogViews}), and builds the model from
 * their rows ({@link CatalogAssembler}). The same reader reads the live database and the scratch
 * copy of the entity model, so both sides are spelled by PostgreSQL itself.
 *
 * <p>The caller sets the session's search path to the scope's schemas first (default first), so
 * that PostgreSQL prints names in them unqualified, as the model spells them.
 */
public final class CatalogReader implements CatalogSource {

  private final CatalogScope scope;

  public CatalogReader(CatalogScope scope) {
    this.scope = scope;
  }

  public CatalogScope scope() {
    return scope;
  }

  @Override
  public Schema read(Connection connection) {
    try {
      int major = connection.getMetaData().getDatabaseMajorVersion();
      requireSchemas(connection);
      CatalogRows rows = CatalogRows.read(connection, scope.databaseSchemas(), major);
      return new CatalogAssembler(scope).schema(rows);
    } catch (SQLException e) {
      throw new CatalogReadException("cannot read the catalog: " + e.getMessage(), e);
    } catch (RuntimeException e) {
      if (e instanceof CatalogReadException || e instanceof RetortException) {
        throw e;
      }
      throw new CatalogReadException("cannot read the catalog: " + e.getMessage(), e);
    }
  }

  /**
   * One cheap statement whose result changes whenever anything a read could return changes (see
   * {@link PostgresCatalogViews#fingerprint()}): equal fingerprints mean equal reads.
   */
  public static String fingerprint(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery(PostgresCatalogViews.fingerprint())) {
      rs.next();
      return rs.getString(1);
    }
  }

  private void requireSchemas(Connection connection) throws SQLException {
    List<String> missing = new ArrayList<>(scope.databaseSchemas());
    try (PreparedStatement statement =
        connection.prepareStatement(
            "SELECT nspname FROM pg_catalog.pg_namespace WHERE nspname = ANY (?)")) {
      statement.setArray(1, connection.createArrayOf("text", scope.databaseSchemas().toArray()));
      try (ResultSet rs = statement.executeQuery()) {
        while (rs.next()) {
          missing.remove(rs.getString(1));
        }
      }
    }
    if (!missing.isEmpty()) {
      String name = missing.get(0);
      throw RetortException.invalidInput(
          "schema " + name + " does not exist in the database",
          "create it (CREATE SCHEMA " + Identifiers.quote(name) + ") or remove it from schemas");
    }
  }
}
