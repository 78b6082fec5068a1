package dev.retort.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.cache.CachedCompiler;
import dev.retort.revision.RevisionGraph;
import dev.retort.revision.SourceMigrations;
import dev.retort.runtime.MigrationRunner;
import dev.retort.runtime.RunListener;
import dev.retort.testing.MigrationSourceFiles;
import dev.retort.testing.PostgresExtension;
import dev.retort.testing.TestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The measurement itself: tables filled from their types (foreign keys pointing at real rows,
 * refusing constraints named), locks read inside a transaction and held to its commit, locks of a
 * statement that commits on its own sampled while it runs, rewrites seen by the storage file.
 */
@ExtendWith(PostgresExtension.class)
class LockRecorderTest {

  @TempDir Path temp;

  @Test
  void measuresLocksHoldsAndRewrites(TestDatabase db) throws Exception {
    db.execute(
        "CREATE TYPE mood AS ENUM ('happy', 'sad')",
        "CREATE TABLE team (id bigint PRIMARY KEY, name varchar(20) NOT NULL UNIQUE, m mood)",
        "CREATE TABLE player (id bigint PRIMARY KEY, team_id bigint NOT NULL REFERENCES team,"
            + " hits integer, at timestamptz, tag uuid, doc jsonb)",
        "CREATE TABLE picky (id int PRIMARY KEY, code text NOT NULL CHECK (code IN ('A', 'B')))");
    MigrationSourceFiles files = new MigrationSourceFiles(temp.resolve("m"), "m");
    files.write(
        "M1",
        "r1",
        "op.alterColumn(\"player\", \"hits\", change().type(bigint()));"
            + " op.execute(\"SELECT pg_sleep(0.3)\");",
        "op.alterColumn(\"player\", \"hits\", change().type(integer()));");
    files.writeWithMembers(
        "M2",
        "r2",
        "op.createIndexConcurrently(\"player\", index(\"ix_player_at\", \"at\"));",
        "op.dropIndexConcurrently(\"ix_player_at\");",
        "@Override public boolean transactional() { return false; }",
        "r1");
    RevisionGraph graph =
        new RevisionGraph(
            new SourceMigrations(
                    files.directory(), List.of(), new CachedCompiler(temp.resolve("c")))
                .load());
    try (Connection connection = db.connect();
        Connection sampler = db.connect()) {
      List<TableSeeder.Seeded> seeded =
          TableSeeder.seed(connection, List.of("public"), List.of("retort_version"), 20_000);
      assertEquals(
          List.of("public.picky 0", "public.team 20000", "public.player 20000"),
          seeded.stream().map(s -> s.table() + " " + s.rows()).toList());
      assertTrue(seeded.get(0).failure().contains("picky_code_check"), seeded.toString());
      // A NOT NULL foreign key takes a row of its target, filled first.
      assertEquals("1", db.queryOne("SELECT count(DISTINCT team_id) FROM player"));

      LockRecorder recorder = LockRecorder.start(connection, sampler);
      new MigrationRunner(
              graph, "retort_version", List.of("public"), Duration.ofSeconds(5), RunListener.SILENT)
          .observedBy(recorder)
          .upgrade(connection, "head");
      List<LockRecorder.Measured> measured = recorder.measured();
      assertEquals(3, measured.size(), measured.toString());
      LockRecorder.Measured alter = measured.get(0);
      assertTrue(
          alter.locks().contains(new LockRecorder.Held("player", "AccessExclusiveLock")),
          alter.toString());
      assertEquals(List.of("player"), alter.rewritten());
      // Held until the step commits, after the sleep that follows it.
      assertTrue(alter.heldMillis() >= 300, alter.toString());
      LockRecorder.Measured build = measured.get(2);
      assertTrue(
          build.locks().contains(new LockRecorder.Held("player", "ShareUpdateExclusiveLock")),
          build.toString());
      assertEquals(List.of(), build.rewritten());

      LockBudget budget = new LockBudget(Duration.ofMillis(100));
      assertTrue(
          budget.violations(alter).stream()
              .anyMatch(v -> v.startsWith("held AccessExclusiveLock on player")));
      assertTrue(budget.violations(alter).contains("rewrote player"));
      assertEquals(List.of(), budget.violations(build));
    }
  }
}
