package dev.retort.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.cache.CachedCompiler;
import dev.retort.error.ExitCode;
import dev.retort.error.RetortException;
import dev.retort.revision.RevisionGraph;
import dev.retort.revision.SourceMigrations;
import dev.retort.testing.MigrationSourceFiles;
import dev.retort.testing.PostgresExtension;
import dev.retort.testing.TestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the runner does for a busy production database: open decisions refuse a migration before any
 * statement, data checks stop a step with the count of offending rows before it locks anything, a
 * backfill fills every row in batches, an INVALID index left by an interrupted concurrent build is
 * dropped and built again, and a statement that waits longer than lock_timeout is retried with
 * backoff (and fails for good, saying so, when the lock never comes).
 */
@ExtendWith(PostgresExtension.class)
class SafeRunTest {

  private static final String NOT_TRANSACTIONAL =
      "@Override public boolean transactional() { return false; }";

  @TempDir Path temp;
  private MigrationSourceFiles files;
  private final List<String> warnings = Collections.synchronizedList(new ArrayList<>());

  private final RunListener listener =
      new RunListener() {
        @Override
        public void warning(String message) {
          warnings.add(message);
        }
      };

  @BeforeEach
  void files() {
    files = new MigrationSourceFiles(temp.resolve("migrations"), "migrations");
  }

  private MigrationRunner runner(StatementLimits limits) {
    RevisionGraph graph =
        new RevisionGraph(
            new SourceMigrations(
                    files.directory(), List.of(), new CachedCompiler(temp.resolve("cache")))
                .load());
    return new MigrationRunner(
            graph, "retort_version", List.of("public"), Duration.ofSeconds(5), listener)
        .limitedTo(limits);
  }

  private MigrationRunner runner() {
    return runner(StatementLimits.NONE);
  }

  private void users(TestDatabase db, int rows, int nulls) throws Exception {
    db.execute(
        "CREATE TABLE users (id bigint PRIMARY KEY, email text)",
        "INSERT INTO users SELECT g, CASE WHEN g <= "
            + nulls
            + " THEN NULL ELSE 'u' || g END FROM generate_series(1, "
            + rows
            + ") g");
  }

  @Test
  void anOpenDecisionRefusesTheMigrationBeforeAnyStatementNamingFileAndLine(TestDatabase db)
      throws Exception {
    users(db, 10, 0);
    files.write(
        "M1",
        "d1",
        "op.addColumn(\"users\", column(\"born_on\", date()));\n"
            + "    op.decide(\"value of users.born_on on existing rows\");",
        "op.dropColumn(\"users\", \"born_on\");");
    try (Connection c = db.connect()) {
      RetortException e = assertThrows(RetortException.class, () -> runner().upgrade(c, "head"));
      assertEquals(ExitCode.MIGRATION_FAILED, e.exitCode());
      assertTrue(e.oneLine().contains("M1.java:10 leaves a decision open"), e.oneLine());
      assertTrue(e.oneLine().contains("value of users.born_on on existing rows"), e.oneLine());
    }
    assertEquals("f", db.queryOne("SELECT to_regclass('public.retort_version') IS NOT NULL"));
    assertEquals(
        "0",
        db.queryOne(
            "SELECT count(*) FROM information_schema.columns WHERE column_name = 'born_on'"));
  }

  @Test
  void setNotNullIsStoppedWithTheCountOfNullRows(TestDatabase db) throws Exception {
    users(db, 20, 12);
    files.write(
        "M1",
        "n1",
        "op.alterColumn(\"users\", \"email\", change().notNull());",
        "op.alterColumn(\"users\", \"email\", change().dropNotNull());");
    try (Connection c = db.connect()) {
      RetortException e = assertThrows(RetortException.class, () -> runner().upgrade(c, "head"));
      assertTrue(
          e.oneLine().contains("12 rows of users have email NULL, so it cannot be made NOT NULL"),
          e.oneLine());
    }
    db.execute("UPDATE users SET email = 'x' || id WHERE email IS NULL");
    try (Connection c = db.connect()) {
      runner().upgrade(c, "head");
    }
    assertEquals(
        "NO",
        db.queryOne(
            "SELECT is_nullable FROM information_schema.columns WHERE column_name = 'email'"));
  }

  @Test
  void aUniqueIndexIsStoppedWithTheCountOfDuplicatedValues(TestDatabase db) throws Exception {
    users(db, 10, 0);
    db.execute(
        "UPDATE users SET email = 'same' WHERE id <= 3",
        "UPDATE users SET email = 'twin' WHERE id IN (4, 5)");
    files.writeWithMembers(
        "M1",
        "u1",
        "op.createIndexConcurrently(\"users\", index(\"users_email\", \"email\").asUnique());",
        "op.dropIndexConcurrently(\"users_email\");",
        NOT_TRANSACTIONAL);
    try (Connection c = db.connect()) {
      RetortException e = assertThrows(RetortException.class, () -> runner().upgrade(c, "head"));
      assertTrue(
          e.oneLine().contains("2 values of (email) appear more than once in users"), e.oneLine());
    }
    assertEquals("f", db.queryOne("SELECT to_regclass('public.users_email') IS NOT NULL"));
  }

  @Test
  void removingAnEnumValueRowsStillHoldIsStoppedWithTheCount(TestDatabase db) throws Exception {
    db.execute(
        "CREATE TYPE mood AS ENUM ('happy', 'sad', 'meh')",
        "CREATE TABLE person (id int PRIMARY KEY, mood mood)",
        "INSERT INTO person VALUES (1, 'happy'), (2, 'meh'), (3, 'meh')");
    files.write(
        "M1",
        "e1",
        "op.replaceEnumType(\"mood\", java.util.List.of(\"happy\", \"sad\"),"
            + " enumColumn(\"person\", \"mood\"));",
        "op.replaceEnumType(\"mood\", java.util.List.of(\"happy\", \"sad\", \"meh\"),"
            + " enumColumn(\"person\", \"mood\"));");
    try (Connection c = db.connect()) {
      RetortException e = assertThrows(RetortException.class, () -> runner().upgrade(c, "head"));
      assertTrue(e.oneLine().contains("2 rows of person hold meh in mood"), e.oneLine());
    }
  }

  @Test
  void aBackfillFillsEveryRowInBatchesAndStopsOnRowsItCannotFill(TestDatabase db) throws Exception {
    users(db, 2_345, 2_345);
    files.writeWithMembers(
        "M1",
        "b1",
        "op.backfill(\"users\", \"email\", \"'user' || id\", 1000);"
            + " op.addColumn(\"users\", column(\"nick\", text()));"
            + " op.backfill(\"users\", \"nick\", \"CASE WHEN id % 2 = 0 THEN 'even' END\", 100);",
        "op.dropColumn(\"users\", \"nick\");",
        NOT_TRANSACTIONAL);
    try (Connection c = db.connect()) {
      runner().upgrade(c, "head");
    }
    assertEquals("0", db.queryOne("SELECT count(*) FROM users WHERE email IS NULL"));
    assertEquals("user2345", db.queryOne("SELECT email FROM users WHERE id = 2345"));
    // Rows the expression leaves NULL do not keep the loop going.
    assertEquals("1173", db.queryOne("SELECT count(*) FROM users WHERE nick IS NULL"));
  }

  @Test
  void anInvalidIndexLeftByAnInterruptedBuildIsDroppedAndBuiltAgain(TestDatabase db)
      throws Exception {
    users(db, 100, 0);
    db.execute("UPDATE users SET email = 'dup' WHERE id <= 2");
    // A failed concurrent build leaves its index behind, INVALID.
    try (Connection c = db.connect();
        Statement s = c.createStatement()) {
      assertThrows(
          java.sql.SQLException.class,
          () -> s.execute("CREATE UNIQUE INDEX CONCURRENTLY users_email ON users (email)"));
    }
    assertEquals(
        "f",
        db.queryOne("SELECT indisvalid FROM pg_index WHERE indexrelid = 'users_email'::regclass"));
    db.execute("UPDATE users SET email = 'u' || id WHERE id <= 2");
    files.writeWithMembers(
        "M1",
        "i1",
        "op.createIndexConcurrently(\"users\", index(\"users_email\", \"email\").asUnique());",
        "op.dropIndexConcurrently(\"users_email\");",
        NOT_TRANSACTIONAL);
    try (Connection c = db.connect()) {
      runner().upgrade(c, "head");
    }
    assertEquals(
        "t",
        db.queryOne("SELECT indisvalid FROM pg_index WHERE indexrelid = 'users_email'::regclass"));
    assertTrue(
        warnings.stream().anyMatch(w -> w.contains("users_email is INVALID")), warnings.toString());
  }

  @Test
  void aStatementWaitingForALockIsRetriedWithBackoffThenFailsSayingSo(TestDatabase db)
      throws Exception {
    users(db, 10, 0);
    files.write(
        "M1",
        "l1",
        "op.addColumn(\"users\", column(\"note\", text()));",
        "op.dropColumn(\"users\", \"note\");");
    StatementLimits limits =
        new StatementLimits(Duration.ofMillis(200), Duration.ZERO, 2, Duration.ofMillis(100));
    try (Connection holder = db.connect()) {
      holder.setAutoCommit(false);
      holder.createStatement().execute("LOCK TABLE users IN ACCESS SHARE MODE");
      try (Connection c = db.connect()) {
        RetortException e =
            assertThrows(RetortException.class, () -> runner(limits).upgrade(c, "head"));
        assertTrue(e.oneLine().contains("lock timeout"), e.oneLine());
      }
      assertEquals(2, warnings.stream().filter(w -> w.contains("trying again in")).count());
      assertTrue(
          warnings.get(1).contains("trying again in 200 ms (retry 2 of 2)"), warnings.toString());
      holder.rollback();
    }
    // The lock goes away in the middle of the retries: the run succeeds.
    warnings.clear();
    try (Connection holder = db.connect()) {
      holder.setAutoCommit(false);
      holder.createStatement().execute("LOCK TABLE users IN ACCESS SHARE MODE");
      Thread release =
          new Thread(
              () -> {
                try {
                  Thread.sleep(300);
                  holder.rollback();
                } catch (Exception ignored) {
                  // The assertion below says what happened.
                }
              });
      release.start();
      try (Connection c = db.connect()) {
        runner(
                new StatementLimits(
                    Duration.ofMillis(200), Duration.ZERO, 5, Duration.ofMillis(100)))
            .upgrade(c, "head");
      }
      release.join();
    }
    assertTrue(warnings.stream().anyMatch(w -> w.contains("trying again")), warnings.toString());
    assertEquals(
        "1",
        db.queryOne("SELECT count(*) FROM information_schema.columns WHERE column_name = 'note'"));
    // The session's own settings are back as they were.
    try (Connection c = db.connect()) {
      runner().upgrade(c, "head");
      assertEquals("0", query(c, "SHOW lock_timeout"));
    }
  }

  private static String query(Connection c, String sql) throws Exception {
    try (Statement s = c.createStatement();
        var rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getString(1);
    }
  }
}
