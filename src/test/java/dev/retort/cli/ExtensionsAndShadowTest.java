package dev.retort.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.retort.error.ExitCode;
import dev.retort.shadow.container.ContainerServer;
import dev.retort.testing.MigrationSourceFiles;
import dev.retort.testing.PostgresExtension;
import dev.retort.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Types from extensions through the whole command line: a {@code citext} column checks clean
 * against a database where the extension is installed, whether the entities are canonicalized on
 * that database or (when it refuses scratch schemas) on the embedded server; a {@code vector}
 * column or a migration creating {@code vector} on the embedded server, which lacks pgvector, says
 * so in one line (exit 10); and {@code shadow.image} without a Docker engine is refused in one
 * line.
 */
@ExtendWith(PostgresExtension.class)
class ExtensionsAndShadowTest {

  @TempDir Path project;
  private CliRunner cli;

  @BeforeEach
  void writeProject() throws Exception {
    cli = new CliRunner(project);
    Files.createDirectories(project.resolve("migrations"));
    Files.writeString(
        project.resolve("retort.properties"),
        """
        entities.sources=model
        entities.packages=fx
        migrations.dir=migrations
        migrations.package=migrations
        """);
  }

  private void entity(String name, String columnDefinition) throws Exception {
    Path model = Files.createDirectories(project.resolve("model/fx"));
    Files.writeString(
        model.resolve(name + ".java"),
        """
        package fx;

        import jakarta.persistence.*;

        @Entity
        public class NAME {
          @Id Long id;
          @Column(columnDefinition = "DEFINITION") String value;
        }
        """
            .replace("NAME", name)
            .replace("DEFINITION", columnDefinition));
  }

  private static void assertOneLineError(
      CliRunner.Result result, ExitCode exitCode, String... fragments) {
    assertEquals(exitCode.code(), result.exitCode(), result.err() + result.out());
    List<String> lines = result.errLines();
    assertEquals(1, lines.size(), "one line on stderr: " + result.err());
    String line = lines.get(0);
    assertTrue(line.startsWith("error: "), line);
    assertTrue(line.contains("(hint: "), "has a hint: " + line);
    for (String fragment : fragments) {
      assertTrue(line.contains(fragment), "'" + fragment + "' in: " + line);
    }
  }

  /** A database where a DBA installed citext, and a migration that uses it, applied. */
  private void citextMigrationApplied(TestDatabase db) throws Exception {
    db.execute("CREATE EXTENSION citext");
    entity("Member", "citext");
    CliRunner.Result revision = cli.run(db.cliArgs(), "revision", "--autogenerate", "-m", "init");
    assertEquals(0, revision.exitCode(), revision.err());
    assertEquals("", revision.err(), "no warning: the database has the extension");
    CliRunner.Result upgrade = cli.run(db.cliArgs(), "upgrade", "head");
    assertEquals(0, upgrade.exitCode(), upgrade.err());
    assertEquals(
        "citext",
        db.queryOne("SELECT pg_typeof(value)::text FROM (SELECT NULL::citext AS value) v"));
    assertEquals(
        "citext",
        db.queryOne(
            "SELECT udt_name FROM information_schema.columns"
                + " WHERE table_name = 'member' AND column_name = 'value'"));
  }

  @Test
  void citextChecksCleanCanonicalizedOnTheDatabase(TestDatabase db) throws Exception {
    citextMigrationApplied(db);
    CliRunner.Result check = cli.run(db.cliArgs(), "check");
    assertEquals(0, check.exitCode(), check.out() + check.err());
    assertEquals("", check.err());
  }

  @Test
  void citextChecksCleanCanonicalizedOnTheEmbeddedServer(TestDatabase db) throws Exception {
    citextMigrationApplied(db);
    // A role that may read the catalog but not create scratch schemas: the entities are
    // canonicalized on the embedded server, which must install citext where the database has it.
    db.execute(
        "CREATE ROLE retort_citext_reader LOGIN",
        "GRANT CONNECT ON DATABASE " + db.name() + " TO retort_citext_reader",
        "GRANT USAGE ON SCHEMA public TO retort_citext_reader",
        "GRANT SELECT ON ALL TABLES IN SCHEMA public TO retort_citext_reader");
    try {
      List<String> reader =
          new ArrayList<>(List.of("--url", db.url().jdbcUrl(), "--user", "retort_citext_reader"));
      // No cache: the entities must be canonicalized again, by this role.
      CliRunner.Result check = cli.run(reader, "-D", "cache=off", "check");
      assertEquals(0, check.exitCode(), check.out() + check.err());
      assertTrue(
          check
              .err()
              .contains("canonicalizing the entity model on the embedded PostgreSQL instead"),
          check.out() + check.err());
      assertTrue(!check.err().contains("installed for the comparison only"), check.err());
    } finally {
      db.execute("DROP OWNED BY retort_citext_reader", "DROP ROLE retort_citext_reader");
    }
  }

  @Test
  void citextTheDatabaseLacksIsInstalledForTheComparisonOnlyAndSaidSo(TestDatabase db)
      throws Exception {
    entity("Member", "citext");
    CliRunner.Result check = cli.run(db.cliArgs(), "check");
    assertEquals(1, check.exitCode(), check.out() + check.err());
    assertTrue(check.out().contains("member"), check.out());
    assertTrue(
        check
            .err()
            .contains(
                "uses type citext of extension \"citext\", which is not installed in the database"),
        check.err());
    assertTrue(check.err().contains("CREATE EXTENSION IF NOT EXISTS citext"), check.err());
    assertEquals("0", db.queryOne("SELECT count(*) FROM pg_extension WHERE extname = 'citext'"));
  }

  @Test
  void vectorOnTheEmbeddedServerNamesTheExtension() throws Exception {
    entity("Item", "vector(3)");
    assertOneLineError(
        cli.run("check"),
        ExitCode.SHADOW_UNAVAILABLE,
        "error: the entity model (from fx.Item) uses type vector (extension \"vector\"), which the"
            + " embedded PostgreSQL does not have (hint: set shadow.image to an image with it"
            + " (needs Docker) or point url at a database where it is installed)");
  }

  @Test
  void aMigrationCreatingAnExtensionTheEmbeddedServerLacksNamesIt() throws Exception {
    entity("Member", "text");
    new MigrationSourceFiles(project.resolve("migrations"), "migrations")
        .write("M1_Vector", "a1", "op.execute(\"CREATE EXTENSION vector\");", "");
    assertOneLineError(
        cli.run("check"),
        ExitCode.SHADOW_UNAVAILABLE,
        "a migration (upgrade of a1",
        "creates extension \"vector\", which the embedded PostgreSQL does not have",
        "set shadow.image");
  }

  @Test
  void aMigrationUsingAnExtensionTypeItNeverCreatesSaysToCreateIt() throws Exception {
    entity("Member", "text");
    new MigrationSourceFiles(project.resolve("migrations"), "migrations")
        .write(
            "M1_Tags",
            "a1",
            "op.execute(\"CREATE TABLE tags (path ltree)\");",
            "op.execute(\"DROP TABLE tags\");");
    assertOneLineError(
        cli.run("check"),
        ExitCode.SHADOW_UNAVAILABLE,
        "uses type ltree (extension \"ltree\"), which is not installed on the embedded PostgreSQL",
        "CREATE EXTENSION IF NOT EXISTS ltree");
  }

  @Test
  void shadowImageWithoutDockerIsRefusedWithTheWayOut() throws Exception {
    assumeFalse(ContainerServer.dockerAvailable(), "a Docker engine is here: nothing to refuse");
    entity("Item", "vector(3)");
    assertOneLineError(
        cli.run("-D", "shadow.image=pgvector/pgvector:pg16", "check"),
        ExitCode.SHADOW_UNAVAILABLE,
        "error: shadow.image is set (pgvector/pgvector:pg16), but no Docker engine is reachable",
        "start Docker",
        "unset shadow.image to use the embedded PostgreSQL",
        "set url to a database");
  }

  @Test
  void shadowImageIsNotNeededWhenTheDatabaseCanonicalizes(TestDatabase db) throws Exception {
    citextMigrationApplied(db);
    CliRunner.Result check = cli.run(db.cliArgs(), "-D", "shadow.image=postgres:16", "check");
    assertEquals(0, check.exitCode(), check.out() + check.err());
  }

  @Test
  void aShadowImageThatIsNoImageNameIsInvalidInput() throws Exception {
    entity("Item", "text");
    assertOneLineError(
        cli.run("-D", "shadow.image=Postgres 16!", "check"),
        ExitCode.INVALID_INPUT,
        "shadow.image 'Postgres 16!' is not a Docker image name");
  }

  @Test
  void vectorChecksCleanOnAPgvectorContainer() throws Exception {
    assumeTrue(
        ContainerServer.dockerAvailable(),
        "no Docker engine: shadow.image=pgvector/pgvector:pg17 needs one to start its container");
    entity("Item", "vector(3)");
    new MigrationSourceFiles(project.resolve("migrations"), "migrations")
        .write(
            "M1_Items",
            "a1",
            "op.execute(\"CREATE EXTENSION IF NOT EXISTS vector\");"
                + " op.execute(\"CREATE TABLE item (id bigint NOT NULL PRIMARY KEY, value"
                + " vector(3))\");",
            "op.execute(\"DROP TABLE item\"); op.execute(\"DROP EXTENSION vector\");");
    CliRunner.Result check = cli.run("-D", "shadow.image=pgvector/pgvector:pg17", "check");
    assertEquals(0, check.exitCode(), check.out() + check.err());
  }
}
