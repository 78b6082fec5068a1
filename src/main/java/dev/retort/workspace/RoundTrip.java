package dev.retort.workspace;

import dev.retort.compare.ComparisonInput;
import dev.retort.compare.SchemaComparator;
import dev.retort.config.RetortConfig;
import dev.retort.connect.Connections;
import dev.retort.embedded.ScratchServer;
import dev.retort.error.ExitCode;
import dev.retort.error.RetortException;
import dev.retort.postgres.Extensions;
import dev.retort.revision.RevisionGraph;
import dev.retort.runtime.MigrationRunner;
import dev.retort.schema.Schema;
import dev.retort.shadow.ShadowServers;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * The downgrade test CI should run before a merge: on an embedded server, the migrations from
 * {@code start} are upgraded to the heads, downgraded back, and upgraded again; the catalog after
 * the downgrade must be the one before the upgrade, and the second upgrade must succeed (a
 * downgrade that leaves something behind makes it fail).
 */
public final class RoundTrip {

  /**
   * @param differences what the downgrade left different, as a plan's summaries; empty when it
   *     restored the schema
   * @param remembered whether the pass is an earlier check's, of the very same migrations ({@link
   *     ReplayReuse}), rather than run now
   */
  public record Result(
      List<String> start, List<String> heads, List<String> differences, boolean remembered) {

    Result(List<String> start, List<String> heads, List<String> differences) {
      this(start, heads, differences, false);
    }

    /** The pass of an earlier check of the same migrations. */
    static Result rememberedPass(List<String> start, List<String> heads) {
      return new Result(start, heads, List.of(), true);
    }

    public boolean passed() {
      return differences.isEmpty();
    }

    /** The revisions tested, {@code base -> 3f2a9c1e7b44}. */
    public String range() {
      return (start.isEmpty() ? "base" : String.join(", ", start))
          + " -> "
          + String.join(", ", heads);
    }
  }

  private RoundTrip() {}

  /**
   * On a fresh database of {@code server} (the one the comparison used: starting another costs an
   * initdb): upgraded to {@code start}, read, then tested.
   */
  static Result run(
      RetortConfig config,
      RevisionGraph graph,
      Stages stages,
      Reporter reporter,
      List<String> start,
      ScratchServer server) {
    reporter.progress(
        "Testing the downgrade of the newest migrations (" + server.describe() + ") ...");
    try (Connection connection = Connections.open(server.createDatabase("retort_roundtrip"))) {
      MigrationRunner runner = Replays.runner(config, graph, true, reporter.embedded());
      for (String head : start) {
        runner.upgrade(connection, head);
      }
      runner.prepare(connection);
      Schema before = stages.catalog(Replays.scope(config)).read(connection);
      int steps = runner.upgrade(connection, "heads").steps().size();
      return downgradeAndBack(config, graph, stages, runner, connection, start, before, steps);
    } catch (RetortException e) {
      throw Extensions.explainReplay(e, ShadowServers.describe(config.shadowImage()));
    } catch (SQLException e) {
      throw failed(config, e);
    } finally {
      reporter.endProgress();
    }
  }

  /**
   * On the database the comparison replayed the migrations in (no database configured): it is at
   * the heads already, and its catalog at {@code start} was read on the way, so the test saves a
   * whole replay.
   */
  static Result runOn(
      RetortConfig config,
      RevisionGraph graph,
      Stages stages,
      Reporter reporter,
      List<String> start,
      ModelComparison.Replayed replayed) {
    reporter.progress(
        "Testing the downgrade of the newest migrations ("
            + ShadowServers.describe(config.shadowImage())
            + ") ...");
    try (Connection connection = Connections.open(replayed.url())) {
      MigrationRunner runner = Replays.runner(config, graph, true, reporter.embedded());
      return downgradeAndBack(
          config, graph, stages, runner, connection, start, replayed.atStart(), replayed.newest());
    } catch (RetortException e) {
      throw Extensions.explainReplay(e, ShadowServers.describe(config.shadowImage()));
    } catch (SQLException e) {
      throw failed(config, e);
    } finally {
      reporter.endProgress();
    }
  }

  /**
   * From the heads: the newest {@code steps} migrations downgraded, the catalog compared with
   * {@code before}, and, when it matches, the heads upgraded to again.
   */
  private static Result downgradeAndBack(
      RetortConfig config,
      RevisionGraph graph,
      Stages stages,
      MigrationRunner runner,
      Connection connection,
      List<String> start,
      Schema before,
      int steps)
      throws SQLException {
    List<String> heads = graph.heads();
    try {
      runner.downgrade(connection, "-" + steps);
    } catch (RetortException e) {
      if (e.exitCode() != ExitCode.MIGRATION_FAILED) {
        throw e;
      }
      return new Result(start, heads, List.of("the downgrade failed: " + e.oneLine()));
    }
    Schema after = stages.catalog(Replays.scope(config)).read(connection);
    List<String> differences =
        before.equals(after)
            ? List.of()
            : SchemaComparator.compare(
                    new ComparisonInput(
                        after,
                        before,
                        null,
                        null,
                        connection.getMetaData().getDatabaseMajorVersion()))
                .changes()
                .stream()
                .map(change -> "to be as before it still needs: " + change.summary())
                .toList();
    if (differences.isEmpty()) {
      runner.upgrade(connection, "heads");
    }
    return new Result(start, heads, differences);
  }

  private static RetortException failed(RetortConfig config, SQLException e) {
    return new RetortException(
        ExitCode.DATABASE_UNAVAILABLE,
        ShadowServers.describe(config.shadowImage())
            + " failed during the downgrade test: "
            + Connections.firstLine(e),
        "run with -v for details",
        e);
  }
}
