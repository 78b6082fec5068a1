package dev.retort.workspace;

import dev.retort.cache.KeptReplays;
import dev.retort.canonical.Canonicalizer;
import dev.retort.canonical.JavaEnumTypes;
import dev.retort.catalog.CatalogScope;
import dev.retort.catalog.TableSizes;
import dev.retort.compare.ComparisonInput;
import dev.retort.compare.MigrationPlan;
import dev.retort.compare.ModelSpellings;
import dev.retort.compare.OtherToolsTables;
import dev.retort.compare.RenameRequests;
import dev.retort.compare.SchemaComparator;
import dev.retort.config.DatabaseUrl;
import dev.retort.config.RetortConfig;
import dev.retort.connect.Connections;
import dev.retort.discovery.MappingSettings;
import dev.retort.embedded.EmbeddedServer;
import dev.retort.embedded.ScratchServer;
import dev.retort.entity.EntitiesOutside;
import dev.retort.entity.EntityClasspath;
import dev.retort.entity.EntityRequest;
import dev.retort.error.ExitCode;
import dev.retort.error.RetortException;
import dev.retort.plan.OnlinePlanner;
import dev.retort.revision.RevisionGraph;
import dev.retort.revision.RevisionNavigator;
import dev.retort.runtime.MigrationRunner;
import dev.retort.runtime.RunListener;
import dev.retort.schema.EntityDdl;
import dev.retort.schema.EntityModel;
import dev.retort.schema.QualifiedName;
import dev.retort.schema.Schema;
import dev.retort.schema.TableSize;
import dev.retort.shadow.ShadowServers;
import dev.retort.timing.PhaseTimer;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Compares the entities with a database at the migrations' head: what {@code revision
 * --autogenerate} and {@code check} share. The pipeline: the entities' DDL (Hibernate, on another
 * thread) while the live catalog is read, then the DDL canonicalized through PostgreSQL, then the
 * comparison. Each stage comes from {@link Stages}, cached or not.
 */
public final class ModelComparison {

  /** What a comparison found, with what it compared. */
  public record Result(MigrationPlan plan, Schema live, EntityModel model, int serverMajor) {}

  private final RetortConfig config;
  private final RevisionGraph graph;
  private final Stages stages;
  private final Reporter reporter;

  /**
   * @param reporter told what a user should know about the comparison (warnings, which Hibernate
   *     read the entities), and, through {@link Reporter#embedded()}, about the migrations applied
   *     to an embedded server
   */
  public ModelComparison(
      RetortConfig config, RevisionGraph graph, Stages stages, Reporter reporter) {
    this.config = config;
    this.graph = graph;
    this.stages = stages;
    this.reporter = reporter;
  }

  private PhaseTimer timer() {
    return stages.timer();
  }

  /**
   * Against the configured database, which must be at {@code heads} (the migrations' heads, or the
   * revision a new branch starts from).
   */
  public Result againstDatabase(DatabaseUrl url, List<String> heads, List<String> renames) {
    return run(() -> url, null, heads, renames, true, false);
  }

  /**
   * With no database: the scratch server (an embedded PostgreSQL, or the {@code shadow.image}
   * container) is upgraded to the migrations' heads and compared, which is what a CI job without a
   * database service needs. The server starts while Hibernate reads the entities (for the bundled
   * server's major version; a server of another version has them read again).
   */
  public Result againstMigrations(List<String> heads, List<String> renames) {
    try (ScratchServer.Starting server =
        ScratchServer.inBackground(() -> stages.startScratchServer(config.shadowImage()))) {
      return againstMigrations(heads, renames, server);
    }
  }

  /**
   * What the comparison's replay leaves for the downgrade test, which then needs no replay of its
   * own: the database (at the heads), its catalog at the revisions the test starts from, and how
   * many migrations led from there to the heads.
   */
  public record Replayed(DatabaseUrl url, Schema atStart, int newest, boolean reused) {}

  /** The same on a server the caller starts, and stops when it has used it for more. */
  public Result againstMigrations(
      List<String> heads, List<String> renames, ScratchServer.Starting server) {
    return againstMigrations(heads, renames, server, null, null, null);
  }

  /**
   * The same, pausing the replay at {@code start} to read the catalog there, for the downgrade test
   * that follows on the same database ({@code replayed} is told). With {@code kept}, the server
   * started on an earlier check's replay of these same migrations: when its database is there, at
   * the heads, with every applied migration as it is now, nothing is replayed.
   */
  public Result againstMigrations(
      List<String> heads,
      List<String> renames,
      ScratchServer.Starting server,
      List<String> start,
      KeptReplays.Kept kept,
      Consumer<Replayed> replayed) {
    String image = config.shadowImage();
    return run(
        () -> {
          ScratchServer started = timer().time(ShadowServers.startPhase(image), server::get);
          ScratchReplay replay = new ScratchReplay(config, graph, stages, reporter, started, heads);
          if (kept != null && start != null && replay.reusable()) {
            DatabaseUrl url = replay.url();
            replayed.accept(new Replayed(url, kept.atStart(), kept.newest(), true));
            return url;
          }
          return replay.upgraded(start, replayed);
        },
        image == null ? EmbeddedServer.BUNDLED_MAJOR : null,
        heads,
        renames,
        false,
        true);
  }

  private MigrationRunner runner(RunListener listener) {
    return Replays.runner(config, graph, config.createSchemas(), listener);
  }

  /**
   * @param verifyChecksums whether the applied migrations must be as they were applied (a
   *     configured database; the embedded one has just applied them)
   * @param replayed whether {@code url} is the scratch server's database the migrations were just
   *     replayed in
   */
  private Result run(
      Supplier<DatabaseUrl> database,
      Integer expectedMajor,
      List<String> heads,
      List<String> renameArguments,
      boolean verifyChecksums,
      boolean replayed) {
    CatalogScope scope = Replays.scope(config);
    EntityClasspath classpath = classpath();
    List<String> packages = entityPackages(classpath);
    ExecutorService entityThread =
        Executors.newSingleThreadExecutor(
            r -> {
              Thread thread = new Thread(r, "retort-entities");
              thread.setDaemon(true);
              return thread;
            });
    Map<String, String> hibernate = hibernateSettings(classpath);
    Future<EntityDdl> early =
        expectedMajor == null
            ? null
            : entityThread.submit(
                () ->
                    stages
                        .entityReader()
                        .read(
                            new EntityRequest(
                                classpath, packages, hibernate, expectedMajor, config.schemas())));
    DatabaseUrl url = database.get();
    try (Connection connection = Connections.open(url)) {
      MigrationRunner runner = runner(RunListener.SILENT);
      runner.prepare(connection);
      requireAt(heads, runner.currentHeads(connection));
      if (verifyChecksums) {
        runner.verifyChecksums(connection);
      }
      int major = connection.getMetaData().getDatabaseMajorVersion();
      Canonicalizer canonicalizer =
          stages.canonicalizer(
              url, replayed, config.shadowImage(), scope, major, reporter::warning);
      EntityRequest request =
          new EntityRequest(classpath, packages, hibernate, major, config.schemas());
      Future<EntityDdl> entities =
          expectedMajor != null && expectedMajor == major
              ? early
              : entityThread.submit(() -> stages.entityReader().read(request));
      Schema catalog = timer().time("live catalog", () -> stages.catalog(scope).read(connection));
      EntityDdl ddl = entityDdl(entities, classpath, packages);
      EntityModel model = model(ddl, canonicalizer);
      OtherToolsTables.Left left =
          OtherToolsTables.leaveOut(catalog, model.schema(), scope::isNamedByInclude);
      if (left.describe() != null) {
        reporter.warning(left.describe());
      }
      Schema live = left.live();
      RenameRequests renames = RenameRequests.parse(renameArguments, live, config.defaultSchema());
      MigrationPlan plan =
          timer().time("compare", () -> compare(live, model, renames, major, heads));
      // Compared in PostgreSQL's spelling, written in the mapping's.
      MigrationPlan spelled = ModelSpellings.of(ddl).apply(plan);
      Map<QualifiedName, TableSize> sizes =
          TableSizes.read(connection, OnlinePlanner.tablesTouched(spelled), config.defaultSchema());
      MigrationPlan planned =
          new OnlinePlanner(sizes, config.safety().online(), major).plan(spelled);
      return new Result(planned, live, model, major);
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
   * The entity model alone, canonicalized on {@code url} (or, when it refuses scratch schemas, on
   * the embedded server): read once, then compared with many catalogs by {@link #differences}, as
   * {@code check --tenants} compares it with every tenant's.
   */
  EntityModel entities(DatabaseUrl url) {
    EntityClasspath classpath = classpath();
    List<String> packages = entityPackages(classpath);
    int major;
    try (Connection connection = Connections.open(url)) {
      major = connection.getMetaData().getDatabaseMajorVersion();
    } catch (SQLException e) {
      throw new RetortException(
          ExitCode.DATABASE_UNAVAILABLE,
          "database error while reading its version: " + Connections.firstLine(e),
          "check the connection to " + url.display(),
          e);
    }
    Canonicalizer canonicalizer =
        stages.canonicalizer(
            url, false, config.shadowImage(), Replays.scope(config), major, reporter::warning);
    EntityDdl ddl;
    try {
      ddl = stages.entityReader().read(request(classpath, packages, major));
    } catch (RetortException e) {
      throw pointingOutside(e, classpath, packages);
    }
    reportOn(ddl, classpath, packages);
    return model(ddl, canonicalizer);
  }

  /**
   * What would make {@code catalog} (read in the same scope as the model) what the entities
   * describe: the comparison alone, without the forms a migration would be written in.
   */
  MigrationPlan differences(Schema catalog, EntityModel model, int major, List<String> heads) {
    Schema live =
        OtherToolsTables.leaveOut(catalog, model.schema(), Replays.scope(config)::isNamedByInclude)
            .live();
    return compare(live, model, null, major, heads);
  }

  private MigrationPlan compare(
      Schema live, EntityModel model, RenameRequests renames, int major, List<String> heads) {
    return SchemaComparator.compare(
        new ComparisonInput(
            live, model.schema(), model.provenance(), renames, major, graph.ordinalOrders(heads)));
  }

  private EntityClasspath classpath() {
    return timer()
        .time(
            "classpath",
            () ->
                EntityClasspath.resolve(
                    config.entityClasspath(),
                    config.entitySources(),
                    config.baseDir(),
                    stages.compiler(),
                    stages.maven()));
  }

  private EntityRequest request(EntityClasspath classpath, List<String> packages, int major) {
    return new EntityRequest(
        classpath, packages, hibernateSettings(classpath), major, config.schemas());
  }

  private EntityDdl entityDdl(
      Future<EntityDdl> entities, EntityClasspath classpath, List<String> packages) {
    EntityDdl ddl;
    try {
      ddl = await(entities);
    } catch (RetortException e) {
      throw pointingOutside(e, classpath, packages);
    }
    reportOn(ddl, classpath, packages);
    return ddl;
  }

  /** What a user should know about how the entities were read. */
  private void reportOn(EntityDdl ddl, EntityClasspath classpath, List<String> packages) {
    if (ddl.notice() != null) {
      reporter.notice(ddl.notice());
    }
    if (ddl.readBy() != null) {
      reporter.detail("Entities read by " + ddl.readBy());
    }
    warnAboutOtherSchemas(ddl);
    String outside =
        EntitiesOutside.warning(EntitiesOutside.of(classpath, packages, stages.entityScanner()));
    if (outside != null) {
      reporter.warning(outside);
    }
  }

  private EntityModel model(EntityDdl ddl, Canonicalizer canonicalizer) {
    Schema canonical = timer().time("canonicalize", () -> canonicalizer.canonicalize(ddl));
    return new EntityModel(
        JavaEnumTypes.complete(canonical, ddl.provenance()), ddl.provenance(), ddl.statements());
  }

  /**
   * {@code entities.packages}, or, when it is not set, the packages of the {@code @Entity} classes
   * among the project's own compiled classes: no configuration needed for a project whose entities
   * are its own.
   */
  private List<String> entityPackages(EntityClasspath classpath) {
    if (!config.entityPackages().isEmpty()) {
      return config.entityPackages();
    }
    List<String> found =
        EntitiesOutside.of(classpath, List.of(), stages.entityScanner()).stream()
            .filter(name -> name.contains("."))
            .map(name -> name.substring(0, name.lastIndexOf('.')))
            .distinct()
            .sorted()
            .toList();
    if (found.isEmpty()) {
      return config.requireEntityPackages();
    }
    reporter.detail(
        "entities.packages is not set: the project's @Entity classes are in "
            + String.join(", ", found));
    return found;
  }

  /**
   * The settings the application's Hibernate runs with: its framework's defaults and what its
   * settings files pass, under those of retort.properties.
   */
  private Map<String, String> hibernateSettings(EntityClasspath classpath) {
    MappingSettings settings = Discovery.mapping(config, classpath);
    settings
        .all()
        .forEach(
            (key, sourced) ->
                reporter.detail(
                    "Hibernate setting "
                        + key
                        + "="
                        + MappingSettings.shown(key, sourced.value())
                        + " ("
                        + sourced.source()
                        + ")"));
    return settings.values();
  }

  /**
   * "No @Entity classes in the packages" with the project's entities that are elsewhere: the
   * likeliest cause is a package name that is not theirs.
   */
  private RetortException pointingOutside(
      RetortException e, EntityClasspath classpath, List<String> packages) {
    if (e.exitCode() != ExitCode.INVALID_INPUT
        || !e.getMessage().startsWith("no @Entity classes")) {
      return e;
    }
    List<String> outside = EntitiesOutside.of(classpath, packages, stages.entityScanner());
    if (outside.isEmpty()) {
      return e;
    }
    return new RetortException(
        ExitCode.INVALID_INPUT,
        e.getMessage() + ", but " + EntitiesOutside.warning(outside),
        "set entities.packages to the package(s) of your entities",
        e);
  }

  private void warnAboutOtherSchemas(EntityDdl ddl) {
    List<String> others = ddl.schemas().subList(config.schemas().size(), ddl.schemas().size());
    if (!others.isEmpty()) {
      reporter.warning(
          "entities use schema(s) "
              + String.join(", ", others)
              + " that are not in 'schemas'; their tables are not compared (add them to schemas to"
              + " include them)");
    }
  }

  /**
   * Autogenerating against a database behind (or beside) the migrations would plan the wrong thing.
   */
  private void requireAt(List<String> heads, List<String> current) {
    new RevisionNavigator(graph).requireKnown(current);
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
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
