package dev.retort.config;

import java.io.File;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The configuration keys. Each is settable in {@code retort.properties}, as {@code -D key=value},
 * and as the environment variable {@code RETORT_<KEY>} (dots and dashes become underscores).
 */
public enum ConfigKey {
  URL("url", "JDBC URL or postgres://user:password@host:port/db"),
  USER("user", "database user"),
  PASSWORD("password", "database password (never printed)"),
  SCHEMAS("schemas", "comma-separated schemas to compare; the first is the default (public)"),
  SCHEMAS_CREATE(
      "schemas.create",
      "on or off (default): create configured schemas that do not exist, instead of refusing"),
  ENTITIES_PACKAGES(
      "entities.packages",
      "comma-separated package prefixes holding the entities (default: the packages of the"
          + " project's own @Entity classes)"),
  ENTITIES_CLASSPATH(
      "entities.classpath",
      "directories and jars with the compiled entities and their dependencies, separated by '"
          + File.pathSeparator
          + "' (derived from pom.xml when unset)"),
  PROFILE(
      "profile",
      "the application's profile(s) whose application-{profile}.properties/yml Retort reads"
          + " (default: SPRING_PROFILES_ACTIVE, QUARKUS_PROFILE, spring.profiles.active)"),
  ENTITIES_SOURCES(
      "entities.sources",
      "directories of entity .java sources Retort compiles itself (instead of a classpath)"),
  MIGRATIONS_DIR(
      "migrations.dir",
      "directory of the migration classes (migrations; in a Maven project without that"
          + " directory, src/main/java/db/migration)"),
  MIGRATIONS_PACKAGE(
      "migrations.package",
      "Java package of the migration classes (migrations; with the Maven default above,"
          + " db.migration)"),
  VERSION_TABLE("version_table", "table recording the applied heads (retort_version)"),
  INCLUDE("include", "comma-separated table name patterns to compare (* and ?); default all"),
  EXCLUDE("exclude", "comma-separated table name patterns to leave out of comparison"),
  ENVIRONMENT(
      "environment",
      "production (or prod) makes upgrade/downgrade/stamp/repair ask for --confirm-production;"
          + " unset, ENVIRONMENT or APP_ENV says"),
  CONFIRM_VARIABLE(
      "confirm_production.variable",
      "environment variable whose value yes confirms a production write"
          + " (RETORT_CONFIRM_PRODUCTION)"),
  LOCK_TIMEOUT("lock.timeout", "seconds to wait for another runner's migration lock (60)"),
  LOCK_MODE(
      "lock.mode",
      "advisory (default): a session advisory lock; table: a lock row with owner, heartbeat and"
          + " expiry, for engines without advisory locks"),
  TRANSACTION_MODE(
      "transaction.mode",
      "migration (default): one transaction per migration; per-statement: each statement commits"
          + " on its own and a stopped migration resumes after the last one"),
  TENANTS_SCHEMAS(
      "tenants.schemas",
      "the fleet as schemas of the configured database: names or patterns, comma-separated"
          + " (tenant_*)"),
  TENANTS_QUERY(
      "tenants.query",
      "the fleet as SQL run on the configured database, returning schema names or database URLs"),
  TENANTS_FILE("tenants.file", "the fleet as a file of database URLs, one a line"),
  TENANTS_TEMPLATE(
      "tenants.template",
      "the tenant autogenerate and check compare the entities with: a schema, a database URL or a"
          + " tenant's name (default: the fleet's first tenant)"),
  PLAN_ONLINE(
      "plan.online",
      "auto (default): online forms (CONCURRENTLY, NOT VALID, ...) for tables with rows; always;"
          + " never"),
  MIGRATION_LOCK_TIMEOUT(
      "migration.lock_timeout",
      "longest wait of one migration statement for a table lock: 5s (default), 500ms, 0 = no limit"),
  MIGRATION_STATEMENT_TIMEOUT(
      "migration.statement_timeout",
      "longest run of one migration statement: 0 (default, no limit), 30s, 10min"),
  MIGRATION_LOCK_RETRIES(
      "migration.lock_retries",
      "how often a statement that timed out waiting for a lock is retried, with backoff (3)"),
  LINT_TARGET_VERSION(
      "lint.target-version",
      "PostgreSQL major version lint checks migrations for (default: the connected server's, else"
          + " the embedded one's)"),
  SHADOW_IMAGE(
      "shadow.image",
      "a PostgreSQL Docker image (postgres:16, pgvector/pgvector:pg16, postgis/postgis:16-3.4) run"
          + " by Testcontainers as the scratch database, instead of the embedded one: for"
          + " extensions the embedded server lacks; needs a Docker engine"),
  CACHE(
      "cache",
      "on (default) or off: off computes every stage afresh, without Retort's caches (slower)");

  /** Prefix of keys passed through to Hibernate. */
  public static final String HIBERNATE_PREFIX = "hibernate.";

  /**
   * Settings passed to Hibernate as they are: its own ({@code hibernate.*}) and the JPA ones it
   * reads ({@code jakarta.persistence.*}, such as {@code jakarta.persistence.validation.mode}).
   */
  public static boolean isHibernateSetting(String key) {
    return key.startsWith(HIBERNATE_PREFIX) || key.startsWith("jakarta.persistence.");
  }

  private final String key;
  private final String description;

  ConfigKey(String key, String description) {
    this.key = key;
    this.description = description;
  }

  public String key() {
    return key;
  }

  public String description() {
    return description;
  }

  public String environmentVariable() {
    return "RETORT_" + key.replace('.', '_').replace('-', '_').toUpperCase(Locale.ROOT);
  }

  public static Optional<ConfigKey> of(String key) {
    return Arrays.stream(values()).filter(k -> k.key.equals(key)).findFirst();
  }
}
