package dev.retort.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.config.DatabaseUrl;
import dev.retort.testing.MigrationSourceFiles;
import dev.retort.testing.PostgresExtension;
import dev.retort.testing.TestDatabase;
import dev.retort.testing.TestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.util.List;
import liquibase.Liquibase;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.DirectoryResourceAccessor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every error a user can cause: one line on standard error naming the cause and what to do, the
 * documented exit code, and a database left as it was.
 */
@ExtendWith(PostgresExtension.class)
class CliErrorsTest {

  @TempDir Path project;
  private CliRunner cli;
  private MigrationSourceFiles files;

  @BeforeEach
  void setUp() throws Exception {
    cli = new CliRunner(project);
    files = new MigrationSourceFiles(project.resolve("migrations"), "migrations");
    files.write(
        "M1_Users",
        "a1",
        "op.createTable(\"users\", column(\"id\", bigint()));",
        "op.dropTable(\"users\");");
    files.write(
        "M2_Email",
        "b2",
        "op.addColumn(\"users\", column(\"email\", text()));",
        "op.dropColumn(\"users\", \"email\");",
        "a1");
    Files.writeString(
        project.resolve("retort.properties"),
        "migrations.dir=migrations\nmigrations.package=migrations\n");
  }

  /** The error is exactly one line, starts with "error: ", and carries a hint. */
  private static void assertOneLineError(
      CliRunner.Result result, int exitCode, String... fragments) {
    assertEquals(exitCode, result.exitCode(), result.err() + result.out());
    List<String> lines = result.errLines();
    assertEquals(1, lines.size(), "one line on stderr: " + result.err());
    String line = lines.get(0);
    assertTrue(line.startsWith("error: "), line);
    assertTrue(line.contains("(hint: "), "has a hint: " + line);
    for (String fragment : fragments) {
      assertTrue(line.contains(fragment), "'" + fragment + "' in: " + line);
    }
  }

  private static String snapshot(TestDatabase db) {
    return String.join(
            "\n",
            db.query(
                "SELECT table_name || '.' || column_name FROM information_schema.columns WHERE table_schema = 'public' ORDER BY 1"))
        + "\n"
        + (db.query("SELECT to_regclass('retort_version') IS NOT NULL").get(0).equals("t")
            ? String.join(",", db.query("SELECT version_num FROM retort_version ORDER BY 1"))
            : "-");
  }

  @Test
  void unknownRevisionInDatabase(TestDatabase db) {
    assertEquals(0, cli.run(db.cliArgs(), "upgrade", "a1").exitCode());
    db.execute("UPDATE retort_version SET version_num = 'gone99'");
    String before = snapshot(db);
    assertOneLineError(cli.run(db.cliArgs(), "upgrade"), 4, "gone99", "stamp");
    assertEquals(before, snapshot(db));
    assertOneLineError(cli.run(db.cliArgs(), "current"), 4, "gone99");
  }

  @Test
  void multipleHeadsOnUpgradeHead(TestDatabase db) {
    files.write("M3_Branch", "c3", "op.addColumn(\"users\", column(\"name\", text()));", "", "a1");
    String before = snapshot(db);
    assertOneLineError(
        cli.run(db.cliArgs(), "upgrade", "head"), 4, "2 heads: b2, c3", "retort merge");
    assertEquals(before, snapshot(db));
    assertEquals(0, cli.run(db.cliArgs(), "merge", "-m", "join", "heads").exitCode());
    assertEquals(0, cli.run(db.cliArgs(), "upgrade", "head").exitCode());
  }

  @Test
  void migrationThatDoesNotCompile(TestDatabase db) {
    files.write("M3_Broken", "c3", "op.addColumn(\"users\" column(\"x\", text()));", "", "b2");
    String before = snapshot(db);
    assertOneLineError(
        cli.run(db.cliArgs(), "upgrade"), 5, "M3_Broken.java does not compile: line 9");
    assertEquals(before, snapshot(db));
  }

  @Test
  void migrationThatThrows(TestDatabase db) {
    files.write(
        "M3_Throws",
        "c3",
        "op.addColumn(\"users\", column(\"x\", text())); if (true) throw new IllegalStateException(\"no way\");",
        "",
        "b2");
    assertEquals(0, cli.run(db.cliArgs(), "upgrade", "b2").exitCode());
    String before = snapshot(db);
    assertOneLineError(
        cli.run(db.cliArgs(), "upgrade"), 5, "upgrade of c3", "no way", "rolled back");
    assertEquals(before, snapshot(db));
  }

  @Test
  void unreachableServer() {
    assertOneLineError(
        cli.run("--url", "jdbc:postgresql://127.0.0.1:1/nothing", "upgrade"),
        3,
        "cannot connect to 127.0.0.1:1/nothing",
        "is PostgreSQL running");
  }

  @Test
  void wrongPassword(TestDatabase db) {
    DatabaseUrl login = TestServer.get().passwordProtectedLogin(db, "right-secret");
    org.junit.jupiter.api.Assumptions.assumeTrue(login != null, "needs the embedded server");
    assertEquals(
        0,
        cli.run(
                "--url",
                login.jdbcUrl(),
                "--user",
                login.user(),
                "--password",
                "right-secret",
                "current")
            .exitCode());
    CliRunner.Result result =
        cli.run(
            "--url",
            login.jdbcUrl(),
            "--user",
            login.user(),
            "--password",
            "wrong-secret",
            "upgrade");
    assertOneLineError(
        result,
        3,
        "refused the login",
        "password authentication failed",
        "check user and password");
    assertTrue(
        !result.err().contains("wrong-secret") && !result.out().contains("wrong-secret"),
        "password never printed");
    assertEquals("-", snapshot(db).split("\n")[snapshot(db).split("\n").length - 1]);
  }

  @Test
  void entitiesThatCannotBeReadChangeNothing(TestDatabase db) throws Exception {
    assertEquals(0, cli.run(db.cliArgs(), "upgrade").exitCode());
    String before = snapshot(db);
    assertOneLineError(
        cli.run(
            db.cliArgs(),
            "-D",
            "entities.classpath=/nowhere/target/classes",
            "-D",
            "entities.packages=fx",
            "check"),
        2,
        "/nowhere/target/classes does not exist",
        "mvn compile");
    Path model = Files.createDirectories(project.resolve("model/fx"));
    Files.writeString(
        model.resolve("Widget.java"),
        "package fx;\n\n@jakarta.persistence.Entity\npublic class Widget {\n"
            + "  @jakarta.persistence.Id Long id;\n  @jakarta.persistence.OneToMany java.util.List<String> names;\n}\n");
    assertOneLineError(
        cli.run(
            db.cliArgs(), "-D", "entities.sources=model", "-D", "entities.packages=fx", "check"),
        2,
        "Hibernate rejected the entity mapping",
        "fx.Widget");
    assertOneLineError(
        cli.run(
            db.cliArgs(),
            "-D",
            "entities.sources=model",
            "-D",
            "entities.packages=fx.elsewhere",
            "check"),
        2,
        "no @Entity classes in fx.elsewhere",
        "but 1 @Entity class is outside entities.packages and not compared (fx.Widget)",
        "set entities.packages to the package(s) of your entities");
    assertEquals(before, snapshot(db));
    assertEquals(
        List.of("public"),
        db.query(
            "SELECT nspname FROM pg_namespace WHERE nspname NOT LIKE 'pg\\_%'"
                + " AND nspname <> 'information_schema' ORDER BY 1"),
        "no scratch schema left behind");
  }

  @Test
  void configFileWithUnknownKey() throws Exception {
    Files.writeString(project.resolve("retort.properties"), "urll=jdbc:postgresql://localhost/x\n");
    assertOneLineError(
        cli.run("current"), 2, "key 'urll' is not a Retort setting", "did you mean 'url'?");
  }

  @Test
  void missingRequiredValues() throws Exception {
    assertOneLineError(cli.run("upgrade"), 2, "no database is configured", "--url");
    Files.writeString(project.resolve("retort.properties"), "url=\n");
    assertOneLineError(cli.run("upgrade"), 2, "url is set but empty");
    Files.writeString(project.resolve("retort.properties"), "url=${NOT_SET_ANYWHERE}\n");
    assertOneLineError(cli.run("upgrade"), 2, "${NOT_SET_ANYWHERE}", "export NOT_SET_ANYWHERE");
    assertOneLineError(
        cli.run("-c", "missing.properties", "upgrade"), 2, "missing.properties does not exist");
  }

  @Test
  void applicationSettingsThatCannotBeRead() throws Exception {
    Path resources = Files.createDirectories(project.resolve("src/main/resources"));
    Files.writeString(
        resources.resolve("application.yml"), "spring:\n  datasource:\n    url: [unclosed\n");
    assertOneLineError(
        cli.run("doctor"),
        2,
        "cannot read src/main/resources/application.yml: ",
        " at line 4, column 1",
        "fix the YAML there");
    Files.writeString(resources.resolve("application.yml"), "- a list\n- not settings\n");
    assertOneLineError(
        cli.run("current"), 2, "src/main/resources/application.yml is not a map of settings");
    Files.delete(resources.resolve("application.yml"));
    Files.writeString(
        resources.resolve("application.properties"),
        "spring.datasource.url=jdbc:postgresql://db:notaport/app\n");
    assertOneLineError(
        cli.run("--profile", "no-such-profile", "current"),
        2,
        "src/main/resources/application.properties (spring.datasource.url): ");
  }

  @Test
  void nonPostgresUrls() {
    assertOneLineError(
        cli.run("--url", "sqlite:///tmp/x.db", "upgrade"), 2, "PostgreSQL only", "for sqlite");
    assertOneLineError(cli.run("--url", "jdbc:mysql://localhost/app", "upgrade"), 2, "for mysql");
    assertOneLineError(cli.run("--url", "not a url", "upgrade"), 2, "is not a database URL");
  }

  @Test
  void productionGuard(TestDatabase db) throws Exception {
    Files.writeString(
        project.resolve("retort.properties"),
        "environment=production\n",
        StandardOpenOption.APPEND);
    String before = snapshot(db);
    assertOneLineError(
        cli.run(db.cliArgs(), "upgrade"), 2, "marked production", "--confirm-production");
    assertEquals(before, snapshot(db));
    assertEquals(0, cli.run(db.cliArgs(), "upgrade", "--confirm-production").exitCode());
    cli.env("RETORT_CONFIRM_PRODUCTION", "yes");
    assertEquals(0, cli.run(db.cliArgs(), "downgrade", "base").exitCode());
  }

  @Test
  void unknownRevisionArgumentAndAmbiguousPrefix(TestDatabase db) {
    files.write("M3_More", "a2", "op.execute(\"SELECT 1\");", "", "b2");
    assertOneLineError(cli.run(db.cliArgs(), "upgrade", "zz"), 4, "no revision matches 'zz'");
    assertOneLineError(cli.run(db.cliArgs(), "upgrade", "a"), 4, "ambiguous", "a1, a2");
  }

  @Test
  void autogenerateRefusesADatabaseBehindTheHead(TestDatabase db) throws Exception {
    Files.writeString(
        project.resolve("retort.properties"),
        "entities.packages=fx\nentities.sources="
            + Path.of("src/test/resources/entities/basic_types").toAbsolutePath()
            + "\n",
        StandardOpenOption.APPEND);
    assertEquals(0, cli.run(db.cliArgs(), "upgrade", "a1").exitCode());
    String before = snapshot(db);
    assertOneLineError(
        cli.run(db.cliArgs(), "revision", "--autogenerate", "-m", "x"),
        4,
        "the database is not at the migrations' head (it is at a1, the head is b2)",
        "retort upgrade");
    assertOneLineError(cli.run(db.cliArgs(), "check"), 4, "not at the migrations' head");
    assertEquals(before, snapshot(db));
    assertEquals(2, Files.list(project.resolve("migrations")).count(), "no file written");
  }

  @Test
  void warnsWhenTheDatabaseIsNotUtf8(TestDatabase db) {
    String name = db.name() + "_ascii";
    db.execute(
        "CREATE DATABASE "
            + name
            + " TEMPLATE template0 ENCODING 'SQL_ASCII' LC_COLLATE 'C' LC_CTYPE 'C'");
    try {
      String url = db.url().jdbcUrl().replace("/" + db.name(), "/" + name);
      CliRunner.Result result = cli.run("--url", url, "--user", db.url().user(), "current");
      assertEquals(0, result.exitCode(), result.err());
      assertTrue(
          result.err().startsWith("warning: the database encoding is SQL_ASCII, not UTF8"),
          result.err());
    } finally {
      db.execute("DROP DATABASE " + name);
    }
  }

  /**
   * {@code entities --from-database}: a missing package, a bad package, no database, an unreachable
   * or refusing one, no table to write, and a file that exists are one line each, and nothing is
   * written; the password never shows.
   */
  @Test
  void entitiesFromDatabaseRefusesInOneLine(TestDatabase db) throws Exception {
    CliRunner.Result noPackage = cli.run(db.cliArgs(), "entities", "--from-database");
    assertEquals(2, noPackage.exitCode(), noPackage.toString());
    assertTrue(noPackage.err().contains("--package"), noPackage.err());
    assertOneLineError(
        cli.run(db.cliArgs(), "entities", "--from-database", "--package", "com.1bad"),
        2,
        "--package com.1bad is not a Java package name",
        "com.example.model");
    assertOneLineError(cli.run("entities", "--from-database", "--package", "com.example.model"), 2);
    assertOneLineError(
        cli.run(
            "--url",
            "jdbc:postgresql://127.0.0.1:1/nothing",
            "entities",
            "--from-database",
            "--package",
            "com.example.model"),
        3,
        "cannot connect to 127.0.0.1:1/nothing");
    DatabaseUrl login = TestServer.get().passwordProtectedLogin(db, "right-secret");
    if (login != null) {
      CliRunner.Result refused =
          cli.run(
              "--url",
              login.jdbcUrl(),
              "--user",
              login.user(),
              "--password",
              "wrong-secret",
              "entities",
              "--from-database",
              "--package",
              "com.example.model");
      assertOneLineError(refused, 3, "password authentication failed");
      assertTrue(
          !refused.err().contains("wrong-secret") && !refused.out().contains("wrong-secret"),
          "password never printed");
    }
    assertOneLineError(
        cli.run(db.cliArgs(), "entities", "--from-database", "--package", "com.example.model"),
        2,
        "no table to generate an entity for in schema(s) public",
        "include and exclude");

    db.execute("CREATE TABLE notes (id bigint PRIMARY KEY, body text)");
    Path existing = project.resolve("src/main/java/com/example/model/Notes.java");
    Files.createDirectories(existing.getParent());
    Files.writeString(existing, "// mine\n");
    assertOneLineError(
        cli.run(db.cliArgs(), "entities", "--from-database", "--package", "com.example.model"),
        2,
        "Notes.java already exists; nothing was written",
        "--force");
    assertEquals("// mine\n", Files.readString(existing));
    CliRunner.Result forced =
        cli.run(
            db.cliArgs(),
            "entities",
            "--from-database",
            "--package",
            "com.example.model",
            "--force");
    assertEquals(0, forced.exitCode(), forced.toString());
    assertTrue(Files.readString(existing).contains("@Table("), Files.readString(existing));
  }

  @Test
  void usageErrorsExitWithTwo() {
    CliRunner.Result result = cli.run("upgrade", "--no-such-flag");
    assertEquals(2, result.exitCode());
    assertTrue(result.err().contains("Unknown option"), result.err());
  }

  /** The commands of this wave: bad options and missing prerequisites are one line, with a hint. */
  @Test
  void newCommandsRefuseBadInputInOneLine(TestDatabase db) throws Exception {
    assertOneLineError(
        cli.run(db.cliArgs(), "check", "--locks", "--seed-rows", "0"), 2, "--seed-rows 0");
    assertOneLineError(
        cli.run(db.cliArgs(), "check", "--locks", "--lock-budget", "5 seconds"),
        2,
        "--lock-budget '5 seconds' is not a duration");
    assertOneLineError(cli.run("drift"), 2, "no database is configured");
    assertOneLineError(cli.run("pending"), 2, "no database is configured");
    assertOneLineError(cli.run("repair"), 2, "no database is configured");
    assertEquals(0, cli.run(db.cliArgs(), "upgrade", "a1").exitCode());
    assertOneLineError(
        cli.run(db.cliArgs(), "repair", "b2"), 4, "revision b2 is not applied to this database");
    assertOneLineError(
        cli.run("import", "flyway", "no-such-dir"), 2, "Flyway scripts directory", "no-such-dir");
    Files.createDirectories(project.resolve("empty"));
    assertOneLineError(cli.run("import", "flyway", "empty"), 2, "no versioned Flyway script");
    Files.writeString(project.resolve("empty/V1__x.sql"), "SELECT 1;\n");
    assertOneLineError(cli.run("import", "flyway", "empty"), 2, "already holds revisions");
    assertOneLineError(
        cli.run("squash", "-m", "baseline", "--to", "a1"),
        2,
        "squashing to a1 would replace only itself");
    assertOneLineError(
        cli.run("squash", "-m", "baseline", "--to", "zz"), 4, "no revision matches 'zz'");
    assertOneLineError(cli.run(db.cliArgs(), "stamp"), 2, "stamp needs a TARGET");
    assertOneLineError(
        cli.run(db.cliArgs(), "stamp", "--detect", "head"), 2, "--detect finds the target");
    assertOneLineError(cli.run("stamp", "--detect"), 2, "no database is configured");
    assertOneLineError(
        cli.run(db.cliArgs(), "revision", "--from-database", "-m", "b"),
        2,
        "already holds revisions");
    assertOneLineError(
        cli.run(db.cliArgs(), "revision", "--from-database", "--autogenerate", "-m", "b"),
        2,
        "two ways to write a migration");
  }

  private static final String CHANGELOG =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
          + "<databaseChangeLog xmlns=\"http://www.liquibase.org/xml/ns/dbchangelog\""
          + " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\""
          + " xsi:schemaLocation=\"http://www.liquibase.org/xml/ns/dbchangelog"
          + " http://www.liquibase.org/xml/ns/dbchangelog/dbchangelog-latest.xsd\">\n"
          + "<changeSet id=\"1\" author=\"ada\">\n"
          + " <createTable tableName=\"customer\">\n"
          + "  <column name=\"id\" type=\"bigint\"><constraints primaryKey=\"true\"/></column>\n"
          + "  <column name=\"name\" type=\"%s\"/>\n"
          + " </createTable>\n"
          + "</changeSet>\n"
          + "</databaseChangeLog>\n";

  /**
   * {@code import liquibase}: a changelog Liquibase cannot read, a migrations directory in use, a
   * database whose Liquibase history disagrees with the changelog or that cannot be reached: one
   * line, and neither the database nor the migrations directory changed.
   */
  @Test
  void liquibaseImportRefusesBeforeWritingAnything(TestDatabase db) throws Exception {
    assertOneLineError(
        cli.run("import", "liquibase", "no-such.xml"),
        2,
        "the Liquibase changelog",
        "no-such.xml does not exist");
    Files.writeString(project.resolve("broken.xml"), "<databaseChangeLog><changeSet id=\"1\"");
    assertOneLineError(
        cli.run("import", "liquibase", "broken.xml", "-Dmigrations.dir=lb"),
        2,
        "Liquibase cannot read the changelog",
        "broken.xml",
        "--search-path");
    Files.writeString(project.resolve("changelog.txt"), "CREATE TABLE t (id int);\n");
    assertOneLineError(
        cli.run("import", "liquibase", "changelog.txt", "-Dmigrations.dir=lb"),
        2,
        "Liquibase cannot read the changelog",
        "changelog.txt");
    Path changelog = project.resolve("changelog.xml");
    Files.writeString(changelog, String.format(CHANGELOG, "varchar(255)"));
    assertOneLineError(
        cli.run("import", "liquibase", "changelog.xml"), 2, "already holds revisions");

    // The database ran changeset 1 as it was; the changelog has been edited since.
    try (Connection connection = db.connect();
        Liquibase liquibase =
            new Liquibase(
                "changelog.xml",
                new DirectoryResourceAccessor(project.toFile()),
                DatabaseFactory.getInstance()
                    .findCorrectDatabaseImplementation(new JdbcConnection(connection)))) {
      liquibase.update("");
    }
    Files.writeString(changelog, String.format(CHANGELOG, "text"));
    String before = snapshot(db);
    assertOneLineError(
        cli.run(db.cliArgs(), "import", "liquibase", "changelog.xml", "-Dmigrations.dir=lb"),
        2,
        "checksum of changeset 1::ada::changelog.xml",
        "<validCheckSum>");
    assertEquals(before, snapshot(db));
    assertTrue(!Files.exists(project.resolve("lb")), "no migration written");

    assertOneLineError(
        cli.run(
            List.of("--url", "jdbc:postgresql://127.0.0.1:1/nowhere"),
            "import",
            "liquibase",
            "changelog.xml",
            "-Dmigrations.dir=lb"),
        3);
    assertTrue(!Files.exists(project.resolve("lb")), "no migration written");

    Files.writeString(changelog, String.format(CHANGELOG, "varchar(255)"));
    assertOneLineError(
        cli.run(
            db.cliArgs(),
            "import",
            "liquibase",
            "changelog.xml",
            "-Dmigrations.dir=lb",
            "-Denvironment=production"),
        2,
        "marked production",
        "--confirm-production");
    assertEquals(before, snapshot(db));
  }
}
