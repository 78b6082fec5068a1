package dev.retort.junit;

import dev.retort.config.ConfigLoader;
import dev.retort.config.DatabaseUrl;
import dev.retort.config.RetortConfig;
import dev.retort.workspace.Reporter;
import dev.retort.workspace.Workspace;
import java.nio.file.Path;
import java.util.Map;

/**
 * The project a test runs in: its {@code retort.properties} (in the working directory, where Maven
 * runs tests, unless named), with the database always the test's own. A developer's {@code url} and
 * the application's datasource are never used: tests must not touch a real database.
 */
final class KitProject {

  private KitProject() {}

  static Map<String, String> environment() {
    return System.getenv();
  }

  /** The workspace over {@code database}, or over none (an embedded server) when null. */
  static Workspace workspace(Path configFile, DatabaseUrl database) {
    RetortConfig config =
        new ConfigLoader(Path.of("").toAbsolutePath(), environment()).load(configFile, Map.of());
    return Workspace.of(config.withDatabase(database), environment(), Reporter.SILENT);
  }
}
