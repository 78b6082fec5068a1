package dev.retort.workspace;

import dev.retort.catalog.CatalogScope;
import dev.retort.compare.ComparisonInput;
import dev.retort.compare.MigrationPlan;
import dev.retort.compare.SchemaComparator;
import dev.retort.config.RetortConfig;
import dev.retort.connect.ConnectionSource;
import dev.retort.connect.Connections;
import dev.retort.embedded.ScratchServer;
import dev.retort.error.ExitCode;
import dev.retort.error.RetortException;
import dev.retort.postgres.Extensions;
import dev.retort.revision.MigrationScript;
import dev.retort.revision.RevisionGraph;
import dev.retort.runtime.MigrationRunner;
import dev.retort.schema.Schema;
import dev.retort.shadow.ShadowServers;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code stamp --detect}: which revision a database built some other way is at. The migrations are
 * replayed on an embedded server one at a time; after each, the live catalog is compared with the
 * replayed one. The revisions where nothing differs match; otherwise the one with the fewest
 * differences is the closest. Nothing is written to the live database.
 */
public final class StampDetection {

  /**
   * Where the database stands: the heads of the last exact match (those before it with the same
   * schema listed too), or, with none, of the closest state and what still differs there.
   *
   * @param matches every state that matches exactly, each as its heads, oldest first
   * @param closest the proposed heads: the newest exact match, or the closest state
   * @param differences what would make the live database the closest state (empty for a match)
   */
  public record Detected(
      List<List<String>> matches, List<String> closest, MigrationPlan differences) {

    public boolean exact() {
      return !matches.isEmpty();
    }
  }

  private final RetortConfig config;
  private final RevisionGraph graph;
  private final Stages stages;
  private final Reporter reporter;

  StampDetection(RetortConfig config, RevisionGraph graph, Stages stages, Reporter reporter) {
    this.config = config;
    this.graph = graph;
    this.stages = stages;
    this.reporter = reporter;
  }

  Detected run(ConnectionSource database) {
    CatalogScope scope = Replays.scope(config);
    LiveCatalog live = LiveCatalog.read(config, graph, stages, reporter, database);
    int major = live.serverMajor();
    reporter.progress(
        "Replaying "
            + graph.inOrder().size()
            + " revisions ("
            + ShadowServers.describe(config.shadowImage())
            + ") ...");
    try (ScratchServer server = stages.startScratchServer(config.shadowImage());
        Connection embedded = Connections.open(server.createDatabase("retort_detect"))) {
      MigrationRunner runner = Replays.runner(config, graph, true, reporter.embedded());
      runner.prepare(embedded);
      List<List<String>> matches = new ArrayList<>();
      List<String> closest = List.of();
      MigrationPlan fewest = compare(live, stages.catalog(scope).read(embedded), major, closest);
      if (fewest.isEmpty()) {
        matches.add(closest);
      }
      Set<String> applied = new HashSet<>();
      for (MigrationScript script : graph.inOrder()) {
        runner.upgrade(embedded, script.id());
        applied.add(script.id());
        List<String> heads = graph.headsOf(applied);
        MigrationPlan differences =
            compare(live, stages.catalog(scope).read(embedded), major, heads);
        if (differences.isEmpty()) {
          matches.add(heads);
        }
        // Ties go to the newer state: a later migration that only adds data keeps the schema.
        if (differences.changes().size() <= fewest.changes().size()) {
          fewest = differences;
          closest = heads;
        }
      }
      // The newest match has no differences and nothing after it has none: it is the closest.
      return new Detected(matches, closest, fewest);
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
    } finally {
      reporter.endProgress();
    }
  }

  private MigrationPlan compare(LiveCatalog live, Schema built, int major, List<String> heads) {
    return SchemaComparator.compare(
        new ComparisonInput(
            live.withoutOtherTools(built, config),
            built,
            null,
            null,
            major,
            graph.ordinalOrders(heads)));
  }
}
