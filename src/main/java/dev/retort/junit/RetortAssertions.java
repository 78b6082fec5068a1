package dev.retort.junit;

import dev.retort.compare.MigrationPlan;
import dev.retort.compare.PlannedChange;
import dev.retort.config.DatabaseUrl;
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
 * The migrations are applied to an empty database (an embedded PostgreSQL, or one on the server
 * {@code RETORT_TEST_DATABASE_URL} names) and compared with the entities, as {@code retort check}
 * does; the failure lists what a new migration would have to do.
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
    String server = KitProject.environment().get(ScratchDatabases.VARIABLE);
    if (server == null || server.isBlank()) {
      return KitProject.workspace(configFile, null).check();
    }
    DatabaseUrl database = ScratchDatabases.create(KitProject.environment());
    try {
      Workspace workspace = KitProject.workspace(configFile, database);
      workspace.upgrade("heads", true);
      return workspace.check();
    } finally {
      ScratchDatabases.drop(database, KitProject.environment());
    }
  }
}
