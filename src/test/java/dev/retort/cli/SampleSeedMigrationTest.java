package dev.retort.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.retort.testing.PostgresExtension;
import dev.retort.testing.TestDatabase;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sample's hand-written data migration is idempotent, as its Javadoc promises: on a database
 * where an administrator seeded part of the matrix already it adds only what is missing, keeps what
 * was there, and its downgrade takes back only what it could have added.
 */
@ExtendWith(PostgresExtension.class)
class SampleSeedMigrationTest {

  private static final String BEFORE_SEED = "f1e27a4c9b63";

  @TempDir Path work;

  @Test
  void seedsOnlyWhatIsMissing(TestDatabase db) {
    CliRunner retort =
        new CliRunner(Path.of("samples/workforce").toAbsolutePath())
            .env("RETORT_CACHE_DIR", work.toString());
    assertEquals(0, retort.run(db.cliArgs(), "-q", "upgrade", BEFORE_SEED).exitCode());
    db.execute(
        "INSERT INTO roles (name, description) VALUES ('admin', 'Seeded by hand')",
        "INSERT INTO permissions (code, description) VALUES ('users.read', 'Seeded by hand')",
        "INSERT INTO role_permissions SELECT r.id, p.id FROM roles r, permissions p WHERE r.name = 'admin' AND p.code = 'users.read'");

    CliRunner.Result upgrade = retort.run(db.cliArgs(), "-q", "upgrade", "head");
    assertEquals(0, upgrade.exitCode(), upgrade.err());
    assertEquals(
        "3\t7\t12",
        db.queryOne(
            "SELECT (SELECT count(*) FROM roles), (SELECT count(*) FROM permissions),"
                + " (SELECT count(*) FROM role_permissions)"));
    assertEquals(
        "Seeded by hand",
        db.queryOne("SELECT description FROM roles WHERE name = 'admin'"),
        "kept as it was");

    assertEquals(0, retort.run(db.cliArgs(), "-q", "downgrade", "-1").exitCode());
    assertEquals("0", db.queryOne("SELECT count(*) FROM role_permissions"));
    assertEquals(0, retort.run(db.cliArgs(), "-q", "upgrade", "head").exitCode());
    assertEquals(
        "3\t7\t12",
        db.queryOne(
            "SELECT (SELECT count(*) FROM roles), (SELECT count(*) FROM permissions),"
                + " (SELECT count(*) FROM role_permissions)"));
  }
}
