package dev.retort.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.testing.PostgresExtension;
import dev.retort.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * An ORDINAL enum reordered with the same number of constants is invisible in the database; the
 * order recorded by the earlier migration makes autogenerate write the update that keeps every
 * row's meaning.
 */
@ExtendWith(PostgresExtension.class)
class OrdinalEnumHistoryTest {

  @TempDir Path project;

  private CliRunner.Result retort(TestDatabase db, String model, String... args) {
    List<String> all = new ArrayList<>(db.cliArgs());
    all.addAll(
        List.of(
            "-D",
            "entities.sources=" + Path.of("src/test/resources/ordinal", model).toAbsolutePath(),
            "-D",
            "entities.packages=fx"));
    all.addAll(List.of(args));
    CliRunner.Result result =
        new CliRunner(project)
            .env(
                "RETORT_CACHE_DIR", Path.of("target/retort-test-cache").toAbsolutePath().toString())
            .run(all.toArray(String[]::new));
    return result;
  }

  private String migration(String id) throws Exception {
    try (Stream<Path> files = Files.list(project.resolve("migrations"))) {
      for (Path file : files.toList()) {
        String source = Files.readString(file);
        if (source.contains("id = \"" + id + "\"")) {
          return source;
        }
      }
    }
    throw new AssertionError("no migration " + id);
  }

  @Test
  void reorderedConstantsAreRemappedFromTheRecordedOrder(TestDatabase db) throws Exception {
    assertEquals(
        0,
        retort(db, "v1", "revision", "--autogenerate", "-m", "tasks", "--rev-id", "a1").exitCode());
    assertTrue(
        migration("a1")
            .contains(
                "@OrdinalEnum(\n        table = \"tasks\",\n        column = \"priority\",\n"
                    + "        constants = {\"LOW\", \"MEDIUM\", \"HIGH\"}\n)"),
        migration("a1"));
    assertEquals(0, retort(db, "v1", "upgrade").exitCode());
    db.execute("INSERT INTO tasks (id, priority) VALUES (1, 0), (2, 1), (3, 2)");

    CliRunner.Result second =
        retort(db, "v2", "revision", "--autogenerate", "-m", "reorder", "--rev-id", "b2");
    assertEquals(0, second.exitCode(), second.err());
    String reorder = migration("b2");
    assertTrue(
        reorder.contains(
            "op.execute(\"UPDATE tasks SET priority = CASE priority WHEN 0 THEN 1 WHEN 1 THEN 2"
                + " WHEN 2 THEN 0 END WHERE priority IN (0, 1, 2)\");"),
        reorder);
    assertTrue(
        reorder.contains("// REVIEW(enum): Task.Priority on tasks.priority is stored by position"),
        reorder);
    assertTrue(reorder.contains("constants = {\"HIGH\", \"LOW\", \"MEDIUM\"}"), reorder);

    assertEquals(0, retort(db, "v2", "upgrade").exitCode());
    // LOW, MEDIUM, HIGH were 0, 1, 2; in the new order HIGH, LOW, MEDIUM they are 1, 2, 0.
    assertEquals(
        List.of("1\t1", "2\t2", "3\t0"), db.query("SELECT id, priority FROM tasks ORDER BY id"));
    assertEquals(0, retort(db, "v2", "check").exitCode(), "the recorded order now matches");

    assertEquals(0, retort(db, "v2", "downgrade", "-1").exitCode());
    assertEquals(
        List.of("1\t0", "2\t1", "3\t2"), db.query("SELECT id, priority FROM tasks ORDER BY id"));
  }
}
