package dev.retort.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.testing.MigrationSourceFiles;
import dev.retort.testing.PostgresExtension;
import dev.retort.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A history's life through the packaged launcher: an edited applied migration stops upgrade (a
 * reformatted one does not) until {@code repair}; an earlier Retort's version tables upgrade in
 * place; an unversioned database points at {@code stamp}; {@code pending} and {@code current} as a
 * range end say what a deploy will apply; each step's line comes when it starts, with a heartbeat
 * while it runs; a production environment named the platform's way asks for confirmation; two heads
 * fail {@code heads --check}.
 */
@ExtendWith(PostgresExtension.class)
class HistoryLifeIT {

  @TempDir Path project;
  private MigrationSourceFiles files;
  private Launcher retort;

  @BeforeEach
  void project() {
    files = new MigrationSourceFiles(project.resolve("migrations"), "migrations");
    retort = new Launcher(project);
  }

  private void config(TestDatabase db) throws Exception {
    Files.writeString(
        project.resolve("retort.properties"),
        "url="
            + db.url().jdbcUrl()
            + "\nuser="
            + db.url().user()
            + "\nmigrations.dir=migrations\nmigrations.package=migrations\n");
  }

  @Test
  void anEditedAppliedMigrationStopsUpgradeUntilRepaired(TestDatabase db) throws Exception {
    config(db);
    files.write(
        "M1",
        "c1",
        "op.createTable(\"t\", column(\"id\", bigint()).notNull());",
        "op.dropTable(\"t\");");
    assertEquals(0, retort.run("upgrade", "head").exitCode());

    // Reformatted, with a comment: the same statements, so nothing to say.
    files.write(
        "M1",
        "c1",
        "// the first table\n    op.createTable(\n        \"t\",\n        column(\"id\", bigint()).notNull());",
        "op.dropTable(\"t\");");
    Launcher.Result same = retort.run("upgrade", "head");
    assertEquals(0, same.exitCode(), same.toString());

    files.write(
        "M1",
        "c1",
        "op.createTable(\"t\", column(\"id\", bigint()).notNull(), column(\"note\", text()));",
        "op.dropTable(\"t\");");
    Launcher.Result edited = retort.run("upgrade", "head");
    assertEquals(7, edited.exitCode(), edited.toString());
    assertTrue(edited.err().contains("migration c1 ("), edited.err());
    assertTrue(edited.err().contains("has changed since it was applied"), edited.err());
    assertTrue(edited.err().contains("statement 1 differs"), edited.err());
    assertTrue(edited.err().contains("retort repair c1"), edited.err());

    Launcher.Result repair = retort.run("repair", "c1");
    assertEquals(0, repair.exitCode(), repair.toString());
    assertTrue(repair.out().contains("Recorded the current checksum of c1"), repair.toString());
    assertEquals(0, retort.run("upgrade", "head").exitCode());
    assertEquals(
        "repair",
        db.queryOne(
            "SELECT direction FROM retort_version_history WHERE version_num = 'c1' ORDER BY id DESC"
                + " LIMIT 1"));
  }

  @Test
  void anEarlierRetortsVersionTablesUpgradeInPlaceOnce(TestDatabase db) throws Exception {
    config(db);
    files.write(
        "M1", "o1", "op.createTable(\"t\", column(\"id\", bigint()));", "op.dropTable(\"t\");");
    assertEquals(0, retort.run("upgrade", "head").exitCode());
    db.execute(
        "ALTER TABLE retort_version_history DROP COLUMN checksum, DROP COLUMN statement_hashes");
    Launcher.Result first = retort.run("upgrade", "head");
    assertEquals(0, first.exitCode(), first.toString());
    assertTrue(first.err().contains("upgraded retort_version_history"), first.err());
    assertTrue(first.err().contains("recorded the checksums of 1 migration(s)"), first.err());
    Launcher.Result again = retort.run("upgrade", "head");
    assertTrue(!again.err().contains("upgraded retort_version_history"), again.err());
    files.write(
        "M1", "o1", "op.createTable(\"t\", column(\"id\", integer()));", "op.dropTable(\"t\");");
    assertEquals(7, retort.run("upgrade", "head").exitCode());
  }

  @Test
  void anUnversionedDatabaseIsNamedAndPointsAtStamp(TestDatabase db) throws Exception {
    config(db);
    db.execute("CREATE TABLE t (id bigint)", "CREATE TABLE u (id bigint)");
    files.write(
        "M1", "u1", "op.createTable(\"t\", column(\"id\", bigint()));", "op.dropTable(\"t\");");
    Launcher.Result current = retort.run("current");
    assertEquals(0, current.exitCode(), current.toString());
    assertTrue(current.out().contains("unversioned: 2 table(s)"), current.toString());
    Launcher.Result upgrade = retort.run("upgrade", "head");
    assertEquals(4, upgrade.exitCode(), upgrade.toString());
    assertTrue(upgrade.err().contains("already has table t"), upgrade.err());
    assertTrue(upgrade.err().contains("retort stamp"), upgrade.err());
    assertEquals("f", db.queryOne("SELECT to_regclass('retort_version') IS NOT NULL"));
    assertEquals(0, retort.run("stamp", "head").exitCode());
    assertTrue(retort.run("current").out().contains("u1 (head)"));
  }

  @Test
  void whatADeployWillApplyAndHowItShowsProgress(TestDatabase db) throws Exception {
    config(db);
    files.write(
        "M1", "p1", "op.createTable(\"t\", column(\"id\", bigint()));", "op.dropTable(\"t\");");
    assertEquals(0, retort.run("upgrade", "head").exitCode());
    files.write(
        "M2",
        "p2",
        "op.addColumn(\"t\", column(\"note\", text()));"
            + " op.execute(\"SELECT pg_sleep(2.5)\");"
            + " op.execute(\"UPDATE t SET note = 'x'\");",
        "op.dropColumn(\"t\", \"note\");",
        "p1");

    Launcher.Result pending = retort.run("pending");
    assertEquals(0, pending.exitCode(), pending.toString());
    assertTrue(pending.out().contains("1 migration(s) to apply:"), pending.toString());
    assertTrue(pending.out().contains("p1 -> p2, M2"), pending.toString());
    assertTrue(pending.out().contains("RT018"), "lint warnings show: " + pending);

    Launcher.Result sql = retort.run("upgrade", "--sql");
    assertEquals(0, sql.exitCode(), sql.toString());
    assertTrue(sql.out().contains("Running upgrade p2"), sql.out());
    assertTrue(!sql.out().contains("Running upgrade p1"), "starts from the database: " + sql.out());
    assertTrue(
        sql.toString().contains("starting from the database's current revision: p1"),
        sql.toString());
    Launcher.Result range = retort.run("upgrade", "--sql", "current:head");
    assertTrue(
        range.out().contains("Running upgrade p2") && !range.out().contains("Running upgrade p1"),
        range.toString());
    Launcher.Result history = retort.run("history", "-r", "current:head");
    assertEquals(0, history.exitCode(), history.toString());
    assertTrue(history.out().contains("p2"), history.toString());

    Launcher.Result upgrade = retort.env("RETORT_HEARTBEAT", "1").run("upgrade", "head");
    assertEquals(0, upgrade.exitCode(), upgrade.toString());
    String all = upgrade.out() + upgrade.err();
    assertTrue(upgrade.out().contains("Running upgrade p1 -> p2, M2 (1/1)"), upgrade.toString());
    assertTrue(upgrade.err().contains("still running upgrade p2 after"), upgrade.toString());
    assertTrue(upgrade.out().contains("done in"), upgrade.toString());
    assertEquals(0, retort.run("pending").exitCode());
    assertTrue(retort.run("pending").out().contains("Nothing pending"), all);
  }

  @Test
  void aProductionEnvironmentNamedThePlatformsWayAsksForConfirmation(TestDatabase db)
      throws Exception {
    config(db);
    files.write(
        "M1", "g1", "op.createTable(\"t\", column(\"id\", bigint()));", "op.dropTable(\"t\");");
    retort.env("APP_ENV", "production");
    Launcher.Result refused = retort.run("upgrade", "head");
    assertEquals(2, refused.exitCode(), refused.toString());
    assertTrue(refused.err().contains("marked production (by APP_ENV)"), refused.err());
    Launcher.Result confirmed =
        retort.env("RETORT_CONFIRM_PRODUCTION", "yes").run("upgrade", "head");
    assertEquals(0, confirmed.exitCode(), confirmed.toString());
  }

  @Test
  void twoHeadsFailHeadsCheck(TestDatabase db) throws Exception {
    config(db);
    files.write(
        "M1", "h1", "op.createTable(\"a\", column(\"id\", bigint()));", "op.dropTable(\"a\");");
    files.write(
        "M2",
        "h2",
        "op.createTable(\"b\", column(\"id\", bigint()));",
        "op.dropTable(\"b\");",
        "h1");
    files.write(
        "M3",
        "h3",
        "op.createTable(\"c\", column(\"id\", bigint()));",
        "op.dropTable(\"c\");",
        "h1");
    Launcher.Result heads = retort.run("heads", "--check");
    assertEquals(4, heads.exitCode(), heads.toString());
    assertTrue(heads.err().contains("retort merge"), heads.err());
    files.write("M4", "h4", "", "", "h2", "h3");
    assertEquals(0, retort.run("heads", "--check").exitCode());
  }

  @Test
  void driftIsWhatTheDatabaseHasThatTheMigrationsDoNotBuild(TestDatabase db) throws Exception {
    config(db);
    files.write(
        "M1",
        "d1",
        "op.createTable(\"t\", column(\"id\", bigint()).notNull(), primaryKey(\"t_pkey\", \"id\"));",
        "op.dropTable(\"t\");");
    assertEquals(0, retort.run("upgrade", "head").exitCode());
    Launcher.Result clean = retort.run("drift");
    assertEquals(0, clean.exitCode(), clean.toString());
    assertTrue(clean.out().contains("No drift"), clean.toString());

    // Roles are the server's, not the database's: one per test database.
    String role = "reader_" + Integer.toHexString(db.name().hashCode());
    db.execute(
        "ALTER TABLE t ADD COLUMN extra text",
        "CREATE INDEX t_extra ON t (extra)",
        "CREATE ROLE " + role + " LOGIN PASSWORD 'reader'",
        "GRANT USAGE ON SCHEMA public TO " + role,
        "GRANT SELECT ON ALL TABLES IN SCHEMA public TO " + role);
    // A read-only role is enough.
    Files.writeString(
        project.resolve("retort.properties"),
        "url="
            + db.url().jdbcUrl()
            + "\nuser="
            + role
            + "\npassword=reader\nmigrations.dir=migrations\n"
            + "migrations.package=migrations\n");
    Launcher.Result drift = retort.run("drift");
    assertEquals(1, drift.exitCode(), drift.toString());
    assertTrue(
        drift.out().contains("differs from what the migrations build at d1"), drift.toString());
    assertTrue(drift.out().contains("t.extra"), drift.toString());
    assertTrue(drift.out().contains("t_extra"), drift.toString());
    Launcher.Result json = retort.run("drift", "--format", "json");
    assertEquals(1, json.exitCode(), json.toString());
    assertTrue(json.out().contains("\"inSync\": false"), json.toString());
  }

  @Test
  void checkTestsTheNewestDowngradeAndRefusesTwoHeads() throws Exception {
    Path model = Files.createDirectories(project.resolve("model/fx"));
    Files.writeString(
        model.resolve("Note.java"),
        """
        package fx;

        import jakarta.persistence.*;

        @Entity
        @Table(name = "note")
        public class Note {
          @Id Long id;
          String body;
        }
        """);
    Files.writeString(
        project.resolve("retort.properties"),
        "entities.sources=model\nentities.packages=fx\nmigrations.dir=migrations\n"
            + "migrations.package=migrations\n");
    files.write(
        "M1",
        "r1",
        "op.createTable(\"note\", column(\"id\", bigint()).notNull(), primaryKey(\"note_pkey\", \"id\"));",
        "op.dropTable(\"note\");");
    files.write("M2", "r2", "op.addColumn(\"note\", column(\"body\", varchar(255)));", "", "r1");
    Launcher.Result broken = retort.run("check");
    assertEquals(1, broken.exitCode(), broken.toString());
    assertTrue(
        broken.err().contains("the downgrade of r1 -> r2 does not restore the schema"),
        broken.toString());
    assertTrue(broken.err().contains("note.body"), broken.toString());
    assertEquals(0, retort.run("check", "--no-roundtrip").exitCode());

    files.write(
        "M2",
        "r2",
        "op.addColumn(\"note\", column(\"body\", varchar(255)));",
        "op.dropColumn(\"note\", \"body\");",
        "r1");
    Launcher.Result fixed = retort.run("-v", "check");
    assertEquals(0, fixed.exitCode(), fixed.toString());
    assertTrue(fixed.toString().contains("Downgrade test passed (r1 -> r2)"), fixed.toString());
    assertFalse(fixed.toString().contains("reused"), fixed.toString());

    // The same migrations again: the passed check's replay is reused, nothing replayed or tested.
    Launcher.Result again = retort.run("-v", "check");
    assertEquals(0, again.exitCode(), again.toString());
    assertTrue(
        again.toString().contains("Reusing the replay of an earlier check"), again.toString());
    assertTrue(again.toString().contains("whose replay was reused"), again.toString());
    assertFalse(again.toString().matches("(?s).*\\bupgrade \\d+ ms.*"), again.toString());
    // The reusing check took the kept cluster and gave it back: a third is reused as well.
    Launcher.Result third = retort.run("-v", "check");
    assertEquals(0, third.exitCode(), third.toString());
    assertTrue(third.toString().contains("whose replay was reused"), third.toString());

    // Only the downgrade edited, broken again: another key, so replayed and tested afresh.
    files.write("M2", "r2", "op.addColumn(\"note\", column(\"body\", varchar(255)));", "", "r1");
    Launcher.Result rebroken = retort.run("-v", "check");
    assertEquals(1, rebroken.exitCode(), rebroken.toString());
    assertFalse(rebroken.toString().contains("Reusing"), rebroken.toString());
    assertTrue(
        rebroken.err().contains("the downgrade of r1 -> r2 does not restore the schema"),
        rebroken.toString());

    files.write("M3", "r3", "op.execute(\"SELECT 1\");", "", "r1");
    Launcher.Result twoHeads = retort.run("check");
    assertEquals(4, twoHeads.exitCode(), twoHeads.toString());
    assertTrue(twoHeads.err().contains("retort merge"), twoHeads.toString());
  }
}
