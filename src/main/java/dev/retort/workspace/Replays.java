package dev.retort.workspace;

import dev.retort.catalog.CatalogScope;
import dev.retort.config.RetortConfig;
import dev.retort.revision.RevisionGraph;
import dev.retort.runtime.MigrationRunner;
import dev.retort.runtime.RunListener;
import dev.retort.schema.QualifiedName;

/**
 * What every use case that reads catalogs or replays the migrations (compare, drift, the downgrade
 * test, the lock measurement) builds the same way from the configuration.
 */
final class Replays {

  private Replays() {}

  /** The tables compared: the configured schemas and patterns, Retort's bookkeeping left out. */
  static CatalogScope scope(RetortConfig config) {
    return CatalogScope.live(
        config.schemas(),
        config.bookkeepingTables().stream().map(QualifiedName::of).toList(),
        config.include(),
        config.exclude());
  }

  /** A runner for the configured version table and schemas. */
  static MigrationRunner runner(
      RetortConfig config, RevisionGraph graph, boolean createSchemas, RunListener listener) {
    return new MigrationRunner(
        graph,
        config.versionTable(),
        config.schemas(),
        config.lockTimeout(),
        createSchemas,
        listener);
  }
}
