package dev.retort.config;

import static dev.retort.error.RetortException.invalidInput;

import dev.retort.discovery.ApplicationSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Everything a command needs to know, resolved from flags, environment and {@code
 * retort.properties} (in that order of precedence). Paths are absolute.
 *
 * @param database null when no database is configured (commands that can, use the embedded one)
 * @param databaseSource which setting named the database ("DATABASE_URL"), for messages
 * @param schemas the schemas to compare; the first is the default schema
 * @param createSchemas whether configured schemas that do not exist are created
 * @param entityClasspath empty when not configured (a Maven project's classpath is then derived)
 * @param entitySources directories of entity sources to compile, an alternative to a classpath
 * @param hibernate settings passed to Hibernate, keys with their {@code hibernate.} prefix
 * @param cache whether Retort's caches are used (they only ever save time)
 * @param lintTargetVersion the PostgreSQL major lint checks for, or null for the server's
 * @param application what the application's own settings files say (Spring Boot, Quarkus)
 * @param modes how runners are kept apart and statements committed
 * @param tenants the fleet {@code --tenants} works on (empty when none is configured)
 * @param shadowImage the Docker image of the scratch server ({@code shadow.image}), or null for the
 *     embedded one
 */
public record RetortConfig(
    Path baseDir,
    Path configFile,
    DatabaseUrl database,
    String databaseSource,
    List<String> schemas,
    boolean createSchemas,
    List<String> entityPackages,
    List<Path> entityClasspath,
    List<Path> entitySources,
    Map<String, String> hibernate,
    Path migrationsDir,
    String migrationsPackage,
    String versionTable,
    List<String> include,
    List<String> exclude,
    Production production,
    Duration lockTimeout,
    boolean cache,
    Safety safety,
    Integer lintTargetVersion,
    ApplicationSettings application,
    RunModes modes,
    TenantGroup tenants,
    String shadowImage) {

  public RetortConfig {
    schemas = List.copyOf(schemas);
    entityPackages = List.copyOf(entityPackages);
    entityClasspath = List.copyOf(entityClasspath);
    entitySources = List.copyOf(entitySources);
    hibernate = Map.copyOf(hibernate);
    include = List.copyOf(include);
    exclude = List.copyOf(exclude);
  }

  /**
   * The settings of an application that runs its compiled migrations itself (the start-up API): no
   * configuration file, no entities, no database URL (the application brings its DataSource).
   */
  public static RetortConfig forApplication(
      List<String> schemas, String versionTable, Duration lockTimeout) {
    Path here = Path.of("").toAbsolutePath();
    return new RetortConfig(
        here,
        null,
        null,
        null,
        schemas,
        false,
        List.of(),
        List.of(),
        List.of(),
        Map.of(),
        here,
        "",
        versionTable,
        List.of(),
        List.of(),
        Production.NONE,
        lockTimeout,
        false,
        Safety.DEFAULTS,
        null,
        ApplicationSettings.NONE,
        RunModes.DEFAULTS,
        TenantGroup.NONE,
        null);
  }

  public String defaultSchema() {
    return schemas.get(0);
  }

  /** The version table's history companion. */
  public String historyTable() {
    return versionTable + "_history";
  }

  /** The tables Retort keeps its bookkeeping in: never compared, never planned. */
  public List<String> bookkeepingTables() {
    return List.of(versionTable, historyTable(), versionTable + "_partial", lockTable());
  }

  /** The table of {@code lock.mode=table}'s lock rows. */
  public String lockTable() {
    return versionTable + "_lock";
  }

  public DatabaseUrl requireDatabase() {
    if (database == null) {
      throw invalidInput(
          "no database is configured",
          "set url in retort.properties, pass --url, or set DATABASE_URL or PGHOST/PGDATABASE");
    }
    return database;
  }

  public List<String> requireEntityPackages() {
    if (entityPackages.isEmpty()) {
      throw invalidInput(
          "entities.packages is not set, so Retort does not know where your entities are",
          "add entities.packages=com.example.model to "
              + configName()
              + " (or -D entities.packages=...)");
    }
    return entityPackages;
  }

  /** How messages name where Retort's own settings came from. */
  public String settingsSource() {
    return configFile == null ? "Retort's settings (-D, RETORT_*)" : configName();
  }

  private String configName() {
    return configFile == null ? "retort.properties" : configFile.getFileName().toString();
  }

  public RetortConfig withDatabase(DatabaseUrl value) {
    return new RetortConfig(
        baseDir,
        configFile,
        value,
        databaseSource,
        schemas,
        createSchemas,
        entityPackages,
        entityClasspath,
        entitySources,
        hibernate,
        migrationsDir,
        migrationsPackage,
        versionTable,
        include,
        exclude,
        production,
        lockTimeout,
        cache,
        safety,
        lintTargetVersion,
        application,
        modes,
        tenants,
        shadowImage);
  }

  /** The same settings for one tenant of a fleet: its database, its schema first. */
  public RetortConfig forTenant(DatabaseUrl url, List<String> tenantSchemas) {
    return new RetortConfig(
        baseDir,
        configFile,
        url,
        databaseSource,
        tenantSchemas,
        createSchemas,
        entityPackages,
        entityClasspath,
        entitySources,
        hibernate,
        migrationsDir,
        migrationsPackage,
        versionTable,
        include,
        exclude,
        production,
        lockTimeout,
        cache,
        safety,
        lintTargetVersion,
        application,
        modes,
        tenants,
        shadowImage);
  }
}
