package dev.retort.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.testing.MigrationSourceFiles;
import dev.retort.testing.PostgresExtension;
import dev.retort.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code retort lint} from the command line: the migrations not yet applied by default, the three
 * formats (JSON and SARIF read back by PostgreSQL's own JSON parser), and the exit codes.
 */
@ExtendWith(PostgresExtension.class)
class LintCommandTest {

  @TempDir Path project;
  private CliRunner cli;
  private Path risky;

  @BeforeEach
  void writeMigrations() throws Exception {
    MigrationSourceFiles files =
        new MigrationSourceFiles(project.resolve("migrations"), "migrations");
    files.write(
        "M1",
        "a1",
        "op.createTable(\"orders\", column(\"id\", bigint()).notNull(), column(\"total\","
            + " numeric(10, 2)), primaryKey(\"orders_pkey\", \"id\"));",
        "op.dropTable(\"orders\");");
    risky =
        files.write(
            "M2",
            "b2",
            "op.execute(\"SET lock_timeout = '5s'\");\n    op.dropColumn(\"orders\", \"total\");",
            "op.addColumn(\"orders\", column(\"total\", numeric(10, 2)));",
            "a1");
    Files.writeString(
        project.resolve("retort.properties"),
        "migrations.dir=migrations\nmigrations.package=migrations\n");
    cli = new CliRunner(project);
  }

  private int lineOf(String text) throws Exception {
    List<String> lines = Files.readAllLines(risky);
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).contains(text)) {
        return i + 1;
      }
    }
    throw new AssertionError(text);
  }

  @Test
  void pendingMigrationsAreLintedAndFindingsAtFailOnExitOne(TestDatabase db) throws Exception {
    assertEquals(0, cli.run(db.cliArgs(), "upgrade", "a1").exitCode());

    CliRunner.Result text = cli.run(db.cliArgs(), "lint");
    assertEquals(1, text.exitCode(), text.toString());
    int line = lineOf("op.dropColumn");
    assertTrue(
        text.out().contains("M2.java:" + line + ": error RT012 column orders.total is dropped"),
        text.out());
    assertFalse(
        text.out().contains("M1.java"), "a1 is applied, so it is not linted: " + text.out());

    CliRunner.Result below = cli.run(db.cliArgs(), "lint", "--fail-on", "none");
    assertEquals(0, below.exitCode(), below.toString());

    CliRunner.Result json = cli.run(db.cliArgs(), "lint", "--format", "json");
    assertEquals(1, json.exitCode(), json.toString());
    assertEquals(
        "1\tRT012\terror\tb2\t" + line,
        db.queryOne(
            "SELECT jsonb_array_length(j -> 'findings'), f ->> 'rule', f ->> 'severity',"
                + " f ->> 'migration', f ->> 'line' FROM (SELECT '"
                + json.out().replace("'", "''")
                + "'::jsonb AS j) s, jsonb_array_elements(j -> 'findings') f"));

    CliRunner.Result sarif = cli.run(db.cliArgs(), "lint", "--format", "sarif");
    assertEquals(1, sarif.exitCode(), sarif.toString());
    assertEquals(
        "https://json.schemastore.org/sarif-2.1.0.json\t2.1.0\tretort\t1\tRT012\terror\t"
            + line
            + "\tt",
        db.queryOne(
            "SELECT j ->> '$schema', j ->> 'version', r -> 'tool' -> 'driver' ->> 'name',"
                + " jsonb_array_length(r -> 'results'), x ->> 'ruleId', x ->> 'level',"
                + " x -> 'locations' -> 0 -> 'physicalLocation' -> 'region' ->> 'startLine',"
                + " x -> 'locations' -> 0 -> 'physicalLocation' -> 'artifactLocation' ->> 'uri'"
                + " LIKE '%M2.java'"
                + " FROM (SELECT '"
                + sarif.out().replace("'", "''")
                + "'::jsonb AS j) s, jsonb_array_elements(j -> 'runs') r,"
                + " jsonb_array_elements(r -> 'results') x"));

    assertEquals(0, cli.run(db.cliArgs(), "upgrade").exitCode());
    CliRunner.Result clean = cli.run(db.cliArgs(), "lint");
    assertEquals(0, clean.exitCode(), clean.toString());
    assertTrue(clean.out().contains("No findings"), clean.out());
  }

  @Test
  void withoutADatabaseEveryMigrationIsLintedAndASuppressionWithAReasonSilences() throws Exception {
    String source = Files.readString(risky);
    Files.writeString(
        risky,
        source.replace(
            "op.dropColumn",
            "// retort:ignore RT012 -- the entity stopped mapping total in release 41\n    op.dropColumn"));
    CliRunner.Result all = cli.run("-D", "lint.target-version=16", "lint");
    assertEquals(0, all.exitCode(), all.toString());
    assertTrue(
        all.out().contains("No findings in 2 migration(s) (all migrations; PostgreSQL 16)"),
        all.out());
    assertFalse(all.out().contains("RT012"), all.out());

    CliRunner.Result bad = cli.run("-D", "lint.target-version=sixteen", "lint");
    assertEquals(2, bad.exitCode(), bad.toString());
  }
}
