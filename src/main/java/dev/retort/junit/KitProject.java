package dev.retort.junit;

import dev.retort.config.ConfigLoader;
import dev.retort.config.DatabaseUrl;
import dev.retort.config.RetortConfig;
import dev.retort.workspace.Reporter;
import dev.retort.workspace.Workspace;
import java.io.File;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;

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
    ConfigLoader loader = new ConfigLoader(Path.of("").toAbsolutePath(), environment());
    RetortConfig config = loader.load(configFile, Map.of());
    String testClasspath = testClasspath();
    if (config.entityClasspath().isEmpty()
        && config.entitySources().isEmpty()
        && testClasspath != null) {
      // The entities are on the test's own classpath: no need to ask the build tool for it.
      config = loader.load(configFile, Map.of("entities.classpath", testClasspath));
    }
    return Workspace.of(config.withDatabase(database), environment(), Reporter.SILENT);
  }

  /**
   * The classpath the tests run with: Surefire's (its JVM's own classpath is a manifest-only jar),
   * else the JVM's.
   */
  private static String testClasspath() {
    String surefire = System.getProperty("surefire.test.class.path");
    String classpath =
        surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
    if (classpath == null) {
      return null;
    }
    // The tests' own classes are not the application's: a test-only @Entity is no table to migrate.
    return Arrays.stream(classpath.split(File.pathSeparator))
        .filter(entry -> !Path.of(entry).endsWith("test-classes"))
        .collect(Collectors.joining(File.pathSeparator));
  }
}
