package dev.retort.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.testing.MigrationSourceFiles;
import dev.retort.testing.PostgresExtension;
import dev.retort.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The deploy convention: the platform's {@code DATABASE_URL} beats the developer's {@code url} in
 * {@code retort.properties}, and a command that writes says on its first line which database it
 * works on and which setting named it, without the password.
 */
@ExtendWith(PostgresExtension.class)
class WhichDatabaseTest {

  @TempDir Path project;

  @Test
  void writingCommandsNameTheDatabaseAndWhereItCameFrom(TestDatabase db) throws Exception {
    new MigrationSourceFiles(project.resolve("migrations"), "migrations")
        .write(
            "M1", "a1", "op.createTable(\"t\", column(\"id\", bigint()));", "op.dropTable(\"t\");");
    // The file names a database that does not exist: were it used, the run would fail.
    Files.writeString(
        project.resolve("retort.properties"),
        "migrations.dir=migrations\nmigrations.package=migrations\n"
            + "url=jdbc:postgresql://127.0.0.1:1/developer_default\n");
    String location = db.url().jdbcUrl().replaceFirst("^jdbc:postgresql://", "");
    String user = db.url().user();
    String databaseUrl = "postgres://" + user + ":NeverShown42@" + location;
    CliRunner cli = new CliRunner(project).env("DATABASE_URL", databaseUrl);

    CliRunner.Result upgrade = cli.run("upgrade");
    assertEquals(0, upgrade.exitCode(), upgrade.toString());
    String expected = user + "@" + location.replaceFirst("\\?.*$", "") + " (from DATABASE_URL)";
    String first = (upgrade.err() + upgrade.out()).lines().findFirst().orElse("");
    assertEquals("Upgrading " + expected, first, upgrade.toString());
    assertEquals("a1", db.queryOne("SELECT version_num FROM retort_version"));

    CliRunner.Result current = cli.run("-v", "current");
    assertEquals(0, current.exitCode(), current.toString());
    assertTrue(current.toString().contains("Database: " + expected), current.toString());

    CliRunner.Result downgrade = cli.run("downgrade", "base");
    assertTrue(downgrade.toString().contains("Downgrading " + expected), downgrade.toString());
    for (CliRunner.Result result : new CliRunner.Result[] {upgrade, current, downgrade}) {
      assertFalse(result.toString().contains("NeverShown42"), result.toString());
    }
  }
}
