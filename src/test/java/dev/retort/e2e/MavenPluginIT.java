package dev.retort.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.config.DatabaseUrl;
import dev.retort.testing.TestDatabase;
import dev.retort.testing.TestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Retort as a Maven plugin, driven by a real offline {@code mvn} on a small application (the sample
 * under {@code src/test/resources/maven-plugin/shop}) as its README says: the built jar installed
 * into the build's local repository, then {@code retort:revision}, {@code retort:upgrade} and
 * {@code retort:check} on a real PostgreSQL, the last failing the build once an entity changes. One
 * project for every step: each {@code mvn} run costs seconds.
 */
class MavenPluginIT {

  private static final String PASSWORD = "plugin-secret-7f3a";

  @TempDir static Path project;

  private static TestDatabase database;

  @BeforeAll
  static void installThePluginAndCopyTheSample() throws Exception {
    Launcher.copyTree(Path.of("src/test/resources/maven-plugin/shop"), project);
    Path pom = project.resolve("pom.xml");
    Files.writeString(pom, Files.readString(pom).replace("@retort.version@", version()));
    Path jar = Path.of(required("retort.artifact"));
    Maven.Result installed =
        new Maven(project)
            .run(
                "org.apache.maven.plugins:maven-install-plugin:3.1.4:install-file",
                "-Dfile=" + jar,
                "-DpomFile=" + Path.of("pom.xml").toAbsolutePath());
    assertEquals(0, installed.exitCode(), installed.toString());
    database = TestServer.get().createDatabase();
  }

  @AfterAll
  static void dropTheDatabase() {
    if (database != null) {
      TestServer.get().dropDatabase(database);
    }
  }

  @Test
  void revisionUpgradeAndCheckRunFromTheProjectsOwnBuild() throws Exception {
    Maven maven = new Maven(project);
    List<String> at = databaseArgs(database.url());

    Maven.Result revision =
        maven.run(
            at, "compile", "retort:revision", "-Dretort.autogenerate", "-Dretort.message=init");
    assertEquals(0, revision.exitCode(), revision.toString());
    assertTrue(revision.out().contains("added table 'products'"), revision.out());
    List<Path> migrations = migrations();
    assertEquals(1, migrations.size(), migrations.toString());
    String source = Files.readString(migrations.get(0));
    assertTrue(source.startsWith("package shop.migrations;"), "retort.properties applies");
    assertTrue(source.contains("createTable(\"products\""), source);

    Maven.Result upgrade = maven.run(loginArgs(), "retort:upgrade");
    assertEquals(0, upgrade.exitCode(), upgrade.toString());
    assertTrue(upgrade.out().contains("Applied 1 upgrade"), upgrade.out());
    assertFalse(upgrade.out().contains(PASSWORD), "the password is never printed");
    assertEquals(
        "1", database.queryOne("SELECT count(*) FROM pg_tables WHERE tablename = 'products'"));

    Maven.Result inSync = maven.run(at, "retort:check");
    assertEquals(0, inSync.exitCode(), inSync.toString());
    assertTrue(inSync.out().contains("The entities and the migrations are in sync."), inSync.out());

    Path product = project.resolve("src/main/java/com/example/shop/Product.java");
    Files.writeString(
        product,
        Files.readString(product)
            .replace("  String name;\n", "  String name;\n\n  java.math.BigDecimal price;\n"));
    Maven.Result differs = maven.run(at, "compile", "retort:check");
    assertNotEquals(0, differs.exitCode(), differs.toString());
    assertTrue(differs.out().contains("BUILD FAILURE"), differs.out());
    assertTrue(
        differs.out().contains("[ERROR]   added column 'products.price'"),
        "the differences are listed: " + differs.out());
    assertTrue(
        differs.out().contains("1 difference(s) between the entities and the migrations"),
        differs.out());
  }

  /** The upgrade logs in with a password when the test server can require one. */
  private static List<String> loginArgs() {
    DatabaseUrl login = TestServer.get().passwordProtectedLogin(database, PASSWORD);
    if (login == null) {
      return databaseArgs(database.url());
    }
    database.execute("GRANT ALL ON SCHEMA public TO " + login.user());
    return databaseArgs(login);
  }

  private static List<String> databaseArgs(DatabaseUrl url) {
    List<String> args = new ArrayList<>(List.of("-Dretort.url=" + url.jdbcUrl()));
    if (url.user() != null) {
      args.add("-Dretort.user=" + url.user());
    }
    if (url.password() != null) {
      args.add("-Dretort.password=" + url.password());
    }
    return args;
  }

  private static List<Path> migrations() throws Exception {
    try (Stream<Path> files = Files.list(project.resolve("src/main/migrations"))) {
      return files.filter(f -> f.toString().endsWith(".java")).toList();
    }
  }

  private static String version() {
    return required("retort.version");
  }

  private static String required(String property) {
    String value = System.getProperty(property);
    if (value == null) {
      throw new IllegalStateException(property + " is not set: run this test through failsafe");
    }
    return value;
  }
}
