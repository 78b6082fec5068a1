package dev.retort.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.retort.cache.CachedCompiler;
import dev.retort.catalog.CatalogReader;
import dev.retort.catalog.CatalogScope;
import dev.retort.compare.MigrationPlan;
import dev.retort.config.RetortConfig;
import dev.retort.error.RetortException;
import dev.retort.migration.Migration;
import dev.retort.operation.DslOperations;
import dev.retort.operation.Operation;
import dev.retort.operation.OperationSink;
import dev.retort.postgres.Identifiers;
import dev.retort.postgres.IrreversibleOperationException;
import dev.retort.postgres.SqlGenerator;
import dev.retort.postgres.UnresolvedDecisionException;
import dev.retort.render.MigrationClass;
import dev.retort.render.MigrationClassWriter;
import dev.retort.revision.MigrationScript;
import dev.retort.revision.RevisionGraph;
import dev.retort.revision.SourceMigrations;
import dev.retort.runtime.MigrationRunner;
import dev.retort.runtime.RunListener;
import dev.retort.schema.QualifiedName;
import dev.retort.schema.Schema;
import dev.retort.testing.Applications;
import dev.retort.testing.Golden;
import dev.retort.testing.PostgresExtension;
import dev.retort.testing.TestDatabase;
import dev.retort.testing.TestServer;
import dev.retort.timing.PhaseTimer;
import dev.retort.workspace.ModelComparison;
import dev.retort.workspace.Reporter;
import dev.retort.workspace.Stages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Autogenerate on real PostgreSQL, scenario by scenario, with the full round trip: the generated
 * class matches its golden file, compiles, replays to the planned SQL, upgrades the database, after
 * which the comparison finds nothing ({@code check} exits 0), and downgrades it back to exactly the
 * catalog it started from. The first comparison also runs without Retort's caches and must plan the
 * same; the comparison after the upgrade reads what the first one cached.
 */
@ExtendWith(PostgresExtension.class)
class ScenarioTest {

  private static final Path CACHE = Path.of("target/retort-test-cache");
  static final String NO_CHANGES = "No changes detected\n";

  @TempDir Path temp;

  static Stream<String> scenarios() throws IOException {
    String only = System.getProperty("scenario");
    try (Stream<Path> dirs = Files.list(Scenario.ROOT)) {
      return dirs
          .filter(Files::isDirectory)
          .map(d -> d.getFileName().toString())
          .filter(name -> only == null || name.matches(only))
          .sorted()
          .toList()
          .stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scenarios")
  void autogenerateRoundTrip(String name, TestDatabase db) throws Exception {
    roundTrip(name, db, null);
  }

  /**
   * The same corpus read by an application's own Hibernate 6.6 (what Spring Boot 3.5 ships): where
   * its mappings differ from the bundled Hibernate's, the scenario has an {@code
   * expected-hibernate-6.java} of its own.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("scenarios")
  void autogenerateRoundTripOnTheApplicationsHibernate6(String name, TestDatabase db)
      throws Exception {
    roundTrip(name, db, HIBERNATE_6);
  }

  private static final String HIBERNATE_6 = "hibernate-6.6";

  /**
   * @param application the application whose Hibernate reads the entities, or null for the bundled
   *     one
   */
  private void roundTrip(String name, TestDatabase db, String application) throws Exception {
    Scenario scenario = Scenario.load(name);
    assumeTrue(
        application == null || scenario.hibernateSince() <= 6,
        "maps what Hibernate 6 does not have");
    assumeTrue(
        db.serverMajor() >= scenario.minimumServerMajor(),
        "needs PostgreSQL " + scenario.minimumServerMajor());
    List<String> setup = new ArrayList<>();
    scenario.schemas().stream()
        .filter(s -> !s.equals("public"))
        .forEach(s -> setup.add("CREATE SCHEMA " + Identifiers.quote(s)));
    setup.add(
        "SET search_path TO "
            + scenario.schemas().stream()
                .map(Identifiers::quote)
                .collect(Collectors.joining(", ")));
    if (!scenario.beforeSql().isBlank()) {
      setup.add(scenario.beforeSql());
    }
    db.execute(setup.toArray(String[]::new));
    Path migrations = temp.resolve("migrations");
    RetortConfig config =
        application == null
            ? scenario.config(migrations)
            : scenario.configOn(migrations, Applications.dependencies(application), CACHE);
    Schema start = read(db, config);

    List<String> warnings = new ArrayList<>();
    MigrationPlan plan =
        compare(
            config, new RevisionGraph(List.of()), db, scenario.renames(), cached(), warnings::add);
    if (application == null) {
      assertEquals(
          plan,
          compare(
              config, new RevisionGraph(List.of()), db, scenario.renames(), uncached(), w -> {}),
          "without the caches, the same plan");
    }
    String expected = expectedFile(name, application);
    // What the comparison told the user besides the plan, when it said anything.
    if (!warnings.isEmpty() || Files.exists(Scenario.ROOT.resolve(name).resolve("warnings.txt"))) {
      Golden.assertMatches(
          "../scenarios/" + name + "/warnings.txt", String.join("\n", warnings) + "\n");
    }
    if (plan.isEmpty()) {
      assertGolden(name, expected, NO_CHANGES);
      return;
    }
    String source =
        new MigrationClassWriter()
            .write(
                MigrationClass.autogenerated(
                    new MigrationClass.Header(
                        "scenario",
                        "M20260101_0000_Scenario",
                        "scenario01",
                        List.of(),
                        "2026-01-01T00:00:00Z",
                        name.replace('_', ' ')),
                    plan));
    assertGolden(name, expected, source);

    Files.createDirectories(migrations);
    Files.writeString(migrations.resolve("M20260101_0000_Scenario.java"), source);
    List<MigrationScript> scripts =
        new SourceMigrations(migrations, List.of(), new CachedCompiler(CACHE)).load();
    Migration migration = scripts.get(0).newMigration();
    assertEquals(
        sql(plan.upgrade()),
        replay(migration::upgrade),
        "the generated upgrade builds the planned operations");
    assertEquals(
        sql(plan.downgrade()),
        replay(migration::downgrade),
        "the generated downgrade builds the reversed operations");

    RevisionGraph graph = new RevisionGraph(scripts);
    MigrationRunner runner =
        new MigrationRunner(
            graph,
            config.versionTable(),
            config.schemas(),
            config.lockTimeout(),
            RunListener.SILENT);
    if (source.contains("op.decide(")) {
      // Refused before any statement; then answered as the scenario's answer.java says (or, with
      // none, by deleting the decide lines: "nothing to do").
      MigrationRunner unanswered = runner;
      try (Connection connection = db.connect()) {
        RetortException refused =
            assertThrows(RetortException.class, () -> unanswered.upgrade(connection, "head"));
        assertTrue(refused.oneLine().contains("leaves a decision open"), refused.oneLine());
      }
      assertEquals(start, read(db, config), "a refused migration changes nothing");
      Files.writeString(
          migrations.resolve("M20260101_0000_Scenario.java"), answered(scenario, source));
      scripts = new SourceMigrations(migrations, List.of(), new CachedCompiler(CACHE)).load();
      graph = new RevisionGraph(scripts);
      runner =
          new MigrationRunner(
              graph,
              config.versionTable(),
              config.schemas(),
              config.lockTimeout(),
              RunListener.SILENT);
    }
    try (Connection connection = db.connect()) {
      runner.upgrade(connection, "head");
    }
    ModelComparison.Result after = comparison(config, graph, db, List.of(), cached(), w -> {});
    assertEquals(
        List.of(),
        after.plan().changes().stream().map(c -> c.summary()).toList(),
        "check after upgrade finds nothing");
    TestDatabase hibernates = builtByHibernateDdl(config, after.model().ddl());
    try {
      assertEquals(
          checkDefinitions(hibernates, after.model().schema()),
          checkDefinitions(db, after.model().schema()),
          "the checks the migration made are the ones the application's own DDL makes");
    } finally {
      TestServer.get().dropDatabase(hibernates);
    }
    try (Connection connection = db.connect()) {
      runner.downgrade(connection, "base");
    }
    assertEquals(start, read(db, config), "downgrade restores the starting catalog");
  }

  /** The migration with each {@code op.decide(...)} line replaced by the scenario's answer. */
  private static String answered(Scenario scenario, String source) throws IOException {
    Path answer = Scenario.ROOT.resolve(scenario.name()).resolve("answer.java");
    String replacement = Files.exists(answer) ? Files.readString(answer).strip() : "";
    return source.replaceAll(
        "(?m)^(\\s*)op\\.decide\\(.*\\);$",
        replacement.isEmpty() ? "" : "$1" + Matcher.quoteReplacement(replacement));
  }

  /** The golden of a run: the shared {@code expected.java}, or the Hibernate 6 one if any. */
  private static String expectedFile(String name, String application) {
    if (application == null) {
      return "expected.java";
    }
    return Files.exists(Scenario.ROOT.resolve(name).resolve("expected-hibernate-6.java"))
            || Boolean.getBoolean("retort.updateGoldens")
        ? "expected-hibernate-6.java"
        : "expected.java";
  }

  /**
   * Compares with the golden; when updating, a Hibernate 6 golden that says what the shared one
   * says is not kept.
   */
  private static void assertGolden(String name, String file, String actual) throws IOException {
    Path shared = Scenario.ROOT.resolve(name).resolve("expected.java");
    if (file.equals("expected-hibernate-6.java")
        && Boolean.getBoolean("retort.updateGoldens")
        && Files.exists(shared)
        && Files.readString(shared).equals(actual)) {
      Files.deleteIfExists(Scenario.ROOT.resolve(name).resolve(file));
      return;
    }
    Golden.assertMatches("../scenarios/" + name + "/" + file, actual);
  }

  private static Stages cached() {
    return Stages.cached(CACHE, new PhaseTimer());
  }

  private static Stages uncached() {
    return Stages.uncached(new PhaseTimer());
  }

  private static MigrationPlan compare(
      RetortConfig config,
      RevisionGraph graph,
      TestDatabase db,
      List<String> renames,
      Stages stages,
      Consumer<String> warnings) {
    return comparison(config, graph, db, renames, stages, warnings).plan();
  }

  private static ModelComparison.Result comparison(
      RetortConfig config,
      RevisionGraph graph,
      TestDatabase db,
      List<String> renames,
      Stages stages,
      Consumer<String> warnings) {
    return new ModelComparison(
            config,
            graph,
            stages,
            new Reporter() {
              @Override
              public void warning(String message) {
                warnings.accept(message);
              }
            })
        .againstDatabase(db.url(), graph.heads(), renames);
  }

  /**
   * The check constraints of the model's tables as PostgreSQL prints them: after the migration,
   * they must be what the application's own DDL creates, text for text.
   */
  private static Map<String, List<String>> checkDefinitions(TestDatabase db, Schema model) {
    // By text, not name: a renamed column leaves its check's name as it was.
    Map<String, List<String>> definitions = new TreeMap<>();
    for (dev.retort.schema.Table table : model.tables()) {
      String regclass =
          table.name().schema() == null
              ? Identifiers.quote(table.name().name())
              : Identifiers.quote(table.name().schema())
                  + "."
                  + Identifiers.quote(table.name().name());
      definitions.put(
          table.name().toString(),
          db.query(
              "SELECT pg_get_constraintdef(oid) FROM pg_constraint WHERE contype = 'c' AND"
                  + " conrelid = to_regclass('"
                  + regclass.replace("'", "''")
                  + "') ORDER BY 1"));
    }
    return definitions;
  }

  /** A new database with the schema the application's own DDL creates. */
  private static TestDatabase builtByHibernateDdl(RetortConfig config, List<String> ddl) {
    TestDatabase fresh = TestServer.get().createDatabase();
    List<String> statements = new ArrayList<>();
    config.schemas().stream()
        .filter(s -> !s.equals("public"))
        .forEach(s -> statements.add("CREATE SCHEMA " + Identifiers.quote(s)));
    statements.add(
        "SET search_path TO "
            + config.schemas().stream().map(Identifiers::quote).collect(Collectors.joining(", ")));
    for (String sql : ddl) {
      Matcher placeholder = Pattern.compile("\"?retort_model_(\\d+)\"?").matcher(sql);
      statements.add(
          placeholder.replaceAll(
              m -> {
                int index = Integer.parseInt(m.group(1));
                List<String> schemas = config.schemas();
                return Matcher.quoteReplacement(
                    Identifiers.quote(index < schemas.size() ? schemas.get(index) : "public"));
              }));
    }
    fresh.execute(String.join(";\n", statements));
    return fresh;
  }

  private static Schema read(TestDatabase db, RetortConfig config) throws Exception {
    try (Connection connection = db.connect();
        Statement statement = connection.createStatement()) {
      statement.execute(
          "SET search_path TO "
              + config.schemas().stream()
                  .map(Identifiers::quote)
                  .collect(Collectors.joining(", ")));
      return new CatalogReader(
              CatalogScope.live(
                  config.schemas(),
                  config.bookkeepingTables().stream().map(QualifiedName::of).toList(),
                  List.of(),
                  List.of()))
          .read(connection);
    }
  }

  private static List<String> sql(List<Operation> operations) {
    SqlGenerator generator = new SqlGenerator();
    List<String> statements = new ArrayList<>();
    for (Operation operation : operations) {
      try {
        statements.addAll(generator.statements(operation));
      } catch (IrreversibleOperationException e) {
        statements.add("IRREVERSIBLE: " + e.getMessage());
      } catch (UnresolvedDecisionException e) {
        statements.add("DECISION: " + e.getMessage());
      }
    }
    return statements;
  }

  private static List<String> replay(Consumer<DslOperations> method) {
    List<Operation> operations = new ArrayList<>();
    method.accept(
        new DslOperations(
            new OperationSink() {
              @Override
              public void accept(Operation operation) {
                operations.add(operation);
              }

              @Override
              public Connection connection() {
                throw new UnsupportedOperationException();
              }
            }));
    return sql(operations);
  }
}
