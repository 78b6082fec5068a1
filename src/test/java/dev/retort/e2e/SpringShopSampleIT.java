package dev.retort.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.testing.PostgresExtension;
import dev.retort.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Spring Boot sample's whole journey with no retort.properties, with a real {@code mvn} and a
 * real Spring context: {@code mvn retort:revision -Dretort.autogenerate} reads the datasource and
 * Boot's naming from application.yml and writes the migration into db.migration; {@code
 * retort:upgrade} and {@code retort:check} (and the command line's check) agree; {@code mvn test}
 * runs the sample's JUnit assertion and starts the application, which applies the migration before
 * JPA validates and reports UP in health; an entity field without a migration then fails {@code mvn
 * test}.
 */
@ExtendWith(PostgresExtension.class)
class SpringShopSampleIT {

  @TempDir Path project;

  private Launcher.Result mvn(Map<String, String> env, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("mvn", "-B", "-ntp"));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).directory(project.toFile());
    builder
        .environment()
        .keySet()
        .removeIf(k -> k.startsWith("RETORT_") || k.startsWith("PG") || k.startsWith("DB_"));
    builder.environment().putAll(env);
    return Launcher.finish(builder.start());
  }

  /** The build's own artifact, in the local repository the sample resolves Retort from. */
  private static void installRetort() throws Exception {
    List<Path> jars;
    try (Stream<Path> files = Files.list(Path.of("target"))) {
      jars =
          files
              .filter(f -> f.getFileName().toString().matches("retort-[0-9].*-SNAPSHOT\\.jar"))
              .toList();
    }
    assertEquals(1, jars.size(), jars.toString());
    Process install =
        new ProcessBuilder(
                "mvn",
                "-B",
                "-ntp",
                "-q",
                "install:install-file",
                "-Dfile=" + jars.get(0).toAbsolutePath(),
                "-DpomFile=" + Path.of("pom.xml").toAbsolutePath())
            .redirectErrorStream(true)
            .start();
    Launcher.Result result = Launcher.finish(install);
    assertEquals(0, result.exitCode(), result.toString());
  }

  @Test
  void theWholeJourneyWithNoRetortProperties(TestDatabase dev, TestDatabase app) throws Exception {
    installRetort();
    Launcher.copyTree(Path.of("samples/spring-shop"), project);
    assertTrue(!Files.exists(project.resolve("retort.properties")));
    Map<String, String> devDatabase =
        Map.of("DB_URL", dev.url().jdbcUrl(), "DB_USER", dev.url().user());
    Launcher.Result generated =
        mvn(
            devDatabase,
            "compile",
            "retort:revision",
            "-Dretort.autogenerate",
            "-Dretort.message=initial schema");
    assertEquals(0, generated.exitCode(), generated.toString());
    Path migration;
    try (Stream<Path> files = Files.list(project.resolve("src/main/java/db/migration"))) {
      migration = files.findFirst().orElseThrow();
    }
    String source = Files.readString(migration);
    assertTrue(source.contains("package db.migration;"), source);
    assertTrue(source.contains("column(\"first_name\", varchar(100)).notNull()"), source);
    assertTrue(source.contains("column(\"placed_by_id\", bigint()).notNull()"), source);
    Launcher.Result upgraded = mvn(devDatabase, "retort:upgrade");
    assertEquals(0, upgraded.exitCode(), upgraded.toString());
    Launcher.Result check = mvn(devDatabase, "compile", "retort:check");
    assertEquals(0, check.exitCode(), check.toString());

    // The command line reads the same project the same way: no retort.properties either.
    Launcher retort =
        new Launcher(project).env("DB_URL", dev.url().jdbcUrl()).env("DB_USER", dev.url().user());
    Launcher.Result cliCheck = retort.run("check", "--no-roundtrip");
    assertEquals(0, cliCheck.exitCode(), cliCheck.toString());

    Map<String, String> appDatabase =
        Map.of("DB_URL", app.url().jdbcUrl(), "DB_USER", app.url().user());
    Launcher.Result tests = mvn(appDatabase, "test");
    assertEquals(0, tests.exitCode(), tests.toString());
    assertTrue(tests.out().contains("Tests run: 2, Failures: 0, Errors: 0"), tests.out());
    assertEquals(
        List.of("customer", "purchase_order"),
        app.query(
            "SELECT tablename FROM pg_tables WHERE schemaname = 'public'"
                + " AND tablename NOT LIKE 'retort%' ORDER BY 1"));

    Path customer = project.resolve("src/main/java/com/example/shop/model/Customer.java");
    Files.writeString(
        customer,
        Files.readString(customer)
            .replace(
                "  private String emailAddress;",
                "  private String emailAddress;\n\n  private String phoneNumber;"));
    Launcher.Result failing = mvn(appDatabase, "test", "-Dtest=MigrationsTest");
    assertEquals(1, failing.exitCode(), failing.toString());
    assertTrue(failing.out().contains("phone_number"), failing.out());
    assertTrue(failing.out().contains("retort revision --autogenerate"), failing.out());
  }
}
