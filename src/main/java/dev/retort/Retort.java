package dev.retort;

import dev.retort.error.ExitCode;
import dev.retort.error.RetortException;
import dev.retort.revision.ClasspathMigrations;
import dev.retort.revision.MigrationPath;
import dev.retort.revision.MigrationScript;
import dev.retort.revision.RevisionGraph;
import dev.retort.runtime.MigrationRunner;
import dev.retort.runtime.RunListener;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;

/**
 * Runs migrations compiled into an application, typically at start-up:
 *
 * <pre>{@code
 * Retort.upgrade(dataSource, "com.example.db.migrations");
 * // or, configured:
 * List<String> pending = Retort.migrationsIn("com.example.db.migrations").pending(dataSource);
 * }</pre>
 *
 * Concurrent instances (several application nodes starting together) are safe: a database advisory
 * lock makes them take turns, and each migration is applied once.
 */
public final class Retort {

  private final String packageName;
  private final ClassLoader classLoader;
  private final List<String> schemas;
  private final String versionTable;
  private final Duration lockTimeout;

  private Retort(
      String packageName,
      ClassLoader classLoader,
      List<String> schemas,
      String versionTable,
      Duration lockTimeout) {
    this.packageName = packageName;
    this.classLoader = classLoader;
    this.schemas = List.copyOf(schemas);
    this.versionTable = versionTable;
    this.lockTimeout = lockTimeout;
  }

  /** Migrations in a package (and its subpackages) of the application's classpath. */
  public static Retort migrationsIn(String packageName) {
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    return new Retort(
        packageName,
        loader == null ? Retort.class.getClassLoader() : loader,
        List.of("public"),
        "retort_version",
        Duration.ofSeconds(60));
  }

  /** Upgrades to the single head; returns the ids of the migrations applied. */
  public static List<String> upgrade(DataSource dataSource, String packageName) {
    return migrationsIn(packageName).upgrade(dataSource);
  }

  public Retort classLoader(ClassLoader value) {
    return new Retort(packageName, value, schemas, versionTable, lockTimeout);
  }

  /** The schemas migrations work on; the first is the default and holds the version table. */
  public Retort schemas(String... value) {
    return new Retort(packageName, classLoader, List.of(value), versionTable, lockTimeout);
  }

  public Retort versionTable(String value) {
    return new Retort(packageName, classLoader, schemas, value, lockTimeout);
  }

  public Retort lockTimeout(Duration value) {
    return new Retort(packageName, classLoader, schemas, versionTable, value);
  }

  /** The ids of the migrations {@link #upgrade} would apply, in order. */
  public List<String> pending(DataSource dataSource) {
    return withConnection(
        dataSource, (runner, connection) -> runner.pending(connection, "head").ids());
  }

  /** Applies all pending migrations up to the single head; returns their ids. */
  public List<String> upgrade(DataSource dataSource) {
    return withConnection(
        dataSource, (runner, connection) -> runner.upgrade(connection, "head").ids());
  }

  /**
   * Applies migrations up to {@code target} ({@code head}, {@code heads}, {@code +N}, a revision).
   */
  public MigrationPath upgradeTo(DataSource dataSource, String target) {
    return withConnection(dataSource, (runner, connection) -> runner.upgrade(connection, target));
  }

  private interface Work<T> {
    T run(MigrationRunner runner, Connection connection) throws SQLException;
  }

  private <T> T withConnection(DataSource dataSource, Work<T> work) {
    List<MigrationScript> scripts = ClasspathMigrations.load(classLoader, packageName);
    MigrationRunner runner =
        new MigrationRunner(
            new RevisionGraph(scripts), versionTable, schemas, lockTimeout, RunListener.SILENT);
    try (Connection connection = dataSource.getConnection()) {
      boolean autoCommit = connection.getAutoCommit();
      try {
        connection.setAutoCommit(true);
        return work.run(runner, connection);
      } finally {
        if (!connection.isClosed()) {
          connection.setAutoCommit(autoCommit);
        }
      }
    } catch (SQLException e) {
      throw new RetortException(
          ExitCode.DATABASE_UNAVAILABLE,
          "database error while migrating: " + e.getMessage(),
          "check the DataSource",
          e);
    }
  }
}
