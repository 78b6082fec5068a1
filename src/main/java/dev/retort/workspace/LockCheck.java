package dev.retort.workspace;

import dev.retort.config.DatabaseUrl;
import dev.retort.config.RetortConfig;
import dev.retort.connect.Connections;
import dev.retort.embedded.ScratchServer;
import dev.retort.error.ExitCode;
import dev.retort.error.RetortException;
import dev.retort.measure.LockBudget;
import dev.retort.measure.LockRecorder;
import dev.retort.measure.TableSeeder;
import dev.retort.postgres.Extensions;
import dev.retort.revision.RevisionGraph;
import dev.retort.runtime.MigrationRunner;
import dev.retort.runtime.RunListener;
import dev.retort.shadow.ShadowServers;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;

/**
 * {@code check --locks}: the pending migrations run on an embedded PostgreSQL whose tables were
 * filled with rows first, statement by statement, with the locks each takes and the tables it
 * rewrites recorded. Measured, not guessed: what PostgreSQL really locked for this server version.
 */
public final class LockCheck {

  /** What was measured, how the tables were filled, and the budget it is judged by. */
  public record Report(
      List<LockRecorder.Measured> statements,
      List<TableSeeder.Seeded> seeded,
      LockBudget budget,
      int serverMajor,
      List<String> startHeads) {

    public List<String> violations(LockRecorder.Measured statement) {
      return budget.violations(statement);
    }

    public long overBudget() {
      return statements.stream().filter(s -> !violations(s).isEmpty()).count();
    }
  }

  private final RetortConfig config;
  private final RevisionGraph graph;
  private final Stages stages;

  LockCheck(RetortConfig config, RevisionGraph graph, Stages stages) {
    this.config = config;
    this.graph = graph;
    this.stages = stages;
  }

  /**
   * The migrations the configured database has not applied (with none, the newest: those after the
   * heads' parents), measured.
   */
  Report measure(Workspace workspace, Reporter reporter, Duration budget, long rows) {
    List<String> start = workspace.pendingStart();
    reporter.progress(
        "Measuring the locks of the pending migrations ("
            + ShadowServers.describe(config.shadowImage())
            + ") ...");
    try {
      return run(start, budget, rows);
    } finally {
      reporter.endProgress();
    }
  }

  /**
   * @param startHeads where the pending migrations start: the configured database's heads, or (with
   *     none) the heads' parents, so the newest migrations are the ones measured
   */
  Report run(List<String> startHeads, Duration budget, long rows) {
    try (ScratchServer server = stages.startScratchServer(config.shadowImage())) {
      DatabaseUrl url = server.createDatabase("retort_locks");
      try (Connection connection = Connections.open(url);
          Connection sampler = Connections.open(url)) {
        MigrationRunner runner =
            Replays.runner(config, graph, config.createSchemas(), RunListener.SILENT);
        for (String head : startHeads) {
          runner.upgrade(connection, head);
        }
        List<TableSeeder.Seeded> seeded =
            TableSeeder.seed(connection, config.schemas(), config.bookkeepingTables(), rows);
        LockRecorder recorder = LockRecorder.start(connection, sampler);
        runner.observedBy(recorder).upgrade(connection, "heads");
        return new Report(
            recorder.measured(), seeded, new LockBudget(budget), major(connection), startHeads);
      }
    } catch (RetortException e) {
      throw Extensions.explainReplay(e, ShadowServers.describe(config.shadowImage()));
    } catch (SQLException e) {
      throw new RetortException(
          ExitCode.DATABASE_UNAVAILABLE,
          ShadowServers.describe(config.shadowImage())
              + " failed while measuring locks: "
              + Connections.firstLine(e),
          "run with -v for details",
          e);
    }
  }

  private static int major(Connection connection) throws SQLException {
    return connection.getMetaData().getDatabaseMajorVersion();
  }
}
