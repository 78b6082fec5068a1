package dev.retort.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.retort.connect.Connections;
import dev.retort.embedded.EmbeddedServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;
import org.opentest4j.AssertionFailedError;

/**
 * The JUnit kit as a user's tests meet it: the entities assertion on the workforce sample (passing,
 * then failing with the difference after an entity gains a field), and {@code @MigrationTest} on
 * the sample's seed migration and on a history whose downgrade leaves a column behind.
 */
class RetortKitTest {

  private static final String WORKFORCE = "samples/workforce/retort.properties";
  private static final String FIXTURE = "retort.kit.fixture";
  private static final String BROKEN = "src/test/resources/kit/broken-downgrade/retort.properties";

  @TempDir Path project;

  private static void copyTree(Path from, Path to) throws Exception {
    try (var files = Files.walk(from)) {
      for (Path file : files.toList()) {
        Path target = to.resolve(from.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(target);
        } else {
          Files.copy(file, target);
        }
      }
    }
  }

  @Test
  void theWorkforceMigrationsMatchItsEntities() {
    RetortAssertions.assertMigrationsMatchEntities(Path.of(WORKFORCE));
  }

  @Test
  void aFieldWithoutAMigrationFailsWithTheDifference() throws Exception {
    copyTree(Path.of("samples/workforce"), project);
    Path user = project.resolve("model/v5/com/example/workforce/model/User.java");
    Files.writeString(
        user,
        Files.readString(user)
            .replace(
                "    private String bio;",
                "    private String bio;\n\n    private String nickname;"));
    AssertionFailedError failure =
        assertThrows(
            AssertionFailedError.class,
            () ->
                RetortAssertions.assertMigrationsMatchEntities(
                    project.resolve("retort.properties")));
    assertTrue(failure.getMessage().contains("1 difference(s)"), failure.getMessage());
    assertTrue(failure.getMessage().contains("nickname"), failure.getMessage());
    assertTrue(
        failure.getMessage().contains("retort revision --autogenerate"), failure.getMessage());
  }

  @MigrationTest(from = "f1e27a4c9b63", to = "2e9d6b1f7c05", config = WORKFORCE)
  void theSeedKeepsARoleAnAdministratorAddedFirst(MigrationDatabase db) {
    assertEquals(List.of("f1e27a4c9b63"), db.current());
    db.execute("INSERT INTO roles (name, description) VALUES ('admin', 'added by hand')");
    db.upgrade();
    assertEquals("3", db.queryOne("SELECT count(*) FROM roles"));
    assertEquals(
        "added by hand", db.queryOne("SELECT description FROM roles WHERE name = 'admin'"));
    assertEquals("12", db.queryOne("SELECT count(*) FROM role_permissions"));
  }

  /** Run by {@link #aDowngradeThatLeavesAColumnBehindFailsTheTest} only (it fails on purpose). */
  @EnabledIfSystemProperty(named = FIXTURE, matches = "true")
  static class BrokenDowngradeFixture {
    @MigrationTest(from = "k1", to = "k2", config = BROKEN)
    void backfillsTheAuthor(MigrationDatabase db) {
      db.execute("INSERT INTO notes (id, body) VALUES (1, 'hello')");
      db.upgrade();
      assertEquals("unknown", db.queryOne("SELECT author FROM notes"));
    }
  }

  @Test
  void aDowngradeThatLeavesAColumnBehindFailsTheTest() {
    Events tests;
    System.setProperty(FIXTURE, "true");
    try {
      tests =
          EngineTestKit.engine("junit-jupiter")
              .selectors(selectClass(BrokenDowngradeFixture.class))
              .execute()
              .testEvents();
    } finally {
      System.clearProperty(FIXTURE);
    }
    assertEquals(1, tests.failed().count(), tests.toString());
    Throwable failure =
        tests.failed().stream()
            .findFirst()
            .orElseThrow()
            .getRequiredPayload(org.junit.platform.engine.TestExecutionResult.class)
            .getThrowable()
            .orElseThrow();
    assertTrue(
        failure.getMessage().contains("upgrading again after the downgrade failed"),
        failure.getMessage());
    assertTrue(failure.getMessage().contains("author"), failure.getMessage());
  }

  /** Run by {@link #aServerNamedByTheTestDatabaseUrlHoldsTheTestsDatabases} only. */
  @EnabledIfSystemProperty(named = FIXTURE, matches = "true")
  static class ExternalServerFixture {
    static volatile String url;
    static volatile String databases;

    @MigrationTest(from = "f1e27a4c9b63", to = "2e9d6b1f7c05", config = WORKFORCE)
    void runsOnTheNamedServer(MigrationDatabase db) {
      url = db.jdbcUrl();
      databases = db.queryOne("SELECT string_agg(datname, ',' ORDER BY datname) FROM pg_database");
      db.upgrade();
    }
  }

  @Test
  void aServerNamedByTheTestDatabaseUrlHoldsTheTestsDatabases() throws Exception {
    try (EmbeddedServer other = EmbeddedServer.start()) {
      // RETORT_TEST_DATABASE_URL cannot be set in this JVM; the property stands in for it.
      String server = "postgres://postgres@localhost:" + other.port() + "/postgres";
      Events tests;
      System.setProperty(FIXTURE, "true");
      System.setProperty(ScratchDatabases.PROPERTY, server);
      try {
        tests =
            EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(ExternalServerFixture.class))
                .execute()
                .testEvents();
        RetortAssertions.assertMigrationsMatchEntities(Path.of(WORKFORCE));
      } finally {
        System.clearProperty(FIXTURE);
        System.clearProperty(ScratchDatabases.PROPERTY);
      }
      assertEquals(1, tests.succeeded().count(), tests.toString());
      assertTrue(
          ExternalServerFixture.url.startsWith(
              "jdbc:postgresql://localhost:" + other.port() + "/retort_test_"),
          ExternalServerFixture.url);
      String database =
          ExternalServerFixture.url.substring(ExternalServerFixture.url.lastIndexOf('/') + 1);
      assertTrue(
          ExternalServerFixture.databases.contains(database), ExternalServerFixture.databases);
      try (Connection connection = Connections.open(other.url("postgres"));
          Statement statement = connection.createStatement();
          ResultSet left =
              statement.executeQuery(
                  "SELECT count(*) FROM pg_database WHERE datname LIKE 'retort_test_%'")) {
        left.next();
        assertEquals(0, left.getInt(1), "each test's database is dropped after it");
      }
    }
  }

  @Test
  void theTestDatabaseUrlIsWhereTheAssertionRunsToo() throws Exception {
    try (EmbeddedServer other = EmbeddedServer.start()) {
      try (Connection connection = Connections.open(other.url("postgres"));
          Statement statement = connection.createStatement()) {
        statement.execute("CREATE ROLE retort_no_createdb LOGIN");
      }
      System.setProperty(
          ScratchDatabases.PROPERTY,
          "postgres://retort_no_createdb@localhost:" + other.port() + "/postgres");
      IllegalStateException refused;
      try {
        refused =
            assertThrows(
                IllegalStateException.class,
                () -> RetortAssertions.assertMigrationsMatchEntities(Path.of(WORKFORCE)));
      } finally {
        System.clearProperty(ScratchDatabases.PROPERTY);
      }
      assertTrue(
          refused
              .getMessage()
              .startsWith("RETORT_TEST_DATABASE_URL (retort_no_createdb@localhost:"),
          refused.getMessage());
      assertTrue(refused.getMessage().contains("the role needs CREATEDB"), refused.getMessage());
    }
  }
}
