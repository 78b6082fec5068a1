package dev.retort.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.compare.MigrationPlan;
import dev.retort.compare.PlannedChange;
import dev.retort.config.ConfigLoader;
import dev.retort.config.RetortConfig;
import dev.retort.operation.AddColumn;
import dev.retort.operation.AddEnumValue;
import dev.retort.operation.AlterColumn;
import dev.retort.operation.CreateIndex;
import dev.retort.operation.CreateTable;
import dev.retort.operation.DropColumn;
import dev.retort.operation.DropConstraint;
import dev.retort.operation.Operation;
import dev.retort.revision.RevisionGraph;
import dev.retort.testing.PostgresExtension;
import dev.retort.testing.TestDatabase;
import dev.retort.timing.PhaseTimer;
import dev.retort.workspace.ModelComparison;
import dev.retort.workspace.Reporter;
import dev.retort.workspace.Stages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * On the shared synthetic schema ({@code gen_schema.py 100 42}): the unchanged model compares
 * clean, and the edited model yields exactly the edits {@code edits.json} lists, nothing else.
 */
@ExtendWith(PostgresExtension.class)
class GeneratedSchemaEditsTest {

  /** The team's shared generator; a copy travels with the tests for a checkout without it. */
  static final Path SHARED_GENERATOR = Path.of("../shared/bench/gen_schema.py");

  static final Path BUNDLED_GENERATOR = Path.of("src/test/resources/bench/gen_schema.py");
  static final Path GENERATOR =
      Files.exists(SHARED_GENERATOR) ? SHARED_GENERATOR : BUNDLED_GENERATOR;
  private static final Path CACHE = Path.of("target/retort-test-cache");

  @TempDir static Path generated;

  record Edit(String kind, String table, String column, String detailName) {}

  @BeforeAll
  static void generate() throws Exception {
    assertTrue(
        Files.exists(GENERATOR),
        "the shared benchmark generator is at " + GENERATOR.toAbsolutePath());
    Process process =
        new ProcessBuilder("python3", GENERATOR.toString(), "100", "42", generated.toString())
            .redirectErrorStream(true)
            .start();
    String output = new String(process.getInputStream().readAllBytes());
    assertTrue(process.waitFor(120, TimeUnit.SECONDS) && process.exitValue() == 0, output);
  }

  private static MigrationPlan compare(TestDatabase db, String model) {
    RetortConfig config =
        new ConfigLoader(generated, Map.of())
            .load(
                null,
                Map.of(
                    "entities.packages",
                    "bench.model",
                    "entities.sources",
                    generated.resolve("jpa").resolve(model).toString(),
                    "migrations.dir",
                    generated.resolve("migrations").toString(),
                    "migrations.package",
                    "bench",
                    "lock.timeout",
                    "10"));
    return new ModelComparison(
            config,
            new RevisionGraph(List.of()),
            Stages.cached(CACHE, new PhaseTimer()),
            Reporter.SILENT)
        .againstDatabase(db.url(), List.of(), List.of())
        .plan();
  }

  @Test
  void theBundledGeneratorIsTheSharedOne() throws Exception {
    org.junit.jupiter.api.Assumptions.assumeTrue(
        Files.exists(SHARED_GENERATOR), "no shared generator beside this checkout");
    assertEquals(
        Files.readString(SHARED_GENERATOR),
        Files.readString(BUNDLED_GENERATOR),
        "copy " + SHARED_GENERATOR + " to " + BUNDLED_GENERATOR);
  }

  @Test
  void unchangedModelHasNoChangesAndEveryEditIsDetectedAlone(TestDatabase db) throws Exception {
    if (db.serverMajor() < 13) {
      // The generated DDL uses gen_random_uuid(), core since PostgreSQL 13 and in pgcrypto before.
      db.execute("CREATE EXTENSION IF NOT EXISTS pgcrypto");
    }
    db.execute(Files.readString(generated.resolve("schema.sql")));
    MigrationPlan unchanged = compare(db, "base");
    assertEquals(List.of(), unchanged.changes().stream().map(PlannedChange::summary).toList());

    MigrationPlan edited = compare(db, "edited");
    List<Edit> edits = edits(Files.readString(generated.resolve("edits.json")));
    assertEquals(9, edits.stream().map(Edit::kind).distinct().count(), edits.toString());
    List<PlannedChange> unexplained = new ArrayList<>(edited.changes());
    for (Edit edit : edits) {
      PlannedChange match =
          unexplained.stream()
              .filter(change -> matches(edit, change.operation()))
              .findFirst()
              .orElseThrow(
                  () ->
                      new AssertionError(
                          "edit not detected: " + edit + " in " + summaries(edited)));
      unexplained.remove(match);
      if (edit.kind().equals("add_table")) {
        // The new table's own indexes come with it.
        unexplained.removeIf(
            change ->
                change.operation() instanceof CreateIndex
                    && ((CreateIndex) change.operation()).table().name().equals(edit.table()));
      }
    }
    assertEquals(
        List.of(),
        unexplained.stream().map(PlannedChange::summary).toList(),
        "no operation beyond the edits");
  }

  private static List<String> summaries(MigrationPlan plan) {
    return plan.changes().stream().map(PlannedChange::summary).toList();
  }

  private static boolean matches(Edit edit, Operation operation) {
    switch (edit.kind()) {
      case "add_column":
        return operation instanceof AddColumn
            && ((AddColumn) operation).table().name().equals(edit.table())
            && ((AddColumn) operation).column().name().equals(edit.column());
      case "drop_column":
        return operation instanceof DropColumn
            && ((DropColumn) operation).table().name().equals(edit.table())
            && ((DropColumn) operation).column().equals(edit.column());
      case "change_type":
        return alter(operation, edit) && ((AlterColumn) operation).change().type() != null;
      case "change_nullability":
        return alter(operation, edit) && ((AlterColumn) operation).change().nullable() != null;
      case "change_default":
        return alter(operation, edit) && ((AlterColumn) operation).change().defaultValue() != null;
      case "add_index":
        return operation instanceof CreateIndex
            && ((CreateIndex) operation).index().name().equals(edit.detailName());
      case "drop_unique":
        return operation instanceof DropConstraint
            && ((DropConstraint) operation).name().equals(edit.detailName());
      case "add_table":
        return operation instanceof CreateTable
            && ((CreateTable) operation).table().name().name().equals(edit.table());
      case "add_enum_value":
        return operation instanceof AddEnumValue
            && ((AddEnumValue) operation).type().name().equals(edit.detailName());
      default:
        throw new AssertionError("unknown edit kind " + edit.kind());
    }
  }

  private static boolean alter(Operation operation, Edit edit) {
    return operation instanceof AlterColumn
        && ((AlterColumn) operation).table().name().equals(edit.table())
        && ((AlterColumn) operation).column().equals(edit.column());
  }

  /** The edits of edits.json, read with a pattern: the file's shape is fixed by the generator. */
  static List<Edit> edits(String json) {
    Pattern edit =
        Pattern.compile(
            "\"kind\": \"(\\w+)\",\\s*\"table\": \"([^\"]+)\",\\s*\"column\": (?:null|\"([^\"]+)\"),\\s*\"detail\": \\{([^}]*)");
    Pattern name = Pattern.compile("\"(?:index|constraint|enum)\": \"([^\"]+)\"");
    List<Edit> edits = new ArrayList<>();
    Matcher matcher = edit.matcher(json);
    while (matcher.find()) {
      Matcher detail = name.matcher(matcher.group(4));
      edits.add(
          new Edit(
              matcher.group(1),
              matcher.group(2),
              matcher.group(3),
              detail.find() ? detail.group(1) : null));
    }
    return edits;
  }
}
