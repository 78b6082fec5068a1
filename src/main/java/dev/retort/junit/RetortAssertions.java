package dev.retort.junit;

import dev.retort.compare.MigrationPlan;
import dev.retort.compare.PlannedChange;
import dev.retort.config.DatabaseUrl;
import dev.retort.config.RetortConfig;
import dev.retort.error.RetortException;
import dev.retort.workspace.Workspace;
import java.nio.file.Path;
import java.util.stream.Collectors;
import org.opentest4j.AssertionFailedError;

/**
 * Assertions that make {@code mvn test} fail when the migrations and the entities disagree:
 *
 * <pre>{@code
 * @Test
 * void migrationsMatchEntities() {
 *   RetortAssertions.assertMigrationsMatchEntities();
 * }
 * }</pre>
 *
 * The migrations are applied to an empty database (an embedded PostgreSQL, the project's {@code
 * shadow.image} container, or one on the server {@code RETORT_TEST_DATABASE_URL} names) and
 * compared with the entities, as {@code retort check} does; the failure lists what a new migration
 * would have to do. With {@code shadow.image} set and no Docker engine, the test is skipped, with
 * the reason.
 */
public final class RetortAssertions {

  private RetortAssertions() {}

  /** With the project's {@code retort.properties} (the working directory's). */
  public static void assertMigrationsMatchEntities() {
    assertMigrationsMatchEntities(null);
  }

  /** With the given configuration file. */
  public static void assertMigrationsMatchEntities(Path configFile) {
    MigrationPlan plan;
    try {
      plan = differences(configFile);
    } catch (RetortException e) {
      throw new AssertionFailedError("Retort could not compare: " + e.oneLine(), e);
    }
    if (!plan.isEmpty()) {
      throw new AssertionFailedError(
          "the migrations do not build what the entities map: "
              + plan.changes().size()
              + " difference(s)\n"
              + plan.changes().stream()
                  .map(PlannedChange::summary)
                  .map(summary -> "  - " + summary)
                  .collect(Collectors.joining("\n"))
              + "\nwrite the migration: retort revision --autogenerate -m \"...\"");
    }
  }

  private static MigrationPlan differences(Path configFile) {
    RetortConfig config = KitProject.config(configFile);
    if (!ScratchDatabases.external(KitProject.environment())) {
      return KitProject.skippedWithoutContainers(() -> KitProject.workspace(config, null).check());
    }
    DatabaseUrl database = KitProject.scratchDatabase(config);
    try {
      Workspace workspace = KitProject.workspace(config, database);
      workspace.upgrade("heads", true);
      return workspace.check();
    } finally {
      ScratchDatabases.drop(database, KitProject.environment());
    }
  }
}
