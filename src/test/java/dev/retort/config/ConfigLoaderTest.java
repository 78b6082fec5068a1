package dev.retort.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.error.ExitCode;
import dev.retort.error.RetortException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

  @TempDir Path dir;

  private RetortConfig load(Map<String, String> env, Map<String, String> overrides, String file)
      throws Exception {
    if (file != null) {
      Files.writeString(dir.resolve("retort.properties"), file);
    }
    return new ConfigLoader(dir, env).load(null, overrides);
  }

  @Test
  void jdbcUrlsPassThroughAndLibpqUrlsAreConverted() {
    DatabaseUrl jdbc = DatabaseUrl.parse("jdbc:postgresql://db:5433/app?sslmode=require", "u", "p");
    assertEquals("jdbc:postgresql://db:5433/app?sslmode=require", jdbc.jdbcUrl());
    DatabaseUrl libpq =
        DatabaseUrl.parse(
            "postgres://alice:s%40cret%2Fx@db.example.com:6543/hr?sslmode=verify-full", null, null);
    assertEquals("jdbc:postgresql://db.example.com:6543/hr?sslmode=verify-full", libpq.jdbcUrl());
    assertEquals("alice", libpq.user());
    assertEquals("s@cret/x", libpq.password());
    assertEquals(
        "jdbc:postgresql://h/db", DatabaseUrl.parse("postgresql://h/db", null, null).jdbcUrl());
    assertEquals(
        "bob",
        DatabaseUrl.parse("postgres://alice:x@h/db", "bob", null).user(),
        "explicit user wins");
  }

  @Test
  void passwordsNeverShowInDisplayForms() {
    DatabaseUrl url = DatabaseUrl.parse("postgres://alice:topsecret@h:5432/db", null, null);
    assertEquals("alice@h:5432/db", url.display());
    assertTrue(!url.toString().contains("topsecret"), url.toString());
    assertEquals(
        "postgres://alice:***@h/db", DatabaseUrl.redact("postgres://alice:topsecret@h/db"));
    assertEquals(
        "jdbc:postgresql://h/db?password=***&ssl=true",
        DatabaseUrl.redact("jdbc:postgresql://h/db?password=topsecret&ssl=true"));
  }

  @Test
  void otherDatabasesAreRefused() {
    for (String url :
        List.of(
            "sqlite:///x.db",
            "mysql://h/db",
            "jdbc:mysql://h/db",
            "jdbc:h2:mem:x",
            "mongodb://h")) {
      RetortException e =
          assertThrows(RetortException.class, () -> DatabaseUrl.parse(url, null, null));
      assertEquals(ExitCode.INVALID_INPUT, e.exitCode());
      assertTrue(e.getMessage().contains("PostgreSQL only"), e.getMessage());
    }
  }

  @Test
  void pgEnvironmentVariablesAreTheLastResort() throws Exception {
    RetortConfig config =
        load(
            Map.of(
                "PGHOST",
                "pg.internal",
                "PGPORT",
                "6000",
                "PGDATABASE",
                "hr",
                "PGUSER",
                "svc",
                "PGPASSWORD",
                "pw"),
            Map.of(),
            null);
    assertEquals("jdbc:postgresql://pg.internal:6000/hr", config.database().jdbcUrl());
    assertEquals("svc", config.database().user());
    assertEquals("pw", config.database().password());
    assertNull(load(Map.of(), Map.of(), null).database());
  }

  @Test
  void precedenceIsFlagsThenRetortUrlThenDatabaseUrlThenFileThenPgVariables() throws Exception {
    String file = "url=jdbc:postgresql://file/db\nschemas=a,b\nversion_table=from_file\n";
    Map<String, String> env =
        Map.of(
            "RETORT_VERSION_TABLE",
            "from_env",
            "DATABASE_URL",
            "postgres://x@env/db",
            "PGHOST",
            "pg");
    RetortConfig config = load(env, Map.of("url", "jdbc:postgresql://flag/db"), file);
    assertEquals("jdbc:postgresql://flag/db", config.database().jdbcUrl());
    assertEquals("from_env", config.versionTable());
    assertEquals(List.of("a", "b"), config.schemas());
    assertEquals("a", config.defaultSchema());
    assertEquals("the command line", config.databaseSource());
    // The platform's DATABASE_URL is the deployment's truth; the file is the developer's default.
    RetortConfig deployed = load(env, Map.of(), null);
    assertEquals("jdbc:postgresql://env/db", deployed.database().jdbcUrl());
    assertEquals("DATABASE_URL", deployed.databaseSource());
    Map<String, String> withRetortUrl = new java.util.HashMap<>(env);
    withRetortUrl.put("RETORT_URL", "jdbc:postgresql://retort/db");
    assertEquals(
        "jdbc:postgresql://retort/db", load(withRetortUrl, Map.of(), null).database().jdbcUrl());
    Map<String, String> noDatabaseUrl = new java.util.HashMap<>(env);
    noDatabaseUrl.remove("DATABASE_URL");
    RetortConfig fromFile = load(noDatabaseUrl, Map.of(), null);
    assertEquals("jdbc:postgresql://file/db", fromFile.database().jdbcUrl());
    assertEquals("retort.properties", fromFile.databaseSource());
    Files.delete(dir.resolve("retort.properties"));
    assertEquals(
        "jdbc:postgresql://pg:5432/" + System.getProperty("user.name"),
        load(noDatabaseUrl, Map.of(), null).database().jdbcUrl());
  }

  @Test
  void interpolatesEnvironmentVariablesWithDefaults() throws Exception {
    RetortConfig config =
        load(
            Map.of("DB_HOST", "h1"),
            Map.of(),
            "url=jdbc:postgresql://${DB_HOST}:${DB_PORT:-5432}/app\npassword=${DB_PASSWORD:-}\n");
    assertEquals("jdbc:postgresql://h1:5432/app", config.database().jdbcUrl());
  }

  @Test
  void relativePathsResolveAgainstTheConfigFile() throws Exception {
    Path sub = Files.createDirectories(dir.resolve("conf"));
    Files.writeString(
        sub.resolve("r.properties"),
        "migrations.dir=../db/migrations\nentities.classpath=../target/classes,lib/x.jar\n");
    RetortConfig config =
        new ConfigLoader(dir, Map.of()).load(Path.of("conf/r.properties"), Map.of());
    assertEquals(dir.resolve("db/migrations"), config.migrationsDir());
    assertEquals(
        List.of(dir.resolve("target/classes"), sub.resolve("lib/x.jar")), config.entityClasspath());
  }

  @Test
  void hibernateSettingsPassThroughAndUnknownKeysAreRejected() throws Exception {
    RetortConfig config = load(Map.of(), Map.of(), "hibernate.physical_naming_strategy=x.Y\n");
    assertEquals(Map.of("hibernate.physical_naming_strategy", "x.Y"), config.hibernate());
    RetortException e =
        assertThrows(RetortException.class, () -> load(Map.of(), Map.of(), "schema=public\n"));
    assertTrue(e.hint().startsWith("did you mean 'schemas'?"), e.hint());
    assertThrows(RetortException.class, () -> load(Map.of(), Map.of("bogus", "1"), null));
  }

  @Test
  void productionAndValidation() throws Exception {
    assertTrue(
        load(Map.of("RETORT_ENVIRONMENT", "Production"), Map.of(), null).production().marked());
    assertThrows(
        RetortException.class, () -> load(Map.of(), Map.of("version_table", "bad name"), null));
    assertThrows(
        RetortException.class, () -> load(Map.of(), Map.of("migrations.package", "1bad"), null));
    assertThrows(RetortException.class, () -> load(Map.of(), Map.of("lock.timeout", "soon"), null));
  }

  @Test
  void safetySettingsHaveDefaultsAndReadPostgresDurations() throws Exception {
    Safety defaults = load(Map.of(), Map.of(), null).safety();
    assertEquals(Safety.DEFAULTS, defaults);
    assertEquals(Duration.ofSeconds(5), defaults.lockTimeout());
    Safety set =
        load(
                Map.of("RETORT_MIGRATION_STATEMENT_TIMEOUT", "2min"),
                Map.of(
                    "plan.online", "Always",
                    "migration.lock_timeout", "750ms",
                    "migration.lock_retries", "0"),
                null)
            .safety();
    assertEquals(Safety.Online.ALWAYS, set.online());
    assertEquals(Duration.ofMillis(750), set.lockTimeout());
    assertEquals(Duration.ofMinutes(2), set.statementTimeout());
    assertEquals(0, set.lockRetries());
    for (Map.Entry<String, String> bad :
        Map.of(
                "plan.online", "sometimes",
                "migration.lock_timeout", "5 seconds",
                "migration.lock_retries", "-1")
            .entrySet()) {
      RetortException e =
          assertThrows(
              RetortException.class,
              () -> load(Map.of(), Map.of(bad.getKey(), bad.getValue()), null));
      assertEquals(ExitCode.INVALID_INPUT, e.exitCode());
      assertTrue(e.oneLine().contains(bad.getKey()), e.oneLine());
    }
  }

  @Test
  void productionIsReadFromThePlatformsConventionalVariables() throws Exception {
    Production app = load(Map.of("APP_ENV", "prod"), Map.of(), null).production();
    assertTrue(app.marked());
    assertEquals("APP_ENV", app.source());
    Production env =
        load(Map.of("ENVIRONMENT", "staging", "APP_ENV", "prod"), Map.of(), null).production();
    assertEquals(false, env.marked(), "ENVIRONMENT comes first");
    Production own =
        load(Map.of("ENVIRONMENT", "production"), Map.of("environment", "dev"), null).production();
    assertEquals(false, own.marked(), "Retort's own setting wins");
    Production confirm =
        load(
                Map.of("ENVIRONMENT", "production"),
                Map.of("confirm_production.variable", "DEPLOY_APPROVED"),
                null)
            .production();
    assertTrue(confirm.confirmedBy(Map.of("DEPLOY_APPROVED", "true")));
    assertEquals(false, confirm.confirmedBy(Map.of("RETORT_CONFIRM_PRODUCTION", "yes")));
    assertTrue(Production.NONE.confirmedBy(Map.of("RETORT_CONFIRM_PRODUCTION", "yes")));
  }

  @Test
  void theApplicationsDatasourceComesAfterEveryRetortSettingAndBeforePgVariables()
      throws Exception {
    Path resources = Files.createDirectories(dir.resolve("src/main/resources"));
    Files.writeString(
        resources.resolve("application.yml"),
        "spring:\n  datasource:\n    url: jdbc:postgresql://app-db:5432/shop\n"
            + "    username: shop\n    password: S3cretFromYaml\n");
    Map<String, String> pg = Map.of("PGHOST", "pg-host", "PGDATABASE", "pg");

    RetortConfig application = load(pg, Map.of(), null);
    assertEquals("jdbc:postgresql://app-db:5432/shop", application.database().jdbcUrl());
    assertEquals("shop", application.database().user());
    assertEquals("S3cretFromYaml", application.database().password());
    assertEquals(
        "src/main/resources/application.yml (spring.datasource.url)", application.databaseSource());
    assertTrue(
        !ConfigLoader.describe(application).toString().contains("S3cretFromYaml"),
        ConfigLoader.describe(application).toString());

    RetortConfig file = load(pg, Map.of(), "url=jdbc:postgresql://file-db/app\nuser=retort\n");
    assertEquals("jdbc:postgresql://file-db/app", file.database().jdbcUrl());
    assertEquals("retort.properties", file.databaseSource());

    RetortConfig platform =
        load(Map.of("DATABASE_URL", "postgres://u:p@platform/app"), Map.of(), null);
    assertEquals("DATABASE_URL", platform.databaseSource());

    RetortConfig flagUser = load(Map.of(), Map.of("user", "admin"), "");
    assertEquals("jdbc:postgresql://app-db:5432/shop", flagUser.database().jdbcUrl());
    assertEquals("admin", flagUser.database().user(), "a user set for Retort wins");
  }

  @Test
  void anApplicationDatasourceThatIsNotPostgresqlIsPassedOver() throws Exception {
    Path resources = Files.createDirectories(dir.resolve("src/main/resources"));
    Files.writeString(
        resources.resolve("application.properties"), "spring.datasource.url=jdbc:h2:mem:test\n");
    RetortConfig config = load(Map.of("PGHOST", "pg-host", "PGDATABASE", "pg"), Map.of(), null);
    assertEquals("the PG* variables", config.databaseSource());
  }

  @Test
  void aMalformedApplicationDatasourceNamesTheFile() throws Exception {
    Path resources = Files.createDirectories(dir.resolve("src/main/resources"));
    Files.writeString(
        resources.resolve("application.properties"),
        "quarkus.datasource.jdbc.url=jdbc:postgresql:/nohost\n");
    RetortException e = assertThrows(RetortException.class, () -> load(Map.of(), Map.of(), null));
    assertEquals(ExitCode.INVALID_INPUT, e.exitCode());
    assertTrue(
        e.getMessage()
            .startsWith(
                "src/main/resources/application.properties (quarkus.datasource.jdbc.url): "),
        e.getMessage());
  }

  @Test
  void theProfileKeyChoosesTheApplicationsProfileFile() throws Exception {
    Path resources = Files.createDirectories(dir.resolve("src/main/resources"));
    Files.writeString(
        resources.resolve("application-it.properties"),
        "spring.datasource.url=jdbc:postgresql://it-db/app\n");
    assertNull(load(Map.of(), Map.of(), null).database());
    RetortConfig flag = load(Map.of(), Map.of("profile", "it"), null);
    assertEquals("jdbc:postgresql://it-db/app", flag.database().jdbcUrl());
    assertEquals("--profile", flag.application().profileSource());
    RetortConfig file = load(Map.of(), Map.of(), "profile=it\n");
    assertEquals("retort.properties (profile)", file.application().profileSource());
  }

  @Test
  void runModesAndTenantGroupsAreReadFromTheFileAndTheEnvironment() throws Exception {
    RetortConfig defaults = load(Map.of(), Map.of(), null);
    assertEquals(RunModes.DEFAULTS, defaults.modes());
    assertTrue(defaults.tenants().isEmpty());

    RetortConfig config =
        load(
            Map.of("RETORT_TRANSACTION_MODE", "per-statement"),
            Map.of(),
            "lock.mode=table\ntenants.schemas=tenant_*, vip\n");
    assertEquals(RunModes.LockMode.TABLE, config.modes().lock());
    assertEquals(RunModes.TransactionMode.PER_STATEMENT, config.modes().transactions());
    assertEquals(List.of("tenant_*", "vip"), config.tenants().schemas());
    assertTrue(config.bookkeepingTables().contains("retort_version_lock"));

    RetortConfig file = load(Map.of(), Map.of(), "tenants.file=fleet/tenants.txt\n");
    assertEquals(dir.resolve("fleet/tenants.txt"), file.tenants().file());
    assertNull(file.tenants().template());

    RetortConfig template =
        load(
            Map.of("RETORT_TENANTS_TEMPLATE", " tenant_template "),
            Map.of(),
            "tenants.schemas=tenant_*\n");
    assertEquals("tenant_template", template.tenants().template());
  }

  @Test
  void badRunModesAndTwoTenantSourcesAreOneLineErrors() {
    RetortException lock =
        assertThrows(RetortException.class, () -> load(Map.of(), Map.of(), "lock.mode=row\n"));
    assertEquals(ExitCode.INVALID_INPUT, lock.exitCode());
    assertTrue(lock.getMessage().contains("lock.mode 'row'"), lock.getMessage());
    RetortException both =
        assertThrows(
            RetortException.class,
            () -> load(Map.of(), Map.of(), "tenants.schemas=t_*\ntenants.query=SELECT 1\n"));
    assertTrue(both.getMessage().contains("more than one of tenants"), both.getMessage());
    RetortException alone =
        assertThrows(
            RetortException.class, () -> load(Map.of(), Map.of(), "tenants.template=t_00\n"));
    assertEquals(ExitCode.INVALID_INPUT, alone.exitCode());
    assertTrue(alone.getMessage().contains("no fleet is"), alone.getMessage());
  }
}
