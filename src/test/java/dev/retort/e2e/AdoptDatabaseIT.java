package dev.retort.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
 * Adopting a database built some other way, through the packaged launcher: {@code stamp --detect}
 * names the workforce revision its schema matches (or the closest, with what differs), and {@code
 * revision --from-database} writes a history's first migration from it, which builds the same
 * schema on a fresh database.
 */
@ExtendWith(PostgresExtension.class)
class AdoptDatabaseIT {

  private static final String PARTWAY = "d05f9c3a71e8";

  @TempDir Path project;

  /** The workforce schema at {@code revision}, with no trace of Retort: built "some other way". */
  private static void builtElsewhere(Launcher retort, TestDatabase db, String revision)
      throws Exception {
    assertEquals(0, retort.run(db.cliArgs(), "upgrade", revision).exitCode());
    db.execute("DROP TABLE retort_version, retort_version_history, retort_version_partial");
  }

  @Test
  void stampDetectNamesTheRevisionTheSchemaMatches(TestDatabase db) throws Exception {
    Launcher.copyTree(Path.of("samples/workforce"), project);
    Launcher retort = new Launcher(project);
    builtElsewhere(retort, db, PARTWAY);

    Launcher.Result current = retort.run(db.cliArgs(), "current");
    assertTrue(current.out().contains("retort stamp --detect"), current.toString());

    Launcher.Result detected = retort.run(db.cliArgs(), "stamp", "--detect");
    assertEquals(0, detected.exitCode(), detected.toString());
    assertTrue(
        detected.out().contains("matches revision " + PARTWAY + " (add suspended user status)"),
        detected.out());
    assertTrue(detected.out().contains("retort stamp " + PARTWAY), detected.out());
    assertEquals(
        List.of(), db.query("SELECT tablename FROM pg_tables WHERE tablename LIKE 'retort%'"));

    db.execute("ALTER TABLE users ADD COLUMN nickname text");
    Launcher.Result closest = retort.run(db.cliArgs(), "stamp", "--detect");
    assertEquals(1, closest.exitCode(), closest.toString());
    assertTrue(closest.out().contains("No revision matches exactly"), closest.out());
    assertTrue(closest.out().contains("closest is revision " + PARTWAY), closest.out());
    assertTrue(closest.out().contains("nickname"), closest.out());

    db.execute("ALTER TABLE users DROP COLUMN nickname");
    assertEquals(0, retort.run(db.cliArgs(), "stamp", PARTWAY).exitCode());
    Launcher.Result upgraded = retort.run(db.cliArgs(), "upgrade", "head");
    assertEquals(0, upgraded.exitCode(), upgraded.toString());
    assertEquals(0, retort.run(db.cliArgs(), "drift").exitCode());
  }

  @Test
  void aBaselineFromTheDatabaseBuildsTheSameSchema(TestDatabase legacy, TestDatabase fresh)
      throws Exception {
    Path workforce = Files.createDirectories(project.resolve("workforce"));
    Launcher.copyTree(Path.of("samples/workforce"), workforce);
    builtElsewhere(new Launcher(workforce), legacy, "head");

    Path adopted = Files.createDirectories(project.resolve("adopted"));
    Files.writeString(
        adopted.resolve("retort.properties"),
        "migrations.dir=migrations\nmigrations.package=com.example.adopted\n");
    Launcher retort = new Launcher(adopted);
    Launcher.Result baseline =
        retort.run(legacy.cliArgs(), "revision", "--from-database", "-m", "baseline");
    assertEquals(0, baseline.exitCode(), baseline.toString());
    assertTrue(baseline.out().contains("retort stamp "), baseline.out());
    List<Path> files;
    try (Stream<Path> list = Files.list(adopted.resolve("migrations"))) {
      files = list.toList();
    }
    assertEquals(1, files.size(), files.toString());
    String source = Files.readString(files.get(0));
    assertTrue(source.contains("retort revision --from-database"), source);
    assertTrue(source.contains("op.createTable(\"users\""), source);

    Launcher.Result again =
        retort.run(legacy.cliArgs(), "revision", "--from-database", "-m", "baseline");
    assertEquals(2, again.exitCode(), again.toString());
    assertTrue(again.err().contains("already holds revisions"), again.err());

    assertEquals(0, retort.run(legacy.cliArgs(), "stamp", "head").exitCode());
    assertEquals(0, retort.run(legacy.cliArgs(), "drift").exitCode());
    assertEquals(0, retort.run(fresh.cliArgs(), "upgrade", "head").exitCode());
    assertEquals(CatalogSnapshot.catalog(legacy), CatalogSnapshot.catalog(fresh));
  }
}
