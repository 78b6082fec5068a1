package dev.retort.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.testing.PostgresExtension;
import dev.retort.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a user reads: the autogenerate summary, -q, -v, "No changes detected", check's JSON,
 * completion.
 */
@ExtendWith(PostgresExtension.class)
class AutogenerateOutputTest {

  @TempDir Path project;
  private CliRunner cli;

  @BeforeEach
  void writeProject() throws Exception {
    cli = new CliRunner(project);
    Path model = Files.createDirectories(project.resolve("model/fx"));
    Files.writeString(
        model.resolve("User.java"),
        """
        package fx;

        import jakarta.persistence.*;

        @Entity
        @Table(name = "users")
        public class User {
          @Id Long id;
          @Column(nullable = false) String email;
        }
        """);
    Files.writeString(
        project.resolve("retort.properties"),
        """
        entities.sources=model
        entities.packages=fx
        migrations.dir=migrations
        migrations.package=migrations
        """);
  }

  private List<Path> migrations() throws Exception {
    Path dir = project.resolve("migrations");
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files.toList();
    }
  }

  @Test
  void summaryThenNoChangesDetectedThenVerboseSql(TestDatabase db) throws Exception {
    CliRunner.Result first = cli.run(db.cliArgs(), "revision", "--autogenerate", "-m", "initial");
    assertEquals(0, first.exitCode(), first.err());
    assertTrue(first.out().startsWith("Detected added table 'users'\n"), first.out());
    assertTrue(first.out().contains("Generated migrations/M"), first.out());
    assertEquals(1, migrations().size());

    CliRunner.Result upgrade = cli.run(db.cliArgs(), "-v", "upgrade", "head");
    assertEquals(0, upgrade.exitCode(), upgrade.err());
    assertTrue(
        upgrade.err().contains("CREATE TABLE users ("), "-v shows the SQL: " + upgrade.err());

    CliRunner.Result again =
        cli.run(db.cliArgs(), "-q", "revision", "--autogenerate", "-m", "again");
    assertEquals(0, again.exitCode(), again.err());
    assertEquals("No changes detected.\n", again.out());
    assertEquals("", again.err());
    assertEquals(1, migrations().size(), "no file when nothing changed");

    CliRunner.Result check = cli.run(db.cliArgs(), "-v", "check");
    assertEquals(0, check.exitCode(), check.err());
    assertTrue(check.err().contains("timings: "), "-v shows the phase timings: " + check.err());
  }

  @Test
  void checkAsJsonIsJsonPostgreSqlCanRead(TestDatabase db) throws Exception {
    Files.createDirectories(project.resolve("migrations"));
    CliRunner.Result check = cli.run(db.cliArgs(), "check", "--format", "json");
    assertEquals(1, check.exitCode(), check.err());
    String json = check.out().replace("'", "''");
    assertEquals(
        "false\t1\tadded table 'users'",
        db.queryOne(
            "SELECT j ->> 'inSync', jsonb_array_length(j -> 'differences'),"
                + " j -> 'differences' -> 0 ->> 'summary' FROM (SELECT '"
                + json
                + "'::jsonb AS j) s"));
  }

  @Test
  void completionScriptForBashAndZsh() {
    CliRunner.Result completion = cli.run("generate-completion");
    assertEquals(0, completion.exitCode(), completion.err());
    assertTrue(
        completion.out().contains("complete -F") && completion.out().contains("retort"),
        completion.out());
  }
}
