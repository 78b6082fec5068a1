package dev.retort.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.testing.MigrationSourceFiles;
import dev.retort.testing.PostgresExtension;
import dev.retort.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code squash} on the workforce sample, through the packaged launcher: the baseline replaces the
 * six revisions (five schema migrations and the seed); a fresh database built from it alone equals
 * one built by the originals, catalog and rows; databases at the replaced head and partway keep
 * working while the files exist; once they are deleted, the one at the head is past the squash and
 * the one partway is told how to get past it.
 */
@ExtendWith(PostgresExtension.class)
class SquashIT {

  private static final String HEAD = "2e9d6b1f7c05";
  private static final String PARTWAY = "d05f9c3a71e8";

  @TempDir Path project;

  @Test
  void aBaselineReplacesTheWorkforceHistory(
      TestDatabase atHead, TestDatabase partway, TestDatabase fresh, TestDatabase stuck)
      throws Exception {
    Launcher.copyTree(Path.of("samples/workforce"), project);
    Launcher retort = new Launcher(project);
    assertEquals(0, retort.run(atHead.cliArgs(), "upgrade", "head").exitCode());
    assertEquals(0, retort.run(partway.cliArgs(), "upgrade", PARTWAY).exitCode());
    assertEquals(0, retort.run(stuck.cliArgs(), "upgrade", PARTWAY).exitCode());

    Launcher.Result squash = retort.run("squash", "-m", "baseline", "--rev-id", "base1");
    assertEquals(0, squash.exitCode(), squash.toString());
    assertTrue(squash.out().contains("it replaces 6 revisions"), squash.out());
    assertTrue(squash.out().contains("5 became the schema they make"), squash.out());
    Path baseline = onlyFile("Baseline");
    String source = Files.readString(baseline);
    assertTrue(source.contains("replaces = {\"3c7e1a90b2f4\","), source);
    assertTrue(source.contains("op.bulkInsert(\"roles\""), source);
    assertTrue(source.contains("INSERT INTO role_permissions"), source);

    // A second squash over the same revisions would make two roots once the files are gone.
    Launcher.Result twice = retort.run("squash", "-m", "again");
    assertEquals(2, twice.exitCode(), twice.toString());
    assertTrue(twice.err().contains("squash base1 already stands for"), twice.err());

    // While the replaced files exist, they are used: partway goes on through them.
    Launcher.Result through = retort.run(partway.cliArgs(), "upgrade", "head");
    assertEquals(0, through.exitCode(), through.toString());
    assertTrue(through.out().contains("Running upgrade " + PARTWAY), through.toString());
    assertEquals(HEAD, partway.queryOne("SELECT version_num FROM retort_version"));

    // The history's own files are deleted: fresh databases are built by the squash alone.
    for (Path file : migrationFiles()) {
      if (!file.equals(baseline)) {
        Files.delete(file);
      }
    }
    Launcher.Result built = retort.run(fresh.cliArgs(), "upgrade", "head");
    assertEquals(0, built.exitCode(), built.toString());
    assertEquals("base1", fresh.queryOne("SELECT version_num FROM retort_version"));
    assertEquals(CatalogSnapshot.catalog(atHead), CatalogSnapshot.catalog(fresh));
    assertEquals(CatalogSnapshot.rows(atHead), CatalogSnapshot.rows(fresh));
    assertTrue(
        CatalogSnapshot.rows(fresh).contains("role_permissions: 12 rows"),
        CatalogSnapshot.rows(fresh));

    // The database built by the originals is past the squash: nothing to do, in sync, checked.
    Launcher.Result current = retort.run(atHead.cliArgs(), "current");
    assertTrue(current.out().contains("base1"), current.toString());
    Launcher.Result nothing = retort.run(atHead.cliArgs(), "upgrade", "head");
    assertEquals(0, nothing.exitCode(), nothing.toString());
    assertTrue(nothing.out().contains("Nothing to upgrade"), nothing.toString());
    Launcher.Result check = retort.run(atHead.cliArgs(), "check", "--no-roundtrip");
    assertEquals(0, check.exitCode(), check.toString());

    // A database partway along the deleted files is told how to get past.
    Launcher.Result refused = retort.run(stuck.cliArgs(), "upgrade", "head");
    assertEquals(4, refused.exitCode(), refused.toString());
    assertTrue(refused.err().contains(PARTWAY + ", which squash base1 replaced"), refused.err());
    assertTrue(refused.err().contains("restore the replaced migrations"), refused.err());
    assertEquals(PARTWAY, stuck.queryOne("SELECT version_num FROM retort_version"));

    // A migration written after the squash applies to both kinds of database.
    Files.writeString(
        project.resolve("migrations/M20261203_0900_AddNickname.java"),
        "package com.example.workforce.migrations;\n\n"
            + "import static dev.retort.migration.Dsl.*;\n\n"
            + "import dev.retort.migration.Migration;\n"
            + "import dev.retort.migration.Operations;\n"
            + "import dev.retort.migration.Revision;\n\n"
            + "@Revision(id = \"nick1\", revises = \"base1\")\n"
            + "public final class M20261203_0900_AddNickname implements Migration {\n"
            + "  public void upgrade(Operations op) {\n"
            + "    op.addColumn(\"users\", column(\"nickname\", text()));\n"
            + "  }\n\n"
            + "  public void downgrade(Operations op) {\n"
            + "    op.dropColumn(\"users\", \"nickname\");\n"
            + "  }\n"
            + "}\n");
    assertEquals(0, retort.run(atHead.cliArgs(), "upgrade", "head").exitCode());
    assertEquals(0, retort.run(fresh.cliArgs(), "upgrade", "head").exitCode());
    assertEquals(CatalogSnapshot.catalog(atHead), CatalogSnapshot.catalog(fresh));
    Launcher.Result down = retort.run(fresh.cliArgs(), "downgrade", "base");
    assertEquals(0, down.exitCode(), down.toString());
    assertEquals(
        "0",
        fresh.queryOne(
            "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'"
                + " AND tablename NOT LIKE 'retort%'"));
  }

  @Test
  void aMigrationThatWorksOnTheConnectionCannotBeSquashed() throws Exception {
    Launcher.copyTree(Path.of("samples/workforce"), project);
    Files.writeString(
        project.resolve("migrations/M20261203_0900_Recount.java"),
        "package com.example.workforce.migrations;\n\n"
            + "import dev.retort.migration.Migration;\n"
            + "import dev.retort.migration.Operations;\n"
            + "import dev.retort.migration.Revision;\n\n"
            + "@Revision(id = \"jdbc1\", revises = \"2e9d6b1f7c05\")\n"
            + "public final class M20261203_0900_Recount implements Migration {\n"
            + "  public void upgrade(Operations op) {\n"
            + "    try (var s = op.connection().createStatement()) {\n"
            + "      s.execute(\"SELECT 1\");\n"
            + "    } catch (java.sql.SQLException e) {\n"
            + "      throw new IllegalStateException(e);\n"
            + "    }\n"
            + "  }\n\n"
            + "  public void downgrade(Operations op) {}\n"
            + "}\n");
    Launcher.Result refused = new Launcher(project).run("squash", "-m", "baseline");
    assertEquals(2, refused.exitCode(), refused.toString());
    assertTrue(refused.err().contains("cannot squash jdbc1"), refused.err());
    assertTrue(refused.err().contains("op.connection()"), refused.err());
    assertTrue(refused.err().contains("--to"), refused.err());
    assertEquals(7, migrationFiles().size());
  }

  @Test
  void aTableTheComparisonLeavesOutKeepsItsOwnSteps() throws Exception {
    Files.writeString(
        project.resolve("retort.properties"),
        "migrations.dir=migrations\nmigrations.package=migrations\nexclude=audit_*\n");
    MigrationSourceFiles files =
        new MigrationSourceFiles(project.resolve("migrations"), "migrations");
    files.write(
        "M1",
        "o1",
        "op.createTable(\"orders\", column(\"id\", bigint()));",
        "op.dropTable(\"orders\");");
    files.write(
        "M2",
        "o2",
        "op.createTable(\"audit_log\", column(\"id\", bigint()));",
        "op.dropTable(\"audit_log\");",
        "o1");
    Launcher.Result squash = new Launcher(project).run("squash", "-m", "baseline");
    assertEquals(0, squash.exitCode(), squash.toString());
    assertTrue(squash.out().contains("1 became the schema they make"), squash.out());
    String source = Files.readString(onlyFile("Baseline"));
    assertTrue(source.contains("// From o2 (M2), its own steps:"), source);
    assertTrue(source.contains("op.createTable(\"audit_log\""), source);
  }

  private List<Path> migrationFiles() throws Exception {
    try (Stream<Path> files = Files.list(project.resolve("migrations"))) {
      return files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
    }
  }

  private Path onlyFile(String suffix) throws Exception {
    List<Path> matching =
        migrationFiles().stream()
            .filter(f -> f.getFileName().toString().endsWith("_" + suffix + ".java"))
            .toList();
    assertEquals(1, matching.size(), matching.toString());
    return matching.get(0);
  }
}
