package dev.retort.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.testing.PostgresExtension;
import dev.retort.testing.TestDatabase;
import dev.retort.testing.TestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Arriving from Flyway, through the packaged launcher: a database real Flyway migrated partway is
 * taken over without running anything twice (stamped where Flyway left it, then upgraded by
 * Retort), and a fresh database built by the imported migrations has the same schema; the undo
 * script is the downgrade.
 */
@ExtendWith(PostgresExtension.class)
class FlywayImportIT {

  @TempDir Path project;

  private static final String COLUMNS =
      "SELECT string_agg(table_name || '.' || column_name || ':' || data_type, ', ' ORDER BY"
          + " table_name, column_name) FROM information_schema.columns WHERE table_schema ="
          + " 'public' AND table_name NOT LIKE 'retort_version%' AND table_name NOT LIKE"
          + " 'flyway%'";
  private static final String INDEXES =
      "SELECT string_agg(indexname, ', ' ORDER BY indexname) FROM pg_indexes WHERE schemaname ="
          + " 'public' AND tablename = 'users'";

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
  void aFlywayDatabaseIsTakenOverWhereFlywayLeftIt(TestDatabase flywayDb) throws Exception {
    Path sql = Files.createDirectories(project.resolve("db/migration"));
    Files.writeString(
        sql.resolve("V1__create_users.sql"),
        "CREATE TABLE users (id bigint PRIMARY KEY, email text);\n"
            + "INSERT INTO users VALUES (1, 'ada@example.org');\n");
    Files.writeString(
        sql.resolve("V1_1__add_name.sql"), "ALTER TABLE users ADD COLUMN name text;\n");
    Files.writeString(sql.resolve("U1_1__add_name.sql"), "ALTER TABLE users DROP COLUMN name;\n");
    Files.writeString(
        sql.resolve("V2__index_email.sql"),
        "CREATE INDEX CONCURRENTLY users_email ON users (email);\n");
    Files.writeString(sql.resolve("U2__index_email.sql"), "DROP INDEX CONCURRENTLY users_email;\n");
    Flyway.configure()
        .dataSource(flywayDb.url().jdbcUrl(), flywayDb.url().user(), flywayDb.url().password())
        .locations("filesystem:" + sql.toAbsolutePath())
        .target("1.1")
        .load()
        .migrate();

    config(flywayDb);
    Launcher retort = new Launcher(project);
    Launcher.Result imported = retort.run("import", "flyway", "db/migration");
    assertEquals(0, imported.exitCode(), imported.toString());
    assertTrue(imported.out().contains("Imported 3 Flyway migration(s)."), imported.toString());
    assertTrue(imported.out().contains("Stamped the database at fw_1_1"), imported.toString());
    assertTrue(!imported.err().contains("checksum"), "Flyway's checksums match: " + imported);

    Launcher.Result upgrade = retort.run("upgrade", "head");
    assertEquals(0, upgrade.exitCode(), upgrade.toString());
    assertTrue(upgrade.out().contains("Running upgrade fw_1_1 -> fw_2"), upgrade.toString());
    assertTrue(!upgrade.out().contains("-> fw_1,"), "nothing runs twice: " + upgrade);
    assertEquals("1", flywayDb.queryOne("SELECT count(*) FROM users"));
    assertEquals("users_email, users_pkey", flywayDb.queryOne(INDEXES));

    TestDatabase fresh = TestServer.get().createDatabase();
    try {
      config(fresh);
      Launcher.Result built = retort.run("upgrade", "head");
      assertEquals(0, built.exitCode(), built.toString());
      assertEquals(flywayDb.queryOne(COLUMNS), fresh.queryOne(COLUMNS));
      assertEquals(flywayDb.queryOne(INDEXES), fresh.queryOne(INDEXES));
      Launcher.Result undo = retort.run("downgrade", "fw_1");
      assertEquals(0, undo.exitCode(), undo.toString());
      assertEquals(
          "0",
          fresh.queryOne(
              "SELECT count(*) FROM information_schema.columns WHERE table_name = 'users'"
                  + " AND column_name = 'name'"));
      Launcher.Result irreversible = retort.run("downgrade", "base");
      assertEquals(5, irreversible.exitCode(), irreversible.toString());
      assertTrue(irreversible.err().contains("no undo script"), irreversible.toString());
    } finally {
      TestServer.get().dropDatabase(fresh);
    }

    // A second import into the same migrations directory is refused.
    Launcher.Result again = retort.run("import", "flyway", "db/migration");
    assertEquals(2, again.exitCode(), again.toString());
    assertTrue(again.err().contains("already holds revisions"), again.toString());
  }
}
