package dev.retort.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.retort.cache.CachedCompiler;
import dev.retort.catalog.CatalogReader;
import dev.retort.catalog.CatalogScope;
import dev.retort.compare.MigrationPlan;
import dev.retort.config.RetortConfig;
import dev.retort.migration.Migration;
import dev.retort.operation.DslOperations;
import dev.retort.operation.Operation;
import dev.retort.operation.OperationSink;
import dev.retort.postgres.Identifiers;
import dev.retort.postgres.SqlGenerator;
import dev.retort.render.MigrationClassWriter;
import dev.retort.render.MigrationRenderer;
import dev.retort.revision.MigrationScript;
import dev.retort.revision.RevisionGraph;
import dev.retort.revision.SourceMigrations;
import dev.retort.runtime.MigrationRunner;
import dev.retort.runtime.RunListener;
import dev.retort.schema.QualifiedName;
import dev.retort.schema.Schema;
import dev.retort.testing.Golden;
import dev.retort.testing.PostgresExtension;
import dev.retort.testing.TestDatabase;
import dev.retort.timing.PhaseTimer;
import dev.retort.workspace.ModelComparison;
import dev.retort.workspace.Stages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
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
    Scenario scenario = Scenario.load(name);
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
    RetortConfig config = scenario.config(migrations);
    Schema start = read(db, config);

    MigrationPlan plan =
        compare(config, new RevisionGraph(List.of()), db, scenario.renames(), cached());
    assertEquals(
        plan,
        compare(config, new RevisionGraph(List.of()), db, scenario.renames(), uncached()),
        "without the caches, the same plan");
    if (plan.isEmpty()) {
      Golden.assertMatches("../scenarios/" + name + "/expected.java", NO_CHANGES);
      return;
    }
    String source =
        new MigrationClassWriter()
            .write(
                new MigrationRenderer()
                    .migrationClass(
                        plan,
                        "scenario",
                        "M20260101_0000_Scenario",
                        "scenario01",
                        List.of(),
                        "2026-01-01T00:00:00Z",
                        name.replace('_', ' ')));
    Golden.assertMatches("../scenarios/" + name + "/expected.java", source);

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
    try (Connection connection = db.connect()) {
      runner.upgrade(connection, "head");
    }
    MigrationPlan after = compare(config, graph, db, List.of(), cached());
    assertEquals(
        List.of(),
        after.changes().stream().map(c -> c.summary()).toList(),
        "check after upgrade finds nothing");
    try (Connection connection = db.connect()) {
      runner.downgrade(connection, "base");
    }
    assertEquals(start, read(db, config), "downgrade restores the starting catalog");
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
      Stages stages) {
    return new ModelComparison(config, graph, stages, warning -> {}, RunListener.SILENT)
        .againstDatabase(db.url(), graph.heads(), renames)
        .plan();
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
                  List.of(
                      QualifiedName.of(config.versionTable()),
                      QualifiedName.of(config.historyTable())),
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
      } catch (dev.retort.postgres.IrreversibleOperationException e) {
        statements.add("IRREVERSIBLE: " + e.getMessage());
      }
    }
    return statements;
  }

  private static List<String> replay(java.util.function.Consumer<DslOperations> method) {
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
