package dev.retort.junit;

import dev.retort.config.ConfigLoader;
import dev.retort.config.DatabaseUrl;
import dev.retort.config.RetortConfig;
import dev.retort.shadow.ShadowServers;
import dev.retort.workspace.Reporter;
import dev.retort.workspace.Workspace;
import java.io.File;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.opentest4j.TestAbortedException;

/**
 * The project a test runs in: its {@code retort.properties} (in the working directory, where Maven
 * runs tests, unless named), with the database always the test's own. A developer's {@code url} and
 * the application's datasource are never used: tests must not touch a real database.
 */
final class KitProject {

  private KitProject() {}

  /**
   * The environment, with {@code -Dretort.test.database.url} (a Surefire {@code
   * systemPropertyVariables} entry, or a test that starts its own server) standing in for {@code
   * RETORT_TEST_DATABASE_URL} and winning over it.
   */
  static Map<String, String> environment() {
    String property = System.getProperty(ScratchDatabases.PROPERTY);
    if (property == null || property.isBlank()) {
      return System.getenv();
    }
    Map<String, String> environment = new HashMap<>(System.getenv());
    environment.put(ScratchDatabases.VARIABLE, property);
    return environment;
  }

  /** The project's settings, without a database yet. */
  static RetortConfig config(Path configFile) {
    ConfigLoader loader = new ConfigLoader(Path.of("").toAbsolutePath(), environment());
    RetortConfig config = loader.load(configFile, Map.of());
    String testClasspath = testClasspath();
    if (config.entityClasspath().isEmpty()
        && config.entitySources().isEmpty()
        && testClasspath != null) {
      // The entities are on the test's own classpath: no need to ask the build tool for it.
      config = loader.load(configFile, Map.of("entities.classpath", testClasspath));
    }
    return config;
  }

  /**
   * A new empty database for a test: on the external server, or on the scratch server of the
   * project's {@code shadow.image} (the test is skipped when that cannot run here).
   */
  static DatabaseUrl scratchDatabase(RetortConfig config) {
    return skippedWithoutContainers(
        () -> ScratchDatabases.create(environment(), config.shadowImage()));
  }

  /**
   * Runs {@code work}; when it needs the {@code shadow.image} container and there is no Docker
   * engine (or no Testcontainers), skips the test with the reason, as Testcontainers' own JUnit
   * support does: the project asked for a server this machine cannot run.
   */
  static <T> T skippedWithoutContainers(Supplier<T> work) {
    try {
      return work.get();
    } catch (ShadowServers.Unavailable e) {
      throw new TestAbortedException("no Docker engine: " + e.oneLine(), e);
    }
  }

  /** The workspace over {@code database}, or over none (the scratch server) when null. */
  static Workspace workspace(RetortConfig config, DatabaseUrl database) {
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
