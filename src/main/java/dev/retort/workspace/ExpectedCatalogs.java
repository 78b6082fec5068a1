package dev.retort.workspace;

import dev.retort.config.DatabaseUrl;
import dev.retort.config.RetortConfig;
import dev.retort.embedded.ScratchServer;
import dev.retort.revision.RevisionGraph;
import dev.retort.runtime.RunListener;
import dev.retort.schema.Schema;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * What the migrations build at the revisions a fleet's tenants record, for {@code drift --tenants}:
 * replayed on one embedded server once per distinct set of heads, however many tenants record it. A
 * fleet is mostly at one revision, so there are a handful of catalogs for any number of tenants.
 * Tenants' turns ask at once: the first to ask for a set of heads builds it, the others wait for
 * that one build.
 */
final class ExpectedCatalogs implements AutoCloseable {

  private final RetortConfig config;
  private final RevisionGraph graph;
  private final Stages stages;
  private final Map<List<String>, FutureTask<Schema>> built = new ConcurrentHashMap<>();
  private ScratchServer server;
  private int databases;

  /**
   * @param config the settings of one tenant (its schemas name the replay's; the default schema is
   *     unnamed in the model, so one replay serves every schema tenant)
   */
  ExpectedCatalogs(RetortConfig config, RevisionGraph graph, Stages stages) {
    this.config = config;
    this.graph = graph;
    this.stages = stages;
  }

  /** What the migrations build at {@code heads}. */
  Schema at(List<String> heads) {
    List<String> key = heads.stream().sorted().toList();
    FutureTask<Schema> task = new FutureTask<>(() -> build(key));
    FutureTask<Schema> existing = built.putIfAbsent(key, task);
    if (existing == null) {
      task.run();
      existing = task;
    }
    try {
      return existing.get();
    } catch (ExecutionException e) {
      // Every tenant at these heads fails the same way, as its own result.
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while replaying the migrations", e);
    }
  }

  private Schema build(List<String> heads) {
    DatabaseUrl database;
    synchronized (this) {
      if (server == null) {
        server = stages.startScratchServer(null);
      }
      database = server.createDatabase("retort_drift_" + databases++);
    }
    // Replays may run side by side (two sets of heads): they say nothing, so no lines interleave.
    return DriftCheck.replay(
        config,
        graph,
        stages.freshCatalog(Replays.scope(config)),
        RunListener.SILENT,
        database,
        heads);
  }

  @Override
  public synchronized void close() {
    if (server != null) {
      server.close();
    }
  }
}
