package dev.retort.workspace;

import dev.retort.compare.OtherToolsTables;
import dev.retort.config.RetortConfig;
import dev.retort.connect.ConnectionSource;
import dev.retort.connect.Connections;
import dev.retort.error.ExitCode;
import dev.retort.error.RetortException;
import dev.retort.revision.RevisionGraph;
import dev.retort.schema.Schema;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * The configured database's catalog, read without writing anything (no schema is created, so a
 * read-only role will do), for the use cases that adopt a database built some other way.
 *
 * @param schema what Retort compares in it
 * @param serverMajor its PostgreSQL major version
 */
record LiveCatalog(Schema schema, int serverMajor) {

  static LiveCatalog read(
      RetortConfig config,
      RevisionGraph graph,
      Stages stages,
      Reporter reporter,
      ConnectionSource database) {
    try (Connection connection = database.open()) {
      Replays.runner(config, graph, false, reporter.embedded()).prepare(connection);
      return new LiveCatalog(
          stages.catalog(Replays.scope(config)).read(connection),
          connection.getMetaData().getDatabaseMajorVersion());
    } catch (SQLException e) {
      throw new RetortException(
          ExitCode.DATABASE_UNAVAILABLE,
          "database error while reading it: " + Connections.firstLine(e),
          "check the connection to " + database.describe(),
          e);
    }
  }

  /** The catalog without the tables other tools keep (Flyway's history, Liquibase's log). */
  Schema withoutOtherTools(Schema compared, RetortConfig config) {
    return OtherToolsTables.leaveOut(schema, compared, Replays.scope(config)::isNamedByInclude)
        .live();
  }
}
