package dev.retort.render;

import static dev.retort.migration.Dsl.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.cache.CachedCompiler;
import dev.retort.compare.ComparisonInput;
import dev.retort.compare.MigrationPlan;
import dev.retort.compare.PlannedChange;
import dev.retort.compare.ReviewFlag;
import dev.retort.compare.SchemaComparator;
import dev.retort.compare.SchemaComparatorTest;
import dev.retort.migration.Migration;
import dev.retort.migration.Operations;
import dev.retort.migration.ReferentialAction;
import dev.retort.operation.DslOperations;
import dev.retort.operation.Irreversible;
import dev.retort.operation.Operation;
import dev.retort.operation.OperationSink;
import dev.retort.postgres.SqlGenerator;
import dev.retort.revision.MigrationScript;
import dev.retort.revision.SourceMigrations;
import dev.retort.schema.Schema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The renderer tier, without a database: every plan is written as a migration class, compiled with
 * javac and run against a recording {@link Operations}; the class must issue exactly the SQL the
 * plan holds, upgrade and downgrade. Plans come from every comparator case plus hand-made ones for
 * operations autogenerate never emits and for text that could break Java source.
 */
class RenderedMigrationTest {

  private static final String PACKAGE = "rendered";

  /** A plan and the downgrade the class must issue (the plan's reverse, unless made by hand). */
  record Case(String name, MigrationPlan plan, List<Operation> downgrade) {}

  static List<Case> cases() {
    List<Case> cases = new ArrayList<>();
    SchemaComparatorTest.cases()
        .forEach(
            arguments -> {
              Object[] values = arguments.get();
              MigrationPlan plan =
                  SchemaComparator.compare(
                      new ComparisonInput((Schema) values[1], (Schema) values[2], null, null, 17));
              if (!plan.isEmpty()) {
                cases.add(new Case((String) values[0], plan, plan.downgrade()));
              }
            });
    cases.add(
        handMade(
            "schemas, renames, validation, data",
            op -> {
              op.createSchema("hr");
              op.inSchema("hr").renameTable("staff", "employees");
              op.renameColumn("users", "full_name", "display_name");
              op.addConstraintNotValid(
                  "orders",
                  foreignKey("orders_user_fk", "user_id")
                      .references("users", "id")
                      .onDelete(ReferentialAction.CASCADE)
                      .deferrableInitiallyDeferred());
              op.validateConstraint("orders", "orders_user_fk");
              op.createIndexConcurrently(
                  "orders", index("orders_open_idx", key("created_at")).where("closed_at IS NULL"));
              op.dropIndexConcurrently("orders_old_idx");
              op.renameEnumValue("status", "GONE", "ARCHIVED");
              op.addEnumValueBefore("status", "NEW", "OPEN");
              op.addEnumValueAfter("status", "LATE", "OPEN");
              op.execute("UPDATE users SET note = 'it''s' WHERE id = 1");
              op.bulkInsert(
                  "permissions",
                  rows("code", "weight", "big", "flag", "created_at", "note")
                      .add("users.read", 1, 5_000_000_000L, true, sql("now()"), null)
                      .add(
                          "quote ' \" \\ backslash",
                          -2,
                          0L,
                          false,
                          sql("now()"),
                          "emoji 🙂 and ünïcödé")
                      .onConflictDoNothing());
              op.dropSchema("old");
              op.irreversible("the old rows cannot be restored");
            },
            op -> {
              op.execute("DELETE FROM permissions");
              op.renameColumn("users", "display_name", "full_name");
              op.inSchema("hr").renameTable("employees", "staff");
              op.dropSchema("hr");
            }));
    cases.add(
        handMade(
            "text that could break the Java source: */ \\u002a/ \\u000a <b> \"",
            op -> {
              op.createTable(
                  "we\"ird */ \\u000a name",
                  column("a\\u0022b", text())
                      .withComment("ends */ a comment, \\u000a, \"quoted\", 🙂\nsecond line"),
                  column("c", varchar(20)).withDefault(literal("*/ \\ \" '")),
                  check("c_check", "c <> '*/' AND c <> '\\u0022'"));
              op.setTableComment("we\"ird */ \\u000a name", "table <b>comment</b> */ \\u000a");
            },
            op -> op.dropTable("we\"ird */ \\u000a name"),
            ReviewFlag.of(
                ReviewFlag.Kind.NOT_COMPARED,
                "flag text with */ and \\u002a/ and \\u000a and <html> & \"quotes\" 🙂")));
    return cases;
  }

  /**
   * A plan of DSL calls, each its own change, the flags attached to the first; its downgrade by
   * hand.
   */
  private static Case handMade(
      String name,
      Consumer<Operations> calls,
      Consumer<Operations> downgrade,
      ReviewFlag... flags) {
    List<Operation> operations = record(calls);
    List<PlannedChange> changes = new ArrayList<>();
    for (int i = 0; i < operations.size(); i++) {
      changes.add(
          new PlannedChange(operations.get(i), "step " + i, i == 0 ? List.of(flags) : List.of()));
    }
    return new Case(
        name, new MigrationPlan(changes, List.of(), true, List.of()), record(downgrade));
  }

  @TestFactory
  Stream<DynamicTest> renderedClassesIssueThePlannedSql(@TempDir Path temp) throws IOException {
    List<Case> cases = cases();
    Path sources = Files.createDirectories(temp.resolve("src"));
    for (int i = 0; i < cases.size(); i++) {
      Files.writeString(sources.resolve(className(i) + ".java"), source(cases.get(i), i));
    }
    Map<String, Migration> compiled =
        new SourceMigrations(sources, List.of(), new CachedCompiler(temp.resolve("cache")))
            .load().stream()
                .collect(Collectors.toMap(MigrationScript::id, MigrationScript::newMigration));
    return IntStream.range(0, cases.size())
        .mapToObj(
            i ->
                DynamicTest.dynamicTest(
                    cases.get(i).name(),
                    () -> {
                      MigrationPlan plan = cases.get(i).plan();
                      Migration migration =
                          Objects.requireNonNull(
                              compiled.get(revisionId(i)), "compiled " + compiled.keySet());
                      assertEquals(
                          describe(plan.upgrade()),
                          describe(record(migration::upgrade)),
                          "upgrade");
                      assertEquals(
                          describe(cases.get(i).downgrade()),
                          describe(record(migration::downgrade)),
                          "downgrade");
                      assertEquals(
                          plan.transactional(), migration.transactional(), "transactional");
                    }));
  }

  @Test
  void theSameInputGivesTheSameBytes() {
    List<Case> cases = cases();
    for (int i = 0; i < cases.size(); i++) {
      assertEquals(source(cases.get(i), i), source(cases().get(i), i), cases.get(i).name());
    }
  }

  @Test
  void reviewFlagsAreCommentsAboveTheirOperationAndListedInTheHeader() {
    Case renamed =
        cases().stream()
            .filter(c -> c.name().contains("rename candidate"))
            .findFirst()
            .orElseThrow();
    String source = source(renamed, 0);
    int comment = source.indexOf("// REVIEW(rename): users.name is dropped");
    int operation = source.indexOf("op.addColumn(\"users\", column(\"full_name\"");
    assertTrue(comment > 0 && comment < operation, source);
    assertTrue(source.contains(" *   <li>rename: users.name is dropped"), source);
    assertTrue(
        source.indexOf("<li>") < source.indexOf("@Revision("), "the list is in the class Javadoc");
    String notNull =
        source(
            cases().stream().filter(c -> c.name().contains("backfill")).findFirst().orElseThrow(),
            0);
    assertFalse(
        notNull.contains("NOT NULL:\n"),
        "a header line never ends pointing at code it does not show:\n" + notNull);
  }

  private static String source(Case c, int i) {
    MigrationRenderer renderer = new MigrationRenderer();
    MigrationClass spec =
        new MigrationClass(
            new MigrationClass.Header(
                PACKAGE, className(i), revisionId(i), List.of(), "2026-01-01T00:00:00Z", c.name()),
            "Rendered by a test.",
            MigrationRenderer.reviewNotes(c.plan()),
            c.plan().transactional(),
            c.plan().ordinalOrders(),
            renderer.upgrade(c.plan()),
            renderer.operations(c.downgrade()));
    return new MigrationClassWriter().write(spec);
  }

  private static String className(int i) {
    return String.format("M20260101_%04d_Case", i);
  }

  private static String revisionId(int i) {
    return String.format("case%04d", i);
  }

  private static List<Operation> record(Consumer<Operations> calls) {
    List<Operation> operations = new ArrayList<>();
    calls.accept(
        new DslOperations(
            new OperationSink() {
              @Override
              public void accept(Operation operation) {
                operations.add(operation);
              }

              @Override
              public Connection connection() {
                throw new UnsupportedOperationException("no connection while rendering");
              }
            }));
    return operations;
  }

  /** What an operation does: its SQL, or for an irreversible step the reason it gives. */
  private static List<String> describe(List<Operation> operations) {
    SqlGenerator generator = new SqlGenerator();
    Function<Operation, List<String>> one =
        op ->
            op instanceof Irreversible irreversible
                ? List.of("irreversible: " + irreversible.reason())
                : generator.statements(op);
    return operations.stream().map(one).flatMap(List::stream).toList();
  }
}
