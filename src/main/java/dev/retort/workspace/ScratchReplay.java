package dev.retort.workspace;

import dev.retort.config.DatabaseUrl;
import dev.retort.config.RetortConfig;
import dev.retort.connect.Connections;
import dev.retort.embedded.ScratchServer;
import dev.retort.error.RetortException;
import dev.retort.postgres.Extensions;
import dev.retort.revision.RevisionGraph;
import dev.retort.runtime.MigrationRunner;
import dev.retort.runtime.RunListener;
import dev.retort.schema.Schema;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.function.Consumer;

/**
 * The migrations replayed to their heads in a database of the scratch server, for a comparison with
 * no database configured; or, on a server started from an earlier check's kept replay (see {@link
 * ReplayReuse}), that replay found as it was.
 */
final class ScratchReplay {

  /** The database the migrations are replayed in on the scratch server. */
  private static final String DATABASE = "retort";

  private final RetortConfig config;
  private final RevisionGraph graph;
  private final Stages stages;
  private final Reporter reporter;
  private final ScratchServer server;
  private final List<String> heads;

  ScratchReplay(
      RetortConfig config,
      RevisionGraph graph,
      Stages stages,
      Reporter reporter,
      ScratchServer server,
      List<String> heads) {
    this.config = config;
    this.graph = graph;
    this.stages = stages;
    this.reporter = reporter;
    this.server = server;
    this.heads = heads;
  }

  DatabaseUrl url() {
    return server.url(DATABASE);
  }

  /**
   * Whether the server's replay database is at the heads with every applied migration as it is now
   * (the recorded checksums); a database that is not is dropped, to be replayed afresh.
   */
  boolean reusable() {
    boolean exists = false;
    try (Connection connection = Connections.open(url())) {
      exists = true;
      MigrationRunner runner = runner(RunListener.SILENT);
      if (new HashSet<>(runner.currentHeads(connection)).equals(new HashSet<>(heads))) {
        runner.verifyChecksums(connection);
        reporter.detail("Reusing the replay of an earlier check of these same migrations");
        return true;
      }
    } catch (SQLException | RetortException e) {
      // No such database (the kept cluster was refused and the server made a fresh one), or
      // not as the migrations are now: replay them.
    }
    if (exists) {
      server.dropDatabase(DATABASE);
    }
    return false;
  }

  /**
   * Replays the migrations to the heads in a new database, pausing at {@code start} (when given) to
   * read the catalog there for the downgrade test, which {@code replayed} is told about.
   */
  DatabaseUrl upgraded(List<String> start, Consumer<ModelComparison.Replayed> replayed) {
    DatabaseUrl url = server.createDatabase(DATABASE);
    if (graph.isEmpty()) {
      return url;
    }
    stages
        .timer()
        .run(
            "upgrade",
            () -> {
              try (Connection connection = Connections.open(url)) {
                MigrationRunner runner = runner(reporter.embedded());
                Schema atStart = null;
                if (start != null) {
                  runner.prepare(connection);
                  for (String head : start) {
                    runner.upgrade(connection, head);
                  }
                  atStart = stages.catalog(Replays.scope(config)).read(connection);
                }
                int newest = 0;
                for (String head : heads) {
                  newest += runner.upgrade(connection, head).steps().size();
                }
                if (start != null) {
                  replayed.accept(new ModelComparison.Replayed(url, atStart, newest, false));
                }
              } catch (SQLException e) {
                throw new IllegalStateException(e);
              } catch (RetortException e) {
                throw Extensions.explainReplay(e, server.describe());
              }
            });
    return url;
  }

  private MigrationRunner runner(RunListener listener) {
    return Replays.runner(config, graph, config.createSchemas(), listener);
  }
}
