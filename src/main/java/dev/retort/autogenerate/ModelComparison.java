package dev.retort.autogenerate;

import dev.retort.ExitCode;
import dev.retort.RetortException;
import dev.retort.catalog.CatalogReader;
import dev.retort.catalog.CatalogScope;
import dev.retort.compare.ComparisonInput;
import dev.retort.compare.MigrationPlan;
import dev.retort.compare.RenameRequests;
import dev.retort.compare.SchemaComparator;
import dev.retort.config.DatabaseUrl;
import dev.retort.config.RetortConfig;
import dev.retort.embedded.EmbeddedServer;
import dev.retort.entity.EntityClasspath;
import dev.retort.entity.EntityModel;
import dev.retort.entity.EntityModelReader;
import dev.retort.entity.PhaseTimer;
import dev.retort.revision.RevisionGraph;
import dev.retort.runtime.Connections;
import dev.retort.runtime.MigrationRunner;
import dev.retort.runtime.RunListener;
import dev.retort.schema.QualifiedName;
import dev.retort.schema.Schema;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * Compares the entities with a database at the migrations' head: what {@code revision
 * --autogenerate} and {@code check} share. The live catalog is read while Hibernate builds the
 * entity model on another thread; both then meet in PostgreSQL's spelling.
 */
public final class ModelComparison {

  /** What a comparison found, with what it compared. */
  public record Result(MigrationPlan plan, Schema live, EntityModel model, int serverMajor) {}

  private final RetortConfig config;
  private final RevisionGraph graph;
  private final Path cacheRoot;
  private final Consumer<String> warnings;
  private final PhaseTimer timer;
  private final RunListener upgradeProgress;

  public ModelComparison(
      RetortConfig config,
      RevisionGraph graph,
      Path cacheRoot,
      Consumer<String> warnings,
      PhaseTimer timer) {
    this(config, graph, cacheRoot, warnings, timer, RunListener.SILENT);
  }

  /**
   * @param upgradeProgress told about the migrations applied to the embedded server
   */
  public ModelComparison(
      RetortConfig config,
      RevisionGraph graph,
      Path cacheRoot,
      Consumer<String> warnings,
      PhaseTimer timer,
      RunListener upgradeProgress) {
    this.config = config;
    this.graph = graph;
    this.cacheRoot = cacheRoot;
    this.warnings = warnings;
    this.timer = timer;
    this.upgradeProgress = upgradeProgress;
  }

  /**
   * Against the configured database, which must be at {@code heads} (the migrations' heads, or the
   * revision a new branch starts from).
   */
  public Result againstDatabase(DatabaseUrl url, List<String> heads, List<String> renames) {
    return run(url, heads, renames);
  }

  /**
   * With no database: an embedded PostgreSQL is upgraded to the migrations' heads and compared,
   * which is what a CI job without a database service needs.
   */
  public Result againstMigrations(List<String> heads, List<String> renames) {
    try (EmbeddedServer server = timer.time("embedded start", EmbeddedServer::start)) {
      DatabaseUrl url = server.createDatabase("retort");
      if (!graph.isEmpty()) {
        timer.time(
            "upgrade",
            () -> {
              try (Connection connection = Connections.open(url)) {
                MigrationRunner runner =
                    new MigrationRunner(
                        graph,
                        config.versionTable(),
                        config.schemas(),
                        config.lockTimeout(),
                        upgradeProgress);
                for (String head : heads) {
                  runner.upgrade(connection, head);
                }
                return null;
              } catch (SQLException e) {
                throw new IllegalStateException(e);
              }
            });
      }
      return run(url, heads, renames);
    }
  }

  private MigrationRunner runner() {
    return new MigrationRunner(
        graph, config.versionTable(), config.schemas(), config.lockTimeout(), RunListener.SILENT);
  }

  private Result run(DatabaseUrl url, List<String> heads, List<String> renameArguments) {
    CatalogScope scope =
        CatalogScope.live(
            config.schemas(),
            List.of(
                QualifiedName.of(config.versionTable()), QualifiedName.of(config.historyTable())),
            config.include(),
            config.exclude());
    EntityModelReader reader =
        new EntityModelReader(
            new EntityModelReader.Settings(
                timer.time(
                    "classpath",
                    () ->
                        EntityClasspath.resolve(
                            config.entityClasspath(),
                            config.entitySources(),
                            config.baseDir(),
                            cacheRoot)),
                config.requireEntityPackages(),
                config.hibernate(),
                scope,
                cacheRoot),
            warnings,
            timer);
    ExecutorService entityThread =
        Executors.newSingleThreadExecutor(
            r -> {
              Thread thread = new Thread(r, "retort-entities");
              thread.setDaemon(true);
              return thread;
            });
    try (Connection connection = Connections.open(url)) {
      MigrationRunner runner = runner();
      runner.prepare(connection);
      requireAt(heads, runner.currentHeads(connection));
      int major = connection.getMetaData().getDatabaseMajorVersion();
      Future<EntityModelReader.Prepared> entities =
          entityThread.submit(() -> reader.prepare(major));
      Schema live =
          timer.time(
              "live catalog",
              () -> new CatalogReader(scope).remembering(cacheRoot).read(connection));
      EntityModelReader.Prepared prepared = await(entities);
      EntityModel model = timer.time("canonicalize", () -> reader.canonicalize(prepared, url));
      RenameRequests renames = RenameRequests.parse(renameArguments, live, config.defaultSchema());
      MigrationPlan plan =
          timer.time(
              "compare",
              () ->
                  SchemaComparator.compare(
                      new ComparisonInput(
                          live,
                          model.schema(),
                          model.provenance(),
                          renames,
                          major,
                          graph.ordinalOrders(heads))));
      return new Result(plan, live, model, major);
    } catch (SQLException e) {
      throw new RetortException(
          ExitCode.DATABASE_UNAVAILABLE,
          "database error while comparing: " + e.getMessage(),
          "check the connection",
          e);
    } finally {
      entityThread.shutdownNow();
    }
  }

  /**
   * Autogenerating against a database behind (or beside) the migrations would plan the wrong thing.
   */
  private void requireAt(List<String> heads, List<String> current) {
    new dev.retort.revision.RevisionNavigator(graph).requireKnown(current);
    if (!new HashSet<>(current).equals(new HashSet<>(heads))) {
      throw RetortException.revisionGraph(
          "the database is not at the migrations' head (it is at "
              + (current.isEmpty() ? "base" : String.join(", ", current))
              + ", the head is "
              + (heads.isEmpty() ? "base" : String.join(", ", heads))
              + ")",
          "run 'retort upgrade' first, so the comparison starts from what the migrations build");
    }
  }

  private static <T> T await(Future<T> future) {
    try {
      return future.get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException) {
        throw (RuntimeException) e.getCause();
      }
      if (e.getCause() instanceof Error) {
        throw (Error) e.getCause();
      }
      throw new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
