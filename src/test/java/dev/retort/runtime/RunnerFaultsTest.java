package dev.retort.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.cache.CachedCompiler;
import dev.retort.error.ExitCode;
import dev.retort.error.RetortException;
import dev.retort.revision.MigrationScript;
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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runner under faults and bad input: schemas that do not resolve, spellings that must share a
 * lock, hostile text under {@code standard_conforming_strings = off}, a step that fails in the
 * middle of a run, a non-transactional step that stops partway and resumes, a connection lost
 * mid-step, a waiter that must say who holds the lock, data dropped at run time.
 */
@ExtendWith(PostgresExtension.class)
class RunnerFaultsTest {

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

  private RevisionGraph graph() {
    return new RevisionGraph(
        new SourceMigrations(
                files.directory(), List.of(), new CachedCompiler(temp.resolve("cache")))
            .load());
  }

  private MigrationRunner runner(String... schemas) {
    return new MigrationRunner(
        graph(), "retort_version", List.of(schemas), Duration.ofSeconds(5), listener);
  }

  private void threeSteps() {
    files.write(
        "M1",
        "s1",
        "op.createTable(\"t\", column(\"id\", bigint()).notNull());",
        "op.dropTable(\"t\");");
    files.write(
        "M2",
        "s2",
        "op.addColumn(\"t\", column(\"note\", text()));",
        "op.dropColumn(\"t\", \"note\");",
        "s1");
    files.write(
        "M3",
        "s3",
        "op.addColumn(\"t\", column(\"more\", text()));",
        "op.dropColumn(\"t\", \"more\");",
        "s2");
  }

  @Test
  void aSchemaThatDoesNotExistIsRefusedAndNothingIsCreated(TestDatabase db) throws Exception {
    threeSteps();
    try (Connection c = db.connect()) {
      RetortException typo =
          assertThrows(RetortException.class, () -> runner("tenat1").upgrade(c, "head"));
      assertEquals(ExitCode.INVALID_INPUT, typo.exitCode());
      assertTrue(typo.oneLine().contains("schema 'tenat1' does not exist"), typo.oneLine());
      RetortException upper =
          assertThrows(RetortException.class, () -> runner("PUBLIC").upgrade(c, "head"));
      assertTrue(upper.oneLine().contains("there is 'public'"), upper.oneLine());
    }
    assertEquals("f", db.queryOne("SELECT to_regclass('public.retort_version') IS NOT NULL"));
    assertEquals("f", db.queryOne("SELECT to_regclass('public.t') IS NOT NULL"));
  }

  @Test
  void runnersThatSpellTheirSchemasDifferentlyShareOneLock(TestDatabase db) throws Exception {
    db.execute("CREATE SCHEMA extra");
    for (int i = 1; i <= 12; i++) {
      files.write(
          "M" + i,
          "r" + i,
          "op.execute(\"SELECT pg_sleep(0.02)\"); op.execute(\"CREATE TABLE t"
              + i
              + " (id int)\");",
          "op.dropTable(\"t" + i + "\");",
          i == 1 ? new String[0] : new String[] {"r" + (i - 1)});
    }
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<?>> runs = new ArrayList<>();
      for (List<String> schemas : List.of(List.of("public"), List.of("public", "extra"))) {
        runs.add(
            pool.submit(
                () -> {
                  try (Connection c = db.connect()) {
                    runner(schemas.toArray(String[]::new)).upgrade(c, "head");
                  }
                  return null;
                }));
      }
      for (Future<?> run : runs) {
        run.get(60, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    assertEquals(
        "12",
        db.queryOne("SELECT count(*) FROM retort_version_history WHERE direction = 'upgrade'"),
        "every migration applied exactly once");
  }

  @Test
  void hostileTextStaysDataWhenTheDatabaseHasNonStandardStrings(TestDatabase db) throws Exception {
    db.execute(
        "ALTER DATABASE " + db.name() + " SET standard_conforming_strings = off",
        "CREATE TABLE canary (id int)");
    // Read with standard strings, this is one string constant; with them off, the backslash
    // escapes the quote after it, the constant ends early and the rest runs as a statement.
    String hostile = "'a\\\\'' ; DROP TABLE canary; --'";
    files.write(
        "M1",
        "h1",
        "op.createTable(\"t\", column(\"id\", bigint()).notNull(),"
            + " column(\"note\", text()).withDefault(\""
            + hostile
            + "\"));"
            + " op.setColumnComment(\"t\", \"note\", \"it\\\\'s; DROP TABLE canary; --\");"
            + " op.addConstraint(\"t\", check(\"t_note\", \"note = "
            + hostile
            + "\"));",
        "op.dropTable(\"t\");");
    try (Connection c = db.connect()) {
      runner("public").upgrade(c, "head");
    }
    assertEquals("t", db.queryOne("SELECT to_regclass('canary') IS NOT NULL"), "canary survives");
    db.execute("INSERT INTO t (id) VALUES (1)");
    assertEquals("a\\' ; DROP TABLE canary; --", db.queryOne("SELECT note FROM t"));
    assertEquals(
        "it\\'s; DROP TABLE canary; --", db.queryOne("SELECT col_description('t'::regclass, 2)"));
  }

  @Test
  void aStepThatFailsMidRunSaysWhatStayedApplied(TestDatabase db) throws Exception {
    threeSteps();
    files.write(
        "M2",
        "s2",
        "op.addColumn(\"t\", column(\"note\", text())); op.execute(\"SELECT 1/0\");",
        "op.dropColumn(\"t\", \"note\");",
        "s1");
    try (Connection c = db.connect()) {
      MigrationFailedException e =
          assertThrows(MigrationFailedException.class, () -> runner("public").upgrade(c, "head"));
      assertEquals(ExitCode.MIGRATION_FAILED, e.exitCode());
      String line = e.oneLine();
      assertTrue(line.contains("upgrade of s2"), line);
      assertTrue(line.contains("step 2 of 3"), line);
      assertTrue(line.contains("division by zero"), line);
      assertTrue(line.contains("it was rolled back"), line);
      assertTrue(line.contains("the step before it stay applied: the database is at s1"), line);
    }
    assertEquals(List.of("s1"), db.query("SELECT version_num FROM retort_version"));
    assertEquals(
        "f", db.queryOne("SELECT EXISTS (SELECT 1 FROM pg_attribute WHERE attname = 'note')"));
  }

  @Test
  void aNonTransactionalStepThatStopsPartwayIsRecordedAndResumes(TestDatabase db) throws Exception {
    files.write(
        "M1",
        "p1",
        "op.createTable(\"a\", column(\"id\", bigint()).notNull());",
        "op.dropTable(\"a\");");
    files.writeWithMembers(
        "M2",
        "p2",
        "op.createIndexConcurrently(\"a\", index(\"a_id\", \"id\"));"
            + " op.createIndexConcurrently(\"b\", index(\"b_id\", \"id\"));"
            + " op.execute(\"CREATE TABLE c (id int)\");",
        "op.dropTable(\"c\"); op.dropIndex(\"b_id\"); op.dropIndex(\"a_id\");",
        "@Override public boolean transactional() { return false; }",
        "p1");
    try (Connection c = db.connect()) {
      MigrationFailedException e =
          assertThrows(MigrationFailedException.class, () -> runner("public").upgrade(c, "head"));
      assertTrue(e.oneLine().contains("statements 1-1 of it were committed"), e.oneLine());
      assertTrue(e.oneLine().contains("resumes after statement 1"), e.oneLine());
      List<VersionTable.Partial> partial = runner("public").partials(c);
      assertEquals(1, partial.size());
      assertEquals(1, partial.get(0).statementsDone());
      assertTrue(partial.get(0).error().contains("\"b\" does not exist"), partial.get(0).error());
    }
    assertEquals(List.of("p1"), db.query("SELECT version_num FROM retort_version"));
    assertEquals("t", db.queryOne("SELECT to_regclass('a_id') IS NOT NULL"));

    // The cause fixed, the next run skips the committed statement and finishes the step.
    db.execute("CREATE TABLE b (id int)");
    try (Connection c = db.connect()) {
      runner("public").upgrade(c, "head");
      assertEquals(List.of(), runner("public").partials(c));
    }
    assertEquals(List.of("p2"), db.query("SELECT version_num FROM retort_version"));
    assertEquals("t", db.queryOne("SELECT to_regclass('c') IS NOT NULL"));
  }

  @Test
  void aResumeRefusesWhenACommittedStatementChanged(TestDatabase db) throws Exception {
    files.writeWithMembers(
        "M1",
        "q1",
        "op.execute(\"CREATE TABLE a (id int)\"); op.execute(\"SELECT * FROM missing\");",
        "",
        "@Override public boolean transactional() { return false; }");
    try (Connection c = db.connect()) {
      assertThrows(MigrationFailedException.class, () -> runner("public").upgrade(c, "head"));
    }
    files.writeWithMembers(
        "M1",
        "q1",
        "op.execute(\"CREATE TABLE a2 (id int)\"); op.execute(\"SELECT 1\");",
        "",
        "@Override public boolean transactional() { return false; }");
    try (Connection c = db.connect()) {
      RetortException e =
          assertThrows(RetortException.class, () -> runner("public").upgrade(c, "head"));
      assertTrue(e.oneLine().contains("cannot resume"), e.oneLine());
    }
    assertEquals("f", db.queryOne("SELECT to_regclass('a2') IS NOT NULL"));
  }

  @Test
  void aConnectionLostMidStepIsExitThreeAndSaysWhatWasCommitted(TestDatabase db) throws Exception {
    files.write(
        "M1",
        "c1",
        "op.createTable(\"t\", column(\"id\", bigint()).notNull());",
        "op.dropTable(\"t\");");
    files.write(
        "M2",
        "c2",
        "op.addColumn(\"t\", column(\"note\", text())); op.execute(\"SELECT pg_sleep(30)\");",
        "op.dropColumn(\"t\", \"note\");",
        "c1");
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try (Connection c = db.connect()) {
      Future<?> run =
          pool.submit(
              () -> {
                runner("public").upgrade(c, "head");
                return null;
              });
      String pid = null;
      for (int i = 0; i < 200 && pid == null; i++) {
        Thread.sleep(50);
        List<String> sleeping =
            db.query("SELECT pid FROM pg_stat_activity WHERE query LIKE 'SELECT pg_sleep(30)%'");
        pid = sleeping.isEmpty() ? null : sleeping.get(0);
      }
      db.execute("SELECT pg_terminate_backend(" + pid + ")");
      Exception e = assertThrows(Exception.class, () -> run.get(30, TimeUnit.SECONDS));
      RetortException failure = (RetortException) e.getCause();
      assertEquals(ExitCode.DATABASE_UNAVAILABLE, failure.exitCode(), failure.oneLine());
      assertTrue(
          failure.oneLine().contains("connection to the database was lost"), failure.oneLine());
      assertTrue(failure.oneLine().contains("step 2 of 2"), failure.oneLine());
      assertTrue(failure.oneLine().contains("the database is at c1"), failure.oneLine());
    } finally {
      pool.shutdownNow();
    }
    assertEquals(List.of("c1"), db.query("SELECT version_num FROM retort_version"));
    assertEquals(
        "f", db.queryOne("SELECT EXISTS (SELECT 1 FROM pg_attribute WHERE attname = 'note')"));
  }

  @Test
  void aWaitingRunnerSaysWhoHoldsTheLock(TestDatabase db) throws Exception {
    threeSteps();
    try (Connection holder = db.connect();
        Connection c = db.connect()) {
      MigrationRunner impatient =
          new MigrationRunner(
              graph(), "retort_version", List.of("public"), Duration.ofMillis(1500), listener);
      long key = AdvisoryLock.keyFor(impatient.prepare(holder).lockIdentity());
      try (var statement = holder.createStatement()) {
        statement.execute("SET application_name = 'deploy-7'");
        statement.execute("SELECT pg_advisory_lock(" + key + ")");
      }
      RetortException e = assertThrows(RetortException.class, () -> impatient.upgrade(c, "head"));
      assertEquals(ExitCode.LOCK_TIMEOUT, e.exitCode());
      assertTrue(e.oneLine().contains("(deploy-7)"), e.oneLine());
    }
    assertTrue(
        warnings.stream().anyMatch(w -> w.contains("waiting for the migration lock, held by pid")),
        warnings.toString());
  }

  @Test
  void droppingDataSaysHowMuchBeforeItGoes(TestDatabase db) throws Exception {
    files.write(
        "M1",
        "d1",
        "op.createTable(\"t\", column(\"id\", bigint()).notNull(), column(\"salary\", integer()));"
            + " op.execute(\"INSERT INTO t VALUES (1, 10), (2, NULL), (3, 30)\");",
        "op.dropTable(\"t\");");
    files.write(
        "M2",
        "d2",
        "op.dropColumn(\"t\", \"salary\");",
        "op.addColumn(\"t\", column(\"salary\", integer()));",
        "d1");
    try (Connection c = db.connect()) {
      runner("public").upgrade(c, "head");
      runner("public").downgrade(c, "base");
    }
    assertTrue(
        warnings.contains("dropping t.salary: 2 rows hold a value, which is lost"),
        warnings.toString());
    assertTrue(warnings.contains("dropping table t: 3 rows are lost"), warnings.toString());
  }

  @Test
  void longHistoriesKeepTheirHeadsStepByStep() {
    List<MigrationScript> chain = new ArrayList<>();
    for (int i = 0; i < 3000; i++) {
      chain.add(i == 0 ? MigrationScript.of("m0") : MigrationScript.of("m" + i, "m" + (i - 1)));
    }
    RevisionGraph graph = new RevisionGraph(chain);
    var up = new dev.retort.revision.RevisionNavigator(graph).upgrade(List.of(), "head");
    List<List<String>> heads = up.headsAfterEachStep();
    assertEquals(List.of("m0"), heads.get(0));
    assertEquals(List.of("m2999"), heads.get(2999));
    var down = new dev.retort.revision.RevisionNavigator(graph).downgrade(List.of("m2999"), "base");
    List<List<String>> after = down.headsAfterEachStep();
    assertEquals(List.of("m2998"), after.get(0));
    assertEquals(List.of(), after.get(2999));
  }
}
