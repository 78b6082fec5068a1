package dev.retort;

import dev.retort.config.RetortConfig;
import dev.retort.connect.DataSourceConnections;
import dev.retort.revision.ClasspathMigrations;
import dev.retort.timing.PhaseTimer;
import dev.retort.workspace.Reporter;
import dev.retort.workspace.Stages;
import dev.retort.workspace.Workspace;
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
 * lock makes them take turns, and each migration is applied once. Failures are {@link
 * dev.retort.error.RetortException}s with a one-line message and an exit code. The production guard
 * of the command line does not apply here: an application that runs its own migrations has decided
 * to.
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

  /**
   * Where a database stands, read without changing it (for health checks).
   *
   * @param current the revisions it records
   * @param heads the migrations' heads
   * @param pending what {@link #upgrade} would apply, in order
   * @param partial migrations that stopped partway (not transactional)
   * @param edited why an applied migration no longer matches what was applied, or null
   * @param unknown recorded revisions these migrations do not define: the database is ahead of this
   *     application (a newer version deployed, or this one rolled back)
   */
  public record Status(
      List<String> current,
      List<String> heads,
      List<String> pending,
      List<String> partial,
      String edited,
      List<String> unknown) {

    /** At the head with nothing pending, nothing partway, nothing edited and nothing unknown. */
    public boolean upToDate() {
      return pending.isEmpty() && partial.isEmpty() && edited == null && unknown.isEmpty();
    }
  }

  /** See {@link Status}. */
  public Status status(DataSource dataSource) {
    Workspace.Status status = workspace(dataSource).status();
    return new Status(
        status.current(),
        status.heads(),
        status.pending(),
        status.partial(),
        status.edited(),
        status.unknown());
  }

  /** Whether the package holds any migration (a probe for defaults, e.g. {@code db.migration}). */
  public boolean hasMigrations() {
    return !new ClasspathMigrations(classLoader, packageName).load().isEmpty();
  }

  /** The ids of the migrations {@link #upgrade} would apply, in order. */
  public List<String> pending(DataSource dataSource) {
    return workspace(dataSource).pending("head").ids();
  }

  /** Applies all pending migrations up to the single head; returns their ids. */
  public List<String> upgrade(DataSource dataSource) {
    return upgradeTo(dataSource, "head");
  }

  /**
   * Applies migrations up to {@code target} ({@code head}, {@code heads}, {@code +N}, a revision);
   * returns the ids of the migrations applied.
   */
  public List<String> upgradeTo(DataSource dataSource, String target) {
    return workspace(dataSource).upgrade(target, true).ids();
  }

  private Workspace workspace(DataSource dataSource) {
    return new Workspace(
        RetortConfig.forApplication(schemas, versionTable, lockTimeout),
        System.getenv(),
        new ClasspathMigrations(classLoader, packageName),
        new DataSourceConnections(dataSource),
        Stages.uncached(new PhaseTimer()),
        Reporter.SILENT);
  }
}
