package dev.retort.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.cache.CachedCompiler;
import dev.retort.config.RunModes;
import dev.retort.config.RunModes.LockMode;
import dev.retort.config.RunModes.TransactionMode;
import dev.retort.connect.UrlConnections;
import dev.retort.error.ExitCode;
import dev.retort.error.RetortException;
import dev.retort.revision.RevisionGraph;
import dev.retort.revision.SourceMigrations;
import dev.retort.testing.MigrationSourceFiles;
import dev.retort.testing.PostgresExtension;
import dev.retort.testing.TestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The seams for engines without advisory locks or transactional multi-statement DDL, on PostgreSQL:
 * {@code lock.mode=table} and {@code transaction.mode=per-statement}.
 */
@ExtendWith(PostgresExtension.class)
class RunModesTest {

  private static final RunModes TABLE_LOCK =
      new RunModes(LockMode.TABLE, TransactionMode.MIGRATION);
  private static final RunModes PER_STATEMENT =
      new RunModes(LockMode.ADVISORY, TransactionMode.PER_STATEMENT);

  @TempDir Path temp;
  private MigrationSourceFiles files;

  /** Three steps; the second has three statements, the middle one needing table {@code gate}. */
  @BeforeEach
  void writeHistory() {
    files = new MigrationSourceFiles(temp.resolve("migrations"), "migrations");
    files.write(
        "M1", "r1", "op.createTable(\"a\", column(\"id\", bigint()));", "op.dropTable(\"a\");");
    files.write(
        "M2",
        "r2",
        "op.createTable(\"b\", column(\"id\", bigint()));"
            + " op.execute(\"INSERT INTO gate VALUES (1)\");"
            + " op.createTable(\"c\", column(\"id\", bigint()));",
        "op.dropTable(\"c\"); op.dropTable(\"b\");",
        "r1");
    files.write(
        "M3",
        "r3",
        "op.addColumn(\"a\", column(\"note\", text()));",
        "op.dropColumn(\"a\", \"note\");",
        "r2");
  }

  private MigrationRunner runner(TestDatabase db, RunModes modes, Duration timeout, RunListener l) {
    RevisionGraph graph =
        new RevisionGraph(
            new SourceMigrations(
                    files.directory(), List.of(), new CachedCompiler(temp.resolve("cache")))
                .load());
    return new MigrationRunner(graph, "retort_version", List.of("public"), timeout, l)
        .inModes(modes, new UrlConnections(db.url()));
  }

  @Test
  void runnersRacingWithATableLockApplyEachMigrationOnce(TestDatabase db) throws Exception {
    db.execute("CREATE TABLE gate (id int)");
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Integer>> results = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        Callable<Integer> task =
            () -> {
              try (Connection c = db.connect()) {
                return runner(db, TABLE_LOCK, Duration.ofSeconds(30), RunListener.SILENT)
                    .upgrade(c, "head")
                    .ids()
                    .size();
              }
            };
        results.add(pool.submit(task));
      }
      int applied = 0;
      for (Future<Integer> result : results) {
        applied += result.get();
      }
      assertEquals(3, applied, "every migration applied by exactly one runner");
      assertEquals("3", db.queryOne("SELECT count(*) FROM retort_version_history"));
      assertEquals("0", db.queryOne("SELECT count(*) FROM retort_version_lock"), "released");
      assertEquals(
          "f",
          db.queryOne("SELECT EXISTS (SELECT 1 FROM pg_locks WHERE locktype = 'advisory')"),
          "no advisory lock was used");
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aLiveLockRowMakesTheRunWaitAndGiveUpNamingItsOwner(TestDatabase db) throws Exception {
    try (Connection c = db.connect()) {
      MigrationRunner impatient =
          runner(db, TABLE_LOCK, Duration.ofMillis(400), RunListener.SILENT);
      plantLockRow(db, impatient, c, "other-host pid 42", "interval '5 minutes'");
      RetortException e = assertThrows(RetortException.class, () -> impatient.upgrade(c, "head"));
      assertEquals(ExitCode.LOCK_TIMEOUT, e.exitCode());
      assertTrue(e.getMessage().contains("other-host pid 42"), e.getMessage());
      assertEquals("f", db.queryOne("SELECT to_regclass('retort_version') IS NOT NULL"));
    }
  }

  @Test
  void anExpiredLockIsTakenOverWithAMessage(TestDatabase db) throws Exception {
    db.execute("CREATE TABLE gate (id int)");
    List<String> warnings = Collections.synchronizedList(new ArrayList<>());
    RunListener listener =
        new RunListener() {
          @Override
          public void warning(String message) {
            warnings.add(message);
          }
        };
    try (Connection c = db.connect()) {
      MigrationRunner runner = runner(db, TABLE_LOCK, Duration.ofSeconds(5), listener);
      plantLockRow(db, runner, c, "crashed-host pid 7", "interval '-1 minute'");
      assertEquals(3, runner.upgrade(c, "head").ids().size());
    }
    assertTrue(
        warnings.stream()
            .anyMatch(w -> w.contains("took over") && w.contains("crashed-host pid 7")),
        warnings.toString());
    assertEquals("0", db.queryOne("SELECT count(*) FROM retort_version_lock"));
  }

  @Test
  void aRunnerWhoseLockRowWasTakenStopsBeforeItsNextStep(TestDatabase db) throws Exception {
    db.execute("CREATE TABLE gate (id int)");
    StatementObserver thief =
        new StatementObserver() {
          @Override
          public void before(Connection connection, String revision, String sql) {
            if (revision.equals("r1")) {
              // Another runner took the row over, as it would once this one's heartbeat stalled.
              db.execute("UPDATE retort_version_lock SET owner = 'thief-host pid 9'");
            }
          }

          @Override
          public void after(Connection connection, String sql) {}
        };
    try (Connection c = db.connect()) {
      MigrationRunner runner =
          runner(db, TABLE_LOCK, Duration.ofSeconds(5), RunListener.SILENT).observedBy(thief);
      RetortException e = assertThrows(RetortException.class, () -> runner.upgrade(c, "head"));
      assertEquals(ExitCode.LOCK_TIMEOUT, e.exitCode());
      assertTrue(e.getMessage().contains("lost the migration lock"), e.getMessage());
      assertTrue(e.getMessage().contains("thief-host pid 9"), e.getMessage());
      assertEquals(List.of("r1"), db.query("SELECT version_num FROM retort_version"));
      assertEquals(
          List.of("thief-host pid 9"),
          db.query("SELECT owner FROM retort_version_lock"),
          "another runner's row is not released by this one");
    }
  }

  /** A lock row as another runner would have left it, expiring {@code expiresIn} from now. */
  private static void plantLockRow(
      TestDatabase db, MigrationRunner runner, Connection c, String owner, String expiresIn)
      throws Exception {
    String identity = runner.prepare(c).lockIdentity();
    db.execute(
        "CREATE TABLE retort_version_lock (lock_key text PRIMARY KEY, owner text NOT NULL,"
            + " acquired_at timestamptz NOT NULL, heartbeat_at timestamptz NOT NULL,"
            + " expires_at timestamptz NOT NULL)",
        "INSERT INTO retort_version_lock VALUES ('"
            + identity
            + "', '"
            + owner
            + "', now() - interval '1 hour', now() - interval '1 hour', now() + "
            + expiresIn
            + ")");
  }

  @Test
  void perStatementModeCommitsEachStatementAndResumesAfterAFailure(TestDatabase db)
      throws Exception {
    try (Connection c = db.connect()) {
      MigrationRunner runner = runner(db, PER_STATEMENT, Duration.ofSeconds(5), RunListener.SILENT);
      RetortException e = assertThrows(RetortException.class, () -> runner.upgrade(c, "head"));
      assertEquals(ExitCode.MIGRATION_FAILED, e.exitCode(), e.getMessage());
      assertEquals(List.of("r1"), db.query("SELECT version_num FROM retort_version"));
      assertEquals("t", db.queryOne("SELECT to_regclass('b') IS NOT NULL"), "statement 1 stayed");
      assertEquals("f", db.queryOne("SELECT to_regclass('c') IS NOT NULL"));
      assertEquals(
          "1",
          db.queryOne(
              "SELECT statements_done FROM retort_version_partial WHERE version_num = 'r2'"));

      db.execute("CREATE TABLE gate (id int)");
      // Creating b again would fail: the run resumes after it.
      assertEquals(List.of("r2", "r3"), runner.upgrade(c, "head").ids());
      assertEquals(List.of("r3"), db.query("SELECT version_num FROM retort_version"));
      assertEquals("1", db.queryOne("SELECT count(*) FROM gate"));
      assertEquals("0", db.queryOne("SELECT count(*) FROM retort_version_partial"));
    }
  }

  @Test
  void migrationModeRollsTheSameFailureBackWhole(TestDatabase db) throws Exception {
    try (Connection c = db.connect()) {
      MigrationRunner runner =
          runner(db, RunModes.DEFAULTS, Duration.ofSeconds(5), RunListener.SILENT);
      assertThrows(RetortException.class, () -> runner.upgrade(c, "head"));
      assertEquals(List.of("r1"), db.query("SELECT version_num FROM retort_version"));
      assertEquals("f", db.queryOne("SELECT to_regclass('b') IS NOT NULL"), "rolled back");
    }
  }
}
