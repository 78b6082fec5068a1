package dev.retort.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.cache.CachedCompiler;
import dev.retort.error.ExitCode;
import dev.retort.error.RetortException;
import dev.retort.revision.MigrationPath;
import dev.retort.revision.RevisionGraph;
import dev.retort.revision.RevisionNavigator;
import dev.retort.revision.SourceMigrations;
import dev.retort.testing.Golden;
import dev.retort.testing.MigrationSourceFiles;
import dev.retort.testing.PostgresExtension;
import dev.retort.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
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
 * The runner over a history with a branch and a merge:
 *
 * <pre>
 *   a1 -> b2 -> c3 -----> m5 -> n6
 *          \--> d4 ----/
 * </pre>
 */
@ExtendWith(PostgresExtension.class)
class MigrationRunnerTest {

  @TempDir Path temp;
  private MigrationSourceFiles files;

  @BeforeEach
  void writeHistory() {
    files = new MigrationSourceFiles(temp.resolve("migrations"), "migrations");
    files.write(
        "M1_Users",
        "a1",
        "op.createTable(\"users\", column(\"id\", bigint()).notNull(), primaryKey(\"users_pkey\", \"id\"));",
        "op.dropTable(\"users\");");
    files.write(
        "M2_Email",
        "b2",
        "op.addColumn(\"users\", column(\"email\", text()));",
        "op.dropColumn(\"users\", \"email\");",
        "a1");
    files.write(
        "M3_Posts",
        "c3",
        "op.createTable(\"posts\", column(\"id\", bigint()).notNull(), column(\"author\", bigint()),"
            + " foreignKey(\"posts_author_fkey\", \"author\").references(\"users\", \"id\"));",
        "op.dropTable(\"posts\");",
        "b2");
    files.write(
        "M4_EmailIndex",
        "d4",
        "op.createIndex(\"users\", index(\"ix_users_email\", \"email\"));",
        "op.dropIndex(\"ix_users_email\");",
        "b2");
    files.write("M5_Merge", "m5", "", "", "c3", "d4");
    files.write(
        "M6_Seed",
        "n6",
        "op.bulkInsert(\"users\", rows(\"id\", \"email\").add(1, \"ada@example.com\").add(2, \"ünï 🎉\"));",
        "op.execute(\"DELETE FROM users WHERE id IN (1, 2)\");",
        "m5");
  }

  private RevisionGraph graph() {
    return new RevisionGraph(
        new SourceMigrations(
                files.directory(), List.of(), new CachedCompiler(temp.resolve("cache")))
            .load());
  }

  private MigrationRunner runner() {
    return new MigrationRunner(
        graph(), "retort_version", List.of("public"), Duration.ofSeconds(5), RunListener.SILENT);
  }

  private static List<String> heads(TestDatabase db) {
    return db.query("SELECT version_num FROM retort_version ORDER BY 1");
  }

  @Test
  void upgradeDowngradeAndBackAcrossBranchAndMerge(TestDatabase db) throws Exception {
    try (Connection c = db.connect()) {
      MigrationRunner runner = runner();
      MigrationPath up = runner.upgrade(c, "head");
      assertEquals(List.of("a1", "b2", "c3", "d4", "m5", "n6"), up.ids());
      assertEquals(List.of("n6"), heads(db));
      assertEquals("ünï 🎉", db.queryOne("SELECT email FROM users WHERE id = 2"));
      assertEquals(
          List.of(
              "a1\tupgrade",
              "b2\tupgrade",
              "c3\tupgrade",
              "d4\tupgrade",
              "m5\tupgrade",
              "n6\tupgrade"),
          db.query("SELECT version_num, direction FROM retort_version_history ORDER BY id"));

      assertTrue(runner.upgrade(c, "head").isEmpty(), "a second upgrade has nothing to do");

      runner.downgrade(c, "c3");
      assertEquals(List.of("c3"), heads(db));
      assertEquals(
          "0", db.queryOne("SELECT count(*) FROM pg_indexes WHERE indexname = 'ix_users_email'"));
      assertEquals("0", db.queryOne("SELECT count(*) FROM users"));

      runner.upgrade(c, "d4");
      assertEquals(List.of("c3", "d4"), heads(db), "two branches applied, not yet merged");
      assertEquals(List.of("c3", "d4"), runner.currentHeads(c));

      runner.upgrade(c, "heads");
      assertEquals(List.of("n6"), heads(db));

      runner.downgrade(c, "-1");
      assertEquals(List.of("m5"), heads(db));

      runner.downgrade(c, "base");
      assertEquals(List.of(), heads(db));
      assertEquals(
          "0",
          db.queryOne(
              "SELECT count(*) FROM pg_tables WHERE schemaname = 'public' AND tablename IN ('users', 'posts')"));
    }
  }

  @Test
  void stampRecordsWithoutRunningAndPurgeForgetsUnknownRevisions(TestDatabase db) throws Exception {
    try (Connection c = db.connect()) {
      MigrationRunner runner = runner();
      assertEquals(List.of("c3"), runner.stamp(c, "c3", false));
      assertEquals(List.of("c3"), heads(db));
      assertEquals("0", db.queryOne("SELECT count(*) FROM pg_tables WHERE tablename = 'users'"));
      db.execute("INSERT INTO retort_version VALUES ('ffffff')");
      RetortException unknown =
          assertThrows(RetortException.class, () -> runner.stamp(c, "head", false));
      assertEquals(ExitCode.REVISION_GRAPH, unknown.exitCode());
      assertEquals(List.of("n6"), runner.stamp(c, "head", true));
      assertEquals(List.of("n6"), heads(db));
      assertEquals(
          "stamp",
          db.queryOne("SELECT direction FROM retort_version_history ORDER BY id DESC LIMIT 1"));
    }
  }

  @Test
  void unknownRevisionInDatabaseStopsUpgradeAndChangesNothing(TestDatabase db) throws Exception {
    try (Connection c = db.connect()) {
      runner().upgrade(c, "b2");
      db.execute("UPDATE retort_version SET version_num = 'deleted1'");
      RetortException e = assertThrows(RetortException.class, () -> runner().upgrade(c, "head"));
      assertEquals(ExitCode.REVISION_GRAPH, e.exitCode());
      assertTrue(e.getMessage().contains("deleted1"), e.getMessage());
      assertEquals(List.of("deleted1"), heads(db));
      assertEquals("0", db.queryOne("SELECT count(*) FROM pg_tables WHERE tablename = 'posts'"));
    }
  }

  @Test
  void failingStatementRollsBackTheWholeMigration(TestDatabase db) throws Exception {
    files.write(
        "M7_Broken",
        "f7",
        "op.addColumn(\"users\", column(\"nickname\", text())); op.execute(\"ALTER TABLE users ADD COLUMN email text\");",
        "",
        "n6");
    try (Connection c = db.connect()) {
      runner().upgrade(c, "n6");
      long historyRows = Long.parseLong(db.queryOne("SELECT count(*) FROM retort_version_history"));
      RetortException e = assertThrows(RetortException.class, () -> runner().upgrade(c, "head"));
      assertEquals(ExitCode.MIGRATION_FAILED, e.exitCode());
      assertTrue(
          e.getMessage().contains("upgrade of f7 (") && e.getMessage().contains("M7_Broken.java"),
          e.getMessage());
      assertTrue(
          e.getMessage().contains("at: ALTER TABLE users ADD COLUMN email text"), e.getMessage());
      assertTrue(e.getMessage().contains("already exists"), e.getMessage());
      assertTrue(e.getMessage().contains("rolled back"), e.getMessage());
      assertEquals(List.of("n6"), heads(db));
      assertEquals(
          "0",
          db.queryOne(
              "SELECT count(*) FROM information_schema.columns WHERE column_name = 'nickname'"));
      assertEquals(
          historyRows, Long.parseLong(db.queryOne("SELECT count(*) FROM retort_version_history")));
    }
  }

  @Test
  void exceptionInMigrationCodeRollsBack(TestDatabase db) throws Exception {
    files.write(
        "M7_Throws",
        "f7",
        "op.addColumn(\"users\", column(\"nickname\", text())); throw new IllegalStateException(\"boom\");",
        "",
        "n6");
    try (Connection c = db.connect()) {
      runner().upgrade(c, "n6");
      RetortException e = assertThrows(RetortException.class, () -> runner().upgrade(c, "head"));
      assertEquals(ExitCode.MIGRATION_FAILED, e.exitCode());
      assertTrue(e.getMessage().contains("boom"), e.getMessage());
      assertEquals(
          "0",
          db.queryOne(
              "SELECT count(*) FROM information_schema.columns WHERE column_name = 'nickname'"));
      assertEquals(List.of("n6"), heads(db));
    }
  }

  @Test
  void nonTransactionalMigrationRunsConcurrentIndexAndDataMigrationUsesTheConnection(
      TestDatabase db) throws Exception {
    files.writeWithMembers(
        "M7_Concurrent",
        "f7",
        "op.createIndexConcurrently(\"users\", index(\"ix_users_id_email\", \"id\", \"email\"));",
        "op.dropIndexConcurrently(\"ix_users_id_email\");",
        "  @Override public boolean transactional() { return false; }\n",
        "n6");
    files.write(
        "M8_Data",
        "g8",
        "try (var s = op.connection().prepareStatement(\"UPDATE users SET email = upper(email) WHERE id = ?\")) {"
            + " s.setLong(1, 1); s.executeUpdate(); } catch (java.sql.SQLException e) { throw new RuntimeException(e); }",
        "",
        "f7");
    try (Connection c = db.connect()) {
      runner().upgrade(c, "head");
      assertEquals(
          "1",
          db.queryOne("SELECT count(*) FROM pg_indexes WHERE indexname = 'ix_users_id_email'"));
      assertEquals("ADA@EXAMPLE.COM", db.queryOne("SELECT email FROM users WHERE id = 1"));
      runner().downgrade(c, "n6");
      assertEquals(
          "0",
          db.queryOne("SELECT count(*) FROM pg_indexes WHERE indexname = 'ix_users_id_email'"));
    }
  }

  @Test
  void concurrentRunnersApplyEachMigrationExactlyOnce(TestDatabase db) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(3);
    try {
      List<Future<List<String>>> results = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        Callable<List<String>> task =
            () -> {
              try (Connection c = db.connect()) {
                return runner().upgrade(c, "head").ids();
              }
            };
        results.add(pool.submit(task));
      }
      int applied = 0;
      for (Future<List<String>> result : results) {
        applied += result.get().size();
      }
      assertEquals(6, applied, "every migration applied by exactly one runner");
      assertEquals("6", db.queryOne("SELECT count(*) FROM retort_version_history"));
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void compileErrorNamesFileAndLineAndRunsNothing(TestDatabase db) throws Exception {
    files.write("M7_Typo", "f7", "op.addColum(\"users\", column(\"x\", text()));", "", "n6");
    RetortException e = assertThrows(RetortException.class, this::graph);
    assertEquals(ExitCode.MIGRATION_FAILED, e.exitCode());
    assertTrue(
        e.getMessage()
            .startsWith(
                "migration M7_Typo.java does not compile: line 9: cannot find symbol (symbol:   method addColum("),
        e.getMessage());
    assertFalse(db.query("SELECT 1").isEmpty());
    assertEquals("0", db.queryOne("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'"));
  }

  @Test
  void unchangedDirectoryIsNotRecompiled() throws Exception {
    graph();
    Path cache = temp.resolve("cache/migrations");
    List<Path> first;
    try (var list = Files.list(cache)) {
      first = list.toList();
    }
    assertEquals(1, first.size());
    long stamp = Files.getLastModifiedTime(first.get(0)).toMillis();
    Thread.sleep(20);
    graph();
    try (var list = Files.list(cache)) {
      assertEquals(first, list.toList());
    }
    assertEquals(stamp, Files.getLastModifiedTime(first.get(0)).toMillis());
    files.write("M7_More", "f7", "op.execute(\"SELECT 1\");", "", "n6");
    graph();
    try (var list = Files.list(cache)) {
      assertEquals(2, list.count(), "a changed directory compiles into a new cache entry");
    }
  }

  @Test
  void offlineSqlForTheWholeHistory() {
    RevisionGraph graph = graph();
    var navigator = new RevisionNavigator(graph);
    OfflineSqlWriter writer = new OfflineSqlWriter("retort_version");
    Golden.assertMatches(
        "offline/upgrade_base_to_head.sql", writer.write(navigator.upgrade(List.of(), "head")));
    Golden.assertMatches(
        "offline/downgrade_head_to_b2.sql",
        writer.write(navigator.downgrade(navigator.stampHeads("head"), "b2")));
  }

  @Test
  void offlineScriptRunsAsIsAndRecordsTheHeads(TestDatabase db) {
    RevisionGraph graph = graph();
    var navigator = new RevisionNavigator(graph);
    db.execute(new OfflineSqlWriter("retort_version").write(navigator.upgrade(List.of(), "head")));
    assertEquals(List.of("n6"), heads(db));
    assertEquals("2", db.queryOne("SELECT count(*) FROM users"));
  }

  @Test
  void offlineSqlRefusesDataMigrationsThatNeedTheConnection() {
    files.write("M7_Data", "f7", "op.connection();", "", "n6");
    RevisionGraph graph = graph();
    var navigator = new RevisionNavigator(graph);
    RetortException e =
        assertThrows(
            RetortException.class,
            () ->
                new OfflineSqlWriter("retort_version").write(navigator.upgrade(List.of(), "head")));
    assertTrue(e.getMessage().contains("uses op.connection()"), e.getMessage());
  }

  @Test
  void aRunWaitingLongerThanTheLockTimeoutGivesUpAndChangesNothing(TestDatabase db)
      throws Exception {
    try (Connection holder = db.connect();
        Statement statement = holder.createStatement();
        Connection c = db.connect()) {
      MigrationRunner impatient =
          new MigrationRunner(
              graph(),
              "retort_version",
              List.of("public"),
              Duration.ofMillis(300),
              RunListener.SILENT);
      String identity = impatient.prepare(holder).lockIdentity();
      statement.execute("SELECT pg_advisory_lock(" + AdvisoryLock.keyFor(identity) + ")");
      RetortException e = assertThrows(RetortException.class, () -> impatient.upgrade(c, "heads"));
      assertEquals(ExitCode.LOCK_TIMEOUT, e.exitCode());
      assertTrue(
          e.getMessage().contains("another runner has held the migration lock"), e.getMessage());
      assertTrue(e.getMessage().contains("pid "), "it names who holds it: " + e.getMessage());
      assertEquals("f", db.queryOne("SELECT to_regclass('retort_version') IS NOT NULL"));
      statement.execute("SELECT pg_advisory_unlock_all()");
      impatient.upgrade(c, "heads");
      assertEquals(List.of("n6"), heads(db));
    }
  }

  @Test
  void aFailingFirstMigrationLeavesAnEmptyDatabaseEmpty(TestDatabase db) throws Exception {
    files.write(
        "M1_Users",
        "a1",
        "op.createTable(\"users\", column(\"id\", bigint())); op.execute(\"SELECT 1/0\");",
        "op.dropTable(\"users\");");
    try (Connection c = db.connect()) {
      assertThrows(MigrationFailedException.class, () -> runner().upgrade(c, "a1"));
    }
    assertEquals(
        List.of(),
        db.query(
            "SELECT relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                + " WHERE n.nspname = 'public'"),
        "no users table and no version tables");
  }
}
