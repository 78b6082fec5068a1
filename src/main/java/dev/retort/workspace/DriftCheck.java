package dev.retort.workspace;

import dev.retort.catalog.CatalogScope;
import dev.retort.catalog.CatalogSource;
import dev.retort.compare.ComparisonInput;
import dev.retort.compare.MigrationPlan;
import dev.retort.compare.OtherToolsTables;
import dev.retort.compare.SchemaComparator;
import dev.retort.config.DatabaseUrl;
import dev.retort.config.RetortConfig;
import dev.retort.connect.ConnectionSource;
import dev.retort.connect.Connections;
import dev.retort.embedded.ScratchServer;
import dev.retort.error.ExitCode;
import dev.retort.error.RetortException;
import dev.retort.postgres.Extensions;
import dev.retort.revision.RevisionGraph;
import dev.retort.revision.RevisionNavigator;
import dev.retort.runtime.MigrationRunner;
import dev.retort.runtime.RunListener;
import dev.retort.schema.Schema;
import dev.retort.shadow.ShadowServers;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * {@code drift}: the live database against what its own recorded revision builds, the migrations
 * replayed on an embedded server: changes made by hand, by another tool, or by a migration edited
 * after it ran. It only reads the live database, so a read-only role can run it.
 */
public final class DriftCheck {

  /**
   * @param heads the revision(s) the database records
   * @param differences what would make the live database what the migrations build (empty: none)
   */
  public record Report(List<String> heads, MigrationPlan differences, String otherTools) {}

  private final RetortConfig config;
  private final RevisionGraph graph;
  private final Stages stages;
  private final Reporter reporter;

  DriftCheck(RetortConfig config, RevisionGraph graph, Stages stages, Reporter reporter) {
    this.config = config;
    this.graph = graph;
    this.stages = stages;
    this.reporter = reporter;
  }

  Report run(ConnectionSource database) {
    CatalogScope scope = Replays.scope(config);
    List<String> heads;
    Schema live;
    int major;
    try (Connection connection = database.open()) {
      // Reading never creates a schema: the live database stays as it is.
      MigrationRunner reader = runner(false);
      reader.prepare(connection);
      heads = reader.currentHeads(connection);
      new RevisionNavigator(graph).requireKnown(heads);
      live = stages.catalog(scope).read(connection);
      major = connection.getMetaData().getDatabaseMajorVersion();
    } catch (SQLException e) {
      throw new RetortException(
          ExitCode.DATABASE_UNAVAILABLE,
          "database error while reading it: " + Connections.firstLine(e),
          "check the connection to " + database.describe(),
          e);
    }
    reporter.progress(
        "Replaying the migrations to "
            + describe(heads)
            + " ("
            + ShadowServers.describe(config.shadowImage())
            + ") ...");
    Schema built;
    try (ScratchServer server = stages.startScratchServer(config.shadowImage())) {
      built =
          replay(
              config,
              graph,
              stages.catalog(scope),
              reporter.embedded(),
              server.createDatabase("retort_drift"),
              heads);
    } finally {
      reporter.endProgress();
    }
    return compare(live, built, scope, major, graph, heads);
  }

  /**
   * What the migrations build at {@code heads}: replayed on {@code embedded}, an empty database of
   * an embedded server, and read through {@code catalog}.
   */
  static Schema replay(
      RetortConfig config,
      RevisionGraph graph,
      CatalogSource catalog,
      RunListener listener,
      DatabaseUrl embedded,
      List<String> heads) {
    try (Connection connection = Connections.open(embedded)) {
      MigrationRunner runner = Replays.runner(config, graph, true, listener);
      for (String head : heads) {
        runner.upgrade(connection, head);
      }
      if (heads.isEmpty()) {
        runner.prepare(connection);
      }
      return catalog.read(connection);
    } catch (RetortException e) {
      throw Extensions.explainReplay(e, ShadowServers.describe(config.shadowImage()));
    } catch (SQLException e) {
      throw new RetortException(
          ExitCode.DATABASE_UNAVAILABLE,
          ShadowServers.describe(config.shadowImage())
              + " failed while replaying the migrations: "
              + Connections.firstLine(e),
          "run with -v for details",
          e);
    }
  }

  /** A live catalog against what the migrations build at the revision it records. */
  static Report compare(
      Schema live,
      Schema built,
      CatalogScope scope,
      int major,
      RevisionGraph graph,
      List<String> heads) {
    OtherToolsTables.Left left = OtherToolsTables.leaveOut(live, built, scope::isNamedByInclude);
    MigrationPlan differences =
        SchemaComparator.compare(
            new ComparisonInput(left.live(), built, null, null, major, graph.ordinalOrders(heads)));
    return new Report(heads, differences, left.describe());
  }

  private MigrationRunner runner(boolean createSchemas) {
    return Replays.runner(config, graph, createSchemas, reporter.embedded());
  }

  public static String describe(List<String> heads) {
    return heads.isEmpty() ? "base" : String.join(", ", heads);
  }
}
