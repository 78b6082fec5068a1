package dev.retort.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.testing.MigrationSourceFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Bad input a user can give: URLs that are no usable PostgreSQL URL (each gets exit 2 naming the
 * part to fix), secrets in malformed or unreachable URLs (never printed, by any command, with or
 * without {@code -v}), a migrations directory that is not there, revision ids no version table can
 * hold.
 */
class BadInputTest {

  @TempDir Path project;
  private CliRunner cli;

  @BeforeEach
  void setUp() throws Exception {
    cli = new CliRunner(project);
    new MigrationSourceFiles(project.resolve("migrations"), "migrations")
        .write("M1", "a1", "op.execute(\"SELECT 1\");", "");
    Files.writeString(
        project.resolve("retort.properties"),
        "migrations.dir=migrations\nmigrations.package=migrations\nentities.packages=fx\n"
            + "entities.classpath=.\nlock.timeout=1\n");
  }

  /** A URL, the secret in it, and the exit code: 2 when it is no usable URL, 3 when unreachable. */
  private static final List<String[]> CORPUS =
      List.of(
          new String[] {"postgres://app:Sec/ret99@host/db", "Sec/ret99", "2"},
          new String[] {"postgres://app:p@ss:w0rd@host/db", "p@ss:w0rd", "2"},
          new String[] {"jdbc:postgresql://localhost:99999/db?password=Sekr3tPw", "Sekr3tPw", "2"},
          new String[] {"jdbc:postgresql://user:Passw0rdX@host/db", "Passw0rdX", "2"},
          new String[] {"postgres://app:Sec%2Fret77@host:abc/db", "ret77", "2"},
          new String[] {"postgresql+asyncpg://app:AsyncPw1@host/db", "AsyncPw1", "2"},
          new String[] {"jdbc:postgresql//host/db?password=NoColonPw", "NoColonPw", "2"},
          new String[] {"postgres://u:Secr%40t88@nonexistent.invalid/db", "t88", "3"},
          new String[] {
            "jdbc:postgresql://127.0.0.1:1/db?password=ClosedPort9&user=x", "ClosedPort9", "3"
          });

  private static final List<List<String>> COMMANDS =
      List.of(
          List.of("upgrade"),
          List.of("-v", "upgrade"),
          List.of("downgrade", "-1"),
          List.of("current"),
          List.of("-v", "history", "--verbose"),
          List.of("stamp", "head"),
          List.of("check"),
          List.of("-v", "revision", "--autogenerate", "-m", "x"));

  @Test
  void noCommandEverPrintsASecretOfABadOrUnreachableUrl() {
    List<String> failures = new ArrayList<>();
    for (String[] entry : CORPUS) {
      for (List<String> command : COMMANDS) {
        for (boolean asFlag : new boolean[] {true, false}) {
          List<String> args = new ArrayList<>();
          CliRunner runner = new CliRunner(project);
          if (asFlag) {
            args.addAll(List.of("--url", entry[0]));
          } else {
            runner.env("DATABASE_URL", entry[0]);
          }
          args.addAll(command);
          CliRunner.Result result = runner.run(args.toArray(String[]::new));
          String seen = result.out() + result.err();
          String where = (asFlag ? "--url " : "DATABASE_URL=") + entry[0] + " " + command;
          if (seen.contains(entry[1])) {
            failures.add(where + " printed the secret: " + seen);
          }
          if (result.exitCode() != Integer.parseInt(entry[2])) {
            failures.add(where + " exited " + result.exitCode() + ": " + seen);
          }
          List<String> errors =
              result.errLines().stream().filter(l -> l.startsWith("error: ")).toList();
          boolean verbose = command.contains("-v");
          if (errors.size() != 1 || !verbose && result.errLines().size() != 1) {
            failures.add(where + " is not one error line: " + result.err());
          }
        }
      }
    }
    assertEquals(List.of(), failures);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "jdbc:postgresql://host:99999/db | the port '99999' in the database URL is not a port",
        "postgres://u@host:abc/db | the port 'abc' in the database URL is not a port",
        "jdbc:postgresql//host/db | the JDBC URL is malformed",
        "postgresql+asyncpg://u@host/db | drop '+asyncpg'",
        "postgres+psycopg2://u@host/db | drop '+psycopg2'",
        "jdbc:postgresql://u:pw@host/db | holds user info",
        "mysql://u@host/db | PostgreSQL only",
        "localhost:5432/db | is not a database URL"
      })
  void urlsThatAreNotUsableSayWhichPartToFix(String url, String expected) {
    CliRunner.Result result = cli.run("--url", url, "current");
    assertEquals(2, result.exitCode(), result.err());
    assertTrue(result.err().contains(expected), result.err());
    assertTrue(result.err().contains("(hint: "), result.err());
  }

  @Test
  void aMissingMigrationsDirectoryIsAnErrorButForTheCommandsThatCreateIt() throws Exception {
    Files.writeString(
        project.resolve("retort.properties"),
        "migrations.dir=elsewhere\nmigrations.package=migrations\nurl=jdbc:postgresql://127.0.0.1:1/db\n");
    Path missing = project.resolve("elsewhere");
    for (List<String> command :
        List.of(
            List.of("upgrade"), List.of("stamp", "head"), List.of("history"), List.of("heads"))) {
      CliRunner.Result result = cli.run(command.toArray(String[]::new));
      assertEquals(2, result.exitCode(), command + ": " + result.err());
      assertTrue(
          result.err().contains("the migrations directory " + missing + " does not exist"),
          result.err());
    }
    CliRunner.Result revision = cli.run("revision", "-m", "first");
    assertEquals(0, revision.exitCode(), revision.err());
    assertTrue(Files.isDirectory(missing));
  }

  @Test
  void revisionIdsAreCheckedWhenTheMigrationsAreLoaded() throws Exception {
    String longId = "x".repeat(70);
    new MigrationSourceFiles(project.resolve("migrations"), "migrations")
        .write("M2", longId, "op.execute(\"SELECT 1\");", "", "a1");
    CliRunner.Result result = cli.run("history");
    assertEquals(4, result.exitCode(), result.err());
    assertTrue(result.err().contains("M2.java has the revision id '" + longId), result.err());
    assertFalse(result.err().contains("\n") && result.errLines().size() > 1, result.err());
  }
}
